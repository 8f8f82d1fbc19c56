package org.dendrite.md.neighbor;

import java.util.Arrays;

/**
 * Atoms sorted into a Cartesian grid of bins over their bounding box, z-major then y then x: the
 * cell list of {@link NeighborBuilder} and the order of {@link SpatialSort}. A counting sort, O(N),
 * stable within a bin; arrays are kept between calls and grow only when needed.
 */
final class CellGrid {
    /** Bins along x, y, z. */
    int n0, n1, n2;
    /** Bounding-box extent along x, y, z, Å. */
    double extent0, extent1, extent2;
    /** Bin of each atom. */
    int[] binOf = new int[0];
    /** Atoms of bin b are {@code atomsByBin[binStart[b] .. binStart[b + 1])}. */
    int[] binStart = new int[0];
    /** Atom indices ordered by bin, ascending index within a bin. */
    int[] atomsByBin = new int[0];
    private int[] binFill = new int[0];

    /**
     * Bins the first {@code n} atoms of {@code x} (3 per atom) into bins at least {@code minWidth}
     * Å wide (at most 1024 per axis). Sparse systems (a slab in vacuum) would otherwise get mostly
     * empty bins, so while there are more than {@code maxBins} the axis with the most bins is
     * coarsened.
     */
    void bin(double[] x, int n, double minWidth, long maxBins) {
        double lo0 = Double.POSITIVE_INFINITY, lo1 = Double.POSITIVE_INFINITY, lo2 = Double.POSITIVE_INFINITY;
        double hi0 = Double.NEGATIVE_INFINITY, hi1 = Double.NEGATIVE_INFINITY, hi2 = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            double px = x[3 * a], py = x[3 * a + 1], pz = x[3 * a + 2];
            lo0 = Math.min(lo0, px);
            hi0 = Math.max(hi0, px);
            lo1 = Math.min(lo1, py);
            hi1 = Math.max(hi1, py);
            lo2 = Math.min(lo2, pz);
            hi2 = Math.max(hi2, pz);
        }
        extent0 = hi0 - lo0;
        extent1 = hi1 - lo1;
        extent2 = hi2 - lo2;
        n0 = bins(extent0, minWidth);
        n1 = bins(extent1, minWidth);
        n2 = bins(extent2, minWidth);
        while ((long) n0 * n1 * n2 > maxBins) {
            if (n0 >= n1 && n0 >= n2) {
                n0 = Math.max(1, n0 / 2);
            } else if (n1 >= n2) {
                n1 = Math.max(1, n1 / 2);
            } else {
                n2 = Math.max(1, n2 / 2);
            }
        }
        double inv0 = n0 / Math.max(extent0, 1e-300);
        double inv1 = n1 / Math.max(extent1, 1e-300);
        double inv2 = n2 / Math.max(extent2, 1e-300);
        int nbins = n0 * n1 * n2;

        if (binOf.length < n) {
            binOf = new int[Math.max(n, binOf.length * 3 / 2)];
            atomsByBin = new int[binOf.length];
        }
        if (binStart.length < nbins + 1) {
            binStart = new int[nbins + 1];
            binFill = new int[nbins];
        }
        Arrays.fill(binStart, 0, nbins + 1, 0);
        Arrays.fill(binFill, 0, nbins, 0);
        for (int a = 0; a < n; a++) {
            int b0 = Math.min((int) ((x[3 * a] - lo0) * inv0), n0 - 1);
            int b1 = Math.min((int) ((x[3 * a + 1] - lo1) * inv1), n1 - 1);
            int b2 = Math.min((int) ((x[3 * a + 2] - lo2) * inv2), n2 - 1);
            int b = (b2 * n1 + b1) * n0 + b0;
            binOf[a] = b;
            binStart[b + 1]++;
        }
        for (int b = 0; b < nbins; b++) {
            binStart[b + 1] += binStart[b];
        }
        for (int a = 0; a < n; a++) {
            int b = binOf[a];
            atomsByBin[binStart[b] + binFill[b]++] = a;
        }
    }

    private static int bins(double extent, double minWidth) {
        return (int) Math.max(1, Math.min(1 << 10, Math.floor(extent / minWidth)));
    }
}
