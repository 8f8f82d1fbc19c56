package org.dendrite.fem.assembly;

import org.dendrite.fem.element.ElementValues;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.sparse.CsrMatrix;
import org.dendrite.fem.sparse.SparsityPattern;

/**
 * Assembles element kernels over a mesh into a {@link CsrMatrix} with the mesh's pattern and a
 * load vector. Dof i = node·components + component. One {@link ElementValues} and one pair of local
 * buffers are reused for all elements: assembly allocates nothing per element. Each local entry is
 * added at its position in the row, found by binary search in the row's sorted columns.
 */
public final class Assembler {
    private final Mesh mesh;
    private final int components;
    private final int degree;
    private CsrMatrix pattern;

    /**
     * @param components dofs per node
     * @param quadratureDegree polynomial degree the element integrals must be exact for (2 is exact
     *        for P1/Q1 stiffness and P1 mass on affine elements)
     */
    public Assembler(Mesh mesh, int components, int quadratureDegree) {
        this.mesh = mesh;
        this.components = components;
        this.degree = quadratureDegree;
    }

    public Mesh mesh() {
        return mesh;
    }

    public int components() {
        return components;
    }

    /** Number of unknowns. */
    public int size() {
        return mesh.nodeCount() * components;
    }

    /** A new zero matrix on the mesh's pattern (the pattern's index arrays are built once and shared). */
    public synchronized CsrMatrix newMatrix() {
        if (pattern == null) {
            pattern = SparsityPattern.matrix(mesh, components);
        }
        return pattern.zeroLike();
    }

    /** A = Σ_e ke, b = Σ_e fe (added to what A and b hold; either may be null). */
    public void assemble(ElementKernel kernel, CsrMatrix a, double[] b) {
        ElementValues ev = new ElementValues(mesh, degree);
        int npe = ev.npe;
        int nc = components;
        int nl = npe * nc;
        double[] ke = new double[nl * nl];
        double[] fe = new double[nl];
        int[] dofs = new int[nl];
        for (int e = 0; e < mesh.elementCount(); e++) {
            ev.reinit(e);
            java.util.Arrays.fill(ke, 0);
            java.util.Arrays.fill(fe, 0);
            kernel.compute(ev, ke, fe);
            for (int x = 0; x < npe; x++) {
                for (int c = 0; c < nc; c++) {
                    dofs[x * nc + c] = ev.nodes[x] * nc + c;
                }
            }
            if (a != null) {
                scatter(a, dofs, ke, nl);
            }
            if (b != null) {
                for (int i = 0; i < nl; i++) {
                    b[dofs[i]] += fe[i];
                }
            }
        }
    }

    /** Adds a dense local matrix (row-major, n×n on {@code dofs}) into A. */
    public static void scatter(CsrMatrix a, int[] dofs, double[] ke, int n) {
        int[] rp = a.rowPtr;
        int[] ci = a.colIdx;
        double[] v = a.values;
        for (int i = 0; i < n; i++) {
            int row = dofs[i];
            int lo0 = rp[row];
            int hi0 = rp[row + 1] - 1;
            for (int j = 0; j < n; j++) {
                int col = dofs[j];
                int lo = lo0;
                int hi = hi0;
                int pos = -1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    int c = ci[mid];
                    if (c < col) {
                        lo = mid + 1;
                    } else if (c > col) {
                        hi = mid - 1;
                    } else {
                        pos = mid;
                        break;
                    }
                }
                if (pos < 0) {
                    throw new IllegalArgumentException("entry (" + row + ", " + col + ") is not in the sparsity pattern");
                }
                v[pos] += ke[i * n + j];
            }
        }
    }
}
