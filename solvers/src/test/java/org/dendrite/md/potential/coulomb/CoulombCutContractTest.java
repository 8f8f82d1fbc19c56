package org.dendrite.md.potential.coulomb;

import org.dendrite.md.Units;
import org.dendrite.md.potential.CoulombKernel;
import org.junit.jupiter.api.DisplayName;

@DisplayName("coul/cut is the bare Coulomb law inside the cut-off, unshifted, without self term")
class CoulombCutContractTest extends CoulombKernelContract {
    @Override
    protected CoulombKernel kernel() {
        return new CoulombCut(9.0);
    }

    @Override
    protected double expectedEnergyAtCutoff() {
        return Units.COULOMB_EV_A / 9.0;
    }

    @Override
    protected double expectedSelfEnergyPerUnitCharge() {
        return 0.0;
    }
}
