package org.dendrite.md.potential;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;

/**
 * A term computed from the whole periodic system rather than from neighbour pairs, e.g. the
 * reciprocal-space part of an Ewald sum. It works on local atoms only and reports its virial
 * explicitly, since ghost images play no part in it.
 */
public interface GlobalTerm {
    /**
     * Adds forces on local atoms to {@code f}, adds this term's virial W_ab (eV, row-major 3×3) to
     * {@code virial}, and returns its energy, eV.
     */
    double compute(Atoms atoms, Box box, double[] f, double[] virial);
}
