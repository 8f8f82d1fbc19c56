package org.dendrite.fem.element;

import org.dendrite.fem.mesh.ElementType;

/**
 * Quadrature rules on the reference elements of {@link ElementType}, exact for polynomials up to
 * a requested total degree.
 *
 * <ul>
 *   <li>LINE2, QUAD4, HEX8: Gauss–Legendre with n = ⌈(degree+1)/2⌉ points per axis (tensor product).</li>
 *   <li>TRI3, TET4 up to degree 2: the symmetric centroid (degree 1) and 3-/4-point (degree 2)
 *       rules (Strang and Fix, <i>An Analysis of the Finite Element Method</i>, 1973, Table 4.1;
 *       Keast, CMAME 55 (1986) 339).</li>
 *   <li>TRI3, TET4 above degree 2: collapsed (Duffy) Gauss–Legendre products: the unit square/cube
 *       mapped onto the simplex by ξ = u, η = v(1−u), ζ = w(1−u)(1−v) with Jacobian (1−u) or
 *       (1−u)²(1−v); n = ⌈(degree+2)/2⌉ (triangle) or ⌈(degree+3)/2⌉ (tetrahedron) points per axis
 *       make the pulled-back integrand exact (Stroud, <i>Approximate Calculation of Multiple
 *       Integrals</i>, 1971, §2.4). All weights are positive.</li>
 * </ul>
 * Points are stored flat: point q has reference coordinates {@code xi[q*dim .. q*dim+dim-1]}.
 */
public final class Quadrature {
    public final ElementType type;
    public final int dim;
    public final int points;
    public final int degree;
    private final double[] xi;
    private final double[] w;

    private Quadrature(ElementType type, int degree, double[] xi, double[] w) {
        this.type = type;
        this.dim = type.dim;
        this.degree = degree;
        this.points = w.length;
        this.xi = xi;
        this.w = w;
    }

    /** Reference coordinate {@code c} of point {@code q}. */
    public double xi(int q, int c) {
        return xi[q * dim + c];
    }

    /** The flat point array (do not modify). */
    public double[] points() {
        return xi;
    }

    public double weight(int q) {
        return w[q];
    }

    /**
     * Explicit points and weights (e.g. one point at a facet centroid, to evaluate gradients
     * there); {@code degree} is reported as −1 because exactness is the caller's business.
     */
    public static Quadrature atPoints(ElementType type, double[] xi, double[] w) {
        if (xi.length != w.length * type.dim) {
            throw new IllegalArgumentException("need " + type.dim + " coordinates per point");
        }
        return new Quadrature(type, -1, xi.clone(), w.clone());
    }

    /** A rule on {@code type} exact to total polynomial degree {@code degree} (≥ 0). */
    public static Quadrature of(ElementType type, int degree) {
        if (degree < 0) {
            throw new IllegalArgumentException("quadrature degree must be >= 0, got " + degree);
        }
        switch (type) {
            case LINE2:
            case QUAD4:
            case HEX8:
                return tensor(type, (degree + 2) / 2, degree);
            case TRI3:
                if (degree <= 1) {
                    return new Quadrature(type, degree, new double[] {1.0 / 3, 1.0 / 3}, new double[] {0.5});
                }
                if (degree == 2) {
                    double a = 1.0 / 6;
                    double b = 2.0 / 3;
                    return new Quadrature(type, degree, new double[] {a, a, b, a, a, b}, new double[] {a, a, a});
                }
                return collapsedTriangle((degree + 3) / 2, degree);
            case TET4:
                if (degree <= 1) {
                    return new Quadrature(type, degree, new double[] {0.25, 0.25, 0.25}, new double[] {1.0 / 6});
                }
                if (degree == 2) {
                    double a = (5 - Math.sqrt(5)) / 20;
                    double b = (5 + 3 * Math.sqrt(5)) / 20;
                    double w = 1.0 / 24;
                    return new Quadrature(type, degree,
                            new double[] {a, a, a, b, a, a, a, b, a, a, a, b}, new double[] {w, w, w, w});
                }
                return collapsedTet((degree + 4) / 2, degree);
            default:
                throw new IllegalArgumentException("no quadrature for " + type);
        }
    }

    private static Quadrature tensor(ElementType type, int n, int degree) {
        double[][] g = gaussLegendre(n);
        int d = type.dim;
        int np = (int) Math.pow(n, d);
        double[] xi = new double[np * d];
        double[] w = new double[np];
        for (int q = 0; q < np; q++) {
            int rest = q;
            double wq = 1;
            for (int c = 0; c < d; c++) {
                int i = rest % n;
                rest /= n;
                xi[q * d + c] = g[0][i];
                wq *= g[1][i];
            }
            w[q] = wq;
        }
        return new Quadrature(type, degree, xi, w);
    }

    private static Quadrature collapsedTriangle(int n, int degree) {
        double[][] g = gaussLegendre(n);
        double[] xi = new double[n * n * 2];
        double[] w = new double[n * n];
        int q = 0;
        for (int i = 0; i < n; i++) {
            double u = 0.5 * (1 + g[0][i]);
            for (int j = 0; j < n; j++) {
                double v = 0.5 * (1 + g[0][j]);
                xi[2 * q] = u;
                xi[2 * q + 1] = v * (1 - u);
                w[q] = 0.25 * g[1][i] * g[1][j] * (1 - u);
                q++;
            }
        }
        return new Quadrature(ElementType.TRI3, degree, xi, w);
    }

    private static Quadrature collapsedTet(int n, int degree) {
        double[][] g = gaussLegendre(n);
        double[] xi = new double[n * n * n * 3];
        double[] w = new double[n * n * n];
        int q = 0;
        for (int i = 0; i < n; i++) {
            double u = 0.5 * (1 + g[0][i]);
            for (int j = 0; j < n; j++) {
                double v = 0.5 * (1 + g[0][j]);
                for (int k = 0; k < n; k++) {
                    double s = 0.5 * (1 + g[0][k]);
                    xi[3 * q] = u;
                    xi[3 * q + 1] = v * (1 - u);
                    xi[3 * q + 2] = s * (1 - u) * (1 - v);
                    w[q] = 0.125 * g[1][i] * g[1][j] * g[1][k] * (1 - u) * (1 - u) * (1 - v);
                    q++;
                }
            }
        }
        return new Quadrature(ElementType.TET4, degree, xi, w);
    }

    /**
     * Gauss–Legendre nodes and weights on [−1, 1] for n points: Newton's method on P_n from the
     * Chebyshev-like initial guess cos(π(i − 1/4)/(n + 1/2)) (Numerical Recipes, §4.6).
     */
    static double[][] gaussLegendre(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 2;
            return new double[][] {x, w};
        }
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 1;
            for (int it = 0; it < 100; it++) {
                double[] pd = legendre(n, z);
                dp = pd[1];
                double dz = pd[0] / dp;
                z -= dz;
                if (Math.abs(dz) < 1e-16) {
                    break;
                }
            }
            dp = legendre(n, z)[1];
            x[i] = -z;
            x[n - 1 - i] = z;
            w[i] = 2 / ((1 - z * z) * dp * dp);
            w[n - 1 - i] = w[i];
        }
        return new double[][] {x, w};
    }

    /** P_n(z) and P_n'(z) by the three-term recurrence. */
    private static double[] legendre(int n, double z) {
        double p0 = 1;
        double p1 = z;
        for (int k = 2; k <= n; k++) {
            double p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return new double[] {p1, n * (z * p1 - p0) / (z * z - 1)};
    }
}
