package org.dendrite.fem.element;

import org.dendrite.fem.mesh.BoundaryFacets;
import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.MeshException;

/**
 * Shape values, surface measure and outward unit normal at the quadrature points of one boundary
 * facet at a time, for Neumann and Robin terms: the facet (an edge in 2-D, a triangle or
 * quadrilateral in 3-D) is mapped from its own reference element; {@link #jxw}[q] = w_q |∂x/∂ξ|
 * (edge) or w_q |∂x/∂ξ × ∂x/∂η| (face). The facet's shape functions are the traces of the
 * element's, so {@link #n}[q*fn + k] belongs to facet node {@link #nodes}[k].
 */
public final class FacetValues {
    public final Mesh mesh;
    public final BoundaryFacets facets;
    public final ElementType type;
    public final int dim;
    /** Nodes per facet. */
    public final int fn;
    public final int nq;
    public final double[] n;
    public final double[] jxw;
    public final double[] xq;
    /** Outward unit normal per point, [q*dim + c]. */
    public final double[] normal;
    public final int[] nodes;
    private final Quadrature quadrature;
    private final double[] dnRef;
    private final double[] t = new double[6];
    private int facet = -1;

    public FacetValues(Mesh mesh, int degree) {
        this.mesh = mesh;
        this.facets = mesh.boundary();
        this.type = facets.facetType();
        this.dim = mesh.dim();
        this.fn = type.nodes;
        this.quadrature = Quadrature.of(type, degree);
        this.nq = quadrature.points;
        int rd = type.dim;
        this.n = new double[nq * fn];
        this.dnRef = new double[nq * fn * rd];
        this.jxw = new double[nq];
        this.xq = new double[nq * dim];
        this.normal = new double[nq * dim];
        this.nodes = new int[fn];
        double[] pts = quadrature.points();
        for (int q = 0; q < nq; q++) {
            type.shape(pts, q * rd, n, q * fn);
            type.gradShape(pts, q * rd, dnRef, q * fn * rd);
        }
    }

    public int facet() {
        return facet;
    }

    /** Computes the values on boundary facet {@code i}. */
    public void reinit(int i) {
        facet = i;
        int rd = type.dim;
        for (int k = 0; k < fn; k++) {
            nodes[k] = facets.node(i, k);
        }
        for (int q = 0; q < nq; q++) {
            for (int x = 0; x < 6; x++) {
                t[x] = 0;
            }
            for (int c = 0; c < dim; c++) {
                xq[q * dim + c] = 0;
            }
            for (int k = 0; k < fn; k++) {
                for (int c = 0; c < dim; c++) {
                    double xc = mesh.x(nodes[k], c);
                    xq[q * dim + c] += n[q * fn + k] * xc;
                    for (int r = 0; r < rd; r++) {
                        t[r * 3 + c] += xc * dnRef[(q * fn + k) * rd + r];
                    }
                }
            }
            double nx;
            double ny;
            double nz = 0;
            if (dim == 2) {
                // Edge tangent turned clockwise is the outward normal of an outward-oriented edge.
                nx = t[1];
                ny = -t[0];
            } else {
                nx = t[1] * t[5] - t[2] * t[4];
                ny = t[2] * t[3] - t[0] * t[5];
                nz = t[0] * t[4] - t[1] * t[3];
            }
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (!(len > 0)) {
                throw new MeshException("boundary facet " + i + " of element " + facets.owner(i) + " is degenerate");
            }
            jxw[q] = len * quadrature.weight(q);
            normal[q * dim] = nx / len;
            normal[q * dim + 1] = ny / len;
            if (dim == 3) {
                normal[q * dim + 2] = nz / len;
            }
        }
    }
}
