package org.dendrite.md.potential;

/**
 * A pair evaluator with its energy at the cut-off subtracted (LAMMPS pair_modify shift), used when
 * it is summed with another evaluator of a different cut-off (hybrid/overlay): each sub-style's
 * offset then applies only inside its own cut-off, as in LAMMPS, not inside the sum's larger one.
 */
final class ShiftedPair implements PairEvaluator {
    private final PairEvaluator inner;
    private final double offset;

    ShiftedPair(PairEvaluator inner, double offset) {
        this.inner = inner;
        this.offset = offset;
    }

    @Override
    public double cutoff() {
        return inner.cutoff();
    }

    @Override
    public double energy(double rsq) {
        return inner.energy(rsq) - offset;
    }

    @Override
    public double forceOverR(double rsq) {
        return inner.forceOverR(rsq);
    }
}
