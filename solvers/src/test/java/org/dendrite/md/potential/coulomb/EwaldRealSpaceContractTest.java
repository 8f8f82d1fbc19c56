package org.dendrite.md.potential.coulomb;

import org.dendrite.md.Units;
import org.dendrite.md.potential.CoulombKernel;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Ewald real space: erfc(ar)/r with consistent force and self term -a/sqrt(pi)")
class EwaldRealSpaceContractTest extends CoulombKernelContract {
    @Override
    protected CoulombKernel kernel() {
        return new EwaldRealSpace(0.32, 10.0, ErfcMode.EXACT);
    }

    @Override
    protected double expectedEnergyAtCutoff() {
        return Units.COULOMB_EV_A * Erfc.erfc(3.2) / 10.0;
    }

    @Override
    protected double expectedSelfEnergyPerUnitCharge() {
        return -0.32 / Math.sqrt(Math.PI) * Units.COULOMB_EV_A;
    }
}
