package org.dendrite.md.build.gb;

import java.util.Arrays;

/**
 * Bins of points in a periodic orthorhombic cell [0, L) for the two searches the boundary builders
 * need: "is there a point of this element at this position" (translation-symmetry tests on a grain)
 * and "which pairs are closer than r" (overlap across a boundary). A builder runs once per model, so
 * this favours plain code over speed; it still scales linearly with the number of points.
 *
 * <p>Distances are minimum-image, which is exact only when r &lt; L/2 along every axis; the
 * constructor refuses smaller cells.
 */
final class PeriodicGrid {
    private final double[] len;
    private final double[] x;
    private final int n;
    private final int[] nb = new int[3];
    private final int[] head;
    private final int[] next;

    /** Points x (3 per point, any values: they are wrapped for binning), cell lengths, search radius. */
    PeriodicGrid(double[] x, int n, double[] len, double radius) {
        for (int k = 0; k < 3; k++) {
            if (!(2 * radius < len[k])) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "cell edge %d is %.4f Å, not more than twice the search radius %.4f Å", k, len[k], radius));
            }
            nb[k] = (int) Math.max(1, Math.min(512, Math.floor(len[k] / radius)));
        }
        this.len = len.clone();
        this.x = x;
        this.n = n;
        head = new int[nb[0] * nb[1] * nb[2]];
        next = new int[n];
        Arrays.fill(head, -1);
        for (int i = n - 1; i >= 0; i--) {
            int b = binOf(x[3 * i], x[3 * i + 1], x[3 * i + 2]);
            next[i] = head[b];
            head[b] = i;
        }
    }

    private int cellIndex(double v, int k) {
        double f = v / len[k];
        f -= Math.floor(f);
        int c = (int) (f * nb[k]);
        return Math.min(nb[k] - 1, Math.max(0, c));
    }

    private int binOf(double px, double py, double pz) {
        return (cellIndex(pz, 2) * nb[1] + cellIndex(py, 1)) * nb[0] + cellIndex(px, 0);
    }

    private double minimumImage(double d, int k) {
        return d - len[k] * Math.rint(d / len[k]);
    }

    /**
     * The first point (lowest bin order, then insertion order) within {@code tol} of (px, py, pz)
     * whose {@code kind[j]} equals {@code wanted}, or −1. {@code tol} must not exceed the radius.
     */
    int find(double px, double py, double pz, double tol, int[] kind, int wanted) {
        int[] bins = new int[27];
        int nbins = neighbourBins(cellIndex(px, 0), cellIndex(py, 1), cellIndex(pz, 2), bins);
        double tolSq = tol * tol;
        int best = -1;
        double bestSq = Double.POSITIVE_INFINITY;
        for (int q = 0; q < nbins; q++) {
            for (int j = head[bins[q]]; j >= 0; j = next[j]) {
                if (kind[j] != wanted) {
                    continue;
                }
                double ex = minimumImage(x[3 * j] - px, 0);
                double ey = minimumImage(x[3 * j + 1] - py, 1);
                double ez = minimumImage(x[3 * j + 2] - pz, 2);
                double r2 = ex * ex + ey * ey + ez * ez;
                if (r2 < tolSq && r2 < bestSq) {
                    bestSq = r2;
                    best = j;
                }
            }
        }
        return best;
    }

    /**
     * All pairs i &lt; j closer than r (minimum image) for which {@code filter} accepts (i, j), as a
     * flat array [i0, j0, i1, j1, …], ordered by i then j.
     */
    int[] pairsWithin(double r, PairFilter filter) {
        double r2max = r * r;
        int[] out = new int[64];
        int m = 0;
        int[] bins = new int[27];
        for (int i = 0; i < n; i++) {
            int nbins = neighbourBins(cellIndex(x[3 * i], 0), cellIndex(x[3 * i + 1], 1), cellIndex(x[3 * i + 2], 2),
                    bins);
            int start = m;
            for (int q = 0; q < nbins; q++) {
                for (int j = head[bins[q]]; j >= 0; j = next[j]) {
                    if (j <= i || !filter.accept(i, j)) {
                        continue;
                    }
                    double ex = minimumImage(x[3 * j] - x[3 * i], 0);
                    double ey = minimumImage(x[3 * j + 1] - x[3 * i + 1], 1);
                    double ez = minimumImage(x[3 * j + 2] - x[3 * i + 2], 2);
                    if (ex * ex + ey * ey + ez * ez < r2max) {
                        if (m + 2 > out.length) {
                            out = Arrays.copyOf(out, 2 * out.length);
                        }
                        out[m++] = i;
                        out[m++] = j;
                    }
                }
            }
            sortPairsByJ(out, start, m);
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * The bins around bin (cx, cy, cz), itself included, each once, in z, y, x offset order (z
     * outermost); returns how many were written to {@code out} (at most 27).
     */
    private int neighbourBins(int cx, int cy, int cz, int[] out) {
        int m = 0;
        for (int dz = -1; dz <= 1; dz++) {
            if (skip(dz, 2)) {
                continue;
            }
            for (int dy = -1; dy <= 1; dy++) {
                if (skip(dy, 1)) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    if (!skip(dx, 0)) {
                        out[m++] = (wrapCell(cz + dz, 2) * nb[1] + wrapCell(cy + dy, 1)) * nb[0] + wrapCell(cx + dx, 0);
                    }
                }
            }
        }
        return m;
    }

    /** With fewer than 3 bins along an axis, the offsets −1, 0, +1 would visit a bin twice. */
    private boolean skip(int d, int k) {
        return (nb[k] == 1 && d != 0) || (nb[k] == 2 && d == 1);
    }

    private int wrapCell(int c, int k) {
        int w = c % nb[k];
        return w < 0 ? w + nb[k] : w;
    }

    private static void sortPairsByJ(int[] pairs, int from, int to) {
        for (int a = from + 2; a < to; a += 2) {
            int j = pairs[a + 1];
            int i = pairs[a];
            int b = a - 2;
            while (b >= from && pairs[b + 1] > j) {
                pairs[b + 2] = pairs[b];
                pairs[b + 3] = pairs[b + 1];
                b -= 2;
            }
            pairs[b + 2] = i;
            pairs[b + 3] = j;
        }
    }

    @FunctionalInterface
    interface PairFilter {
        boolean accept(int i, int j);
    }
}
