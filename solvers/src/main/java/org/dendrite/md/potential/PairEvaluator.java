package org.dendrite.md.potential;

/**
 * A short-range pair potential V(r) between two species, evaluated at r² (HOOMD's evaluator idea):
 * the shared neighbour loop in {@link org.dendrite.md.engine.ForceEngine} handles cut-offs,
 * energy shifts, Newton's third law, ghosts, virial and threads, so a style is only its formula.
 *
 * <p>Implementations must be stateless and thread-safe (the loop calls them from several threads),
 * allocation-free, and consistent: {@code forceOverR(r²) = -V'(r)/r} exactly, checked by the
 * finite-difference contract test every style inherits.
 */
public interface PairEvaluator {
    /** Cut-off radius, Å. Pairs at r ≥ cutoff do not interact. */
    double cutoff();

    /** V(r) at r² (unshifted), eV. */
    double energy(double rsq);

    /** −V'(r)/r at r², eV/Å²; the force on atom i from j is forceOverR·(r_i − r_j). */
    double forceOverR(double rsq);
}
