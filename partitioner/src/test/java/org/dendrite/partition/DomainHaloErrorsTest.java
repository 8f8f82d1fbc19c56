package org.dendrite.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.dendrite.md.Atoms;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.partition.comm.InProcessTransport;
import org.dendrite.partition.comm.MessageBuffer;
import org.dendrite.partition.comm.Phase;
import org.dendrite.partition.comm.TransportException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DomainHaloErrorsTest {

    @Test
    @DisplayName("a receive that gets no message fails after the timeout naming rank, peer and phase, never hangs")
    void receiveTimesOutWithClearError() {
        InProcessTransport[] t = InProcessTransport.group(2, Duration.ofMillis(300));
        long t0 = System.nanoTime();
        TransportException e = assertThrows(TransportException.class,
                () -> t[1].receive(0, Phase.BORDERS, 3, new MessageBuffer()));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertTrue(seconds < 5, "gave up after " + seconds + " s");
        assertTrue(e.getMessage().contains("rank 1") && e.getMessage().contains("BORDERS")
                && e.getMessage().contains("from rank 0"), e.getMessage());
    }

    @Test
    @DisplayName("a message of the wrong phase is reported as domains out of step")
    void outOfStepIsReported() {
        InProcessTransport[] t = InProcessTransport.group(2, Duration.ofSeconds(5));
        t[0].send(1, Phase.REVERSE, 2, new MessageBuffer());
        TransportException e = assertThrows(TransportException.class,
                () -> t[1].receive(0, Phase.FORWARD, 2, new MessageBuffer()));
        assertTrue(e.getMessage().contains("out of step"), e.getMessage());
    }

    @Test
    @DisplayName("the global sum gives every rank the same total")
    void sumIsGlobal() throws Exception {
        InProcessTransport[] t = InProcessTransport.group(3, Duration.ofSeconds(5));
        double[][] v = {{1, 10}, {2, 20}, {4, 40}};
        Thread[] th = new Thread[3];
        for (int r = 0; r < 3; r++) {
            int rr = r;
            th[r] = new Thread(() -> t[rr].sum(v[rr], 2));
            th[r].start();
        }
        for (Thread x : th) {
            x.join(5000);
        }
        for (double[] row : v) {
            assertEquals(7, row[0], 0.0);
            assertEquals(70, row[1], 0.0);
        }
    }

    @Test
    @DisplayName("bricks thinner than the ghost cut-off are refused on every rank with the axis named, not hung")
    void thinBricksAreRefused() {
        ForceField ff = TestSystems.llzoForceField();
        Structure s = TestSystems.llzo(ff, 2, 2, 2, 0.0, 1);
        try (DecomposedSystem d = new DecomposedSystem(s, ff, new BrickGrid(4, 1, 1), 1.0, Duration.ofSeconds(20))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.compute(true));
            assertTrue(e.getMessage().contains("thinner than the ghost cut-off")
                    && e.getMessage().contains("along a"), e.getMessage());
        }
    }

    @Test
    @DisplayName("an atom teleported two bricks away along a and one along b migrates through staged hops to its owner")
    void multiHopMigration() {
        ForceField ff = TestSystems.liEamForceField();
        Structure s = TestSystems.bccLi(ff, 8, 0.05, 5);
        BrickGrid grid = new BrickGrid(4, 2, 1);
        try (DecomposedSystem d = new DecomposedSystem(s, ff, grid, 1.0, Duration.ofSeconds(20))) {
            d.compute(false);
            Atoms a0 = d.rank(0).atoms;
            int id = a0.id[0];
            double l = s.box().lx();
            // From brick (0,0,0) to fractional (0.6, 0.7): brick (2,1,0), rank 6.
            d.run(r -> {
                if (r.rank == 0) {
                    r.atoms.x[0] = 0.6 * l;
                    r.atoms.x[1] = 0.7 * l;
                }
                r.engine.requestRebuild();
                r.engine.compute(r.atoms, r.box, false, r.result);
            });
            assertTrue(d.rank(6).atoms.indexOfId(id) >= 0, "atom id " + id + " is owned by rank 6");
            int total = 0;
            for (int r = 0; r < d.ranks(); r++) {
                total += d.rank(r).atoms.nlocal;
                if (r != 6) {
                    assertEquals(-1, d.rank(r).atoms.indexOfId(id), "rank " + r + " does not own it");
                }
            }
            assertEquals(s.atomCount(), total);
        }
    }
}
