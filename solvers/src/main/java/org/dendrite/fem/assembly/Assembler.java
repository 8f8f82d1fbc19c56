package org.dendrite.fem.assembly;

import org.dendrite.fem.element.ElementValues;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.sparse.CsrMatrix;
import org.dendrite.fem.sparse.SparsityPattern;

/**
 * Assembles element kernels over a mesh into a {@link CsrMatrix} with the mesh's pattern and a
 * load vector. Dof i = node·components + component. One {@link ElementValues} and one pair of local
 * buffers are reused for all elements: assembly allocates nothing per element. Local matrices
 * are added by {@link Scatter}.
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
        Scatter scatter = new Scatter(nl);
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
                scatter.add(a, dofs, ke, nl);
            }
            if (b != null) {
                for (int i = 0; i < nl; i++) {
                    b[dofs[i]] += fe[i];
                }
            }
        }
    }

    /**
     * Adds dense local matrices into a CSR matrix. The local dofs are sorted once per call, then
     * every local row is merged with its sorted CSR row in one forward pass: no binary searches
     * (whose unpredictable branches cost more than the arithmetic), no allocation.
     */
    public static final class Scatter {
        private final int[] order;

        /** For local matrices of up to {@code maxLocal} dofs. */
        public Scatter(int maxLocal) {
            order = new int[maxLocal];
        }

        /** A[dofs[i], dofs[j]] += ke[i*n + j]; every pair must be in A's pattern. */
        public void add(CsrMatrix a, int[] dofs, double[] ke, int n) {
            int[] ord = order;
            for (int i = 0; i < n; i++) {
                int d = dofs[i];
                int k = i - 1;
                while (k >= 0 && dofs[ord[k]] > d) {
                    ord[k + 1] = ord[k];
                    k--;
                }
                ord[k + 1] = i;
            }
            int[] rp = a.rowPtr;
            int[] ci = a.colIdx;
            double[] v = a.values;
            for (int i = 0; i < n; i++) {
                int row = dofs[i];
                int p = rp[row];
                int end = rp[row + 1];
                int off = i * n;
                for (int k = 0; k < n; k++) {
                    int j = ord[k];
                    int col = dofs[j];
                    while (p < end && ci[p] < col) {
                        p++;
                    }
                    if (p == end || ci[p] != col) {
                        throw new IllegalArgumentException("entry (" + row + ", " + col + ") is not in the sparsity pattern");
                    }
                    v[p] += ke[off + j];
                }
            }
        }
    }
}
