package org.dendrite.md.potential.coulomb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dendrite.md.Units;
import org.dendrite.md.potential.CoulombKernel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("coul/dsf (exact erfc): consistent force, energy and force zero at r_c, LAMMPS self term")
class CoulombDsfContractTest extends CoulombKernelContract {
    static final double ALPHA = 0.25;
    static final double RC = 8.0;

    @Override
    protected CoulombKernel kernel() {
        return new CoulombDsf(ALPHA, RC, ErfcMode.EXACT);
    }

    @Override
    protected double expectedEnergyAtCutoff() {
        return 0.0;
    }

    /** −(e_shift/2 + α/√π)·k with LAMMPS' e_shift = erfc(αr_c)/r_c − f_shift·r_c. */
    @Override
    protected double expectedSelfEnergyPerUnitCharge() {
        double erfcc = Erfc.erfc(ALPHA * RC);
        double fShift = -(erfcc / (RC * RC) + 2 / Math.sqrt(Math.PI) * ALPHA * Math.exp(-ALPHA * ALPHA * RC * RC) / RC);
        double eShift = erfcc / RC - fShift * RC;
        return -(eShift / 2 + ALPHA / Math.sqrt(Math.PI)) * Units.COULOMB_EV_A;
    }

    @Test
    @DisplayName("the DSF force vanishes at the cut-off")
    void forceVanishesAtCutoff() {
        double r = RC * (1 - 1e-12);
        assertEquals(0.0, kernel().forceOverRPerQQ(r * r), 1e-10);
    }

    @Test
    @DisplayName("at α = 0 DSF is the shifted-force bare Coulomb law 1/r - 2/r_c + r/r_c²")
    void zeroAlphaIsShiftedForceCoulomb() {
        CoulombKernel c = new CoulombDsf(0.0, RC, ErfcMode.EXACT);
        double r = 3.3;
        assertEquals(Units.COULOMB_EV_A * (1 / r - 2 / RC + r / (RC * RC)), c.energyPerQQ(r * r), 1e-12);
    }
}
