package org.dendrite.fem.solve;

import java.util.function.Function;

import org.dendrite.fem.sparse.CsrMatrix;

/**
 * Right-preconditioned BiCGSTAB for non-symmetric A (van der Vorst, SIAM J. Sci. Stat. Comput. 13
 * (1992) 631; Saad Alg. 7.7 with preconditioning), for Newton Jacobians of nonlinear models.
 * Stops per {@link IterationControl}; a breakdown (ρ or ω = 0) is reported with the iteration.
 */
public final class BiCgStab implements LinearSolver {
    private final Function<CsrMatrix, Preconditioner> factory;
    private final IterationControl control;

    public BiCgStab(Function<CsrMatrix, Preconditioner> preconditioner, IterationControl control) {
        this.factory = preconditioner;
        this.control = control;
    }

    @Override
    public SolveStats solve(CsrMatrix a, double[] b, double[] x) {
        long t0 = System.nanoTime();
        Preconditioner m = factory.apply(a);
        String method = "bicgstab+" + m.name();
        int n = a.rows;
        double[] r = new double[n];
        double[] r0 = new double[n];
        double[] p = new double[n];
        double[] v = new double[n];
        double[] s = new double[n];
        double[] t = new double[n];
        double[] ph = new double[n];
        double[] sh = new double[n];
        a.residual(b, x, r);
        System.arraycopy(r, 0, r0, 0, n);
        double bnorm = Math.sqrt(Vectors.dot(b, b));
        double target = Math.max(control.relativeTolerance() * bnorm, control.absoluteTolerance());
        double rnorm = Math.sqrt(Vectors.dot(r, r));
        if (rnorm <= target) {
            return new SolveStats(method, 0, rnorm, ConjugateGradient.rel(rnorm, bnorm), ConjugateGradient.seconds(t0));
        }
        double rho = 1;
        double alpha = 1;
        double omega = 1;
        for (int it = 1; it <= control.maxIterations(); it++) {
            double rhoNew = Vectors.dot(r0, r);
            if (rhoNew == 0 || omega == 0) {
                throw new SolverException(method + ": breakdown at iteration " + it + " (residual "
                        + String.format("%.3e", rnorm) + ")");
            }
            double beta = (rhoNew / rho) * (alpha / omega);
            rho = rhoNew;
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + beta * (p[i] - omega * v[i]);
            }
            m.apply(p, ph);
            a.multiply(ph, v);
            alpha = rho / Vectors.dot(r0, v);
            for (int i = 0; i < n; i++) {
                s[i] = r[i] - alpha * v[i];
            }
            double snorm = Math.sqrt(Vectors.dot(s, s));
            if (snorm <= target) {
                for (int i = 0; i < n; i++) {
                    x[i] += alpha * ph[i];
                }
                return new SolveStats(method, it, snorm, ConjugateGradient.rel(snorm, bnorm), ConjugateGradient.seconds(t0));
            }
            m.apply(s, sh);
            a.multiply(sh, t);
            double tt = Vectors.dot(t, t);
            omega = tt > 0 ? Vectors.dot(t, s) / tt : 0;
            double rr = 0;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * ph[i] + omega * sh[i];
                double ri = s[i] - omega * t[i];
                r[i] = ri;
                rr += ri * ri;
            }
            rnorm = Math.sqrt(rr);
            if (rnorm <= target) {
                return new SolveStats(method, it, rnorm, ConjugateGradient.rel(rnorm, bnorm), ConjugateGradient.seconds(t0));
            }
        }
        throw new SolverException(String.format("%s did not converge in %d iterations: residual %.3e (relative %.3e),"
                + " target %.3e", method, control.maxIterations(), rnorm, ConjugateGradient.rel(rnorm, bnorm), target));
    }
}
