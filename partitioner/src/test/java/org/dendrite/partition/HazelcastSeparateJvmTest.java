package org.dendrite.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dendrite.md.Atoms;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.partition.comm.Transport;
import org.dendrite.partition.hazelcast.HazelcastCluster;
import org.dendrite.partition.hazelcast.HazelcastTransport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * Two ranks in two JVMs on loopback: rank 0 here, rank 1 in a child {@code java} process
 * ({@link RemoteRankMain}) with the test classpath. Every force and the global energy equal one
 * domain to 1e-12 relative.
 */
class HazelcastSeparateJvmTest {
    static final double SKIN = 1.0;

    @Test
    @DisplayName("LLZO 2x1x1 with rank 1 in a separate JVM: energy and every force equal one domain to 1e-12 relative")
    void twoJvmDecompositionEqualsSingleDomain() throws Exception {
        List<Integer> ports = HazelcastTestCluster.freePorts(2);
        String cluster = "dendrite-2jvm-" + ProcessHandle.current().pid();
        String run = "jvm" + System.nanoTime();
        Path log = Files.createTempFile("dendrite-remote-rank", ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        for (String flag : System.getProperty("dendrite.test.jvm.flags", "").split("\\s+")) {
            if (!flag.isBlank()) {
                cmd.add(flag);
            }
        }
        cmd.add("-Dhazelcast.phone.home.enabled=false");
        cmd.add("-Dhazelcast.logging.type=none");
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(RemoteRankMain.class.getName());
        cmd.add(cluster);
        cmd.add(Integer.toString(ports.get(1)));
        cmd.add(Integer.toString(ports.get(0)));
        cmd.add(run);
        Process child = new ProcessBuilder(cmd).directory(new File(".")).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        HazelcastInstance hz = null;
        try {
            hz = HazelcastCluster.join(HazelcastCluster.config(cluster, "127.0.0.1", ports.get(0),
                    HazelcastTestCluster.memberList(ports)), 2, Duration.ofSeconds(60));
            ForceField ff = TestSystems.llzoForceField();
            Structure s = TestSystems.llzo(ff, 2, 2, 2, 0.1, 11);
            int n = s.atomCount();
            Atoms ref = s.atoms().copyLocal();
            ForceResult r1 = new ForceResult();
            try (ForceEngine e = new ForceEngine(ff, SKIN, 1)) {
                e.compute(ref, s.box().copy(), true, r1);
            }
            Transport[] t = {new HazelcastTransport(hz, run, 0, 2, Duration.ofSeconds(60)), null};
            double[] f = new double[3 * n];
            java.util.Arrays.fill(f, Double.NaN);
            ForceResult rd;
            try (DecomposedSystem d = new DecomposedSystem(s.atoms(), s.box(), ff, new BrickGrid(2, 1, 1), SKIN, t)) {
                rd = d.compute(true);
                d.gatherForces(f);
            } finally {
                t[0].close();
            }
            IMap<String, String> status = hz.getMap("dendrite-remote-status-" + run);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!status.containsKey("done")) {
                assertTrue(System.nanoTime() < deadline && child.isAlive(),
                        "the remote rank did not report; its log: " + Files.readString(log));
                Thread.sleep(20);
            }
            IMap<Integer, double[]> remote = hz.getMap("dendrite-remote-forces-" + run);
            assertEquals(Integer.parseInt(status.get("done")), remote.size());
            for (int i = 0; i < n; i++) {
                double[] fr = remote.get(s.atoms().id[i]);
                if (fr != null) {
                    assertTrue(Double.isNaN(f[3 * i]), "atom id " + s.atoms().id[i] + " owned by both JVMs");
                    System.arraycopy(fr, 0, f, 3 * i, 3);
                }
            }
            status.put("stop", "1");
            double e1 = r1.potentialEnergy();
            assertEquals(e1, rd.potentialEnergy(), 1e-12 * Math.abs(e1), "potential energy");
            double fmax = 0;
            double worst = 0;
            for (int k = 0; k < 3 * n; k++) {
                assertTrue(!Double.isNaN(f[k]), "force of atom " + k / 3 + " computed by one of the JVMs");
                fmax = Math.max(fmax, Math.abs(ref.f[k]));
                worst = Math.max(worst, Math.abs(ref.f[k] - f[k]));
            }
            assertTrue(worst <= 1e-12 * fmax, "largest force difference " + worst + " eV/Å vs max force " + fmax);
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the remote rank exits when told");
        } finally {
            if (hz != null) {
                hz.getLifecycleService().terminate();
            }
            child.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
