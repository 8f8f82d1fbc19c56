package org.dendrite.partition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.md.Atoms;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.partition.comm.Transport;
import org.dendrite.partition.hazelcast.HazelcastCluster;
import org.dendrite.partition.hazelcast.HazelcastTransport;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * Rank 1 of a 2x1x1 decomposition of the 1536-atom LLZO test cell, as a Hazelcast member in its own
 * JVM (started by {@link HazelcastSeparateJvmTest}). Computes forces once, publishes its owned
 * atoms' forces by id in an IMap, and leaves when the test says stop (at most 120 s).
 * Arguments: cluster name, own port, peer port, run name.
 */
public final class RemoteRankMain {
    private RemoteRankMain() {
    }

    public static void main(String[] args) throws Exception {
        String cluster = args[0];
        int own = Integer.parseInt(args[1]);
        int peer = Integer.parseInt(args[2]);
        String run = args[3];
        HazelcastInstance hz = HazelcastCluster.join(HazelcastCluster.config(cluster, "127.0.0.1", own,
                HazelcastTestCluster.memberList(List.of(own, peer))), 2, Duration.ofSeconds(60));
        try {
            Transport[] t = {null, new HazelcastTransport(hz, run, 1, 2, Duration.ofSeconds(60))};
            ForceField ff = TestSystems.llzoForceField();
            Structure s = TestSystems.llzo(ff, 2, 2, 2, 0.1, 11);
            IMap<String, String> status = hz.getMap("dendrite-remote-status-" + run);
            try (DecomposedSystem d = new DecomposedSystem(s.atoms(), s.box(), ff, new BrickGrid(2, 1, 1),
                    HazelcastSeparateJvmTest.SKIN, t)) {
                d.compute(true);
                Atoms a = d.rank(1).atoms;
                Map<Integer, double[]> forces = new HashMap<>();
                for (int i = 0; i < a.nlocal; i++) {
                    forces.put(a.id[i], new double[] {a.f[3 * i], a.f[3 * i + 1], a.f[3 * i + 2]});
                }
                hz.<Integer, double[]>getMap("dendrite-remote-forces-" + run).putAll(forces);
                status.put("done", Integer.toString(a.nlocal));
            } finally {
                t[1].close();
            }
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!status.containsKey("stop") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            hz.getLifecycleService().terminate();
        }
    }
}
