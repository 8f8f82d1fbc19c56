package org.dendrite.fem.solve;

import java.util.function.Function;

import org.dendrite.fem.sparse.CsrMatrix;

/**
 * Preconditioned conjugate gradients for symmetric positive definite A (Hestenes and Stiefel 1952;
 * the preconditioned form as in Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed.,
 * Alg. 9.1). The preconditioner is built from A at each {@link #solve} by the given factory (its
 * setup time is included in the stats). Stops per {@link IterationControl}; p·Ap ≤ 0 means A is not
 * positive definite and is reported with the iteration.
 */
public final class ConjugateGradient implements LinearSolver {
    private final Function<CsrMatrix, Preconditioner> factory;
    private final IterationControl control;
    private Preconditioner last;

    public ConjugateGradient(Function<CsrMatrix, Preconditioner> preconditioner, IterationControl control) {
        this.factory = preconditioner;
        this.control = control;
    }

    /** The preconditioner built by the last solve. */
    public Preconditioner lastPreconditioner() {
        return last;
    }

    @Override
    public SolveStats solve(CsrMatrix a, double[] b, double[] x) {
        long t0 = System.nanoTime();
        Preconditioner m = factory.apply(a);
        last = m;
        return solve(a, b, x, m, control, t0);
    }

    /** CG with a ready preconditioner. */
    public static SolveStats solve(CsrMatrix a, double[] b, double[] x, Preconditioner m, IterationControl control) {
        return solve(a, b, x, m, control, System.nanoTime());
    }

    private static SolveStats solve(CsrMatrix a, double[] b, double[] x, Preconditioner m, IterationControl control,
            long t0) {
        return solve(a, b, x, m, control, Communication.SERIAL, "cg+" + m.name(), a.rows, t0);
    }

    /**
     * What the CG loop needs when its vectors are split across ranks (the distributed solve of the
     * partitioner): the rows of {@code a} are the rank's owned rows, vectors hold the owned entries
     * first and ghost entries after them. With one rank both operations do nothing.
     */
    public interface Communication {
        /** Brings the ghost entries of {@code v} up to date from their owners (before A·v). */
        void refreshGhosts(double[] v);

        /** Sums {@code values[0..n)} over all ranks in place; every rank must get the same bits. */
        void sum(double[] values, int n);

        /** One rank holding every row. */
        Communication SERIAL = new Communication() {
            @Override
            public void refreshGhosts(double[] v) {
            }

            @Override
            public void sum(double[] values, int n) {
            }
        };
    }

    /**
     * The CG loop, for one rank or all ranks of a split system at once (every rank calls it with
     * the same {@code control}). Inner products are summed over the owned entries, then across ranks
     * with {@code comm}, so every rank takes the same α, β and stop decision; r·r and r·z share one
     * sum, giving two sums and one ghost refresh per iteration. {@code x}'s ghost entries are
     * refreshed on return.
     *
     * @param vectorLength length of x and of the search direction: owned plus ghost entries
     */
    public static SolveStats solve(CsrMatrix a, double[] b, double[] x, Preconditioner m, IterationControl control,
            Communication comm, String method, int vectorLength, long t0) {
        int n = a.rows;
        double[] r = new double[n];
        double[] z = new double[n];
        double[] p = new double[vectorLength];
        double[] ap = new double[n];
        double[] s2 = new double[2];
        comm.refreshGhosts(x);
        a.residual(b, x, r);
        s2[0] = dot(b, b, n);
        s2[1] = dot(r, r, n);
        comm.sum(s2, 2);
        double bnorm = Math.sqrt(s2[0]);
        double rnorm = Math.sqrt(s2[1]);
        double target = Math.max(control.relativeTolerance() * bnorm, control.absoluteTolerance());
        if (rnorm <= target) {
            return new SolveStats(method, 0, rnorm, rel(rnorm, bnorm), seconds(t0));
        }
        m.apply(r, z);
        System.arraycopy(z, 0, p, 0, n);
        s2[0] = dot(r, z, n);
        comm.sum(s2, 1);
        double rz = s2[0];
        for (int it = 1; it <= control.maxIterations(); it++) {
            comm.refreshGhosts(p);
            a.multiply(p, ap);
            s2[0] = dot(p, ap, n);
            comm.sum(s2, 1);
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
            comm.sum(s2, 2);
            rnorm = Math.sqrt(s2[0]);
            if (rnorm <= target) {
                comm.refreshGhosts(x);
                return new SolveStats(method, it, rnorm, rel(rnorm, bnorm), seconds(t0));
            }
            double beta = s2[1] / rz;
            rz = s2[1];
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        throw new SolverException(String.format(java.util.Locale.ROOT, "%s did not converge in %d iterations: "
                + "residual %.3e (relative %.3e), target %.3e", method, control.maxIterations(), rnorm,
                rel(rnorm, bnorm), target));
    }

    private static double dot(double[] u, double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    static double rel(double r, double b) {
        return b > 0 ? r / b : r;
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
