package org.dendrite.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Units;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shift-style load balancing: on 1536-atom LLZO with a 40 Å vacuum gap (8x1x1 cells, so about a
 * quarter of the cell is empty and the bricks own uneven atom counts) moving the cuts brings the
 * atom-count imbalance close to 1, every rank holds the same cuts, and the physics after the move
 * equals one domain.
 */
class LoadBalancerTest {
    private static final double SKIN = 0.5;
    private static final double GAP_A = 40.0;
    private static final double DT = 1.0 * Units.FEMTOSECOND_PS;
    private static final ForceField FF = TestSystems.llzoForceField();

    /** 8x1x1 LLZO cells (1536 atoms, 105.9 Å along a) in a cell 40 Å longer along a. */
    static Structure llzoWithGap(long seed) {
        Structure s = TestSystems.llzo(FF, 8, 1, 1, 0.05, seed);
        Box b = s.box();
        b.set(b.xlo(), b.ylo(), b.zlo(), b.lx() + GAP_A, b.ly(), b.lz(), 0, 0, 0);
        return s;
    }

    private static LoadBalancer.Settings atoms(int every) {
        return new LoadBalancer.Settings(every, LoadBalancer.Cost.ATOMS, 1.02, 1.0);
    }

    private static void assertSameCutsOnEveryRank(DecomposedSystem d) {
        for (int r = 1; r < d.ranks(); r++) {
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(d.rank(0).halo.cuts(k), d.rank(r).halo.cuts(k), 0.0,
                        "rank " + r + " cuts along axis " + k);
            }
        }
    }

    private static double atomImbalance(DecomposedSystem d) {
        double max = 0;
        for (int r = 0; r < d.ranks(); r++) {
            max = Math.max(max, d.rank(r).atoms.nlocal);
        }
        return max / ((double) d.atomCount() / d.ranks());
    }

    @ParameterizedTest(name = "grid {0}x1x1")
    @ValueSource(ints = {2, 4})
    @DisplayName("balancing by atom count lowers the imbalance of LLZO with a vacuum gap below 1.05, cuts equal on every "
            + "rank, and energy, virial and forces still equal one domain to 1e-12 relative")
    void atomCountBalancingEvensBricksAndKeepsForcesExact(int na) {
        Structure s = llzoWithGap(31);
        int n = s.atomCount();
        assertEquals(1536, n);
        Atoms ref = s.atoms().copyLocal();
        Box refBox = s.box().copy();
        ForceResult r1 = new ForceResult();
        try (ForceEngine e = new ForceEngine(FF, SKIN, 1)) {
            e.compute(ref, refBox, true, r1);
        }
        try (DecomposedSystem d = new DecomposedSystem(s, FF, new BrickGrid(na, 1, 1), SKIN, Duration.ofSeconds(60))) {
            d.run(r -> r.halo.setBalancer(new LoadBalancer(atoms(0))));
            d.compute(true);
            double before = atomImbalance(d);
            d.run(r -> {
                r.halo.requestBalance();
                r.engine.requestRebuild();
                r.engine.compute(r.atoms, r.box, true, r.result);
            });
            LoadBalancer.Report rep = d.rank(0).halo.lastBalance();
            double after = atomImbalance(d);
            System.out.printf("LoadBalancerTest %dx1x1: atoms/brick imbalance %.4f -> %.4f; %s%n", na, before, after, rep);
            assertEquals(before, rep.imbalanceBefore(), 1e-12, "reported imbalance before = measured");
            assertEquals(after, rep.atomsImbalanceAfter(), 1e-12, "reported imbalance after = measured");
            assertTrue(before > 1.3, "the gap makes the bricks uneven: " + before);
            assertTrue(rep.moved());
            assertTrue(after < 1.05, "balanced imbalance " + after);
            assertSameCutsOnEveryRank(d);
            for (int r = 1; r < d.ranks(); r++) {
                assertEquals(rep.toString(), d.rank(r).halo.lastBalance().toString(), "same report on rank " + r);
            }
            double[] f = new double[3 * n];
            ForceResult rd = d.rank(0).result;
            d.gatherForces(f);
            double e1 = r1.potentialEnergy();
            assertEquals(e1, rd.potentialEnergy(), 1e-12 * Math.abs(e1), "potential energy");
            double wmax = 0;
            for (double w : r1.virial) {
                wmax = Math.max(wmax, Math.abs(w));
            }
            for (int c = 0; c < r1.virial.length; c++) {
                assertEquals(r1.virial[c], rd.virial[c], 1e-12 * wmax, "virial " + c);
            }
            double fmax = 0;
            for (int k = 0; k < 3 * n; k++) {
                fmax = Math.max(fmax, Math.abs(ref.f[k]));
            }
            for (int i = 0; i < n; i++) {
                int j = ref.indexOfId(s.atoms().id[i]);
                for (int c = 0; c < 3; c++) {
                    assertEquals(ref.f[3 * j + c], f[3 * i + c], 1e-12 * fmax, "force on atom id " + s.atoms().id[i]);
                }
            }
        }
    }

    private static void halfKick(Atoms a, double dt) {
        for (int i = 0; i < a.nlocal; i++) {
            double h = 0.5 * dt * Units.FORCE_OVER_MASS_TO_ACCEL / a.mass(i);
            for (int c = 0; c < 3; c++) {
                a.v[3 * i + c] += h * a.f[3 * i + c];
            }
        }
    }

    private static void drift(Atoms a, double dt) {
        for (int k = 0; k < 3 * a.nlocal; k++) {
            a.x[k] += dt * a.v[k];
        }
    }

    @ParameterizedTest(name = "cost {0}")
    @ValueSource(strings = {"ATOMS", "TIME"})
    @DisplayName("NVE with cuts rebalanced at every neighbour-list rebuild on 4x1x1 follows one domain to 1e-8 Å, "
            + "with the same cuts on every rank")
    void nveWithRebalancingFollowsOneDomain(String cost) {
        Structure s = llzoWithGap(41);
        TestSystems.velocities(s.atoms(), 900, 42);
        int steps = 60;
        Atoms a1 = s.atoms().copyLocal();
        Box box1 = s.box().copy();
        ForceResult r1 = new ForceResult();
        try (ForceEngine e = new ForceEngine(FF, SKIN, 1)) {
            e.compute(a1, box1, false, r1);
            for (int step = 0; step < steps; step++) {
                halfKick(a1, DT);
                drift(a1, DT);
                e.compute(a1, box1, false, r1);
                halfKick(a1, DT);
            }
        }
        int n = s.atomCount();
        double[] x = new double[3 * n];
        long balances;
        LoadBalancer.Settings settings = new LoadBalancer.Settings(1, LoadBalancer.Cost.valueOf(cost), 1.0, 0.5);
        try (DecomposedSystem d = new DecomposedSystem(s, FF, new BrickGrid(4, 1, 1), SKIN, Duration.ofSeconds(60))) {
            long[] count = new long[1];
            d.run(r -> {
                r.halo.setBalancer(new LoadBalancer(settings));
                Atoms a = r.atoms;
                r.engine.compute(a, r.box, false, r.result);
                LoadBalancer.Report last = null;
                for (int step = 0; step < steps; step++) {
                    halfKick(a, DT);
                    drift(a, DT);
                    r.engine.compute(a, r.box, false, r.result);
                    halfKick(a, DT);
                    if (r.rank == 0 && r.halo.lastBalance() != last) {
                        last = r.halo.lastBalance();
                        count[0]++;
                    }
                }
            });
            balances = count[0];
            assertSameCutsOnEveryRank(d);
            d.gatherUnwrappedPositions(x);
            System.out.printf("LoadBalancerTest NVE %s: %d balances in %d steps; last %s%n", cost, balances, steps,
                    d.rank(0).halo.lastBalance());
        }
        assertTrue(balances >= 2, "balanced at rebuilds: " + balances);
        double[] d3 = new double[3];
        double maxDiff = 0;
        for (int i = 0; i < n; i++) {
            int j = a1.indexOfId(s.atoms().id[i]);
            box1.imageShift(a1.image[3 * j], a1.image[3 * j + 1], a1.image[3 * j + 2], d3, 0);
            for (int c = 0; c < 3; c++) {
                maxDiff = Math.max(maxDiff, Math.abs(a1.x[3 * j + c] + d3[c] - x[3 * i + c]));
            }
        }
        System.out.printf("LoadBalancerTest NVE %s: max position difference %.3e Å%n", cost, maxDiff);
        assertTrue(maxDiff < 1e-8, "max position difference " + maxDiff);
    }

    @Test
    @DisplayName("cuts are kept at least cut-off + skin apart and a brick forced thinner is refused naming the axis")
    void thicknessIsBoundedAndThinCutsRefused() {
        double[] c = {0, 0.01, 0.02, 1};
        LoadBalancer.enforceThickness(c, 0.2);
        for (int j = 0; j < 3; j++) {
            assertTrue(c[j + 1] - c[j] >= 0.2, java.util.Arrays.toString(c));
        }
        Structure s = llzoWithGap(5);
        try (DecomposedSystem d = new DecomposedSystem(s, FF, new BrickGrid(2, 1, 1), SKIN, Duration.ofSeconds(20))) {
            d.run(r -> r.halo.setCuts(0, new double[] {0, 0.05, 1}));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.compute(false));
            assertTrue(e.getMessage().contains("thinner than the ghost cut-off") && e.getMessage().contains("along a"),
                    e.getMessage());
        }
    }
}
