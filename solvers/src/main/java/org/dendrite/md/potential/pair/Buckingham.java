package org.dendrite.md.potential.pair;

import org.dendrite.md.potential.PairEvaluator;
import org.dendrite.md.potential.StyleParams;

/**
 * Buckingham pair potential V(r) = A·exp(−r/ρ) − C/r⁶ (LAMMPS {@code pair_style buck}), with an
 * optional short-range core V(r) = B/rⁿ + D·r² for r &lt; r0 that replaces the Buckingham
 * catastrophe (the Du/Teter form, shared/notes/forcefields.md §1.1; B, n, D are chosen by the
 * force-field authors so that V, V′ and V″ join at r0). Units: A, B·r⁻ⁿ, D·r² in eV; ρ, r0 in Å;
 * C in eV·Å⁶.
 */
public final class Buckingham implements PairEvaluator {
    private final double a;
    private final double rho;
    // Reciprocals so the hot path multiplies instead of divides (same values as a/ρ and 1/ρ).
    private final double invRho;
    private final double aOverRho;
    private final double c;
    private final double cutoff;
    private final boolean hasCore;
    private final double r0sq;
    private final double b;
    private final double n;
    private final double d;

    /** Plain Buckingham, no core. */
    public Buckingham(double a, double rho, double c, double cutoff) {
        this(a, rho, c, cutoff, Double.NaN, 0, 0, 0);
    }

    /**
     * Buckingham with the core B/rⁿ + D·r² below r0 (pass r0 = NaN for none).
     *
     * @param a A, eV
     * @param rho ρ, Å
     * @param c C, eV·Å⁶
     * @param cutoff cut-off, Å
     * @param r0 core radius, Å
     * @param b B, eV·Åⁿ
     * @param n exponent n (dimensionless)
     * @param d D, eV/Å²
     */
    public Buckingham(double a, double rho, double c, double cutoff, double r0, double b, double n, double d) {
        if (!(rho > 0)) {
            throw new IllegalArgumentException("buckingham: rho must be positive, got " + rho);
        }
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("buckingham: cutoff must be positive, got " + cutoff);
        }
        this.a = a;
        this.rho = rho;
        this.invRho = 1.0 / rho;
        this.aOverRho = a / rho;
        this.c = c;
        this.cutoff = cutoff;
        this.hasCore = !Double.isNaN(r0);
        if (hasCore && !(r0 > 0)) {
            throw new IllegalArgumentException("buckingham core: r0 must be positive, got " + r0);
        }
        this.r0sq = hasCore ? r0 * r0 : 0;
        this.b = b;
        this.n = n;
        this.d = d;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public double energy(double rsq) {
        if (rsq < r0sq) {
            // B/r^n = B·(r²)^(−n/2)
            return b * Math.pow(rsq, -0.5 * n) + d * rsq;
        }
        double r = Math.sqrt(rsq);
        double r6inv = 1.0 / (rsq * rsq * rsq);
        return a * Math.exp(-r * invRho) - c * r6inv;
    }

    @Override
    public double forceOverR(double rsq) {
        if (rsq < r0sq) {
            // −V'/r = n·B·r^(−n−2) − 2D
            return n * b * Math.pow(rsq, -0.5 * n - 1.0) - 2.0 * d;
        }
        double r2inv = 1.0 / rsq;
        double r = rsq * Math.sqrt(r2inv);
        double rinv = r * r2inv;
        double r6inv = r2inv * r2inv * r2inv;
        // −V'/r = (A/ρ)·e^{−r/ρ}/r − 6C/r⁸
        return aOverRho * Math.exp(-r * invRho) * rinv - 6.0 * c * r6inv * r2inv;
    }

    /** Force-field file entry: A (eV), rho (Å), C (eV·Å⁶), cutoff (Å), optional core {r0 (Å), B (eV·Åⁿ), n, D (eV/Å²)}. */
    public static Buckingham fromParams(StyleParams p) {
        double a = p.requireDouble("A");
        double rho = p.requirePositive("rho");
        double c = p.requireDouble("C");
        double cutoff = p.requirePositive("cutoff");
        StyleParams core = p.optionalMap("core");
        if (core == null) {
            return new Buckingham(a, rho, c, cutoff);
        }
        double r0 = core.requirePositive("r0");
        double b = core.requireDouble("B");
        double n = core.requireDouble("n");
        double d = core.requireDouble("D");
        core.finish();
        if (r0 >= cutoff) {
            throw core.error("r0", "must be below the cutoff " + cutoff + " Å, got " + r0);
        }
        return new Buckingham(a, rho, c, cutoff, r0, b, n, d);
    }

    public boolean hasCore() {
        return hasCore;
    }

    /** Core radius r0, Å (0 without core). */
    public double coreRadius() {
        return Math.sqrt(r0sq);
    }
}
