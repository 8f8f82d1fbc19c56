package org.dendrite.fem.mesh;

/**
 * Geometric validity of a mesh: every element must be positively oriented and not degenerate.
 * For simplices the Jacobian is constant, so its sign is the sign of the element's measure; for
 * Q1 quads and hexes the Jacobian varies, and its determinant is checked at every corner (a
 * bilinear quad is valid iff all corner determinants are positive; for trilinear hexes the corner
 * test is the standard necessary check used by mesh generators).
 *
 * <p>An element is degenerate when the smallest Jacobian determinant is below
 * {@link #DEGENERATE} times the element's bounding-box extent to the power dim (relative to the
 * reference measure): a flat or collapsed element whose stiffness would be singular.
 */
public final class MeshQuality {
    /** Relative threshold below which a positive Jacobian counts as degenerate. */
    public static final double DEGENERATE = 1e-12;

    private MeshQuality() {
    }

    /**
     * Smallest and largest element measure (area or volume; Q1 from the Jacobian at the centroid),
     * the smallest corner Jacobian relative to the element's extent^dim, and the element where it is.
     */
    public record Report(double minMeasure, double maxMeasure, double minRelativeJacobian, int worstElement) {
    }

    /** Throws {@link MeshException} naming the first inverted or degenerate element. */
    public static Report requireValid(Mesh mesh) {
        return check(mesh, true);
    }

    /** Measures the mesh; does not throw for bad elements (they show as a non-positive minimum). */
    public static Report measure(Mesh mesh) {
        return check(mesh, false);
    }

    private static Report check(Mesh mesh, boolean strict) {
        ElementType t = mesh.type();
        int dim = mesh.dim();
        int npe = t.nodes;
        double[] dn = new double[npe * dim];
        double[] xi = new double[dim];
        double[] jac = new double[dim * dim];
        double minMeasure = Double.POSITIVE_INFINITY;
        double maxMeasure = 0;
        double worstRel = Double.POSITIVE_INFINITY;
        int worst = -1;
        int corners = t.isSimplex() ? 1 : npe;
        for (int e = 0; e < mesh.elementCount(); e++) {
            double extent = 0;
            for (int c = 0; c < dim; c++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < npe; a++) {
                    double v = mesh.x(mesh.node(e, a), c);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                extent = Math.max(extent, hi - lo);
            }
            double scale = Math.pow(extent, dim) / t.refMeasure();
            double minDet = Double.POSITIVE_INFINITY;
            int minCorner = 0;
            for (int k = 0; k < corners; k++) {
                for (int c = 0; c < dim; c++) {
                    xi[c] = t.isSimplex() ? 0 : t.refCoord(k, c);
                }
                t.gradShape(xi, 0, dn, 0);
                double det = jacobian(mesh, e, dn, jac);
                if (det < minDet) {
                    minDet = det;
                    minCorner = k;
                }
            }
            double measure = minDet * t.refMeasure();
            if (!t.isSimplex()) {
                double[] centre = t.refCentroid();
                t.gradShape(centre, 0, dn, 0);
                measure = jacobian(mesh, e, dn, jac) * t.refMeasure();
            }
            double rel = scale > 0 ? minDet / scale : Double.NEGATIVE_INFINITY;
            if (rel < worstRel) {
                worstRel = rel;
                worst = e;
            }
            minMeasure = Math.min(minMeasure, measure);
            maxMeasure = Math.max(maxMeasure, measure);
            if (strict && !(rel > DEGENERATE)) {
                throw new MeshException(describe(mesh, e) + (minDet < 0 ? " is inverted" : " is degenerate")
                        + ": Jacobian determinant " + String.format("%.6g", minDet)
                        + (t.isSimplex() ? "" : " at corner " + minCorner)
                        + " (" + orientationRule(t) + ")");
            }
        }
        return new Report(minMeasure, maxMeasure, worstRel, worst);
    }

    /** det of J = Σ_a x_a ⊗ ∂N_a/∂ξ, with J written into {@code jac} (row = physical axis). */
    static double jacobian(Mesh mesh, int e, double[] dn, double[] jac) {
        int dim = mesh.dim();
        int npe = mesh.nodesPerElement();
        java.util.Arrays.fill(jac, 0);
        for (int a = 0; a < npe; a++) {
            int n = mesh.node(e, a);
            for (int i = 0; i < dim; i++) {
                double x = mesh.x(n, i);
                for (int j = 0; j < dim; j++) {
                    jac[i * dim + j] += x * dn[a * dim + j];
                }
            }
        }
        if (dim == 2) {
            return jac[0] * jac[3] - jac[1] * jac[2];
        }
        return jac[0] * (jac[4] * jac[8] - jac[5] * jac[7])
                - jac[1] * (jac[3] * jac[8] - jac[5] * jac[6])
                + jac[2] * (jac[3] * jac[7] - jac[4] * jac[6]);
    }

    /** "element 17 (TRI3, nodes 3 4 9, centroid (x, y))". */
    public static String describe(Mesh mesh, int e) {
        StringBuilder sb = new StringBuilder("element ").append(e).append(" (").append(mesh.type()).append(", nodes");
        double[] c = new double[mesh.dim()];
        for (int a = 0; a < mesh.nodesPerElement(); a++) {
            int n = mesh.node(e, a);
            sb.append(' ').append(n);
            for (int d = 0; d < mesh.dim(); d++) {
                c[d] += mesh.x(n, d) / mesh.nodesPerElement();
            }
        }
        sb.append(", centroid (");
        for (int d = 0; d < mesh.dim(); d++) {
            sb.append(d > 0 ? ", " : "").append(String.format("%.6g", c[d]));
        }
        return sb.append("))").toString();
    }

    private static String orientationRule(ElementType t) {
        switch (t) {
            case TRI3:
            case QUAD4:
                return "nodes must go counter-clockwise";
            case TET4:
                return "det[x1-x0, x2-x0, x3-x0] must be > 0";
            default:
                return "nodes 0-3 counter-clockwise seen from above, 4-7 above them";
        }
    }
}
