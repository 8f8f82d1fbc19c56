package org.dendrite.md.potential.coulomb;

import org.dendrite.md.Units;
import org.dendrite.md.potential.CoulombKernel;
import org.dendrite.md.potential.StyleParams;

/**
 * Plain cut-off Coulomb as LAMMPS {@code pair_style coul/cut}: E = k·q_i q_j / r for r &lt; r_c,
 * no shift and no self term (k = {@link Units#COULOMB_EV_A} eV·Å/e²).
 */
public final class CoulombCut implements CoulombKernel {
    private final double cutoff;

    public CoulombCut(double cutoff) {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("coulomb cut: cutoff must be positive, got " + cutoff);
        }
        this.cutoff = cutoff;
    }

    /** Force-field file entry: cutoff (Å). */
    public static CoulombCut fromParams(StyleParams p) {
        return new CoulombCut(p.requirePositive("cutoff"));
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public double energyPerQQ(double rsq) {
        return Units.COULOMB_EV_A / Math.sqrt(rsq);
    }

    @Override
    public double forceOverRPerQQ(double rsq) {
        return Units.COULOMB_EV_A / (rsq * Math.sqrt(rsq));
    }

    @Override
    public double selfEnergy(double q) {
        return 0.0;
    }
}
