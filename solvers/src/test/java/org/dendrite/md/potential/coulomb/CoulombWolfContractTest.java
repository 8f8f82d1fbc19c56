package org.dendrite.md.potential.coulomb;

import org.dendrite.md.Units;
import org.dendrite.md.potential.CoulombKernel;
import org.junit.jupiter.api.DisplayName;

/** LAMMPS coul/wolf: energy-shifted energy, force-shifted force; F = −dE/dr + k·f_shift exactly. */
@DisplayName("coul/wolf reproduces LAMMPS: energy zero at r_c, force offset from -dE/dr by exactly k*f_shift")
class CoulombWolfContractTest extends CoulombKernelContract {
    static final double ALPHA = 0.3;
    static final double RC = 9.0;

    @Override
    protected CoulombKernel kernel() {
        return new CoulombWolf(ALPHA, RC);
    }

    @Override
    protected double documentedForceOffset() {
        double eShift = Erfc.erfc(ALPHA * RC) / RC;
        double fShift = -(eShift + 2 * ALPHA / Math.sqrt(Math.PI) * Math.exp(-ALPHA * ALPHA * RC * RC)) / RC;
        return Units.COULOMB_EV_A * fShift;
    }

    @Override
    protected double expectedEnergyAtCutoff() {
        return 0.0;
    }

    @Override
    protected double expectedSelfEnergyPerUnitCharge() {
        return -(Erfc.erfc(ALPHA * RC) / RC / 2 + ALPHA / Math.sqrt(Math.PI)) * Units.COULOMB_EV_A;
    }
}
