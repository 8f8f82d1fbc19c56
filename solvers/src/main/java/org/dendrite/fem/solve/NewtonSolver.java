package org.dendrite.fem.solve;

import java.util.Locale;

import org.dendrite.fem.sparse.CsrMatrix;

/**
 * Newton–Raphson for {@link NonlinearProblem}: solve J(u) δ = −R(u), then u ← u + λ δ with λ from a
 * backtracking line search on |R| (halving while the residual norm does not decrease, at most
 * {@link #MAX_HALVINGS} times; Dennis and Schnabel, <i>Numerical Methods for Unconstrained
 * Optimization and Nonlinear Equations</i>, 1983, §6.3). Converged when
 * |R| ≤ max(rtol·|R(u₀)|, atol); after {@code maxIterations} steps it throws naming the residual
 * reached, and a line search that cannot reduce |R| throws too.
 */
public final class NewtonSolver {
    public static final int MAX_HALVINGS = 10;

    private final LinearSolver linear;
    private final double rtol;
    private final double atol;
    private final int maxIterations;

    /** One Newton step's record. */
    public record Step(int iteration, double residual, double lambda, SolveStats linear) {
    }

    /** Iterations done, the residual norm of each iterate (index 0 = initial), and per-step records. */
    public record Result(int iterations, double[] residuals, java.util.List<Step> steps) {
        public double finalResidual() {
            return residuals[residuals.length - 1];
        }
    }

    public NewtonSolver(LinearSolver linear, double rtol, double atol, int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        this.linear = linear;
        this.rtol = rtol;
        this.atol = atol;
        this.maxIterations = maxIterations;
    }

    /** Solves R(u) = 0 starting from u (modified in place). */
    public Result solve(NonlinearProblem problem, double[] u) {
        int n = problem.size();
        problem.imposeFixedValues(u);
        CsrMatrix jac = problem.newJacobian();
        double[] r = new double[n];
        double[] du = new double[n];
        double[] trial = new double[n];
        double[] rTrial = new double[n];
        problem.residual(u, r);
        double r0 = Vectors.norm(r);
        double target = Math.max(rtol * r0, atol);
        double[] hist = new double[maxIterations + 1];
        hist[0] = r0;
        java.util.List<Step> steps = new java.util.ArrayList<>();
        double rn = r0;
        for (int it = 1; it <= maxIterations + 1; it++) {
            if (rn <= target) {
                return new Result(it - 1, java.util.Arrays.copyOf(hist, it), steps);
            }
            if (it > maxIterations) {
                break;
            }
            problem.jacobian(u, jac);
            for (int i = 0; i < n; i++) {
                r[i] = -r[i];
                du[i] = 0;
            }
            SolveStats ls = linear.solve(jac, r, du);
            double lambda = 1;
            double rt = Double.POSITIVE_INFINITY;
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = u[i] + lambda * du[i];
                }
                problem.residual(trial, rTrial);
                rt = Vectors.norm(rTrial);
                if (rt < rn || rt <= target) {
                    break;
                }
                lambda *= 0.5;
            }
            if (!(rt < rn) && !(rt <= target)) {
                throw new SolverException(String.format(Locale.ROOT,
                        "Newton: line search could not reduce the residual at iteration %d (|R| = %.3e, best trial %.3e)",
                        it, rn, rt));
            }
            System.arraycopy(trial, 0, u, 0, n);
            System.arraycopy(rTrial, 0, r, 0, n);
            rn = rt;
            hist[it] = rn;
            steps.add(new Step(it, rn, lambda, ls));
        }
        throw new SolverException(String.format(Locale.ROOT,
                "Newton did not converge in %d iterations: residual %.3e (initial %.3e, target %.3e)",
                maxIterations, rn, r0, target));
    }
}
