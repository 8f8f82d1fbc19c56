package org.dendrite.fem.solve;

import org.dendrite.fem.sparse.CsrMatrix;

/** Solves A x = b; {@code x} holds the initial guess on entry (iterative methods) and the solution on return. */
@FunctionalInterface
public interface LinearSolver {
    SolveStats solve(CsrMatrix a, double[] b, double[] x);
}
