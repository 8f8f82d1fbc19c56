package org.dendrite.fem.solve;

/**
 * What a linear solve did: iterations (0 for a direct solve), the final residual 2-norm
 * |b − A x| and the same relative to |b|, and wall time in seconds (setup of the
 * preconditioner or factorization included).
 */
public record SolveStats(String method, int iterations, double residual, double relativeResidual, double seconds) {
    @Override
    public String toString() {
        return String.format("%s: %d iterations, residual %.3e (relative %.3e), %.3f s",
                method, iterations, residual, relativeResidual, seconds);
    }
}
