package org.dendrite.partition.mesh;

import java.util.function.Function;

import org.dendrite.fem.solve.ConjugateGradient;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.Preconditioner;
import org.dendrite.fem.solve.SolveStats;
import org.dendrite.fem.sparse.CsrMatrix;
import org.dendrite.partition.comm.Transport;

/**
 * Preconditioned conjugate gradients across ranks: the solvers' {@link ConjugateGradient} loop
 * (Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed., Alg. 9.1) with a
 * {@link ConjugateGradient.Communication} over the transport, called by every rank at once with its
 * {@link DistributedSystem}.
 *
 * <ul>
 * <li>A p: forward halo exchange of p's ghost entries, then the owned rows times the local vector.
 * <li>Inner products: owned entries summed locally, then {@link Transport#sum}, which adds the
 * ranks' terms in rank order and gives every rank the same bits. Every rank therefore takes the
 * same α, β and the same stop decision, and the loop cannot diverge between ranks. r·r and r·z
 * share one sum: two sums and one halo exchange per iteration.
 * <li>Preconditioner: block Jacobi, i.e. any solvers' preconditioner built on the rank's owned
 * block (Jacobi is then exactly global Jacobi; IC(0) or AMG per block are stronger but weaken
 * as the ranks grow in number). The block preconditioner is symmetric positive definite, so CG
 * applies.
 * <li>Every blocking call is a transport receive bounded by its timeout; the loop is bounded by
 * {@link IterationControl#maxIterations()}. A failure on one rank (no convergence, p·Ap ≤ 0, a
 * timeout) is thrown on that rank; {@link RankThreads} aborts the transport so the others stop too.
 * </ul>
 */
public final class DistributedCg {
    private DistributedCg() {
    }

    /** What one rank saw: iterations and where the wall time went. */
    public record Stats(String method, int iterations, double residual, double relativeResidual, double seconds,
            double haloSeconds, double sumSeconds) {
        /** Share of the solve spent in halo exchanges and global sums (including waits). */
        public double exchangeShare() {
            return seconds > 0 ? (haloSeconds + sumSeconds) / seconds : 0;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%s: %d iterations, relative residual %.3e, %.3f s (halo %.3f s, sums %.3f s)",
                    method, iterations, relativeResidual, seconds, haloSeconds, sumSeconds);
        }
    }

    /**
     * Solves for the owned entries of {@code x} (length = local nodes; its ghost entries are
     * refreshed on return). The preconditioner is built by {@code factory} from the owned block.
     */
    public static Stats solve(DistributedSystem sys, Transport t, Function<CsrMatrix, Preconditioner> factory,
            IterationControl control, double[] x) {
        long t0 = System.nanoTime();
        NodeHalo halo = new NodeHalo(sys.domain(), t);
        Preconditioner m = factory.apply(sys.ownedBlock());
        long[] sumNanos = new long[1];
        ConjugateGradient.Communication comm = new ConjugateGradient.Communication() {
            @Override
            public void refreshGhosts(double[] v) {
                halo.forward(v);
            }

            @Override
            public void sum(double[] values, int n) {
                long s0 = System.nanoTime();
                t.sum(values, n);
                sumNanos[0] += System.nanoTime() - s0;
            }
        };
        String method = "distributed-cg+" + m.name() + "(" + t.size() + " ranks)";
        SolveStats s = ConjugateGradient.solve(sys.rows(), sys.rhs(), x, m, control, comm, method,
                sys.domain().localNodeCount(), t0);
        return new Stats(s.method(), s.iterations(), s.residual(), s.relativeResidual(), s.seconds(),
                halo.seconds(), sumNanos[0] * 1e-9);
    }
}
