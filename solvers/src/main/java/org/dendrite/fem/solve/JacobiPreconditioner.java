package org.dendrite.fem.solve;

import org.dendrite.fem.sparse.CsrMatrix;

/** z = D⁻¹ r with D = diag(A). A zero diagonal is a singular matrix and is reported by row. */
public final class JacobiPreconditioner implements Preconditioner {
    private final double[] inv;

    public JacobiPreconditioner(CsrMatrix a) {
        inv = new double[a.rows];
        a.diagonal(inv);
        for (int i = 0; i < inv.length; i++) {
            if (inv[i] == 0) {
                throw new SolverException("Jacobi: zero diagonal in row " + i + " (an unknown with no equation)");
            }
            inv[i] = 1 / inv[i];
        }
    }

    @Override
    public void apply(double[] r, double[] z) {
        for (int i = 0; i < inv.length; i++) {
            z[i] = inv[i] * r[i];
        }
    }

    @Override
    public String name() {
        return "jacobi";
    }
}
