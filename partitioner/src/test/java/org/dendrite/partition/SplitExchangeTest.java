package org.dendrite.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine overlaps pair work with the halo exchange by calling each exchange in two halves. The
 * first half must not wait for any other rank (or the overlap is a deadlock on a slow neighbour),
 * and the two halves together must give exactly what one whole exchange gives.
 */
class SplitExchangeTest {
    private static final ForceField LLZO = TestSystems.llzoForceField();

    @ParameterizedTest(name = "grid {0}")
    @ValueSource(strings = {"2x1x1", "1x2x2", "2x2x2"})
    @DisplayName("a start returns while the other ranks have not begun, and start + finish equal a whole exchange")
    void startDoesNotWaitAndHalvesEqualWhole(String grid) {
        Structure s = TestSystems.llzo(LLZO, 2, 2, 2, 0.1, 11);
        String[] n = grid.split("x");
        BrickGrid bricks = new BrickGrid(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]));
        try (DecomposedSystem d = new DecomposedSystem(s, LLZO, bricks, 1.0, Duration.ofSeconds(20))) {
            d.compute(false);
            d.run(r -> {
                SplittableRandom rng = new SplittableRandom(17 + r.rank);
                for (int k = 0; k < 3 * r.atoms.nlocal; k++) {
                    r.atoms.x[k] += 0.05 * (rng.nextDouble() - 0.5);
                }
            });

            // Rank 0 starts each exchange before any other rank has started its own. A forward start
            // only sends; a reverse start waits for all sweeps but the first remote one, so with one
            // split axis it only sends too.
            boolean oneSplitAxis = grid.equals("2x1x1");
            CountDownLatch forwardStarted = new CountDownLatch(1);
            CountDownLatch reverseStarted = new CountDownLatch(1);
            double[][] ghostsSplit = new double[d.ranks()][];
            double[][] forcesSplit = new double[d.ranks()][];
            double[][] forcesBefore = new double[d.ranks()][];
            d.run(r -> {
                int nl = r.atoms.nlocal, total = r.atoms.total();
                if (r.rank != 0) {
                    assertTrue(forwardStarted.await(10, TimeUnit.SECONDS), "rank 0's forward start waited");
                }
                r.halo.forwardPositionsStart(r.atoms, r.box);
                if (r.rank == 0) {
                    forwardStarted.countDown();
                }
                r.halo.forwardPositionsFinish(r.atoms, r.box);
                ghostsSplit[r.rank] = Arrays.copyOfRange(r.atoms.x, 3 * nl, 3 * total);

                SplittableRandom rng = new SplittableRandom(31 + r.rank);
                for (int k = 0; k < 3 * total; k++) {
                    r.atoms.f[k] = rng.nextDouble() - 0.5;
                }
                forcesBefore[r.rank] = Arrays.copyOf(r.atoms.f, 3 * total);
                if (oneSplitAxis && r.rank != 0) {
                    assertTrue(reverseStarted.await(10, TimeUnit.SECONDS), "rank 0's reverse start waited");
                }
                r.halo.reverseVectorStart(r.atoms, r.atoms.f);
                if (r.rank == 0) {
                    reverseStarted.countDown();
                }
                r.halo.reverseVectorFinish(r.atoms, r.atoms.f);
                forcesSplit[r.rank] = Arrays.copyOf(r.atoms.f, 3 * total);
            });

            d.run(r -> {
                int nl = r.atoms.nlocal, total = r.atoms.total();
                Arrays.fill(r.atoms.x, 3 * nl, 3 * total, Double.NaN);
                r.halo.forwardPositions(r.atoms, r.box);
                System.arraycopy(forcesBefore[r.rank], 0, r.atoms.f, 0, 3 * total);
                r.halo.reverseVector(r.atoms, r.atoms.f);
                assertArrayEquals(ghostsSplit[r.rank], Arrays.copyOfRange(r.atoms.x, 3 * nl, 3 * total),
                        "ghost positions of rank " + r.rank);
                assertArrayEquals(forcesSplit[r.rank], Arrays.copyOf(r.atoms.f, 3 * total), "forces of rank " + r.rank);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"forward", "reverse"})
    @DisplayName("finishing an exchange that was never started is refused, not silently skipped")
    void finishWithoutStartIsRefused(String which) {
        Structure s = TestSystems.llzo(LLZO, 2, 2, 2, 0.1, 11);
        try (DecomposedSystem d = new DecomposedSystem(s, LLZO, new BrickGrid(2, 1, 1), 1.0, Duration.ofSeconds(20))) {
            d.compute(false);
            DomainHalo h = d.rank(0).halo;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                if (which.equals("forward")) {
                    h.forwardPositionsFinish(d.rank(0).atoms, d.rank(0).box);
                } else {
                    h.reverseVectorFinish(d.rank(0).atoms, d.rank(0).atoms.f);
                }
            });
            assertTrue(e.getMessage().contains("without a start"), e.getMessage());
        }
    }
}
