package org.dendrite.fem.solve;

import org.dendrite.fem.sparse.CsrMatrix;

/**
 * IC(0): A ≈ L Lᵀ with L on the pattern of A's lower triangle (Meijerink and van der Vorst, Math.
 * Comp. 31 (1977) 148). Rows are factored left to right: l_ik = (a_ik − Σ_j l_ij l_kj)/l_kk over the
 * common columns j &lt; k, and l_ii = sqrt(a_ii − Σ_j l_ij²). If a pivot is not positive (IC(0) can
 * break down for SPD matrices that are not M-matrices, e.g. P1 on obtuse tetrahedra), the
 * factorization restarts on A + α diag(A) with α = 10⁻³, 2·10⁻³, … (Manteuffel, Math. Comp. 34 (1980)
 * 473); the shift used is reported by {@link #shift()}.
 */
public final class IncompleteCholesky implements Preconditioner {
    private final int n;
    private final int[] rp;
    private final int[] ci;
    private final double[] lv;
    private final double shift;

    public IncompleteCholesky(CsrMatrix a) {
        n = a.rows;
        rp = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                if (a.colIdx[p] <= i) {
                    c++;
                }
            }
            rp[i + 1] = rp[i] + c;
        }
        ci = new int[rp[n]];
        lv = new double[rp[n]];
        for (int i = 0; i < n; i++) {
            int k = rp[i];
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                if (a.colIdx[p] <= i) {
                    ci[k++] = a.colIdx[p];
                }
            }
            if (k == rp[i] || ci[k - 1] != i) {
                throw new SolverException("IC(0): row " + i + " has no diagonal entry");
            }
        }
        double alpha = 0;
        while (!factor(a, alpha)) {
            alpha = alpha == 0 ? 1e-3 : 2 * alpha;
            if (alpha > 1) {
                throw new SolverException("IC(0) broke down even with diagonal shift 1; the matrix is not positive definite");
            }
        }
        shift = alpha;
    }

    private boolean factor(CsrMatrix a, double alpha) {
        for (int i = 0; i < n; i++) {
            int k = rp[i];
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                if (a.colIdx[p] <= i) {
                    lv[k++] = a.colIdx[p] == i ? a.values[p] * (1 + alpha) : a.values[p];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int start = rp[i];
            int diag = rp[i + 1] - 1;
            for (int p = start; p < diag; p++) {
                int k = ci[p];
                // s = Σ_{j<k} l_ij l_kj: merge row i (columns < k) with row k (columns < k).
                double s = 0;
                int q = rp[k];
                int qEnd = rp[k + 1] - 1;
                for (int r = start; r < p && q < qEnd; ) {
                    int cr = ci[r];
                    int cq = ci[q];
                    if (cr == cq) {
                        s += lv[r] * lv[q];
                        r++;
                        q++;
                    } else if (cr < cq) {
                        r++;
                    } else {
                        q++;
                    }
                }
                lv[p] = (lv[p] - s) / lv[rp[k + 1] - 1];
            }
            double d = lv[diag];
            for (int p = start; p < diag; p++) {
                d -= lv[p] * lv[p];
            }
            if (!(d > 0)) {
                return false;
            }
            lv[diag] = Math.sqrt(d);
        }
        return true;
    }

    /** The diagonal shift α that made the factorization succeed (0 when none was needed). */
    public double shift() {
        return shift;
    }

    @Override
    public void apply(double[] r, double[] z) {
        // L y = r (forward), then Lᵀ z = y (backward, column-oriented through L's rows), in z.
        for (int i = 0; i < n; i++) {
            double s = r[i];
            int diag = rp[i + 1] - 1;
            for (int p = rp[i]; p < diag; p++) {
                s -= lv[p] * z[ci[p]];
            }
            z[i] = s / lv[diag];
        }
        for (int i = n - 1; i >= 0; i--) {
            int diag = rp[i + 1] - 1;
            double zi = z[i] / lv[diag];
            z[i] = zi;
            for (int p = rp[i]; p < diag; p++) {
                z[ci[p]] -= lv[p] * zi;
            }
        }
    }

    @Override
    public String name() {
        return "ic0";
    }
}
