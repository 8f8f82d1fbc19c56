package org.dendrite.partition.mesh;

import java.util.function.Function;

import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.Preconditioner;
import org.dendrite.fem.solve.SolverException;
import org.dendrite.fem.sparse.CsrMatrix;
import org.dendrite.partition.comm.Transport;

/**
 * Preconditioned conjugate gradients across ranks (Saad, <i>Iterative Methods for Sparse Linear
 * Systems</i>, 2nd ed., Alg. 9.1, the algorithm of the solvers' {@code ConjugateGradient}), called by
 * every rank of the transport at once with its {@link DistributedSystem}.
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
        CsrMatrix a = sys.rows();
        double[] b = sys.rhs();
        int n = a.rows;
        double[] r = new double[n];
        double[] z = new double[n];
        double[] p = new double[sys.domain().localNodeCount()];
        double[] ap = new double[n];
        double[] s2 = new double[2];
        long[] sumNanos = new long[1];
        String method = "distributed-cg+" + m.name() + "(" + t.size() + " ranks)";
        halo.forward(x);
        a.residual(b, x, r);
        s2[0] = dot(b, b, n);
        s2[1] = dot(r, r, n);
        sum(t, s2, 2, sumNanos);
        double bnorm = Math.sqrt(s2[0]);
        double rnorm = Math.sqrt(s2[1]);
        double target = Math.max(control.relativeTolerance() * bnorm, control.absoluteTolerance());
        if (rnorm <= target) {
            return stats(method, 0, rnorm, bnorm, t0, halo, sumNanos);
        }
        m.apply(r, z);
        System.arraycopy(z, 0, p, 0, n);
        s2[0] = dot(r, z, n);
        sum(t, s2, 1, sumNanos);
        double rz = s2[0];
        for (int it = 1; it <= control.maxIterations(); it++) {
            halo.forward(p);
            a.multiply(p, ap);
            s2[0] = dot(p, ap, n);
            sum(t, s2, 1, sumNanos);
            double pap = s2[0];
            if (!(pap > 0)) {
                throw new SolverException(method + ": p·Ap = " + pap + " at iteration " + it
                        + ": the matrix is not positive definite (or the system is singular)");
            }
            double alpha = rz / pap;
            double rr = 0;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                double ri = r[i] - alpha * ap[i];
                r[i] = ri;
                rr += ri * ri;
            }
            m.apply(r, z);
            s2[0] = rr;
            s2[1] = dot(r, z, n);
            sum(t, s2, 2, sumNanos);
            rnorm = Math.sqrt(s2[0]);
            if (rnorm <= target) {
                halo.forward(x);
                return stats(method, it, rnorm, bnorm, t0, halo, sumNanos);
            }
            double beta = s2[1] / rz;
            rz = s2[1];
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        throw new SolverException(String.format(java.util.Locale.ROOT,
                "%s did not converge in %d iterations: residual %.3e (relative %.3e), target %.3e", method,
                control.maxIterations(), rnorm, bnorm > 0 ? rnorm / bnorm : rnorm, target));
    }

    private static double dot(double[] u, double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static void sum(Transport t, double[] v, int n, long[] nanos) {
        long t0 = System.nanoTime();
        t.sum(v, n);
        nanos[0] += System.nanoTime() - t0;
    }

    private static Stats stats(String method, int it, double rnorm, double bnorm, long t0, NodeHalo halo,
            long[] sumNanos) {
        return new Stats(method, it, rnorm, bnorm > 0 ? rnorm / bnorm : rnorm, (System.nanoTime() - t0) * 1e-9,
                halo.seconds(), sumNanos[0] * 1e-9);
    }
}
