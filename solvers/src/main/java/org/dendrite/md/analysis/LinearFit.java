package org.dendrite.md.analysis;

/**
 * Ordinary least-squares line y = a + b·x through the points whose x lies in a window, with the
 * standard error of the slope (Press et al., Numerical Recipes, §15.2, unit weights and the scatter
 * of the residuals as the noise estimate).
 *
 * @param intercept   a
 * @param slope       b
 * @param slopeStdErr standard error of b from the residual scatter (NaN with fewer than 3 points)
 * @param points      number of points in the window
 * @param from        lower end of the window (inclusive)
 * @param to          upper end of the window (inclusive)
 */
public record LinearFit(double intercept, double slope, double slopeStdErr, int points, double from, double to) {

    /**
     * Fits the points with {@code from ≤ x[i] ≤ to} among the first {@code n}.
     *
     * @throws IllegalArgumentException with fewer than two points in the window or no spread in x
     */
    public static LinearFit of(double[] x, double[] y, int n, double from, double to) {
        double sx = 0, sy = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] >= from && x[i] <= to) {
                sx += x[i];
                sy += y[i];
                m++;
            }
        }
        if (m < 2) {
            throw new IllegalArgumentException("fewer than 2 points (" + m + ") with x in [" + from + ", " + to + "]");
        }
        double mx = sx / m, my = sy / m;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] >= from && x[i] <= to) {
                sxx += (x[i] - mx) * (x[i] - mx);
                sxy += (x[i] - mx) * (y[i] - my);
            }
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("no spread in x within [" + from + ", " + to + "]");
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double err = Double.NaN;
        if (m > 2) {
            double ss = 0;
            for (int i = 0; i < n; i++) {
                if (x[i] >= from && x[i] <= to) {
                    double r = y[i] - a - b * x[i];
                    ss += r * r;
                }
            }
            err = Math.sqrt(ss / (m - 2) / sxx);
        }
        return new LinearFit(a, b, err, m, from, to);
    }
}
