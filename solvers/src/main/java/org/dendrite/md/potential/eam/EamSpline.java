package org.dendrite.md.potential.eam;

/**
 * Piecewise cubic through equally spaced samples y_1 … y_n (spacing h) with the interpolation of
 * LAMMPS pair_eam (described on its doc page as splines of the tabulated functions): on interval
 * m the cubic is the Hermite cubic with end values y_m, y_{m+1} and end slopes (per grid step)
 * estimated by finite differences — one-sided at the first and last point, central
 * (y_{m+1} − y_{m−1})/2 at the second and second-last, and the fourth-order stencil
 * (y_{m−2} − y_{m+2} + 8(y_{m+1} − y_{m−1}))/12 inside. Beyond the last sample the function
 * continues linearly with the last slope for at most one step. Value and derivative are continuous
 * at the samples (C¹), so forces are the exact gradient of the interpolated energy.
 *
 * <p>Coefficients are stored per interval as value cubic (a3, a2, a1, a0) in the local coordinate
 * p ∈ [0, 1] and derivative quadratic (b2, b1, b0) in physical units.
 */
final class EamSpline {
    /** 7 coefficients per point, 1-based points as in the tabulation (index 0 unused). */
    final double[] c;
    final int n;
    final double delta;

    EamSpline(double[] values, double delta) {
        int n = values.length;
        this.n = n;
        this.delta = delta;
        double[] y = new double[n + 1];
        System.arraycopy(values, 0, y, 1, n);
        double[] d = new double[n + 1];
        d[1] = y[2] - y[1];
        d[2] = 0.5 * (y[3] - y[1]);
        d[n - 1] = 0.5 * (y[n] - y[n - 2]);
        d[n] = y[n] - y[n - 1];
        for (int m = 3; m <= n - 2; m++) {
            d[m] = ((y[m - 2] - y[m + 2]) + 8.0 * (y[m + 1] - y[m - 1])) / 12.0;
        }
        c = new double[7 * (n + 1)];
        for (int m = 1; m <= n; m++) {
            double quad = 0;
            double cubic = 0;
            if (m < n) {
                double dy = y[m + 1] - y[m];
                quad = 3.0 * dy - 2.0 * d[m] - d[m + 1];
                cubic = d[m] + d[m + 1] - 2.0 * dy;
            }
            int o = 7 * m;
            c[o] = 3.0 * cubic / delta;
            c[o + 1] = 2.0 * quad / delta;
            c[o + 2] = d[m] / delta;
            c[o + 3] = cubic;
            c[o + 4] = quad;
            c[o + 5] = d[m];
            c[o + 6] = y[m];
        }
    }

    double value(int m, double p) {
        int o = 7 * m;
        return ((c[o + 3] * p + c[o + 4]) * p + c[o + 5]) * p + c[o + 6];
    }

    double derivative(int m, double p) {
        int o = 7 * m;
        return (c[o] * p + c[o + 1]) * p + c[o + 2];
    }
}
