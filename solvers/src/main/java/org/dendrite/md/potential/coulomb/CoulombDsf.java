package org.dendrite.md.potential.coulomb;

import org.dendrite.md.Units;
import org.dendrite.md.potential.CoulombKernel;
import org.dendrite.md.potential.StyleParams;

/**
 * Damped shifted-force Coulomb of Fennell &amp; Gezelter, J. Chem. Phys. 124, 234104 (2006), eq. 19,
 * as LAMMPS {@code pair_style coul/dsf α r_c}:
 * <pre>
 *   E_ij = k q_i q_j [erfc(αr)/r − erfc(αr_c)/r_c + (erfc(αr_c)/r_c² + 2α/√π·e^{−α²r_c²}/r_c)(r − r_c)]
 *   E_self,i = −(erfc(αr_c)/(2r_c) + α/√π) k q_i²
 * </pre>
 * Energy and force both go to zero at r_c and the force is −dE/dr exactly. LAMMPS writes the
 * shift terms as e_shift = erfc(αr_c)/r_c − f_shift·r_c and f_shift = −(erfc(αr_c)/r_c² +
 * 2α/√π·e^{−α²r_c²}/r_c); its self term −(e_shift/2 + α/√π)k q² is the same number.
 * Units: α in 1/Å, r_c in Å.
 */
public final class CoulombDsf implements CoulombKernel {
    private static final double TWO_OVER_SQRT_PI = 2.0 * Erfc.INV_SQRT_PI;

    private final double alpha;
    private final double alphaSq;
    private final double twoAlphaOverSqrtPi;
    private final double cutoff;
    private final double eShift;
    private final double fShift;
    private final ErfcMode erfcMode;

    public CoulombDsf(double alpha, double cutoff, ErfcMode erfcMode) {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("coulomb dsf: alpha must be >= 0, got " + alpha);
        }
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("coulomb dsf: cutoff must be positive, got " + cutoff);
        }
        this.alpha = alpha;
        this.alphaSq = alpha * alpha;
        this.twoAlphaOverSqrtPi = TWO_OVER_SQRT_PI * alpha;
        this.cutoff = cutoff;
        this.erfcMode = erfcMode;
        // LAMMPS computes the shifts with the library erfc also when the pair loop uses the polynomial.
        double erfcc = Erfc.erfc(alpha * cutoff);
        double erfcd = Math.exp(-alphaSq * cutoff * cutoff);
        this.fShift = -(erfcc / (cutoff * cutoff) + TWO_OVER_SQRT_PI * alpha * erfcd / cutoff);
        this.eShift = erfcc / cutoff - fShift * cutoff;
    }

    /** Force-field file entry: alpha (1/Å), cutoff (Å), optional erfc (exact | lammps-polynomial). */
    public static CoulombDsf fromParams(StyleParams p) {
        double alpha = p.requireDouble("alpha");
        if (alpha < 0) {
            throw p.error("alpha", "must be >= 0, got " + alpha);
        }
        return new CoulombDsf(alpha, p.requirePositive("cutoff"), erfcMode(p));
    }

    static ErfcMode erfcMode(StyleParams p) {
        String s = p.optionalString("erfc", "exact");
        try {
            return ErfcMode.parse(s);
        } catch (IllegalArgumentException ex) {
            throw p.error("erfc", "must be exact or lammps-polynomial, got '" + s + "'");
        }
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public double energyPerQQ(double rsq) {
        double r = Math.sqrt(rsq);
        double ex = Math.exp(-alphaSq * rsq);
        double erfcc = erfcMode.erfc(alpha * r, ex);
        return Units.COULOMB_EV_A * (erfcc / r - eShift - r * fShift);
    }

    @Override
    public double forceOverRPerQQ(double rsq) {
        double r = Math.sqrt(rsq);
        double r2inv = 1.0 / rsq;
        double ex = Math.exp(-alphaSq * rsq);
        double erfcc = erfcMode.erfc(alpha * r, ex);
        return (erfcc * r * r2inv + twoAlphaOverSqrtPi * ex + r * fShift) * (Units.COULOMB_EV_A * r2inv);
    }

    @Override
    public double selfEnergy(double q) {
        return -(0.5 * eShift + alpha * Erfc.INV_SQRT_PI) * q * q * Units.COULOMB_EV_A;
    }
}
