package org.dendrite.md.analysis;

/**
 * The first minimum of a radial distribution function after its first peak: the usual bond
 * cut-off between two species (seed 000 breaks bonds beyond it; seed 001, Suppl. Note 3, uses
 * the Li–La, Li–Zr and Li–O minima as exclusion radii, and the Li–Li and Li–O minima as
 * coordination cut-offs).
 *
 * <p>g is first smoothed with a centred moving average {@code smoothA} wide (histogram noise
 * would otherwise give spurious extrema). The first peak is the first bin whose smoothed value
 * exceeds {@code peakFloor} (default 1.2: a first shell clearly denser than the mean) and is the
 * largest within ± {@code windowA}; the first minimum is the first bin after it whose smoothed
 * value is the smallest within ± {@code windowA} (a dip that a lower value follows within the
 * window is noise inside the first shell, not its end). The position is refined by a parabola
 * through the minimum bin and its neighbours of the smoothed curve.
 */
public final class FirstMinimum {
    /** Default smoothing width, Å. */
    public static final double SMOOTH_A = 0.15;
    /** Default half width of the window within which a peak or minimum must be extreme, Å. */
    public static final double WINDOW_A = 0.25;

    /** Default height the first peak must exceed (a first shell clearly denser than the mean, above noise). */
    public static final double PEAK_FLOOR = 1.2;

    /** Position of the first peak and the first minimum, Å, and g (smoothed) at the minimum. */
    public record Result(double peakA, double minimumA, double gAtMinimum) {
        /** Whether a minimum was found. */
        public boolean found() {
            return !Double.isNaN(minimumA);
        }
    }

    private FirstMinimum() {
    }

    /** With the default smoothing ({@value #SMOOTH_A} Å), window ({@value #WINDOW_A} Å) and a peak floor of {@value #PEAK_FLOOR}. */
    public static Result find(double[] r, double[] g) {
        return find(r, g, SMOOTH_A, WINDOW_A, PEAK_FLOOR);
    }

    /**
     * @param r         bin centres, Å, ascending and equally spaced
     * @param g         g(r) at the bin centres
     * @param smoothA   width of the moving average, Å (less than a bin: none)
     * @param windowA   half width of the extremum window, Å
     * @param peakFloor the first peak must exceed this value
     * @return the peak and minimum, or NaNs when g has no peak above the floor or no minimum after it
     */
    public static Result find(double[] r, double[] g, double smoothA, double windowA, double peakFloor) {
        int n = g.length;
        if (r.length != n || n < 3) {
            throw new IllegalArgumentException("need at least 3 bins with one r per g, got " + r.length + ", " + n);
        }
        double dr = r[1] - r[0];
        double[] s = smooth(g, (int) Math.floor(0.5 * smoothA / dr));
        int w = Math.max(1, (int) Math.round(windowA / dr));
        int peak = -1;
        for (int k = 1; k < n - 1 && peak < 0; k++) {
            if (s[k] > peakFloor && extreme(s, k, w, true)) {
                peak = k;
            }
        }
        if (peak < 0) {
            return new Result(Double.NaN, Double.NaN, Double.NaN);
        }
        for (int k = peak + 1; k < n - 1; k++) {
            if (extreme(s, k, w, false)) {
                if (k + 1 >= n || k - 1 < 0) {
                    break;
                }
                double den = s[k - 1] - 2 * s[k] + s[k + 1];
                double shift = den > 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (s[k - 1] - s[k + 1]) / den)) : 0;
                return new Result(r[peak], r[k] + shift * dr, s[k]);
            }
        }
        return new Result(r[peak], Double.NaN, Double.NaN);
    }

    /**
     * Whether s[k] is the largest (max) or smallest value within ± w bins, and the window lies inside
     * the curve on the right (a minimum at the end of the range is not known to be one).
     */
    private static boolean extreme(double[] s, int k, int w, boolean max) {
        if (k + w >= s.length) {
            return false;
        }
        for (int j = Math.max(0, k - w); j <= k + w; j++) {
            if (j != k && (max ? s[j] > s[k] : s[j] < s[k])) {
                return false;
            }
        }
        return true;
    }

    static double[] smooth(double[] g, int half) {
        int n = g.length;
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            int lo = Math.max(0, k - half);
            int hi = Math.min(n - 1, k + half);
            double sum = 0;
            for (int j = lo; j <= hi; j++) {
                sum += g[j];
            }
            s[k] = sum / (hi - lo + 1);
        }
        return s;
    }
}
