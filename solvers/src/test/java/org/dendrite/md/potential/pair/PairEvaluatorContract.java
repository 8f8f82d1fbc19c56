package org.dendrite.md.potential.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dendrite.md.Species;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.PairEvaluator;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link PairEvaluator} inherits: forceOverR(r²) = −V'(r)/r by central differences
 * over the whole range, V and F continuous where branches join (cores), and with pair_modify
 * shift the shifted energy goes to zero at the cut-off.
 */
public abstract class PairEvaluatorContract {
    protected abstract PairEvaluator evaluator();

    /** Smallest r to check, Å. */
    protected abstract double rMin();

    /** Radii where two analytic branches join, Å (none by default). */
    protected double[] joins() {
        return new double[0];
    }

    /** Allowed jump of V at a join, eV. */
    protected double joinEnergyTolerance() {
        return 1e-12;
    }

    /** Allowed jump of −V' at a join, eV/Å. */
    protected double joinForceTolerance() {
        return 1e-12;
    }

    /** Allowed |F − F_fd| relative to max(|F|, 1e-3 eV/Å). */
    protected double fdTolerance() {
        return 1e-7;
    }

    @Test
    void forceOverREqualsMinusDerivativeOfEnergyOverR() {
        PairEvaluator p = evaluator();
        double rc = p.cutoff();
        int samples = 400;
        double worst = 0;
        for (int k = 0; k < samples; k++) {
            double r = rMin() + (rc - rMin()) * (k + 0.5) / samples;
            boolean nearJoin = false;
            for (double j : joins()) {
                nearJoin |= Math.abs(r - j) < 5e-3 * r;
            }
            if (nearJoin) {
                continue;
            }
            // Five-point central difference (4th order) so that truncation stays far below the tolerance.
            double h = 2e-4 * r;
            double fd = -(-v(p, r + 2 * h) + 8 * v(p, r + h) - 8 * v(p, r - h) + v(p, r - 2 * h)) / (12 * h);
            double f = p.forceOverR(r * r) * r;
            double rel = Math.abs(f - fd) / Math.max(Math.abs(f), 1e-3);
            worst = Math.max(worst, rel);
            assertTrue(rel <= fdTolerance(), "r = " + r + ": F = " + f + ", -dV/dr = " + fd);
        }
        System.out.printf("[pair FD] %s: worst |F + dV/dr| / max(|F|, 1e-3) = %.2e%n", getClass().getSimpleName(), worst);
    }

    private static double v(PairEvaluator p, double r) {
        return p.energy(r * r);
    }

    @Test
    void energyAndForceAreContinuousWhereBranchesJoin() {
        PairEvaluator p = evaluator();
        for (double j : joins()) {
            double below = j * (1 - 1e-12);
            double above = j * (1 + 1e-12);
            double dv = p.energy(above * above) - p.energy(below * below);
            double df = p.forceOverR(above * above) * above - p.forceOverR(below * below) * below;
            System.out.printf("[pair join] %s at r0 = %.6f: dV = %.3e eV, dF = %.3e eV/A%n",
                    getClass().getSimpleName(), j, dv, df);
            assertEquals(0.0, dv, joinEnergyTolerance(), "energy jump at r0 = " + j);
            assertEquals(0.0, df, joinForceTolerance(), "force jump at r0 = " + j);
        }
    }

    @Test
    void shiftedEnergyVanishesAtTheCutoff() {
        PairEvaluator p = evaluator();
        ForceField ff = ForceField.builder(new Species(List.of("A"), new double[] {1}, new double[] {0}))
                .pair(0, 0, p, true).build();
        double rc = p.cutoff();
        double r = rc * (1 - 1e-9);
        double shifted = p.energy(r * r) - ff.energyShift(0, 0);
        double slope = Math.abs(p.forceOverR(r * r) * r);
        assertEquals(0.0, shifted, 1e-8 * Math.max(slope, 1e-3) + 1e-12, "shifted energy just inside the cut-off");
        ForceField unshifted = ForceField.builder(new Species(List.of("A"), new double[] {1}, new double[] {0}))
                .pair(0, 0, p, false).build();
        assertEquals(0.0, unshifted.energyShift(0, 0), 0.0, "no shift unless requested");
    }
}
