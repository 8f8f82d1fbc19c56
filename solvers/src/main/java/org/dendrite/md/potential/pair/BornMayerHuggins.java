package org.dendrite.md.potential.pair;

import org.dendrite.md.potential.PairEvaluator;
import org.dendrite.md.potential.StyleParams;

/**
 * Born–Mayer–Huggins pair potential as LAMMPS {@code pair_style born}:
 * V(r) = A·exp((σ − r)/ρ) − C/r⁶ + D/r⁸. Units: A in eV, ρ and σ in Å, C in eV·Å⁶, D in eV·Å⁸.
 */
public final class BornMayerHuggins implements PairEvaluator {
    private final double a;
    private final double rho;
    private final double sigma;
    private final double c;
    private final double d;
    private final double cutoff;

    public BornMayerHuggins(double a, double rho, double sigma, double c, double d, double cutoff) {
        if (!(rho > 0)) {
            throw new IllegalArgumentException("born-mayer-huggins: rho must be positive, got " + rho);
        }
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("born-mayer-huggins: cutoff must be positive, got " + cutoff);
        }
        this.a = a;
        this.rho = rho;
        this.sigma = sigma;
        this.c = c;
        this.d = d;
        this.cutoff = cutoff;
    }

    /** Force-field file entry: A (eV), rho (Å), sigma (Å), C (eV·Å⁶), D (eV·Å⁸), cutoff (Å). */
    public static BornMayerHuggins fromParams(StyleParams p) {
        return new BornMayerHuggins(p.requireDouble("A"), p.requirePositive("rho"), p.requireDouble("sigma"),
                p.requireDouble("C"), p.requireDouble("D"), p.requirePositive("cutoff"));
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public double energy(double rsq) {
        double r = Math.sqrt(rsq);
        double r2inv = 1.0 / rsq;
        double r6inv = r2inv * r2inv * r2inv;
        return a * Math.exp((sigma - r) / rho) - c * r6inv + d * r6inv * r2inv;
    }

    @Override
    public double forceOverR(double rsq) {
        double r = Math.sqrt(rsq);
        double r2inv = 1.0 / rsq;
        double r6inv = r2inv * r2inv * r2inv;
        // −V'/r = (A/ρ)·e^{(σ−r)/ρ}/r − 6C/r⁸ + 8D/r¹⁰
        return a / rho * Math.exp((sigma - r) / rho) / r - 6.0 * c * r6inv * r2inv + 8.0 * d * r6inv * r2inv * r2inv;
    }
}
