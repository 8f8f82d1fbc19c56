package org.dendrite.fem.assembly;

import java.util.Arrays;

import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.sparse.CsrMatrix;

/**
 * Fixed values u_j = g_j on a set of dofs, imposed by row elimination with symmetric lifting: for
 * every fixed dof j, b_k −= A_kj g_j for each free row k, then row j and column j are zeroed except
 * the diagonal, which keeps its assembled value d_j, and b_j = d_j g_j. The system stays symmetric
 * (CG still applies), keeps its scaling (Jacobi and AMG are not disturbed by unit rows among
 * entries of size σ/h²), and the solution takes the exact fixed values.
 *
 * <p>Needs a structurally symmetric pattern (every FEM pattern is): column j is walked through the
 * rows that row j names.
 */
public final class Dirichlet {
    private int[] dofs = new int[0];
    private double[] vals = new double[0];
    private int count;

    /** Fixes dof {@code dof} to {@code value}; a later call for the same dof overrides. */
    public Dirichlet set(int dof, double value) {
        if (count == dofs.length) {
            dofs = Arrays.copyOf(dofs, Math.max(16, 2 * count));
            vals = Arrays.copyOf(vals, dofs.length);
        }
        dofs[count] = dof;
        vals[count] = value;
        count++;
        return this;
    }

    /** Fixes every node on a box face (component {@code component} of {@code components}). */
    public Dirichlet onFace(Mesh mesh, BoxFace face, int components, int component, double value) {
        for (int n : mesh.boundary().nodesOn(face)) {
            set(n * components + component, value);
        }
        return this;
    }

    /** Fixes every node on a box face to f(x) (scalar problems). */
    public Dirichlet onFace(Mesh mesh, BoxFace face, ScalarField f) {
        for (int n : mesh.boundary().nodesOn(face)) {
            set(n, f.value(mesh.x(n, 0), mesh.x(n, 1), mesh.dim() == 3 ? mesh.x(n, 2) : 0));
        }
        return this;
    }

    /** Fixes every boundary node (all faces and holes) to f(x) (scalar problems). */
    public Dirichlet onWholeBoundary(Mesh mesh, ScalarField f) {
        var b = mesh.boundary();
        boolean[] seen = new boolean[mesh.nodeCount()];
        for (int i = 0; i < b.count(); i++) {
            for (int k = 0; k < b.facetType().nodes; k++) {
                int n = b.node(i, k);
                if (!seen[n]) {
                    seen[n] = true;
                    set(n, f.value(mesh.x(n, 0), mesh.x(n, 1), mesh.dim() == 3 ? mesh.x(n, 2) : 0));
                }
            }
        }
        return this;
    }

    /** Number of fixed dofs (a dof set twice counts once after {@link #fixedMask}). */
    public int size() {
        return count;
    }

    /** A mask of the fixed dofs, with their values in {@code valuesOut} (may be null). */
    public boolean[] fixedMask(int n, double[] valuesOut) {
        boolean[] m = new boolean[n];
        for (int i = 0; i < count; i++) {
            m[dofs[i]] = true;
            if (valuesOut != null) {
                valuesOut[dofs[i]] = vals[i];
            }
        }
        return m;
    }

    /** Writes the fixed values into {@code u}. */
    public void impose(double[] u) {
        for (int i = 0; i < count; i++) {
            u[dofs[i]] = vals[i];
        }
    }

    /** Eliminates the fixed dofs from A u = b as described in the class comment. */
    public void apply(CsrMatrix a, double[] b) {
        double[] g = new double[a.rows];
        boolean[] fixed = fixedMask(a.rows, g);
        eliminate(a, b, fixed, g);
    }

    /**
     * Homogeneous version for Newton increments: rows and columns of fixed dofs are zeroed with
     * the diagonal kept, and r_j = 0, so the increment is zero there.
     */
    public void applyHomogeneous(CsrMatrix a, double[] r) {
        boolean[] fixed = fixedMask(a.rows, null);
        eliminate(a, r, fixed, null);
    }

    /** Sets r_j = 0 at fixed dofs (residual of a problem whose u already has the fixed values). */
    public void zeroFixed(double[] r) {
        for (int i = 0; i < count; i++) {
            r[dofs[i]] = 0;
        }
    }

    private static void eliminate(CsrMatrix a, double[] b, boolean[] fixed, double[] g) {
        int[] rp = a.rowPtr;
        int[] ci = a.colIdx;
        double[] v = a.values;
        for (int j = 0; j < a.rows; j++) {
            if (!fixed[j]) {
                continue;
            }
            double gj = g == null ? 0 : g[j];
            double diag = 0;
            for (int p = rp[j]; p < rp[j + 1]; p++) {
                int k = ci[p];
                if (k == j) {
                    diag = v[p];
                    continue;
                }
                v[p] = 0;
                if (!fixed[k]) {
                    int q = a.find(k, j);
                    if (q >= 0) {
                        if (b != null) {
                            b[k] -= v[q] * gj;
                        }
                        v[q] = 0;
                    }
                }
            }
            if (diag == 0) {
                // A fixed dof whose row is empty (e.g. a node of no element's support): unit diagonal.
                int q = a.find(j, j);
                if (q < 0) {
                    throw new IllegalArgumentException("fixed dof " + j + " has no diagonal entry in the pattern");
                }
                v[q] = 1;
                diag = 1;
            }
            if (b != null) {
                b[j] = diag * gj;
            }
        }
    }
}
