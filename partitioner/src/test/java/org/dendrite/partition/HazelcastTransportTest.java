package org.dendrite.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Units;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.partition.comm.InProcessTransport;
import org.dendrite.partition.comm.MessageBuffer;
import org.dendrite.partition.comm.Phase;
import org.dendrite.partition.comm.Transport;
import org.dendrite.partition.comm.TransportException;
import org.dendrite.partition.hazelcast.HazelcastCluster;
import org.dendrite.partition.hazelcast.HazelcastCluster.ClusterFormationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DomainHalo over the Hazelcast transport, with embedded members on 127.0.0.1 in this JVM (a
 * 4-member cluster; 2-rank runs use two of its members, 4-rank runs all four): forces, energy and
 * virial equal one domain to 1e-12, an NVE run equals the in-process run bit for bit, and bad
 * cluster set-ups (members that never join, mismatched cluster names) fail within seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HazelcastTransportTest {
    private static final double SKIN = 1.0;
    private static final double TOL = 1e-12;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private HazelcastTestCluster cluster;

    @BeforeAll
    void startMembers() {
        cluster = new HazelcastTestCluster("dendrite-test-" + ProcessHandle.current().pid(), 4);
    }

    @AfterAll
    void stopMembers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String run() {
        return "t" + RUNS.incrementAndGet();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("llzo", false, new BrickGrid(2, 1, 1), 2),
                Arguments.of("llzo", false, new BrickGrid(2, 2, 1), 4),
                Arguments.of("llzo", true, new BrickGrid(2, 2, 1), 2),
                Arguments.of("li", false, new BrickGrid(2, 2, 1), 4));
    }

    @ParameterizedTest(name = "{0} triclinic={1} grid {2} on {3} members")
    @MethodSource("cases")
    @DisplayName("over Hazelcast members, energy, virial and per-atom forces equal the single-domain result to 1e-12 relative")
    void hazelcastDecompositionEqualsSingleDomain(String system, boolean triclinic, BrickGrid grid, int membersUsed) {
        ForceField ff = system.equals("llzo") ? TestSystems.llzoForceField() : TestSystems.liEamForceField();
        Structure s = system.equals("llzo") ? TestSystems.llzo(ff, 2, 2, 2, 0.1, 11) : TestSystems.bccLi(ff, 8, 0.15, 12);
        if (triclinic) {
            TestSystems.tilt(s, 2.0, 1.5, -1.0);
        }
        int n = s.atomCount();
        Atoms ref = s.atoms().copyLocal();
        ForceResult r1 = new ForceResult();
        try (ForceEngine e = new ForceEngine(ff, SKIN, 1)) {
            e.compute(ref, s.box().copy(), true, r1);
        }
        Transport[] t = cluster.transports(run(), grid.domains(), membersUsed, TIMEOUT);
        double[] f = new double[3 * n];
        ForceResult rd;
        try (DecomposedSystem d = new DecomposedSystem(s.atoms(), s.box(), ff, grid, SKIN, t)) {
            rd = d.compute(true);
            d.gatherForces(f);
            for (int r = 1; r < d.ranks(); r++) {
                assertEquals(rd.potentialEnergy(), d.rank(r).result.potentialEnergy(), 0.0,
                        "every rank holds the same global energy bits");
            }
        } finally {
            Transport.closeAll(t);
        }
        double e1 = r1.potentialEnergy();
        assertEquals(e1, rd.potentialEnergy(), TOL * Math.abs(e1), "potential energy");
        double wmax = 0;
        for (double w : r1.virial) {
            wmax = Math.max(wmax, Math.abs(w));
        }
        for (int k = 0; k < 9; k++) {
            assertEquals(r1.virial[k], rd.virial[k], TOL * wmax, "virial component " + k);
        }
        double fmax = 0;
        double worst = 0;
        for (int k = 0; k < 3 * n; k++) {
            fmax = Math.max(fmax, Math.abs(ref.f[k]));
            worst = Math.max(worst, Math.abs(ref.f[k] - f[k]));
        }
        assertTrue(fmax > 0.1, "the jittered configuration has forces");
        assertTrue(worst <= TOL * fmax, "largest force difference " + worst + " eV/Å vs max force " + fmax);
    }

    /** Velocity-Verlet NVE on the decomposed system; returns unwrapped positions then velocities, by atom id. */
    private static double[] nve(Structure s, ForceField ff, BrickGrid grid, Transport[] t, int steps) {
        double dt = Units.FEMTOSECOND_PS;
        try (DecomposedSystem d = new DecomposedSystem(s.atoms(), s.box(), ff, grid, SKIN, t)) {
            d.run(r -> {
                Atoms a = r.atoms;
                r.engine.compute(a, r.box, false, r.result);
                for (int step = 0; step < steps; step++) {
                    for (int i = 0; i < a.nlocal; i++) {
                        double h = 0.5 * dt * Units.FORCE_OVER_MASS_TO_ACCEL / a.mass(i);
                        for (int c = 0; c < 3; c++) {
                            a.v[3 * i + c] += h * a.f[3 * i + c];
                            a.x[3 * i + c] += dt * a.v[3 * i + c];
                        }
                    }
                    r.engine.compute(a, r.box, false, r.result);
                    for (int i = 0; i < a.nlocal; i++) {
                        double h = 0.5 * dt * Units.FORCE_OVER_MASS_TO_ACCEL / a.mass(i);
                        for (int c = 0; c < 3; c++) {
                            a.v[3 * i + c] += h * a.f[3 * i + c];
                        }
                    }
                }
            });
            assertTrue(d.rank(0).engine.timings().rebuilds >= 2, "the run rebuilt (and migrated) at least once");
            int n = d.atomCount();
            double[] out = new double[6 * n];
            double[] x = new double[3 * n];
            double[] v = new double[3 * n];
            d.gatherUnwrappedPositions(x);
            d.gatherVelocities(v);
            System.arraycopy(x, 0, out, 0, 3 * n);
            System.arraycopy(v, 0, out, 3 * n, 3 * n);
            return out;
        }
    }

    @Test
    @DisplayName("50 steps of LLZO NVE over 2 Hazelcast members give the same bits as the in-process transport")
    void nveOverHazelcastEqualsInProcessBitForBit() {
        ForceField ff = TestSystems.llzoForceField();
        Structure s = TestSystems.llzo(ff, 2, 2, 2, 0.05, 21);
        TestSystems.velocities(s.atoms(), 1500, 22);
        BrickGrid grid = new BrickGrid(2, 1, 1);
        int steps = 50;
        InProcessTransport[] local = InProcessTransport.group(2, TIMEOUT);
        double[] expected = nve(s, ff, grid, local, steps);
        Transport[] t = cluster.transports(run(), 2, 2, TIMEOUT);
        try {
            double[] got = nve(s, ff, grid, t, steps);
            assertArrayEquals(expected, got, 0.0, "positions and velocities after " + steps + " steps");
        } finally {
            Transport.closeAll(t);
        }
    }

    @Test
    @DisplayName("messages keep order, phase and step across members; the global sum has the same bits on every rank")
    void messagesAndSumsAcrossMembers() throws Exception {
        Transport[] t = cluster.transports(run(), 3, 3, Duration.ofSeconds(10));
        try {
            MessageBuffer m = new MessageBuffer();
            for (int k = 0; k < 5; k++) {
                m.clear();
                m.addInt(k);
                for (int j = 0; j < 1000 * k; j++) {
                    m.addDouble(j + 0.25 * k);
                }
                t[0].send(2, Phase.FORWARD, k, m);
            }
            MessageBuffer in = new MessageBuffer();
            for (int k = 0; k < 5; k++) {
                t[2].receive(0, Phase.FORWARD, k, in);
                assertEquals(1, in.nInts);
                assertEquals(k, in.ints[0], "FIFO order");
                assertEquals(1000 * k, in.nDoubles);
                if (k > 0) {
                    assertEquals(999 + 0.25 * k, in.doubles[999 * 1 + 0], 0.0);
                }
            }
            double[][] v = {{0.1, 1e-17}, {0.2, 1.0}, {0.3, -1.0}};
            CompletableFuture<?>[] f = new CompletableFuture<?>[3];
            for (int r = 0; r < 3; r++) {
                int rank = r;
                f[r] = CompletableFuture.runAsync(() -> t[rank].sum(v[rank], 2));
            }
            CompletableFuture.allOf(f).get(20, TimeUnit.SECONDS);
            double expected = (0.1 + 0.2) + 0.3;
            for (int r = 0; r < 3; r++) {
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(v[r][0]), "rank " + r);
                assertEquals(((1e-17 + 1.0) + -1.0), v[r][1], 0.0, "rank-ordered addition on rank " + r);
            }
            t[0].send(1, Phase.BORDERS, 3, m);
            TransportException e = assertThrows(TransportException.class, () -> t[1].receive(0, Phase.BORDERS, 4, in));
            assertTrue(e.getMessage().contains("out of step"), e.getMessage());
        } finally {
            Transport.closeAll(t);
        }
    }

    @Test
    @DisplayName("abort on one member stops a receive waiting on another member at once, naming the failed rank")
    void abortReachesOtherMembers() {
        Transport[] t = cluster.transports(run(), 2, 2, Duration.ofSeconds(30));
        try {
            long t0 = System.nanoTime();
            CompletableFuture.runAsync(() -> {
                HazelcastCluster.class.getName();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                t[1].abort(new IllegalStateException("boom"));
            });
            TransportException e = assertThrows(TransportException.class,
                    () -> t[0].receive(1, Phase.FORWARD, 0, new MessageBuffer()));
            double s = (System.nanoTime() - t0) * 1e-9;
            assertTrue(e.getMessage().contains("rank 1 failed") && e.getMessage().contains("boom"), e.getMessage());
            assertTrue(s < 5, "stopped after " + s + " s, not the 30 s timeout");
        } finally {
            Transport.closeAll(t);
        }
    }

    @Test
    @DisplayName("a member whose partners never join fails within the join timeout, naming how many of how many joined")
    void membersThatNeverJoinGiveClearErrorInBoundedTime() {
        List<Integer> ports = HazelcastTestCluster.freePorts(2);
        long t0 = System.nanoTime();
        ClusterFormationException e = assertThrows(ClusterFormationException.class, () -> HazelcastCluster.join(
                HazelcastCluster.config("dendrite-lonely-" + ProcessHandle.current().pid(), "127.0.0.1", ports.get(0),
                        HazelcastTestCluster.memberList(ports)), 2, Duration.ofSeconds(3)));
        double s = (System.nanoTime() - t0) * 1e-9;
        assertTrue(e.getMessage().contains("only 1 of 2 expected members joined"), e.getMessage());
        assertTrue(e.getMessage().contains("no other listed member answers"), e.getMessage());
        assertTrue(s < 15, "failed after " + s + " s");
    }

    @Test
    @DisplayName("a member with another cluster name fails within the join timeout and says the cluster names differ")
    void mismatchedClusterNameGivesClearErrorInBoundedTime() {
        int own = HazelcastTestCluster.freePorts(1).get(0);
        List<String> list = HazelcastTestCluster.memberList(List.of(own, cluster.ports.get(0), cluster.ports.get(1)));
        long t0 = System.nanoTime();
        ClusterFormationException e = assertThrows(ClusterFormationException.class, () -> HazelcastCluster.join(
                HazelcastCluster.config("some-other-name", "127.0.0.1", own, list), 3, Duration.ofSeconds(3)));
        double s = (System.nanoTime() - t0) * 1e-9;
        assertTrue(e.getMessage().contains("only 1 of 3"), e.getMessage());
        assertTrue(e.getMessage().contains("another cluster") && e.getMessage().contains("some-other-name"),
                e.getMessage());
        assertTrue(s < 15, "failed after " + s + " s");
        assertEquals(4, cluster.members[0].getCluster().getMembers().size(), "the running cluster did not take it in");
    }
}
