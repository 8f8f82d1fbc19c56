package org.dendrite.md.potential;

/**
 * Two pair evaluators acting on the same type pair (LAMMPS hybrid/overlay). Each keeps its own
 * cut-off; the sum's cut-off is the larger one.
 */
final class SumPair implements PairEvaluator {
    private final PairEvaluator a;
    private final PairEvaluator b;
    private final double cutsqA;
    private final double cutsqB;

    private SumPair(PairEvaluator a, PairEvaluator b) {
        this.a = a;
        this.b = b;
        this.cutsqA = a.cutoff() * a.cutoff();
        this.cutsqB = b.cutoff() * b.cutoff();
    }

    static PairEvaluator of(PairEvaluator a, PairEvaluator b) {
        return new SumPair(a, b);
    }

    @Override
    public double cutoff() {
        return Math.max(a.cutoff(), b.cutoff());
    }

    @Override
    public double energy(double rsq) {
        return (rsq < cutsqA ? a.energy(rsq) : 0.0) + (rsq < cutsqB ? b.energy(rsq) : 0.0);
    }

    @Override
    public double forceOverR(double rsq) {
        return (rsq < cutsqA ? a.forceOverR(rsq) : 0.0) + (rsq < cutsqB ? b.forceOverR(rsq) : 0.0);
    }
}
