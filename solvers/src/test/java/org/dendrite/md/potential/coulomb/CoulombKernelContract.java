package org.dendrite.md.potential.coulomb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dendrite.md.Units;
import org.dendrite.md.potential.CoulombKernel;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link CoulombKernel} inherits: the force per charge product equals −dE/dr
 * (by a five-point difference) up to a kernel-specific documented offset, the energy at the
 * cut-off is what the method promises, the self energy has its documented value, and at short
 * range the kernel tends to the bare Coulomb law.
 */
public abstract class CoulombKernelContract {
    protected abstract CoulombKernel kernel();

    /** −dE/dr that the force deliberately adds (Wolf: k·f_shift), per unit charge product, eV/Å. */
    protected double documentedForceOffset() {
        return 0.0;
    }

    /** The energy per charge product the method gives just inside its cut-off, eV. */
    protected abstract double expectedEnergyAtCutoff();

    /** Self energy of a unit charge, eV. */
    protected abstract double expectedSelfEnergyPerUnitCharge();

    protected double fdTolerance() {
        return 1e-9;
    }

    @Test
    void forceEqualsMinusEnergyDerivativePlusDocumentedOffset() {
        CoulombKernel c = kernel();
        double rc = c.cutoff();
        double worst = 0;
        for (int k = 0; k < 300; k++) {
            double r = 0.8 + (rc - 0.8) * (k + 0.5) / 300;
            double h = 2e-4 * r;
            double fd = -(-e(c, r + 2 * h) + 8 * e(c, r + h) - 8 * e(c, r - h) + e(c, r - 2 * h)) / (12 * h);
            double f = c.forceOverRPerQQ(r * r) * r;
            double err = Math.abs(f - fd - documentedForceOffset());
            worst = Math.max(worst, err / Units.COULOMB_EV_A);
            assertTrue(err <= fdTolerance() * Units.COULOMB_EV_A, "r = " + r + ": F = " + f + ", -dE/dr = " + fd);
        }
        System.out.printf("[coulomb FD] %s: worst |F + dE/dr - offset| / k_e = %.2e%n", getClass().getSimpleName(), worst);
    }

    private static double e(CoulombKernel c, double r) {
        return c.energyPerQQ(r * r);
    }

    @Test
    void energyAtTheCutoffIsAsDocumented() {
        CoulombKernel c = kernel();
        double r = c.cutoff() * (1 - 1e-12);
        assertEquals(expectedEnergyAtCutoff(), c.energyPerQQ(r * r), 1e-9);
    }

    @Test
    void selfEnergyIsAsDocumented() {
        CoulombKernel c = kernel();
        assertEquals(expectedSelfEnergyPerUnitCharge(), c.selfEnergy(1.0), 1e-12);
        assertEquals(4 * expectedSelfEnergyPerUnitCharge(), c.selfEnergy(-2.0), 1e-11);
    }
}
