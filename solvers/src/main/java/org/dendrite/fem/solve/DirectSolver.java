package org.dendrite.fem.solve;

import java.util.Arrays;

import org.dendrite.fem.sparse.CsrMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Sparse direct solve for small systems (up to some 10⁴–10⁵ unknowns in 2-D, fewer in 3-D):
 * EJML's sparse Cholesky when A is symmetric, its sparse LU otherwise, after a reverse
 * Cuthill–McKee renumbering (George and Liu, <i>Computer Solution of Large Sparse Positive Definite
 * Systems</i>, 1981, §4.3) that keeps the fill within the band, since EJML itself offers no
 * fill-reducing ordering. A singular or indefinite matrix is reported, not solved: floating parts
 * by {@link SingularityCheck} before factoring, other singularities by the factorization.
 */
public final class DirectSolver implements LinearSolver {

    @Override
    public SolveStats solve(CsrMatrix a, double[] b, double[] x) {
        long t0 = System.nanoTime();
        int n = a.rows;
        // A floating component factors into round-off pivots and a meaningless finite answer.
        SingularityCheck.requireDetermined(a, i -> "dof " + i);
        int[] perm = reverseCuthillMcKee(a);
        int[] inv = new int[n];
        for (int i = 0; i < n; i++) {
            inv[perm[i]] = i;
        }
        CsrMatrix pa = permute(a, perm, inv);
        boolean sym = isSymmetric(pa);
        DMatrixSparseCSC m = pa.toEjml();
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> s = sym
                ? LinearSolverFactory_DSCC.cholesky(FillReducing.NONE)
                : LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        String method = sym ? "direct-cholesky" : "direct-lu";
        boolean ok;
        try {
            ok = s.setA(m);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw new SolverException(method + ": factorization failed for " + n + " unknowns"
                    + (sym ? " (matrix singular or not positive definite)" : " (matrix singular)"));
        }
        DMatrixRMaj pb = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            pb.data[i] = b[perm[i]];
        }
        DMatrixRMaj px = new DMatrixRMaj(n, 1);
        s.solve(pb, px);
        for (int i = 0; i < n; i++) {
            x[perm[i]] = px.data[i];
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new SolverException(method + ": non-finite solution; the matrix is singular");
            }
        }
        double[] r = new double[n];
        a.residual(b, x, r);
        double rn = Vectors.norm(r);
        return new SolveStats(method, 0, rn, ConjugateGradient.rel(rn, Vectors.norm(b)), ConjugateGradient.seconds(t0));
    }

    private static boolean isSymmetric(CsrMatrix a) {
        for (int i = 0; i < a.rows; i++) {
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                int j = a.colIdx[p];
                if (j > i) {
                    double v = a.values[p];
                    double w = a.get(j, i);
                    if (Math.abs(v - w) > 1e-12 * (Math.abs(v) + Math.abs(w))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** P A Pᵀ with new index i = old index perm[i]. */
    static CsrMatrix permute(CsrMatrix a, int[] perm, int[] inv) {
        int n = a.rows;
        int[] rp = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int old = perm[i];
            rp[i + 1] = rp[i] + a.rowPtr[old + 1] - a.rowPtr[old];
        }
        int[] ci = new int[rp[n]];
        double[] v = new double[rp[n]];
        long[] buf = new long[n == 0 ? 0 : maxRow(a)];
        for (int i = 0; i < n; i++) {
            int old = perm[i];
            int len = 0;
            for (int p = a.rowPtr[old]; p < a.rowPtr[old + 1]; p++) {
                buf[len++] = ((long) inv[a.colIdx[p]] << 32) | (p - a.rowPtr[old]);
            }
            Arrays.sort(buf, 0, len);
            for (int k = 0; k < len; k++) {
                ci[rp[i] + k] = (int) (buf[k] >>> 32);
                v[rp[i] + k] = a.values[a.rowPtr[old] + (int) (buf[k] & 0xffffffffL)];
            }
        }
        return new CsrMatrix(n, n, rp, ci, v);
    }

    private static int maxRow(CsrMatrix a) {
        int m = 0;
        for (int i = 0; i < a.rows; i++) {
            m = Math.max(m, a.rowPtr[i + 1] - a.rowPtr[i]);
        }
        return m;
    }

    /**
     * Reverse Cuthill–McKee order of A's graph: breadth-first from a low-degree node of each
     * component, neighbours by increasing degree, reversed. Returns perm (new → old).
     */
    static int[] reverseCuthillMcKee(CsrMatrix a) {
        int n = a.rows;
        int[] deg = new int[n];
        for (int i = 0; i < n; i++) {
            deg[i] = a.rowPtr[i + 1] - a.rowPtr[i];
        }
        int[] order = new int[n];
        boolean[] seen = new boolean[n];
        int head = 0;
        int tail = 0;
        Integer[] byDegree = new Integer[n];
        for (int i = 0; i < n; i++) {
            byDegree[i] = i;
        }
        Arrays.sort(byDegree, (p, q) -> Integer.compare(deg[p], deg[q]));
        long[] nb = new long[maxRow(a)];
        for (int s = 0; s < n; s++) {
            int start = byDegree[s];
            if (seen[start]) {
                continue;
            }
            seen[start] = true;
            order[tail++] = start;
            while (head < tail) {
                int i = order[head++];
                int len = 0;
                for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                    int j = a.colIdx[p];
                    if (!seen[j]) {
                        seen[j] = true;
                        nb[len++] = ((long) deg[j] << 32) | j;
                    }
                }
                Arrays.sort(nb, 0, len);
                for (int k = 0; k < len; k++) {
                    order[tail++] = (int) (nb[k] & 0xffffffffL);
                }
            }
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = order[n - 1 - i];
        }
        return perm;
    }
}
