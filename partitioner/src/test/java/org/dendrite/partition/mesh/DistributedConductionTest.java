package org.dendrite.partition.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.dendrite.fem.assembly.Assembler;
import org.dendrite.fem.assembly.Dirichlet;
import org.dendrite.fem.assembly.Kernels;
import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.PreconditionerType;
import org.dendrite.fem.sparse.CsrMatrix;
import org.dendrite.partition.comm.InProcessTransport;
import org.dendrite.partition.comm.Transport;
import org.dendrite.partition.comm.TransportException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributedConductionTest {
    private static final double RTOL = 1e-11;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    static Mesh mesh(String type) {
        return type.equals("TRI3") ? ConductionFixtures.mesh(ElementType.TRI3, 40)
                : ConductionFixtures.mesh(ElementType.TET4, 12);
    }

    static List<DistributedConduction.Part> solve(Mesh m, int ranks, PreconditionerType pc, double rtol) {
        MeshPartition mp = MeshPartition.rcb(m, ranks);
        double[] g = new double[m.nodeCount()];
        boolean[] fixed = ConductionFixtures.fixed(m, g);
        double[] sigma = ConductionFixtures.sigma(m);
        Transport[] t = InProcessTransport.group(ranks, TIMEOUT);
        try {
            return RankThreads.run(t, (r, tr) -> DistributedConduction.solveRank(mp, tr, sigma, fixed, g, pc,
                    new IterationControl(rtol, 0, 5000)));
        } finally {
            for (Transport x : t) {
                x.close();
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1} domains, {2}")
    @CsvSource({"TRI3, 1, JACOBI", "TRI3, 2, JACOBI", "TRI3, 3, JACOBI", "TRI3, 4, JACOBI", "TRI3, 4, IC0",
            "TET4, 1, JACOBI", "TET4, 2, JACOBI", "TET4, 3, JACOBI", "TET4, 4, JACOBI", "TET4, 3, IC0"})
    @DisplayName("two-region conduction solved on 1-4 in-process domains equals the single-domain ConductionModel solution to 1e-8 relative (CG to 1e-11)")
    void decomposedSolveEqualsSingleDomain(String type, int ranks, PreconditionerType pc) {
        Mesh m = mesh(type);
        double[] ref = ConductionFixtures.singleDomain(m, RTOL);
        List<DistributedConduction.Part> parts = solve(m, ranks, pc, RTOL);
        double[] phi = DistributedConduction.gather(parts, m.nodeCount());
        double diff = ConductionFixtures.maxAbsDiff(ref, phi);
        int it = parts.get(0).stats().iterations();
        for (DistributedConduction.Part p : parts) {
            assertEquals(it, p.stats().iterations(), "every rank stops at the same iteration");
            assertTrue(p.stats().relativeResidual() <= RTOL);
        }
        System.out.printf("%s %d domains %s: %d iterations, max |dphi| = %.3e V%n", type, ranks, pc, it, diff);
        assertTrue(diff <= 1e-8 * ConductionFixtures.PHI_XMIN, "max nodal difference " + diff + " V");
    }

    @ParameterizedTest(name = "{0} on {1} domains")
    @CsvSource({"TRI3, 3", "TET4, 4"})
    @DisplayName("each rank's assembled and Dirichlet-eliminated owned rows equal the global rows (matrix bit for bit, rhs to 1e-14)")
    void ownedRowsEqualGlobalRows(String type, int ranks) {
        Mesh m = mesh(type);
        double[] sigma = ConductionFixtures.sigma(m);
        double[] g = new double[m.nodeCount()];
        boolean[] fixed = ConductionFixtures.fixed(m, g);
        Assembler asm = new Assembler(m, 1, 0);
        CsrMatrix a = asm.newMatrix();
        asm.assemble(Kernels.diffusion(sigma), a, null);
        double[] b = new double[a.rows];
        Dirichlet bc = new Dirichlet();
        for (int n = 0; n < fixed.length; n++) {
            if (fixed[n]) {
                bc.set(n, g[n]);
            }
        }
        bc.apply(a, b);
        double bmax = 0;
        for (double v : b) {
            bmax = Math.max(bmax, Math.abs(v));
        }
        MeshPartition mp = MeshPartition.rcb(m, ranks);
        for (int r = 0; r < ranks; r++) {
            Subdomain d = mp.domain(r);
            DistributedSystem s = DistributedSystem.assemble(d, Kernels.diffusion(d.elementValues(sigma)), 0,
                    d.nodeMask(fixed), d.nodeValues(g));
            CsrMatrix loc = s.rows();
            int[] l2g = d.localToGlobal();
            for (int i = 0; i < d.ownedCount(); i++) {
                int gi = l2g[i];
                assertEquals(a.rowPtr[gi + 1] - a.rowPtr[gi], loc.rowPtr[i + 1] - loc.rowPtr[i], "row length, node " + gi);
                for (int p = loc.rowPtr[i]; p < loc.rowPtr[i + 1]; p++) {
                    assertEquals(a.get(gi, l2g[loc.colIdx[p]]), loc.values[p], 0.0, "A(" + gi + ", " + l2g[loc.colIdx[p]] + ")");
                }
                assertEquals(b[gi], s.rhs()[i], 1e-14 * bmax, "b(" + gi + ")");
            }
        }
    }

    @Test
    @DisplayName("with Jacobi, the distributed CG takes the single-domain Jacobi CG's iteration count (within 2) on 1 and 4 domains")
    void jacobiIterationsDoNotDependOnTheDomainCount() {
        Mesh m = mesh("TET4");
        int one = solve(m, 1, PreconditionerType.JACOBI, 1e-10).get(0).stats().iterations();
        int four = solve(m, 4, PreconditionerType.JACOBI, 1e-10).get(0).stats().iterations();
        assertTrue(Math.abs(one - four) <= 2, one + " vs " + four + " iterations");
    }

    @Test
    @DisplayName("a rank that never joins the solve makes the others fail within the transport timeout, not hang")
    void missingRankFailsWithinTimeout() {
        Mesh m = mesh("TRI3");
        MeshPartition mp = MeshPartition.rcb(m, 2);
        double[] g = new double[m.nodeCount()];
        boolean[] fixed = ConductionFixtures.fixed(m, g);
        double[] sigma = ConductionFixtures.sigma(m);
        Transport[] t = InProcessTransport.group(2, Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        RuntimeException e = assertThrows(RuntimeException.class, () -> RankThreads.run(new Transport[] {t[0], null},
                (r, tr) -> DistributedConduction.solveRank(mp, tr, sigma, fixed, g, PreconditionerType.JACOBI,
                        IterationControl.defaults())));
        double s = (System.nanoTime() - t0) * 1e-9;
        assertTrue(e.getCause() instanceof TransportException, "cause: " + e.getCause());
        assertTrue(s < 10, "failed after " + s + " s");
    }
}
