package org.dendrite.md.analysis;

/**
 * Weighted least-squares straight line y = a + b·x (Press et al., Numerical Recipes, §15.2), with
 * the standard errors of a and b. With unit weights the errors come from the residuals
 * (s² = Σ r²/(n − 2)); with given σ_i they are the propagated σ_i, scaled by √(χ²/(n − 2)) when
 * n > 2 (so that a scatter larger than the stated errors widens them, never narrows them below
 * the propagated ones).
 */
public record LinearFit(double intercept, double slope, double interceptError, double slopeError, int n) {

    /** Unweighted fit over points [from, to). */
    public static LinearFit of(double[] x, double[] y, int from, int to) {
        return weighted(x, y, null, from, to);
    }

    /**
     * @param sigma standard errors of y (null: unweighted, errors from the residuals)
     */
    public static LinearFit weighted(double[] x, double[] y, double[] sigma, int from, int to) {
        int n = to - from;
        if (n < 2) {
            throw new IllegalArgumentException("a line needs at least 2 points, got " + n);
        }
        double s = 0, sx = 0, sy = 0;
        for (int i = from; i < to; i++) {
            double w = sigma == null ? 1 : 1 / (sigma[i] * sigma[i]);
            s += w;
            sx += w * x[i];
            sy += w * y[i];
        }
        double mx = sx / s;
        double stt = 0, b = 0;
        for (int i = from; i < to; i++) {
            double w = sigma == null ? 1 : 1 / (sigma[i] * sigma[i]);
            double t = x[i] - mx;
            stt += w * t * t;
            b += w * t * y[i];
        }
        if (!(stt > 0)) {
            throw new IllegalArgumentException("all x are equal: no slope");
        }
        b /= stt;
        double a = (sy - sx * b) / s;
        double varA = (1 + sx * sx / (s * stt)) / s;
        double varB = 1 / stt;
        double chi2 = 0;
        for (int i = from; i < to; i++) {
            double w = sigma == null ? 1 : 1 / (sigma[i] * sigma[i]);
            double r = y[i] - a - b * x[i];
            chi2 += w * r * r;
        }
        double scale;
        if (sigma == null) {
            scale = n > 2 ? chi2 / (n - 2) : 0;
        } else {
            scale = n > 2 ? Math.max(1, chi2 / (n - 2)) : 1;
        }
        return new LinearFit(a, b, Math.sqrt(varA * scale), Math.sqrt(varB * scale), n);
    }
}
