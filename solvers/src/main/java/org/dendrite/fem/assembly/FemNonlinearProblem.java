package org.dendrite.fem.assembly;

import java.util.Arrays;

import org.dendrite.fem.element.ElementValues;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.solve.NonlinearProblem;
import org.dendrite.fem.sparse.CsrMatrix;

/**
 * A {@link NonlinearProblem} assembled from a {@link NonlinearElementKernel} over a mesh, with
 * Dirichlet values: the fixed dofs take their values in {@link #imposeFixedValues}, their residual
 * entries are zero and their Jacobian rows and columns are eliminated (diagonal kept), so Newton
 * never moves them and symmetric tangents stay symmetric.
 */
public final class FemNonlinearProblem implements NonlinearProblem {
    private final Assembler assembler;
    private final NonlinearElementKernel kernel;
    private final Dirichlet dirichlet;
    private final int degree;

    public FemNonlinearProblem(Mesh mesh, int components, int quadratureDegree, NonlinearElementKernel kernel,
            Dirichlet dirichlet) {
        this.assembler = new Assembler(mesh, components, quadratureDegree);
        this.kernel = kernel;
        this.dirichlet = dirichlet == null ? new Dirichlet() : dirichlet;
        this.degree = quadratureDegree;
    }

    @Override
    public int size() {
        return assembler.size();
    }

    @Override
    public CsrMatrix newJacobian() {
        return assembler.newMatrix();
    }

    @Override
    public void imposeFixedValues(double[] u) {
        dirichlet.impose(u);
    }

    @Override
    public void residual(double[] u, double[] r) {
        Arrays.fill(r, 0);
        loop(u, r, null);
        dirichlet.zeroFixed(r);
    }

    @Override
    public void jacobian(double[] u, CsrMatrix j) {
        j.setZero();
        loop(u, null, j);
        dirichlet.applyHomogeneous(j, null);
    }

    private void loop(double[] u, double[] r, CsrMatrix j) {
        Mesh mesh = assembler.mesh();
        int nc = assembler.components();
        ElementValues ev = new ElementValues(mesh, degree);
        int nl = ev.npe * nc;
        double[] ue = new double[nl];
        double[] re = new double[nl];
        double[] ke = j == null ? null : new double[nl * nl];
        int[] dofs = new int[nl];
        Assembler.Scatter scatter = new Assembler.Scatter(nl);
        for (int e = 0; e < mesh.elementCount(); e++) {
            ev.reinit(e);
            for (int a = 0; a < ev.npe; a++) {
                for (int c = 0; c < nc; c++) {
                    int d = ev.nodes[a] * nc + c;
                    dofs[a * nc + c] = d;
                    ue[a * nc + c] = u[d];
                }
            }
            Arrays.fill(re, 0);
            if (ke != null) {
                Arrays.fill(ke, 0);
            }
            kernel.compute(ev, ue, re, ke);
            if (r != null) {
                for (int i = 0; i < nl; i++) {
                    r[dofs[i]] += re[i];
                }
            }
            if (ke != null) {
                scatter.add(j, dofs, ke, nl);
            }
        }
    }
}
