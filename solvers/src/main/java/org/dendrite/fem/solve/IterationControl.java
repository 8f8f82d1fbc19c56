package org.dendrite.fem.solve;

/**
 * When a Krylov solve stops: converged when |r| ≤ max(relativeTolerance·|b|, absoluteTolerance)
 * (2-norms of the true residual recurrence), failed with {@link SolverException} after
 * {@code maxIterations}. Nothing runs forever.
 */
public record IterationControl(double relativeTolerance, double absoluteTolerance, int maxIterations) {
    public IterationControl {
        if (!(relativeTolerance >= 0) || !(absoluteTolerance >= 0) || maxIterations < 1) {
            throw new IllegalArgumentException("need tolerances >= 0 and maxIterations >= 1, got "
                    + relativeTolerance + ", " + absoluteTolerance + ", " + maxIterations);
        }
    }

    /** Relative 1e-10, absolute 0, at most 10000 iterations. */
    public static IterationControl defaults() {
        return new IterationControl(1e-10, 0, 10000);
    }
}
