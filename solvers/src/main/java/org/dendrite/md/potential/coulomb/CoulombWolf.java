package org.dendrite.md.potential.coulomb;

import org.dendrite.md.Units;
import org.dendrite.md.potential.CoulombKernel;
import org.dendrite.md.potential.StyleParams;

/**
 * Wolf summation (D. Wolf et al., J. Chem. Phys. 110, 8254 (1999)) exactly as LAMMPS
 * {@code pair_style coul/wolf α r_c} computes it:
 * <pre>
 *   E_ij   = k q_i q_j [erfc(αr)/r − erfc(αr_c)/r_c]                      (energy-shifted)
 *   F_ij   = k q_i q_j [erfc(αr)/r² + 2α/√π·e^{−α²r²}/r − (same at r_c)]   (force-shifted)
 *   E_self = −(erfc(αr_c)/(2r_c) + α/√π) k q_i²
 * </pre>
 * Known property of the LAMMPS style, kept for parity: the force is shifted but the energy is not,
 * so F = −dE/dr + k q_i q_j·f_shift with the constant f_shift = −(erfc(αr_c)/r_c² +
 * 2α/√π·e^{−α²r_c²}/r_c); energy is therefore not exactly conserved in NVE. Use {@code dsf} (the
 * consistent damped shifted force) for dynamics. erfc is Cody's (LAMMPS uses the C library's here).
 * Units: α in 1/Å, r_c in Å.
 */
public final class CoulombWolf implements CoulombKernel {
    private static final double TWO_OVER_SQRT_PI = 2.0 * Erfc.INV_SQRT_PI;

    private final double alpha;
    private final double alphaSq;
    private final double cutoff;
    private final double eShift;
    private final double fShift;

    public CoulombWolf(double alpha, double cutoff) {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("coulomb wolf: alpha must be >= 0, got " + alpha);
        }
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("coulomb wolf: cutoff must be positive, got " + cutoff);
        }
        this.alpha = alpha;
        this.alphaSq = alpha * alpha;
        this.cutoff = cutoff;
        this.eShift = Erfc.erfc(alpha * cutoff) / cutoff;
        this.fShift = -(eShift + TWO_OVER_SQRT_PI * alpha * Math.exp(-alphaSq * cutoff * cutoff)) / cutoff;
    }

    /** Force-field file entry: alpha (1/Å), cutoff (Å). */
    public static CoulombWolf fromParams(StyleParams p) {
        double alpha = p.requireDouble("alpha");
        if (alpha < 0) {
            throw p.error("alpha", "must be >= 0, got " + alpha);
        }
        return new CoulombWolf(alpha, p.requirePositive("cutoff"));
    }

    /** The constant force shift f_shift, 1/Å² (see class comment). */
    public double forceShift() {
        return fShift;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public double energyPerQQ(double rsq) {
        double r = Math.sqrt(rsq);
        double ex = Math.exp(-alphaSq * rsq);
        return Units.COULOMB_EV_A * (Erfc.erfcGivenExp(alpha * r, ex) / r - eShift);
    }

    @Override
    public double forceOverRPerQQ(double rsq) {
        double r = Math.sqrt(rsq);
        double ex = Math.exp(-alphaSq * rsq);
        double erfcc = Erfc.erfcGivenExp(alpha * r, ex);
        return Units.COULOMB_EV_A * (erfcc / rsq + TWO_OVER_SQRT_PI * alpha * ex / r + fShift) / r;
    }

    @Override
    public double selfEnergy(double q) {
        return -(0.5 * eShift + alpha * Erfc.INV_SQRT_PI) * q * q * Units.COULOMB_EV_A;
    }
}
