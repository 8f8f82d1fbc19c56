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
        int n = a.rows;
        double[] r = new double[n];
        double[] z = new double[n];
        double[] p = new double[n];
        double[] ap = new double[n];
        a.residual(b, x, r);
        double bnorm = Math.sqrt(Vectors.dot(b, b));
        double target = Math.max(control.relativeTolerance() * bnorm, control.absoluteTolerance());
        double rnorm = Math.sqrt(Vectors.dot(r, r));
        String method = "cg+" + m.name();
        if (rnorm <= target) {
            return new SolveStats(method, 0, rnorm, rel(rnorm, bnorm), seconds(t0));
        }
        m.apply(r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rz = Vectors.dot(r, z);
        for (int it = 1; it <= control.maxIterations(); it++) {
            a.multiply(p, ap);
            double pap = Vectors.dot(p, ap);
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
            rnorm = Math.sqrt(rr);
            if (rnorm <= target) {
                return new SolveStats(method, it, rnorm, rel(rnorm, bnorm), seconds(t0));
            }
            m.apply(r, z);
            double rzNew = Vectors.dot(r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        throw new SolverException(String.format("%s did not converge in %d iterations: residual %.3e (relative %.3e),"
                + " target %.3e", method, control.maxIterations(), rnorm, rel(rnorm, bnorm), target));
    }

    static double rel(double r, double b) {
        return b > 0 ? r / b : r;
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
