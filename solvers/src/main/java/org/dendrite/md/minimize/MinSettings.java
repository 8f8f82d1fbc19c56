package org.dendrite.md.minimize;

/**
 * Stopping criteria and step limits shared by the minimisers (LAMMPS {@code minimize etol ftol
 * maxiter maxeval} and {@code min_modify dmax norm}).
 *
 * @param energyTolerance relative energy change between iterations below which to stop (0: off)
 * @param forceTolerance  force norm (eV/Å) below which to stop
 * @param maxIterations   iteration limit
 * @param maxEvaluations  force-evaluation limit
 * @param norm            how the force vector is reduced for the test
 * @param dmax            largest displacement of any coordinate in one step, Å
 * @param timestepPs      FIRE's initial time step, ps
 */
record MinSettings(double energyTolerance, double forceTolerance, long maxIterations, long maxEvaluations,
                   ForceNorm norm, double dmax, double timestepPs) {
    /** LAMMPS EPS_ENERGY: guards the relative energy test near zero energy. */
    static final double EPS_ENERGY = 1.0e-8;

    boolean energyConverged(double ecurrent, double eprevious) {
        return energyTolerance > 0
                && Math.abs(ecurrent - eprevious) < energyTolerance * 0.5 * (Math.abs(ecurrent) + Math.abs(eprevious) + EPS_ENERGY);
    }
}
