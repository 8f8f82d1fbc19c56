package org.dendrite.md.potential.coulomb;

import org.dendrite.md.Units;
import org.dendrite.md.potential.CoulombKernel;

/**
 * Real-space part of the Ewald sum (LAMMPS {@code pair_style coul/long} with {@code pair_modify
 * table 0}): E_ij = k q_i q_j erfc(αr)/r for r &lt; r_c, plus the self term −α/√π·k q_i² per atom.
 * The reciprocal part and the neutralising background are {@link EwaldSum}. Units: α in 1/Å, r_c in Å.
 */
public final class EwaldRealSpace implements CoulombKernel {
    private static final double TWO_OVER_SQRT_PI = 2.0 * Erfc.INV_SQRT_PI;
    /** LAMMPS' rounded 2/√π (EWALD_F in pair_coul_long.cpp), used with the polynomial erfc for bit parity. */
    private static final double LAMMPS_EWALD_F = 1.12837917;

    private final double alpha;
    private final double alphaSq;
    private final double cutoff;
    private final ErfcMode erfcMode;
    private final double gaussFactor;

    public EwaldRealSpace(double alpha, double cutoff, ErfcMode erfcMode) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("coulomb ewald: alpha must be positive, got " + alpha);
        }
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("coulomb ewald: cutoff must be positive, got " + cutoff);
        }
        this.alpha = alpha;
        this.alphaSq = alpha * alpha;
        this.cutoff = cutoff;
        this.erfcMode = erfcMode;
        this.gaussFactor = erfcMode == ErfcMode.EXACT ? TWO_OVER_SQRT_PI : LAMMPS_EWALD_F;
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
        return Units.COULOMB_EV_A * erfcMode.erfc(alpha * r, Math.exp(-alphaSq * rsq)) / r;
    }

    @Override
    public double forceOverRPerQQ(double rsq) {
        double r = Math.sqrt(rsq);
        double ex = Math.exp(-alphaSq * rsq);
        double grij = alpha * r;
        return Units.COULOMB_EV_A * (erfcMode.erfc(grij, ex) + gaussFactor * grij * ex) / (rsq * r);
    }

    @Override
    public double selfEnergy(double q) {
        return -alpha * Erfc.INV_SQRT_PI * q * q * Units.COULOMB_EV_A;
    }
}
