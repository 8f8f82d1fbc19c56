package org.dendrite.partition.mesh;

import java.time.Duration;
import java.util.List;

import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.PreconditionerType;
import org.dendrite.partition.comm.InProcessTransport;
import org.dendrite.partition.comm.Transport;

/**
 * Not a test: iterations, time per CG iteration and exchange share of the decomposed conduction
 * solve on in-process domains. Arguments: cube cells per side n ((n+1)³ unknowns), preconditioner
 * key, then domain counts. Each solve is done twice and the second is reported (JIT warm-up).
 */
public final class MeshSolveMeasurement {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        PreconditionerType pc = PreconditionerType.of(args[1]);
        Mesh m = ConductionFixtures.mesh(ElementType.TET4, n);
        double[] g = new double[m.nodeCount()];
        boolean[] fixed = ConductionFixtures.fixed(m, g);
        double[] sigma = ConductionFixtures.sigma(m);
        System.out.printf("TET4 cube, %d unknowns, %d elements, %s, CG to 1e-8%n", m.nodeCount(), m.elementCount(), pc.key());
        for (int a = 2; a < args.length; a++) {
            int ranks = Integer.parseInt(args[a]);
            long tp = System.nanoTime();
            MeshPartition mp = MeshPartition.rcb(m, ranks);
            double partSeconds = (System.nanoTime() - tp) * 1e-9;
            for (int rep = 0; rep < 2; rep++) {
                Transport[] t = InProcessTransport.group(ranks, Duration.ofSeconds(120));
                List<DistributedConduction.Part> parts = RankThreads.run(t, (r, tr) -> DistributedConduction.solveRank(
                        mp, tr, sigma, fixed, g, pc, new IterationControl(1e-8, 0, 10000)));
                for (Transport x : t) {
                    x.close();
                }
                if (rep == 1) {
                    System.out.printf("%d domain(s): %s; partition %.2f s%n", ranks, mp, partSeconds);
                    for (DistributedConduction.Part p : parts) {
                        DistributedCg.Stats s = p.stats();
                        System.out.printf("  rank %d: %d owned, %s, %.3f ms/iteration, exchange %.1f %% (halo %.1f %%, sums %.1f %%)%n",
                                p.rank(), p.ownedGlobal().length, s, 1e3 * s.seconds() / s.iterations(),
                                100 * s.exchangeShare(), 100 * s.haloSeconds() / s.seconds(),
                                100 * s.sumSeconds() / s.seconds());
                    }
                }
            }
        }
    }
}
