package org.dendrite.md.potential.coulomb;

import org.dendrite.md.potential.CoulombKernel;
import org.junit.jupiter.api.DisplayName;

/**
 * With LAMMPS' polynomial erfc the energy uses an approximate erfc whose derivative is not exactly
 * the Gaussian force term, so force and −dE/dr differ by up to ~1e-6·k_e; the energy at r_c is the
 * polynomial's error there rather than zero.
 */
@DisplayName("coul/dsf with the LAMMPS polynomial erfc is consistent to the polynomial's accuracy")
class CoulombDsfLammpsPolynomialContractTest extends CoulombKernelContract {
    private final CoulombDsfContractTest exact = new CoulombDsfContractTest();

    @Override
    protected CoulombKernel kernel() {
        return new CoulombDsf(CoulombDsfContractTest.ALPHA, CoulombDsfContractTest.RC, ErfcMode.LAMMPS_POLYNOMIAL);
    }

    @Override
    protected double fdTolerance() {
        return 2e-6;
    }

    @Override
    protected double expectedEnergyAtCutoff() {
        double x = CoulombDsfContractTest.ALPHA * CoulombDsfContractTest.RC;
        double rc = CoulombDsfContractTest.RC;
        double polyMinusExact = Erfc.erfcAbramowitzStegun(x, Math.exp(-x * x)) - Erfc.erfc(x);
        return org.dendrite.md.Units.COULOMB_EV_A * polyMinusExact / rc;
    }

    @Override
    protected double expectedSelfEnergyPerUnitCharge() {
        return exact.expectedSelfEnergyPerUnitCharge();
    }
}
