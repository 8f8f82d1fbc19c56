package org.dendrite.fem.mesh;

/**
 * Linear Lagrange element shapes with their node order, reference coordinates, local facets and VTK
 * cell type. The node order is VTK's (and Gmsh's for these shapes), so connectivity is written to
 * VTU files unchanged.
 *
 * <ul>
 *   <li>{@link #LINE2}: reference [-1, 1]; used as the facet of 2-D elements.</li>
 *   <li>{@link #TRI3}: reference (0,0), (1,0), (0,1); counter-clockwise nodes give a positive area.</li>
 *   <li>{@link #QUAD4}: reference [-1, 1]²; nodes counter-clockwise from (-1,-1).</li>
 *   <li>{@link #TET4}: reference (0,0,0), (1,0,0), (0,1,0), (0,0,1); positive orientation means
 *       det[x1−x0, x2−x0, x3−x0] &gt; 0.</li>
 *   <li>{@link #HEX8}: reference [-1, 1]³; nodes 0–3 counter-clockwise on ζ = −1 seen from +ζ,
 *       nodes 4–7 above them on ζ = +1.</li>
 * </ul>
 *
 * <p>Local facets are listed with their nodes ordered so that the right-hand rule gives the outward
 * normal of a positively oriented element (for edges in 2-D: the outward normal is the edge
 * direction turned clockwise by 90°).
 */
public enum ElementType {
    LINE2(1, 2, 3, new double[] {-1, 1}, new int[][] {{0}, {1}}),
    TRI3(2, 3, 5, new double[] {0, 0, 1, 0, 0, 1}, new int[][] {{0, 1}, {1, 2}, {2, 0}}),
    QUAD4(2, 4, 9, new double[] {-1, -1, 1, -1, 1, 1, -1, 1},
            new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}}),
    TET4(3, 4, 10, new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1},
            new int[][] {{1, 2, 3}, {0, 3, 2}, {0, 1, 3}, {0, 2, 1}}),
    HEX8(3, 8, 12,
            new double[] {-1, -1, -1, 1, -1, -1, 1, 1, -1, -1, 1, -1, -1, -1, 1, 1, -1, 1, 1, 1, 1, -1, 1, 1},
            new int[][] {{0, 4, 7, 3}, {1, 2, 6, 5}, {0, 1, 5, 4}, {2, 3, 7, 6}, {0, 3, 2, 1}, {4, 5, 6, 7}});

    /** Dimension of the reference element. */
    public final int dim;
    /** Number of nodes. */
    public final int nodes;
    /** VTK cell type code (VTK_LINE 3, VTK_TRIANGLE 5, VTK_QUAD 9, VTK_TETRA 10, VTK_HEXAHEDRON 12). */
    public final int vtkType;
    private final double[] refCoords;
    private final int[][] facets;

    ElementType(int dim, int nodes, int vtkType, double[] refCoords, int[][] facets) {
        this.dim = dim;
        this.nodes = nodes;
        this.vtkType = vtkType;
        this.refCoords = refCoords;
        this.facets = facets;
    }

    /** Whether this is a simplex (P1: constant gradients, affine map). */
    public boolean isSimplex() {
        return this == LINE2 || this == TRI3 || this == TET4;
    }

    /** Reference coordinate {@code c} of local node {@code a}. */
    public double refCoord(int a, int c) {
        return refCoords[a * dim + c];
    }

    /** Number of local facets (edges in 2-D, faces in 3-D). */
    public int facetCount() {
        return facets.length;
    }

    /** Local node indices of facet {@code f}, outward-oriented (see class comment). A copy. */
    public int[] facetNodes(int f) {
        return facets[f].clone();
    }

    /** Local node {@code k} of facet {@code f}. */
    public int facetNode(int f, int k) {
        return facets[f][k];
    }

    /** The element type of the facets. */
    public ElementType facetType() {
        switch (this) {
            case TRI3:
            case QUAD4:
                return LINE2;
            case TET4:
                return TRI3;
            case HEX8:
                return QUAD4;
            default:
                throw new IllegalStateException(this + " has no facet element type");
        }
    }

    /**
     * Values of the shape functions at reference point {@code xi} (length {@link #dim}) into
     * {@code n} (length {@link #nodes}). P1 on simplices, tensor-product (bi/tri)linear Q1 on
     * LINE2/QUAD4/HEX8: N_a = Π_c (1 + ξ_c ξ_c^a)/2.
     */
    public void shape(double[] xi, int off, double[] n, int noff) {
        switch (this) {
            case TRI3:
                n[noff] = 1 - xi[off] - xi[off + 1];
                n[noff + 1] = xi[off];
                n[noff + 2] = xi[off + 1];
                return;
            case TET4:
                n[noff] = 1 - xi[off] - xi[off + 1] - xi[off + 2];
                n[noff + 1] = xi[off];
                n[noff + 2] = xi[off + 1];
                n[noff + 3] = xi[off + 2];
                return;
            default:
                for (int a = 0; a < nodes; a++) {
                    double v = 1;
                    for (int c = 0; c < dim; c++) {
                        v *= 0.5 * (1 + xi[off + c] * refCoords[a * dim + c]);
                    }
                    n[noff + a] = v;
                }
        }
    }

    /**
     * Reference gradients of the shape functions at {@code xi}: {@code dn[noff + a*dim + c]} =
     * ∂N_a/∂ξ_c.
     */
    public void gradShape(double[] xi, int off, double[] dn, int noff) {
        switch (this) {
            case TRI3:
            case TET4:
                for (int a = 0; a < nodes; a++) {
                    for (int c = 0; c < dim; c++) {
                        dn[noff + a * dim + c] = a == 0 ? -1 : (a - 1 == c ? 1 : 0);
                    }
                }
                return;
            default:
                for (int a = 0; a < nodes; a++) {
                    for (int c = 0; c < dim; c++) {
                        double v = 1;
                        for (int d = 0; d < dim; d++) {
                            double s = refCoords[a * dim + d];
                            v *= d == c ? 0.5 * s : 0.5 * (1 + xi[off + d] * s);
                        }
                        dn[noff + a * dim + c] = v;
                    }
                }
        }
    }

    /** Reference coordinates of the centroid. */
    public double[] refCentroid() {
        double[] c = new double[dim];
        for (int a = 0; a < nodes; a++) {
            for (int d = 0; d < dim; d++) {
                c[d] += refCoords[a * dim + d] / nodes;
            }
        }
        return c;
    }

    /** Measure of the reference element (length, area or volume). */
    public double refMeasure() {
        switch (this) {
            case TRI3:
                return 0.5;
            case TET4:
                return 1.0 / 6.0;
            default:
                return 1 << dim;
        }
    }

    /** The type with this VTK cell type code, or null. */
    public static ElementType fromVtk(int code) {
        for (ElementType t : values()) {
            if (t.vtkType == code) {
                return t;
            }
        }
        return null;
    }
}
