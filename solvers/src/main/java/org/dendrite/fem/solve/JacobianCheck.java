package org.dendrite.fem.solve;

import org.dendrite.fem.sparse.CsrMatrix;

/**
 * Compares a problem's Jacobian with central finite differences of its residual, column by column
 * (MOOSE's Jacobian tester idea): a model's consistent tangent is right when the difference is at
 * the level of the finite-difference error. Costs two residuals per unknown: small meshes only.
 */
public final class JacobianCheck {
    private JacobianCheck() {
    }

    /**
     * max_ij |J_ij − (R_i(u + h e_j) − R_i(u − h e_j))/(2h)| / max_ij |J_ij|, with entries outside
     * J's pattern compared against zero.
     */
    public static double maxRelativeError(NonlinearProblem p, double[] u, double h) {
        int n = p.size();
        CsrMatrix j = p.newJacobian();
        p.jacobian(u, j);
        double scale = 0;
        for (int k = 0; k < j.nnz(); k++) {
            scale = Math.max(scale, Math.abs(j.values[k]));
        }
        double[] up = u.clone();
        double[] rp = new double[n];
        double[] rm = new double[n];
        double worst = 0;
        for (int c = 0; c < n; c++) {
            double keep = up[c];
            up[c] = keep + h;
            p.residual(up, rp);
            up[c] = keep - h;
            p.residual(up, rm);
            up[c] = keep;
            for (int i = 0; i < n; i++) {
                double fd = (rp[i] - rm[i]) / (2 * h);
                worst = Math.max(worst, Math.abs(fd - j.get(i, c)));
            }
        }
        return scale > 0 ? worst / scale : worst;
    }
}
