package org.dendrite.partition;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.dendrite.md.Atoms;
import org.dendrite.md.Units;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.partition.comm.InProcessTransport;
import org.dendrite.partition.comm.MessageBuffer;
import org.dendrite.partition.comm.Phase;
import org.dendrite.partition.comm.Transport;

/**
 * Measurement (not a test), 2 Hazelcast members in this JVM on 127.0.0.1 against the in-process
 * transport: (1) ping-pong of 1 double, 10 KB and 1 MB messages, median one-way time = round trip
 * / 2; (2) LLZO NVE (Du/Teter + DSF, skin 1 Å) on 2x1x1 domains, wall time per step and the share
 * in the halo exchange. Arguments: replication factors of the 192-atom cell, e.g. "2 4";
 * -Dsteps=N (default 20).
 */
public final class HazelcastExchangeMeasurement {
    private HazelcastExchangeMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int steps = Integer.parseInt(System.getProperty("steps", "20"));
        try (HazelcastTestCluster c = new HazelcastTestCluster("dendrite-measure-" + ProcessHandle.current().pid(), 2)) {
            int run = 0;
            for (int doubles : new int[] {1, 1280, 131072}) {
                int rounds = doubles > 100_000 ? 100 : 2000;
                pingPong("in-process", InProcessTransport.group(2, Duration.ofSeconds(60)), doubles, rounds);
                Transport[] t = c.transports("pp" + run++, 2, 2, Duration.ofSeconds(60));
                pingPong("hazelcast ", t, doubles, rounds);
                Transport.closeAll(t);
            }
            ForceField ff = TestSystems.llzoForceField();
            for (String arg : args) {
                int m = Integer.parseInt(arg);
                Structure s = TestSystems.llzo(ff, m, m, m, 0.02, 3);
                TestSystems.velocities(s.atoms(), 600, 4);
                nve("in-process", s, ff, InProcessTransport.group(2, Duration.ofSeconds(120)), steps);
                Transport[] t = c.transports("nve" + run++, 2, 2, Duration.ofSeconds(120));
                nve("hazelcast ", s, ff, t, steps);
                Transport.closeAll(t);
            }
        }
        System.exit(0);
    }

    private static void pingPong(String label, Transport[] t, int doubles, int rounds) throws Exception {
        int warm = rounds / 5;
        MessageBuffer msg = new MessageBuffer();
        for (int k = 0; k < doubles; k++) {
            msg.addDouble(k);
        }
        CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
            MessageBuffer in = new MessageBuffer();
            for (int r = 0; r < warm + rounds; r++) {
                t[1].receive(0, Phase.FORWARD, r, in);
                t[1].send(0, Phase.REVERSE, r, in);
            }
        });
        MessageBuffer in = new MessageBuffer();
        long[] ns = new long[rounds];
        for (int r = 0; r < warm + rounds; r++) {
            long t0 = System.nanoTime();
            t[0].send(1, Phase.FORWARD, r, msg);
            t[0].receive(1, Phase.REVERSE, r, in);
            if (r >= warm) {
                ns[r - warm] = System.nanoTime() - t0;
            }
        }
        echo.get();
        Arrays.sort(ns);
        double oneWay = ns[rounds / 2] / 2.0;
        double bytes = 8.0 * doubles;
        System.out.printf("%s ping-pong %8.0f B: one-way median %9.1f µs (p90 %9.1f µs)  %8.1f MB/s%n", label, bytes,
                oneWay * 1e-3, ns[rounds * 9 / 10] / 2.0 * 1e-3, bytes / oneWay * 1e3);
    }

    private static void nve(String label, Structure s, ForceField ff, Transport[] t, int steps) {
        double dt = Units.FEMTOSECOND_PS;
        try (DecomposedSystem d = new DecomposedSystem(s.atoms(), s.box(), ff, new BrickGrid(2, 1, 1), 1.0, t)) {
            d.compute(false);
            d.run(r -> r.halo.resetTimings());
            long t0 = System.nanoTime();
            d.run(r -> {
                Atoms a = r.atoms;
                for (int k = 0; k < steps; k++) {
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
            double wall = (System.nanoTime() - t0) * 1e-9;
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < d.ranks(); r++) {
                DomainHalo h = d.rank(r).halo;
                sb.append(String.format("  rank %d: %d owned, %d ghosts, exchange %.1f %% (sum %.1f %%)", r,
                        d.rank(r).atoms.nlocal, d.rank(r).atoms.nghost,
                        100 * (h.exchangeNanos() + h.sumNanos()) * 1e-9 / wall, 100 * h.sumNanos() * 1e-9 / wall));
            }
            System.out.printf("%s %6d atoms 2x1x1: %.4f s/step, rebuilds %d%s%n", label, s.atomCount(), wall / steps,
                    d.rank(0).engine.timings().rebuilds, sb);
        } finally {
            for (Transport x : t) {
                x.close();
            }
        }
    }
}
