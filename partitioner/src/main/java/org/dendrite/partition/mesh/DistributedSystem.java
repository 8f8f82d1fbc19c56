package org.dendrite.partition.mesh;

import java.util.Arrays;

import org.dendrite.fem.assembly.Assembler;
import org.dendrite.fem.assembly.Dirichlet;
import org.dendrite.fem.assembly.ElementKernel;
import org.dendrite.fem.sparse.CsrMatrix;

/**
 * One rank's rows of a linear system A u = b assembled on a {@link Subdomain}: the rows of its
 * owned nodes, columns in local numbering (owned, then ghosts), scalar unknowns (one per node).
 *
 * <p>Assembly runs the solvers' {@link Assembler} on the subdomain's mesh: its local elements are
 * every element touching an owned node, in global order, so each owned row receives the same
 * element contributions in the same order as in one domain and equals the global row bit for bit.
 * Rows of ghosts are incomplete and dropped. Dirichlet conditions are eliminated by the solvers'
 * {@link Dirichlet} on the local square matrix with the fixed ghosts included: the lifting
 * b_k −= A_kj g_j of an owned row k needs the fixed values of its ghost columns j, and those columns
 * are zeroed as in one domain, so the distributed matrix stays the global symmetric one.
 */
public final class DistributedSystem {
    private final Subdomain d;
    private final CsrMatrix rows;
    private final double[] b;
    private final double[] initial;

    private DistributedSystem(Subdomain d, CsrMatrix rows, double[] b, double[] initial) {
        this.d = d;
        this.rows = rows;
        this.b = b;
        this.initial = initial;
    }

    /**
     * Assembles {@code kernel} (evaluated on {@link Subdomain#submesh()}, element index = local
     * element) and eliminates the fixed nodes.
     *
     * @param fixedLocal fixed flag per local node (owned and ghost)
     * @param valuesLocal fixed values per local node (read where fixed)
     */
    public static DistributedSystem assemble(Subdomain d, ElementKernel kernel, int quadratureDegree,
            boolean[] fixedLocal, double[] valuesLocal) {
        Assembler asm = new Assembler(d.submesh(), 1, quadratureDegree);
        CsrMatrix a = asm.newMatrix();
        double[] bl = new double[a.rows];
        asm.assemble(kernel, a, bl);
        Dirichlet bc = new Dirichlet();
        double[] u0 = new double[a.rows];
        for (int l = 0; l < a.rows; l++) {
            if (fixedLocal[l]) {
                bc.set(l, valuesLocal[l]);
                u0[l] = valuesLocal[l];
            }
        }
        bc.apply(a, bl);
        int no = d.ownedCount();
        CsrMatrix owned = new CsrMatrix(no, a.cols, Arrays.copyOf(a.rowPtr, no + 1), a.colIdx, a.values);
        return new DistributedSystem(d, owned, Arrays.copyOf(bl, no), u0);
    }

    public Subdomain domain() {
        return d;
    }

    /** Owned rows × local columns. */
    public CsrMatrix rows() {
        return rows;
    }

    /** Right-hand side of the owned rows. */
    public double[] rhs() {
        return b;
    }

    /** A start vector over the local nodes: the fixed values, 0 elsewhere (a fresh copy). */
    public double[] initialGuess() {
        return initial.clone();
    }

    /**
     * The owned × owned block (columns of ghosts dropped): the matrix block-Jacobi preconditioners
     * (local Jacobi, IC(0), AMG) are built from. Columns stay sorted, so IC(0) applies directly.
     */
    public CsrMatrix ownedBlock() {
        int no = rows.rows;
        int[] rp = new int[no + 1];
        for (int i = 0; i < no; i++) {
            int c = 0;
            for (int p = rows.rowPtr[i]; p < rows.rowPtr[i + 1]; p++) {
                if (rows.colIdx[p] < no) {
                    c++;
                }
            }
            rp[i + 1] = rp[i] + c;
        }
        int[] ci = new int[rp[no]];
        double[] v = new double[rp[no]];
        int k = 0;
        for (int i = 0; i < no; i++) {
            for (int p = rows.rowPtr[i]; p < rows.rowPtr[i + 1]; p++) {
                if (rows.colIdx[p] < no) {
                    ci[k] = rows.colIdx[p];
                    v[k++] = rows.values[p];
                }
            }
        }
        return new CsrMatrix(no, no, rp, ci, v);
    }
}
