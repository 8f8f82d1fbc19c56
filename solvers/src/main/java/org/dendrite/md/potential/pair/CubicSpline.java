package org.dendrite.md.potential.pair;

/**
 * Clamped cubic spline through (x_i, y_i) with given end slopes, in the second-derivative form of
 * Press et al., Numerical Recipes, §3.3 ("spline"/"splint"); an end slope above 0.99e30 means a
 * natural end. LAMMPS {@code pair_style table} builds its tables with exactly this scheme, so the
 * table style reproduces its numbers.
 */
final class CubicSpline {
    private CubicSpline() {
    }

    /** Second derivatives y2 of the spline through (x, y) with end slopes yp1 and ypn. */
    static double[] secondDerivatives(double[] x, double[] y, double yp1, double ypn) {
        int n = x.length;
        double[] y2 = new double[n];
        double[] u = new double[n];
        if (yp1 > 0.99e30) {
            y2[0] = 0;
            u[0] = 0;
        } else {
            y2[0] = -0.5;
            u[0] = (3.0 / (x[1] - x[0])) * ((y[1] - y[0]) / (x[1] - x[0]) - yp1);
        }
        // Tridiagonal decomposition (forward sweep).
        for (int i = 1; i < n - 1; i++) {
            double sig = (x[i] - x[i - 1]) / (x[i + 1] - x[i - 1]);
            double p = sig * y2[i - 1] + 2.0;
            y2[i] = (sig - 1.0) / p;
            double slopeJump = (y[i + 1] - y[i]) / (x[i + 1] - x[i]) - (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
            u[i] = (6.0 * slopeJump / (x[i + 1] - x[i - 1]) - sig * u[i - 1]) / p;
        }
        double qn;
        double un;
        if (ypn > 0.99e30) {
            qn = 0;
            un = 0;
        } else {
            qn = 0.5;
            un = (3.0 / (x[n - 1] - x[n - 2])) * (ypn - (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]));
        }
        y2[n - 1] = (un - qn * u[n - 2]) / (qn * y2[n - 2] + 1.0);
        // Back substitution.
        for (int k = n - 2; k >= 0; k--) {
            y2[k] = y2[k] * y2[k + 1] + u[k];
        }
        return y2;
    }

    /** Value at x of the spline (xa, ya, y2a); bisection for the interval, so xa may be non-uniform. */
    static double evaluate(double[] xa, double[] ya, double[] y2a, double x) {
        int lo = 0;
        int hi = xa.length - 1;
        while (hi - lo > 1) {
            int k = (hi + lo) >>> 1;
            if (xa[k] > x) {
                hi = k;
            } else {
                lo = k;
            }
        }
        double h = xa[hi] - xa[lo];
        double a = (xa[hi] - x) / h;
        double b = (x - xa[lo]) / h;
        return a * ya[lo] + b * ya[hi] + ((a * a * a - a) * y2a[lo] + (b * b * b - b) * y2a[hi]) * (h * h) / 6.0;
    }
}
