package org.dendrite.md.potential;

import org.dendrite.md.Atoms;
import org.dendrite.md.neighbor.HaloExchange;
import org.dendrite.md.neighbor.NeighborList;

/**
 * A many-body term (EAM and, later, machine-learned potentials) that runs its own passes over the
 * shared half neighbour list. It accumulates forces into {@code f} for local and ghost indices (the
 * engine folds ghost forces back onto their owners and computes the virial as Σ r·f over local and
 * ghost atoms, as LAMMPS' virial_fdotr does), and uses {@code halo} to copy per-atom intermediates
 * such as the EAM embedding derivative from owners to ghosts.
 */
public interface ManyBodyTerm {
    /** Cut-off radius, Å. */
    double cutoff();

    /**
     * Adds this term's forces to {@code f} (3 per atom, local and ghost) and returns its energy
     * (eV) over local atoms. Called from one thread; may use its own parallelism internally.
     */
    double compute(Atoms atoms, NeighborList list, HaloExchange halo, double[] f);
}
