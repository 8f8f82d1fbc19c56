package org.dendrite.md.potential.pair;

import org.dendrite.md.potential.PairEvaluator;
import org.dendrite.md.potential.StyleParams;

/**
 * Morse pair potential as LAMMPS {@code pair_style morse}:
 * V(r) = D0·[e^{−2α(r−r0)} − 2e^{−α(r−r0)}]. Units: D0 in eV, α in 1/Å, r0 in Å.
 */
public final class Morse implements PairEvaluator {
    private final double d0;
    private final double alpha;
    private final double r0;
    private final double cutoff;

    public Morse(double d0, double alpha, double r0, double cutoff) {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("morse: cutoff must be positive, got " + cutoff);
        }
        this.d0 = d0;
        this.alpha = alpha;
        this.r0 = r0;
        this.cutoff = cutoff;
    }

    /** Force-field file entry: D0 (eV), alpha (1/Å), r0 (Å), cutoff (Å). */
    public static Morse fromParams(StyleParams p) {
        return new Morse(p.requireDouble("D0"), p.requireDouble("alpha"), p.requireDouble("r0"),
                p.requirePositive("cutoff"));
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public double energy(double rsq) {
        double e = Math.exp(-alpha * (Math.sqrt(rsq) - r0));
        return d0 * (e * e - 2.0 * e);
    }

    @Override
    public double forceOverR(double rsq) {
        double r = Math.sqrt(rsq);
        double e = Math.exp(-alpha * (r - r0));
        // −V'/r = 2αD0·(e^{−2α(r−r0)} − e^{−α(r−r0)})/r
        return 2.0 * alpha * d0 * (e * e - e) / r;
    }
}
