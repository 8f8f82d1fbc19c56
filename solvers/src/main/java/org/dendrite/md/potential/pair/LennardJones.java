package org.dendrite.md.potential.pair;

import org.dendrite.md.potential.PairEvaluator;
import org.dendrite.md.potential.StyleParams;

/**
 * 12–6 Lennard-Jones pair potential as LAMMPS {@code pair_style lj/cut}:
 * V(r) = 4ε[(σ/r)¹² − (σ/r)⁶]. Units: ε in eV, σ in Å.
 */
public final class LennardJones implements PairEvaluator {
    private final double lj12;
    private final double lj6;
    private final double cutoff;

    public LennardJones(double epsilon, double sigma, double cutoff) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("lennard-jones: sigma must be positive, got " + sigma);
        }
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("lennard-jones: cutoff must be positive, got " + cutoff);
        }
        double s6 = Math.pow(sigma, 6);
        this.lj12 = 4.0 * epsilon * s6 * s6;
        this.lj6 = 4.0 * epsilon * s6;
        this.cutoff = cutoff;
    }

    /** Force-field file entry: epsilon (eV), sigma (Å), cutoff (Å). */
    public static LennardJones fromParams(StyleParams p) {
        return new LennardJones(p.requireDouble("epsilon"), p.requirePositive("sigma"), p.requirePositive("cutoff"));
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public double energy(double rsq) {
        double r6inv = 1.0 / (rsq * rsq * rsq);
        return r6inv * (lj12 * r6inv - lj6);
    }

    @Override
    public double forceOverR(double rsq) {
        double r2inv = 1.0 / rsq;
        double r6inv = r2inv * r2inv * r2inv;
        // −V'/r = (12·4εσ¹²/r¹² − 6·4εσ⁶/r⁶)/r²
        return r6inv * (12.0 * lj12 * r6inv - 6.0 * lj6) * r2inv;
    }
}
