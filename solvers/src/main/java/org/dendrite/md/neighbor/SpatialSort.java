package org.dendrite.md.neighbor;

import org.dendrite.md.Atoms;

/**
 * Reorders owned atoms by spatial bin (bins of a given width, z-major then y then x, as the cell
 * list), so atoms that are neighbours in space are neighbours in memory: the pair loop then finds
 * the data of a row's neighbours in cache, and the ghosts a domain sends inherit the order. This is
 * LAMMPS' {@code atom_modify sort} (on by default there, with bins of half the neighbour cut-off).
 * Only for domains whose atom order is free (decomposed ranks, whose order already changes at every
 * migration; outputs are gathered by atom id). Results do not change: sums are order-free
 * ({@code InvariantArithmetic}).
 *
 * <p>A counting sort, O(N) per call, stable within a bin; scratch arrays are kept between calls.
 */
public final class SpatialSort {
    private int[] binOf = new int[0];
    private int[] start = new int[0];
    private int[] order = new int[0];
    private double[] dScratch = new double[0];
    private int[] iScratch = new int[0];

    /** Sorts the owned atoms of {@code atoms} (ghosts must not exist yet) by bins {@code binWidth} Å wide. */
    public void sortOwned(Atoms atoms, double binWidth) {
        if (atoms.nghost != 0) {
            throw new IllegalStateException("sort owned atoms before ghosts are built");
        }
        int n = atoms.nlocal;
        if (n < 2) {
            return;
        }
        double[] x = atoms.x;
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                lo[c] = Math.min(lo[c], x[3 * i + c]);
                hi[c] = Math.max(hi[c], x[3 * i + c]);
            }
        }
        int[] nb = new int[3];
        long cells = 1;
        for (int c = 0; c < 3; c++) {
            nb[c] = (int) Math.max(1, Math.min(1 << 10, Math.floor((hi[c] - lo[c]) / binWidth)));
            cells *= nb[c];
        }
        // Keep the table O(N) for sparse systems.
        while (cells > 4L * n + 64) {
            int c = nb[0] >= nb[1] && nb[0] >= nb[2] ? 0 : nb[1] >= nb[2] ? 1 : 2;
            cells = cells / nb[c] * Math.max(1, nb[c] / 2);
            nb[c] = Math.max(1, nb[c] / 2);
        }
        int nbins = (int) cells;
        if (binOf.length < n) {
            binOf = new int[n + n / 2];
            order = new int[binOf.length];
        }
        if (start.length < nbins + 1) {
            start = new int[nbins + 1];
        }
        java.util.Arrays.fill(start, 0, nbins + 1, 0);
        double inv0 = nb[0] / Math.max(hi[0] - lo[0], 1e-300);
        double inv1 = nb[1] / Math.max(hi[1] - lo[1], 1e-300);
        double inv2 = nb[2] / Math.max(hi[2] - lo[2], 1e-300);
        for (int i = 0; i < n; i++) {
            int b0 = Math.min((int) ((x[3 * i] - lo[0]) * inv0), nb[0] - 1);
            int b1 = Math.min((int) ((x[3 * i + 1] - lo[1]) * inv1), nb[1] - 1);
            int b2 = Math.min((int) ((x[3 * i + 2] - lo[2]) * inv2), nb[2] - 1);
            int b = (b2 * nb[1] + b1) * nb[0] + b0;
            binOf[i] = b;
            start[b + 1]++;
        }
        for (int b = 0; b < nbins; b++) {
            start[b + 1] += start[b];
        }
        for (int i = 0; i < n; i++) {
            order[start[binOf[i]]++] = i;
        }
        permute3(atoms.x, n);
        permute3(atoms.v, n);
        permute3(atoms.f, n);
        permute3(atoms.image, n);
        permute1(atoms.id, n);
        permute1(atoms.type, n);
        permute1(atoms.q, n);
    }

    private void permute3(double[] a, int n) {
        if (dScratch.length < 3 * n) {
            dScratch = new double[3 * n + 3 * n / 2];
        }
        System.arraycopy(a, 0, dScratch, 0, 3 * n);
        for (int k = 0; k < n; k++) {
            System.arraycopy(dScratch, 3 * order[k], a, 3 * k, 3);
        }
    }

    private void permute3(int[] a, int n) {
        if (iScratch.length < 3 * n) {
            iScratch = new int[3 * n + 3 * n / 2];
        }
        System.arraycopy(a, 0, iScratch, 0, 3 * n);
        for (int k = 0; k < n; k++) {
            System.arraycopy(iScratch, 3 * order[k], a, 3 * k, 3);
        }
    }

    private void permute1(int[] a, int n) {
        if (iScratch.length < n) {
            iScratch = new int[n + n / 2];
        }
        System.arraycopy(a, 0, iScratch, 0, n);
        for (int k = 0; k < n; k++) {
            a[k] = iScratch[order[k]];
        }
    }

    private void permute1(double[] a, int n) {
        if (dScratch.length < n) {
            dScratch = new double[n + n / 2];
        }
        System.arraycopy(a, 0, dScratch, 0, n);
        for (int k = 0; k < n; k++) {
            a[k] = dScratch[order[k]];
        }
    }
}
