package org.dendrite.partition.mesh;

import java.util.function.Function;

import org.dendrite.fem.assembly.Kernels;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.Preconditioner;
import org.dendrite.fem.sparse.CsrMatrix;
import org.dendrite.partition.comm.Transport;

/**
 * The conduction problem ∇·(σ∇φ) = 0 of the solvers' {@code ConductionModel} (σ per element, φ fixed
 * on a set of nodes) solved by one rank of a decomposed run: local assembly of
 * {@link Kernels#diffusion(double[])} on the subdomain, Dirichlet elimination, {@link DistributedCg}.
 * Input checks (valid mesh, σ for every region, no floating part) are the model's and are done once
 * on the whole mesh by the caller; a system that is nonetheless singular ends in the CG's bounded
 * error, never a hang.
 */
public final class DistributedConduction {
    private DistributedConduction() {
    }

    /** One rank's share of the solution: φ of its owned nodes, by global node id. */
    public record Part(int rank, int[] ownedGlobal, double[] phiOwned, DistributedCg.Stats stats) {
    }

    /**
     * Solves on rank {@code t.rank()}.
     *
     * @param sigma σ per element of the global mesh, S/m
     * @param fixed fixed flag per global node
     * @param values fixed potentials per global node, V (read where fixed)
     */
    public static Part solveRank(MeshPartition partition, Transport t, double[] sigma, boolean[] fixed,
            double[] values, Function<CsrMatrix, Preconditioner> preconditioner, IterationControl control) {
        Subdomain d = partition.domain(t.rank());
        Mesh m = partition.mesh();
        DistributedSystem sys = DistributedSystem.assemble(d, Kernels.diffusion(d.elementValues(sigma)),
                m.type().isSimplex() ? 0 : 2, d.nodeMask(fixed), d.nodeValues(values));
        double[] x = sys.initialGuess();
        DistributedCg.Stats st = DistributedCg.solve(sys, t, preconditioner, control, x);
        int no = d.ownedCount();
        int[] ids = java.util.Arrays.copyOf(d.localToGlobal(), no);
        return new Part(t.rank(), ids, java.util.Arrays.copyOf(x, no), st);
    }

    /** The global φ from the parts of all ranks (each node written by its owner only). */
    public static double[] gather(Iterable<Part> parts, int nodeCount) {
        double[] phi = new double[nodeCount];
        for (Part p : parts) {
            if (p == null) {
                continue;
            }
            for (int i = 0; i < p.ownedGlobal().length; i++) {
                phi[p.ownedGlobal()[i]] = p.phiOwned()[i];
            }
        }
        return phi;
    }
}
