package org.dendrite.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.PreconditionerType;
import org.dendrite.partition.comm.Transport;
import org.dendrite.partition.mesh.ConductionFixtures;
import org.dendrite.partition.mesh.DistributedConduction;
import org.dendrite.partition.mesh.MeshPartition;
import org.dendrite.partition.mesh.RankThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decomposed conduction solve of {@code partition.mesh} over two embedded Hazelcast members on
 * 127.0.0.1 (free ports) in this JVM: halo exchanges and global sums cross the members.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeshHazelcastSolveTest {
    private static final double RTOL = 1e-11;
    private HazelcastTestCluster cluster;
    private int runs;

    @BeforeAll
    void startMembers() {
        cluster = new HazelcastTestCluster("dendrite-mesh-test-" + ProcessHandle.current().pid(), 2);
    }

    @AfterAll
    void stopMembers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest(name = "{0}, {1} ranks on 2 members")
    @CsvSource({"TRI3, 2", "TET4, 2", "TET4, 4"})
    @DisplayName("conduction solved across 2 Hazelcast members equals the single-domain ConductionModel solution to 1e-8 relative (CG to 1e-11)")
    void hazelcastSolveEqualsSingleDomain(String type, int ranks) {
        Mesh m = type.equals("TRI3") ? ConductionFixtures.mesh(ElementType.TRI3, 24)
                : ConductionFixtures.mesh(ElementType.TET4, 8);
        double[] ref = ConductionFixtures.singleDomain(m, RTOL);
        MeshPartition mp = MeshPartition.rcb(m, ranks);
        double[] g = new double[m.nodeCount()];
        boolean[] fixed = ConductionFixtures.fixed(m, g);
        double[] sigma = ConductionFixtures.sigma(m);
        Transport[] t = cluster.transports("mesh" + (++runs), ranks, 2, Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        List<DistributedConduction.Part> parts;
        try {
            parts = RankThreads.run(t, (r, tr) -> DistributedConduction.solveRank(mp, tr, sigma, fixed, g,
                    PreconditionerType.JACOBI, new IterationControl(RTOL, 0, 5000)));
        } finally {
            Transport.closeAll(t);
        }
        double s = (System.nanoTime() - t0) * 1e-9;
        double diff = ConductionFixtures.maxAbsDiff(ref, DistributedConduction.gather(parts, m.nodeCount()));
        for (DistributedConduction.Part p : parts) {
            assertEquals(parts.get(0).stats().iterations(), p.stats().iterations(), "ranks stop together");
        }
        System.out.printf("Hazelcast %s %d ranks: %s, max |dphi| = %.3e V, %.2f s%n", type, ranks,
                parts.get(0).stats(), diff, s);
        assertTrue(diff <= 1e-8 * ConductionFixtures.PHI_XMIN, "max nodal difference " + diff + " V");
    }
}
