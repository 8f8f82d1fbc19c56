package org.dendrite.fem.sparse;

import java.util.Arrays;

import org.ejml.data.DMatrixSparseCSC;

/**
 * A sparse matrix in compressed sparse row form on primitive arrays: the columns of row i are
 * {@code colIdx[rowPtr[i] .. rowPtr[i+1]-1]}, strictly increasing, with their {@code values}.
 *
 * <p>Why our own arrays rather than EJML's {@link DMatrixSparseCSC} for the FEM hot loops: finite-
 * element assembly adds each local matrix into a fixed pattern, and CG needs y = A x; with rows
 * contiguous, both are one pass over primitive arrays with a binary search per entry (assembly) or
 * none (matvec), and rows can later be split among threads or domains without locking. EJML's CSC
 * is column-major, its triplet-to-CSC conversion allocates per assembly, and its mult goes through
 * dense-matrix wrappers. The measured comparison is in {@code docs/fem.md}. EJML remains the
 * interchange format ({@link #toEjml()}, {@link #fromEjml}) and provides the sparse direct solvers.
 */
public final class CsrMatrix {
    public final int rows;
    public final int cols;
    public final int[] rowPtr;
    public final int[] colIdx;
    public final double[] values;

    public CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        if (rowPtr.length != rows + 1 || colIdx.length < rowPtr[rows] || values.length < rowPtr[rows]) {
            throw new IllegalArgumentException("inconsistent CSR arrays: rows=" + rows + ", rowPtr.length="
                    + rowPtr.length + ", nnz=" + rowPtr[rows] + ", colIdx.length=" + colIdx.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
    }

    /** A zero matrix with the given pattern (the index arrays are shared). */
    public static CsrMatrix ofPattern(int rows, int cols, int[] rowPtr, int[] colIdx) {
        return new CsrMatrix(rows, cols, rowPtr, colIdx, new double[rowPtr[rows]]);
    }

    /** Number of stored entries. */
    public int nnz() {
        return rowPtr[rows];
    }

    /** A matrix with the same (shared) pattern and zero values. */
    public CsrMatrix zeroLike() {
        return new CsrMatrix(rows, cols, rowPtr, colIdx, new double[nnz()]);
    }

    /** A copy of the values on the same (shared) pattern. */
    public CsrMatrix copy() {
        return new CsrMatrix(rows, cols, rowPtr, colIdx, Arrays.copyOf(values, nnz()));
    }

    public void setZero() {
        Arrays.fill(values, 0, nnz(), 0.0);
    }

    /** Position of entry (i, j) in {@link #values}, or −1 when it is not in the pattern. */
    public int find(int i, int j) {
        int lo = rowPtr[i];
        int hi = rowPtr[i + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = colIdx[mid];
            if (c < j) {
                lo = mid + 1;
            } else if (c > j) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** A(i, j), zero outside the pattern. */
    public double get(int i, int j) {
        int p = find(i, j);
        return p < 0 ? 0 : values[p];
    }

    /** A(i, j) += v; the entry must be in the pattern. */
    public void add(int i, int j, double v) {
        int p = find(i, j);
        if (p < 0) {
            throw new IllegalArgumentException("entry (" + i + ", " + j + ") is not in the sparsity pattern");
        }
        values[p] += v;
    }

    /** y = A x. */
    public void multiply(double[] x, double[] y) {
        final int[] rp = rowPtr;
        final int[] ci = colIdx;
        final double[] v = values;
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int p = rp[i], end = rp[i + 1]; p < end; p++) {
                s += v[p] * x[ci[p]];
            }
            y[i] = s;
        }
    }

    /** r = b − A x. */
    public void residual(double[] b, double[] x, double[] r) {
        for (int i = 0; i < rows; i++) {
            double s = b[i];
            for (int p = rowPtr[i], end = rowPtr[i + 1]; p < end; p++) {
                s -= values[p] * x[colIdx[p]];
            }
            r[i] = s;
        }
    }

    /** The diagonal into {@code d} (zero where the pattern has no diagonal entry). */
    public void diagonal(double[] d) {
        for (int i = 0; i < rows; i++) {
            int p = find(i, i);
            d[i] = p < 0 ? 0 : values[p];
        }
    }

    /** Aᵀ as a new matrix. */
    public CsrMatrix transpose() {
        int nnz = nnz();
        int[] tp = new int[cols + 1];
        for (int p = 0; p < nnz; p++) {
            tp[colIdx[p] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            tp[j + 1] += tp[j];
        }
        int[] fill = Arrays.copyOf(tp, cols);
        int[] ti = new int[nnz];
        double[] tv = new double[nnz];
        for (int i = 0; i < rows; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int q = fill[colIdx[p]]++;
                ti[q] = i;
                tv[q] = values[p];
            }
        }
        return new CsrMatrix(cols, rows, tp, ti, tv);
    }

    /**
     * C = A B by Gustavson's row-by-row algorithm (ACM TOMS 4 (1978) 250) with a dense marker of
     * length B.cols; output rows sorted.
     */
    public CsrMatrix multiply(CsrMatrix b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("cannot multiply " + rows + "x" + cols + " by " + b.rows + "x" + b.cols);
        }
        int[] marker = new int[b.cols];
        Arrays.fill(marker, -1);
        int[] cp = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            int count = 0;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int k = colIdx[p];
                for (int q = b.rowPtr[k]; q < b.rowPtr[k + 1]; q++) {
                    int j = b.colIdx[q];
                    if (marker[j] != i) {
                        marker[j] = i;
                        count++;
                    }
                }
            }
            cp[i + 1] = cp[i] + count;
        }
        int[] ci = new int[cp[rows]];
        double[] cv = new double[cp[rows]];
        double[] acc = new double[b.cols];
        Arrays.fill(marker, -1);
        for (int i = 0; i < rows; i++) {
            int start = cp[i];
            int len = 0;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int k = colIdx[p];
                double a = values[p];
                for (int q = b.rowPtr[k]; q < b.rowPtr[k + 1]; q++) {
                    int j = b.colIdx[q];
                    if (marker[j] != i) {
                        marker[j] = i;
                        ci[start + len++] = j;
                        acc[j] = a * b.values[q];
                    } else {
                        acc[j] += a * b.values[q];
                    }
                }
            }
            Arrays.sort(ci, start, start + len);
            for (int p = start; p < start + len; p++) {
                cv[p] = acc[ci[p]];
            }
        }
        return new CsrMatrix(rows, b.cols, cp, ci, cv);
    }

    /** This matrix as an EJML compressed-sparse-column matrix (a copy). */
    public DMatrixSparseCSC toEjml() {
        CsrMatrix t = transpose();
        DMatrixSparseCSC m = new DMatrixSparseCSC(rows, cols, nnz());
        System.arraycopy(t.rowPtr, 0, m.col_idx, 0, cols + 1);
        System.arraycopy(t.colIdx, 0, m.nz_rows, 0, nnz());
        System.arraycopy(t.values, 0, m.nz_values, 0, nnz());
        m.nz_length = nnz();
        m.indicesSorted = true;
        return m;
    }

    /** A CSR copy of an EJML matrix. */
    public static CsrMatrix fromEjml(DMatrixSparseCSC m) {
        // The CSC arrays of M are the CSR arrays of Mᵀ; transposing gives M in CSR with sorted rows.
        int nnz = m.nz_length;
        int[] rp = Arrays.copyOf(m.col_idx, m.numCols + 1);
        int[] ci = Arrays.copyOf(m.nz_rows, nnz);
        double[] v = Arrays.copyOf(m.nz_values, nnz);
        if (!m.indicesSorted) {
            for (int j = 0; j < m.numCols; j++) {
                sortSegment(ci, v, rp[j], rp[j + 1]);
            }
        }
        return new CsrMatrix(m.numCols, m.numRows, rp, ci, v).transpose();
    }

    private static void sortSegment(int[] idx, double[] v, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int k = idx[i];
            double x = v[i];
            int j = i - 1;
            while (j >= from && idx[j] > k) {
                idx[j + 1] = idx[j];
                v[j + 1] = v[j];
                j--;
            }
            idx[j + 1] = k;
            v[j + 1] = x;
        }
    }
}
