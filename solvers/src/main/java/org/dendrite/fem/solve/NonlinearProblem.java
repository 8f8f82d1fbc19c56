package org.dendrite.fem.solve;

import org.dendrite.fem.sparse.CsrMatrix;

/**
 * A discrete nonlinear system R(u) = 0 with Jacobian J = ∂R/∂u, as Newton's method and the
 * nonlinear models (chemo-mechanics, phase field) see it. Fixed values are the problem's business:
 * {@link #imposeFixedValues} writes them into u, and residual and Jacobian then treat those dofs as
 * known (zero residual, identity-like row and column), so the Newton increment is zero there.
 */
public interface NonlinearProblem {
    /** Number of unknowns. */
    int size();

    /** A zero Jacobian with the problem's sparsity pattern (called once per solve). */
    CsrMatrix newJacobian();

    /** r = R(u). */
    void residual(double[] u, double[] r);

    /** J = ∂R/∂u at u (overwrites J's values). */
    void jacobian(double[] u, CsrMatrix j);

    /** Writes the fixed (Dirichlet) values into u; the default has none. */
    default void imposeFixedValues(double[] u) {
    }
}
