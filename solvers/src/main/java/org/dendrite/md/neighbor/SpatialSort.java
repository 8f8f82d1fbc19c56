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
 * <p>A counting sort ({@link CellGrid}), O(N) per call, stable within a bin; scratch arrays are
 * kept between calls.
 */
public final class SpatialSort {
    private final CellGrid grid = new CellGrid();
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
        // Bins at least binWidth wide, at most a few per atom (sparse systems).
        grid.bin(atoms.x, n, binWidth, 4L * n + 64);
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
            System.arraycopy(dScratch, 3 * grid.atomsByBin[k], a, 3 * k, 3);
        }
    }

    private void permute3(int[] a, int n) {
        if (iScratch.length < 3 * n) {
            iScratch = new int[3 * n + 3 * n / 2];
        }
        System.arraycopy(a, 0, iScratch, 0, 3 * n);
        for (int k = 0; k < n; k++) {
            System.arraycopy(iScratch, 3 * grid.atomsByBin[k], a, 3 * k, 3);
        }
    }

    private void permute1(int[] a, int n) {
        if (iScratch.length < n) {
            iScratch = new int[n + n / 2];
        }
        System.arraycopy(a, 0, iScratch, 0, n);
        for (int k = 0; k < n; k++) {
            a[k] = iScratch[grid.atomsByBin[k]];
        }
    }

    private void permute1(double[] a, int n) {
        if (dScratch.length < n) {
            dScratch = new double[n + n / 2];
        }
        System.arraycopy(a, 0, dScratch, 0, n);
        for (int k = 0; k < n; k++) {
            a[k] = dScratch[grid.atomsByBin[k]];
        }
    }
}
