package org.dendrite.fem.element;

import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.MeshException;
import org.dendrite.fem.mesh.MeshQuality;

/**
 * Shape-function values, physical gradients and weights at the quadrature points of one element
 * at a time (deal.II's FEValues): {@link #reinit(int)} maps the reference element onto element e
 * with the isoparametric map x(ξ) = Σ_a x_a N_a(ξ), J = ∂x/∂ξ, and fills
 * <ul>
 *   <li>{@link #jxw}[q] = w_q · det J(ξ_q),</li>
 *   <li>{@link #dndx}[(q*npe + a)*dim + c] = ∂N_a/∂x_c at point q (∇N = J⁻ᵀ ∇_ξ N),</li>
 *   <li>{@link #xq}[q*dim + c] = physical coordinates of point q,</li>
 * </ul>
 * and {@link #n}[q*npe + a] = N_a(ξ_q), which does not depend on the element.
 *
 * <p>One instance per thread; reinit allocates nothing. A non-positive det J means an inverted or
 * degenerate element and throws {@link MeshException} naming it.
 */
public final class ElementValues {
    public final Mesh mesh;
    public final ElementType type;
    public final Quadrature quadrature;
    public final int dim;
    /** Nodes per element. */
    public final int npe;
    /** Quadrature points. */
    public final int nq;
    /** Shape values N_a(ξ_q), [q*npe + a]. */
    public final double[] n;
    /** Physical gradients, [(q*npe + a)*dim + c]. */
    public final double[] dndx;
    /** Weight times Jacobian determinant per point. */
    public final double[] jxw;
    /** Physical coordinates of the points, [q*dim + c]. */
    public final double[] xq;
    /** Global node indices of the current element. */
    public final int[] nodes;

    private final double[] dnRef;
    private final double[] jac = new double[9];
    private final double[] inv = new double[9];
    private final double[] xe;
    private final boolean affine;
    private int element = -1;

    public ElementValues(Mesh mesh, int degree) {
        this(mesh, Quadrature.of(mesh.type(), degree));
    }

    public ElementValues(Mesh mesh, Quadrature quadrature) {
        this.mesh = mesh;
        this.type = mesh.type();
        this.quadrature = quadrature;
        this.dim = mesh.dim();
        this.npe = type.nodes;
        this.nq = quadrature.points;
        this.n = new double[nq * npe];
        this.dnRef = new double[nq * npe * dim];
        this.dndx = new double[nq * npe * dim];
        this.jxw = new double[nq];
        this.xq = new double[nq * dim];
        this.nodes = new int[npe];
        this.xe = new double[npe * dim];
        this.affine = type.isSimplex();
        double[] pts = quadrature.points();
        for (int q = 0; q < nq; q++) {
            type.shape(pts, q * dim, n, q * npe);
            type.gradShape(pts, q * dim, dnRef, q * npe * dim);
        }
    }

    /** The element last passed to {@link #reinit}. */
    public int element() {
        return element;
    }

    /** Computes the values on element {@code e}. */
    public void reinit(int e) {
        element = e;
        double[] coords = mesh.coords();
        int[] conn = mesh.connectivity();
        for (int a = 0; a < npe; a++) {
            int node = conn[e * npe + a];
            nodes[a] = node;
            for (int c = 0; c < dim; c++) {
                xe[a * dim + c] = coords[node * dim + c];
            }
        }
        if (affine) {
            reinitAffine(e);
            return;
        }
        for (int q = 0; q < nq; q++) {
            int off = q * npe * dim;
            for (int i = 0; i < dim * dim; i++) {
                jac[i] = 0;
            }
            for (int c = 0; c < dim; c++) {
                xq[q * dim + c] = 0;
            }
            for (int a = 0; a < npe; a++) {
                double na = n[q * npe + a];
                for (int i = 0; i < dim; i++) {
                    double x = xe[a * dim + i];
                    xq[q * dim + i] += na * x;
                    for (int j = 0; j < dim; j++) {
                        jac[i * dim + j] += x * dnRef[off + a * dim + j];
                    }
                }
            }
            double det = invert(jac, inv, dim);
            if (!(det > 0)) {
                throw new MeshException(MeshQuality.describe(mesh, e) + (det < 0 ? " is inverted" : " is degenerate")
                        + ": Jacobian determinant " + String.format("%.6g", det) + " at quadrature point " + q);
            }
            jxw[q] = det * quadrature.weight(q);
            // ∂N/∂x_c = Σ_j ∂N/∂ξ_j (J⁻¹)_{j c}
            for (int a = 0; a < npe; a++) {
                for (int c = 0; c < dim; c++) {
                    double s = 0;
                    for (int j = 0; j < dim; j++) {
                        s += dnRef[off + a * dim + j] * inv[j * dim + c];
                    }
                    dndx[off + a * dim + c] = s;
                }
            }
        }
    }

    /**
     * Simplices: the map is affine, so J, det J and ∇N are the same at every point; compute them
     * once (from the reference gradients of point 0) and copy.
     */
    private void reinitAffine(int e) {
        if (type == ElementType.TET4) {
            reinitTet(e);
            return;
        }
        for (int i = 0; i < dim * dim; i++) {
            jac[i] = 0;
        }
        for (int a = 0; a < npe; a++) {
            for (int i = 0; i < dim; i++) {
                double x = xe[a * dim + i];
                for (int j = 0; j < dim; j++) {
                    jac[i * dim + j] += x * dnRef[a * dim + j];
                }
            }
        }
        double det = invert(jac, inv, dim);
        if (!(det > 0)) {
            throw new MeshException(MeshQuality.describe(mesh, e) + (det < 0 ? " is inverted" : " is degenerate")
                    + ": Jacobian determinant " + String.format("%.6g", det));
        }
        int block = npe * dim;
        for (int a = 0; a < npe; a++) {
            for (int c = 0; c < dim; c++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += dnRef[a * dim + j] * inv[j * dim + c];
                }
                dndx[a * dim + c] = s;
            }
        }
        for (int q = 0; q < nq; q++) {
            if (q > 0) {
                System.arraycopy(dndx, 0, dndx, q * block, block);
            }
            jxw[q] = det * quadrature.weight(q);
            for (int c = 0; c < dim; c++) {
                double x = 0;
                for (int a = 0; a < npe; a++) {
                    x += n[q * npe + a] * xe[a * dim + c];
                }
                xq[q * dim + c] = x;
            }
        }
    }

    /**
     * TET4 written out: J's columns are the edges x_a − x_0 (a = 1, 2, 3), so ∇N_a (a ≥ 1) is row
     * a−1 of J⁻¹ and ∇N_0 = −Σ_a ∇N_a. Same result as the generic path, without its loops.
     */
    private void reinitTet(int e) {
        double[] x = xe;
        double a0 = x[3] - x[0];
        double a1 = x[6] - x[0];
        double a2 = x[9] - x[0];
        double b0 = x[4] - x[1];
        double b1 = x[7] - x[1];
        double b2 = x[10] - x[1];
        double c0 = x[5] - x[2];
        double c1 = x[8] - x[2];
        double c2 = x[11] - x[2];
        // J = [[a0 a1 a2], [b0 b1 b2], [c0 c1 c2]] (row = physical axis, column = reference axis)
        double i00 = b1 * c2 - b2 * c1;
        double i01 = a2 * c1 - a1 * c2;
        double i02 = a1 * b2 - a2 * b1;
        double det = a0 * i00 + b0 * i01 + c0 * i02;
        if (!(det > 0)) {
            throw new MeshException(MeshQuality.describe(mesh, e) + (det < 0 ? " is inverted" : " is degenerate")
                    + ": Jacobian determinant " + String.format("%.6g", det));
        }
        double r = 1 / det;
        // rows of J⁻¹ = adj(J)ᵀ/det = ∇N_1, ∇N_2, ∇N_3
        double g10 = i00 * r;
        double g11 = i01 * r;
        double g12 = i02 * r;
        double g20 = (b2 * c0 - b0 * c2) * r;
        double g21 = (a0 * c2 - a2 * c0) * r;
        double g22 = (a2 * b0 - a0 * b2) * r;
        double g30 = (b0 * c1 - b1 * c0) * r;
        double g31 = (a1 * c0 - a0 * c1) * r;
        double g32 = (a0 * b1 - a1 * b0) * r;
        double[] g = dndx;
        for (int q = 0; q < nq; q++) {
            int o = q * 12;
            g[o] = -(g10 + g20 + g30);
            g[o + 1] = -(g11 + g21 + g31);
            g[o + 2] = -(g12 + g22 + g32);
            g[o + 3] = g10;
            g[o + 4] = g11;
            g[o + 5] = g12;
            g[o + 6] = g20;
            g[o + 7] = g21;
            g[o + 8] = g22;
            g[o + 9] = g30;
            g[o + 10] = g31;
            g[o + 11] = g32;
            jxw[q] = det * quadrature.weight(q);
            int nOff = q * 4;
            for (int c = 0; c < 3; c++) {
                xq[q * 3 + c] = n[nOff] * x[c] + n[nOff + 1] * x[3 + c] + n[nOff + 2] * x[6 + c] + n[nOff + 3] * x[9 + c];
            }
        }
    }

    /** Inverse of a 2×2 or 3×3 row-major matrix into {@code inv}; returns the determinant. */
    static double invert(double[] m, double[] inv, int dim) {
        if (dim == 2) {
            double det = m[0] * m[3] - m[1] * m[2];
            double r = 1 / det;
            inv[0] = m[3] * r;
            inv[1] = -m[1] * r;
            inv[2] = -m[2] * r;
            inv[3] = m[0] * r;
            return det;
        }
        double c00 = m[4] * m[8] - m[5] * m[7];
        double c01 = m[5] * m[6] - m[3] * m[8];
        double c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        double r = 1 / det;
        inv[0] = c00 * r;
        inv[1] = (m[2] * m[7] - m[1] * m[8]) * r;
        inv[2] = (m[1] * m[5] - m[2] * m[4]) * r;
        inv[3] = c01 * r;
        inv[4] = (m[0] * m[8] - m[2] * m[6]) * r;
        inv[5] = (m[2] * m[3] - m[0] * m[5]) * r;
        inv[6] = c02 * r;
        inv[7] = (m[1] * m[6] - m[0] * m[7]) * r;
        inv[8] = (m[0] * m[4] - m[1] * m[3]) * r;
        return det;
    }

    /** Σ_a u[nodes[a]] N_a at point q (a scalar nodal field). */
    public double value(double[] u, int q) {
        double s = 0;
        for (int a = 0; a < npe; a++) {
            s += u[nodes[a]] * n[q * npe + a];
        }
        return s;
    }

    /** ∇u at point q of a scalar nodal field, into {@code grad} (length dim). */
    public void gradient(double[] u, int q, double[] grad) {
        int off = q * npe * dim;
        for (int c = 0; c < dim; c++) {
            grad[c] = 0;
        }
        for (int a = 0; a < npe; a++) {
            double ua = u[nodes[a]];
            for (int c = 0; c < dim; c++) {
                grad[c] += ua * dndx[off + a * dim + c];
            }
        }
    }
}
