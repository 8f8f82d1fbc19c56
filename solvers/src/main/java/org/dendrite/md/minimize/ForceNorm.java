package org.dendrite.md.minimize;

/** How the force vector is reduced to one number for the convergence test (LAMMPS min_modify norm). */
public enum ForceNorm {
    /** Euclidean norm of the whole 3N vector (LAMMPS default). */
    TWO,
    /** Largest force magnitude on any atom. */
    MAX,
    /** Largest force component. */
    INF
}
