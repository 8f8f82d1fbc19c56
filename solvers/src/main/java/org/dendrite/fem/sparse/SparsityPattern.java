package org.dendrite.fem.sparse;

import java.util.Arrays;

import org.dendrite.fem.mesh.Mesh;

/**
 * The sparsity pattern of a finite-element matrix on a mesh: dof i = node·components + component
 * couples with every dof of every node that shares an element with node i. Built in two passes
 * over a node→element map with a marker array (no per-row collections), so a 10⁶-node mesh takes
 * well under a second.
 */
public final class SparsityPattern {
    private SparsityPattern() {
    }

    /** Node → element adjacency in CSR form: {ptr, elements}. */
    public static int[][] nodeToElements(Mesh mesh) {
        int nn = mesh.nodeCount();
        int npe = mesh.nodesPerElement();
        int[] conn = mesh.connectivity();
        int[] ptr = new int[nn + 1];
        for (int v : conn) {
            ptr[v + 1]++;
        }
        for (int i = 0; i < nn; i++) {
            ptr[i + 1] += ptr[i];
        }
        int[] fill = Arrays.copyOf(ptr, nn);
        int[] elems = new int[conn.length];
        for (int p = 0; p < conn.length; p++) {
            elems[fill[conn[p]]++] = p / npe;
        }
        return new int[][] {ptr, elems};
    }

    /** A zero matrix with the pattern of {@code components} dofs per node. */
    public static CsrMatrix matrix(Mesh mesh, int components) {
        int nn = mesh.nodeCount();
        int npe = mesh.nodesPerElement();
        int[] conn = mesh.connectivity();
        int[][] ne = nodeToElements(mesh);
        int[] ptr = ne[0];
        int[] elems = ne[1];
        int[] marker = new int[nn];
        Arrays.fill(marker, -1);
        int[] nodePtr = new int[nn + 1];
        for (int i = 0; i < nn; i++) {
            int count = 0;
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                int e = elems[p];
                for (int a = 0; a < npe; a++) {
                    int j = conn[e * npe + a];
                    if (marker[j] != i) {
                        marker[j] = i;
                        count++;
                    }
                }
            }
            nodePtr[i + 1] = nodePtr[i] + count;
        }
        int[] nodeCols = new int[nodePtr[nn]];
        Arrays.fill(marker, -1);
        for (int i = 0; i < nn; i++) {
            int k = nodePtr[i];
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                int e = elems[p];
                for (int a = 0; a < npe; a++) {
                    int j = conn[e * npe + a];
                    if (marker[j] != i) {
                        marker[j] = i;
                        nodeCols[k++] = j;
                    }
                }
            }
            Arrays.sort(nodeCols, nodePtr[i], k);
        }
        if (components == 1) {
            return CsrMatrix.ofPattern(nn, nn, nodePtr, nodeCols);
        }
        int nc = components;
        int n = nn * nc;
        long nnz = (long) nodePtr[nn] * nc * nc;
        if (nnz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix of " + nnz + " entries is too large for int indexing");
        }
        int[] rp = new int[n + 1];
        int[] ci = new int[(int) nnz];
        int k = 0;
        for (int i = 0; i < nn; i++) {
            int len = nodePtr[i + 1] - nodePtr[i];
            for (int c = 0; c < nc; c++) {
                int row = i * nc + c;
                rp[row] = k;
                for (int p = nodePtr[i]; p < nodePtr[i] + len; p++) {
                    for (int d = 0; d < nc; d++) {
                        ci[k++] = nodeCols[p] * nc + d;
                    }
                }
            }
        }
        rp[n] = k;
        return CsrMatrix.ofPattern(n, n, rp, ci);
    }
}
