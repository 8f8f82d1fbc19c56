package org.dendrite.fem.assembly;

import org.dendrite.fem.element.FacetValues;
import org.dendrite.fem.mesh.BoundaryFacets;
import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.sparse.CsrMatrix;

/**
 * Natural boundary terms of the scalar weak form ∫ k ∇u·∇v = ∫ f v + ∫_Γ k ∂u/∂n v on the facets
 * of a box face (n = outward normal):
 * <ul>
 *   <li>Neumann, k ∂u/∂n = g: b += ∫_Γ g v. For conduction (j = −σ∇φ), g = −j·n, so g &gt; 0 is
 *       current entering through the face.</li>
 *   <li>Robin, k ∂u/∂n = α (u_ref − u): A += ∫_Γ α u v and b += ∫_Γ α u_ref v (a transfer or
 *       contact conductance α between the boundary and an outside value u_ref).</li>
 * </ul>
 */
public final class BoundaryTerms {
    private BoundaryTerms() {
    }

    /** b += ∫_face g v ds. */
    public static void neumann(Mesh mesh, BoxFace face, ScalarField g, double[] b) {
        FacetValues fv = new FacetValues(mesh, 2);
        BoundaryFacets bf = mesh.boundary();
        int dim = mesh.dim();
        for (int i : bf.facetsOn(face)) {
            fv.reinit(i);
            for (int q = 0; q < fv.nq; q++) {
                double gx = g.value(fv.xq[q * dim], fv.xq[q * dim + 1], dim == 3 ? fv.xq[q * dim + 2] : 0);
                for (int k = 0; k < fv.fn; k++) {
                    b[fv.nodes[k]] += gx * fv.n[q * fv.fn + k] * fv.jxw[q];
                }
            }
        }
    }

    /** A += ∫_face α u v ds, b += ∫_face α u_ref v ds. */
    public static void robin(Mesh mesh, BoxFace face, double alpha, ScalarField uRef, CsrMatrix a, double[] b) {
        FacetValues fv = new FacetValues(mesh, 2);
        BoundaryFacets bf = mesh.boundary();
        int dim = mesh.dim();
        double[] ke = new double[fv.fn * fv.fn];
        Assembler.Scatter scatter = new Assembler.Scatter(fv.fn);
        for (int i : bf.facetsOn(face)) {
            fv.reinit(i);
            java.util.Arrays.fill(ke, 0);
            for (int q = 0; q < fv.nq; q++) {
                double w = alpha * fv.jxw[q];
                double ur = uRef.value(fv.xq[q * dim], fv.xq[q * dim + 1], dim == 3 ? fv.xq[q * dim + 2] : 0);
                for (int k = 0; k < fv.fn; k++) {
                    double nk = fv.n[q * fv.fn + k];
                    b[fv.nodes[k]] += w * ur * nk;
                    for (int l = 0; l < fv.fn; l++) {
                        ke[k * fv.fn + l] += w * nk * fv.n[q * fv.fn + l];
                    }
                }
            }
            scatter.add(a, fv.nodes, ke, fv.fn);
        }
    }
}
