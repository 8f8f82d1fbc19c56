package org.dendrite.md.build.stack;

/**
 * Lateral strain matching of stacked slabs along one lateral direction: every slab k with periodic
 * cell length c_k is repeated n_k times and strained to one common length T. The misfit of a slab is
 * (n_k c_k − T)/T (positive: the unstrained slab is wider than the common cell and is compressed),
 * the strain applied to it is T/(n_k c_k) − 1.
 *
 * <p>The common length is either given, or n_ref repeats of a reference slab (unstrained). For a
 * reference slab without fixed repeats, n_ref is the smallest count whose worst misfit over all
 * slabs is within the limit, so the cell stays as small as the limit allows. Example, bcc Li
 * (a = 3.51 Å) on tetragonal LLZO (a = 13.236 Å): 1 or 2 LLZO cells take 4 or 8 Li cells with
 * +6.1 % misfit, 3 LLZO cells take 11 Li cells with −2.8 %, so a 5 % limit gives 3 × 11.
 */
final class LateralMatch {
    /** Repeats per slab. */
    final int[] repeats;
    /** Common length, Å. */
    final double target;
    /** Misfit per slab, percent. */
    final double[] misfitPercent;
    /** Strain applied per slab, percent. */
    final double[] strainPercent;

    private LateralMatch(int[] repeats, double target, double[] cells) {
        this.repeats = repeats;
        this.target = target;
        int n = cells.length;
        misfitPercent = new double[n];
        strainPercent = new double[n];
        for (int k = 0; k < n; k++) {
            double w = repeats[k] * cells[k];
            misfitPercent[k] = 100.0 * (w - target) / target;
            strainPercent[k] = 100.0 * (target / w - 1.0);
        }
    }

    /** Index of the slab with the largest |misfit|. */
    int worst() {
        int w = 0;
        for (int k = 1; k < misfitPercent.length; k++) {
            if (Math.abs(misfitPercent[k]) > Math.abs(misfitPercent[w])) {
                w = k;
            }
        }
        return w;
    }

    double worstMisfit() {
        return Math.abs(misfitPercent[worst()]);
    }

    /** The count in 1..maxRepeats whose n·cell is closest to target (ties: the smaller count). */
    static int bestRepeats(double cell, double target, int maxRepeats) {
        int best = 1;
        double err = Math.abs(cell - target);
        for (int n = 2; n <= maxRepeats; n++) {
            double e = Math.abs(n * cell - target);
            if (e < err) {
                err = e;
                best = n;
            }
        }
        return best;
    }

    /**
     * Matches to a given common length.
     *
     * @param fixed per slab a fixed repeat count, or 0 to choose it
     */
    static LateralMatch toLength(double[] cells, int[] fixed, double target, int maxRepeats) {
        int[] rep = new int[cells.length];
        for (int k = 0; k < cells.length; k++) {
            rep[k] = fixed[k] > 0 ? fixed[k] : bestRepeats(cells[k], target, maxRepeats);
        }
        return new LateralMatch(rep, target, cells);
    }

    /**
     * Matches to repeats of a reference slab. With the reference's count fixed, that count is used;
     * otherwise the smallest count whose worst misfit is ≤ limitPercent, or, if none is, the count
     * with the smallest worst misfit (which the caller then rejects).
     */
    static LateralMatch toReference(double[] cells, int[] fixed, int ref, int maxRepeats, double limitPercent) {
        if (fixed[ref] > 0) {
            return toLength(cells, fixed, fixed[ref] * cells[ref], maxRepeats);
        }
        LateralMatch best = null;
        for (int m = 1; m <= maxRepeats; m++) {
            int[] f = fixed.clone();
            f[ref] = m;
            LateralMatch t = toLength(cells, f, m * cells[ref], maxRepeats);
            if (t.worstMisfit() <= limitPercent) {
                return t;
            }
            if (best == null || t.worstMisfit() < best.worstMisfit()) {
                best = t;
            }
        }
        return best;
    }
}
