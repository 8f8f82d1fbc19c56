package org.dendrite.md.build.crystal;

import java.util.SplittableRandom;

/**
 * Places a fixed number of atoms per conventional cell on candidate sites of a supercell of
 * na × nb × nc orthogonal cells so that no two placed atoms are closer than {@code dMin} through
 * periodic images — a hard-core lattice gas at fixed occupation per cell. Used for the Li of cubic
 * LLZO over 24d + 96h.
 *
 * <p>Algorithm: start from a valid arrangement (the given ordered pattern repeated in every cell;
 * if that breaks the exclusion, randomized greedy filling), then run {@code sweeps × perCell ×
 * cells} Monte Carlo hops: pick a cell, one of its atoms and one of its sites uniformly; move the
 * atom there if the site is empty and the move keeps every distance ≥ dMin. The proposal is
 * symmetric and the acceptance is 0/1, so the chain's stationary distribution is uniform over the
 * valid arrangements it can reach; every cell keeps exactly {@code perCell} atoms at every step,
 * and cells are sampled jointly (no cell is a copy of another; the exclusion spans cell faces).
 *
 * <p>Global site index: {@code cell · nSites + s} with {@code cell = (k·nb + j)·na + i}.
 */
public final class SiteExclusionSampler {
    private static final int GREEDY_ATTEMPTS = 200;

    private final int nSites;
    private final int na;
    private final int nb;
    private final int nc;
    private final int perCell;
    private final double dMin;
    /** Conflicting neighbours of site s: site index and cell offsets, CSR layout. */
    private final int[] nbStart;
    private final int[] nbSite;
    private final int[] nbOff;

    /**
     * @param siteFrac fractional coordinates of the candidate sites of one cell, 3 per site
     * @param edges    cell edges a, b, c (Å)
     * @param dMin     exclusion distance (Å), 0 < dMin < min(a, b, c) / 2
     */
    public SiteExclusionSampler(double[] siteFrac, double[] edges, int na, int nb, int nc, int perCell, double dMin) {
        if (!(dMin > 0) || !(dMin < 0.5 * Math.min(edges[0], Math.min(edges[1], edges[2])))) {
            throw new IllegalArgumentException("exclusion distance " + dMin + " Å must be > 0 and below half the shortest cell edge");
        }
        this.nSites = siteFrac.length / 3;
        if (perCell > nSites) {
            throw new IllegalArgumentException(perCell + " atoms per cell do not fit on " + nSites + " sites");
        }
        this.na = na;
        this.nb = nb;
        this.nc = nc;
        this.perCell = perCell;
        this.dMin = dMin;
        // With dMin below half an edge, conflicts reach only the adjacent cells (offsets −1, 0, +1).
        int[] start = new int[nSites + 1];
        int[] sites = new int[16];
        int[] offs = new int[16];
        int m = 0;
        double d2 = dMin * dMin;
        for (int s = 0; s < nSites; s++) {
            start[s] = m;
            for (int t = 0; t < nSites; t++) {
                for (int off = 0; off < 27; off++) {
                    int di = off % 3 - 1;
                    int dj = off / 3 % 3 - 1;
                    int dk = off / 9 - 1;
                    if (t == s && off == 13) {
                        continue;
                    }
                    double dx = (siteFrac[3 * t] + di - siteFrac[3 * s]) * edges[0];
                    double dy = (siteFrac[3 * t + 1] + dj - siteFrac[3 * s + 1]) * edges[1];
                    double dz = (siteFrac[3 * t + 2] + dk - siteFrac[3 * s + 2]) * edges[2];
                    if (dx * dx + dy * dy + dz * dz < d2) {
                        if (m == sites.length) {
                            sites = java.util.Arrays.copyOf(sites, 2 * m);
                            offs = java.util.Arrays.copyOf(offs, 2 * m);
                        }
                        sites[m] = t;
                        offs[m] = off;
                        m++;
                    }
                }
            }
        }
        start[nSites] = m;
        this.nbStart = start;
        this.nbSite = java.util.Arrays.copyOf(sites, m);
        this.nbOff = java.util.Arrays.copyOf(offs, m);
    }

    public int cells() {
        return na * nb * nc;
    }

    public int sitesPerCell() {
        return nSites;
    }

    /** Number of (site, image) pairs of one cell closer than dMin (each pair counted from both ends). */
    public int conflictPairsPerCell() {
        return nbSite.length;
    }

    /**
     * An arrangement: occupied flags over all global sites.
     *
     * @param ordered sites of one cell to start from (repeated in every cell), or null
     * @param sweeps  Monte Carlo sweeps (hops attempted per placed atom)
     * @throws IllegalStateException if no valid start was found (the exclusion is too strict)
     */
    public boolean[] sample(int[] ordered, int sweeps, SplittableRandom rnd) {
        int cells = cells();
        boolean[] occ = new boolean[cells * nSites];
        int[] atoms = new int[cells * perCell];
        if (!(ordered != null && ordered.length == perCell && fillOrdered(ordered, occ, atoms))) {
            boolean ok = false;
            int best = 0;
            for (int attempt = 0; attempt < GREEDY_ATTEMPTS && !ok; attempt++) {
                int got = fillGreedy(occ, atoms, rnd);
                best = Math.max(best, got);
                ok = got == perCell * cells;
            }
            if (!ok) {
                throw new IllegalStateException("no arrangement of " + perCell + " atoms per cell with every distance ≥ "
                        + dMin + " Å was found (ordered start invalid; best of " + GREEDY_ATTEMPTS
                        + " randomized greedy fillings placed " + best + " of " + perCell * cells + ")");
            }
        }
        long moves = (long) sweeps * perCell * cells;
        for (long mv = 0; mv < moves; mv++) {
            int cell = rnd.nextInt(cells);
            int slot = cell * perCell + rnd.nextInt(perCell);
            int target = cell * nSites + rnd.nextInt(nSites);
            int from = atoms[slot];
            if (!occ[target] && !conflicts(target, from, occ)) {
                occ[from] = false;
                occ[target] = true;
                atoms[slot] = target;
            }
        }
        return occ;
    }

    private boolean fillOrdered(int[] ordered, boolean[] occ, int[] atoms) {
        for (int cell = 0; cell < cells(); cell++) {
            for (int q = 0; q < perCell; q++) {
                int g = cell * nSites + ordered[q];
                if (occ[g]) {
                    java.util.Arrays.fill(occ, false);
                    return false;
                }
                occ[g] = true;
                atoms[cell * perCell + q] = g;
            }
        }
        for (int g = 0; g < occ.length; g++) {
            if (occ[g] && conflicts(g, g, occ)) {
                java.util.Arrays.fill(occ, false);
                return false;
            }
        }
        return true;
    }

    /** Random-order sequential filling; returns how many atoms it placed (occ/atoms hold them). */
    private int fillGreedy(boolean[] occ, int[] atoms, SplittableRandom rnd) {
        java.util.Arrays.fill(occ, false);
        int n = occ.length;
        int[] order = new int[n];
        for (int g = 0; g < n; g++) {
            order[g] = g;
        }
        for (int g = n - 1; g > 0; g--) {
            int r = rnd.nextInt(g + 1);
            int tmp = order[g];
            order[g] = order[r];
            order[r] = tmp;
        }
        int[] count = new int[cells()];
        int placed = 0;
        for (int g : order) {
            int cell = g / nSites;
            if (count[cell] < perCell && !conflicts(g, g, occ)) {
                occ[g] = true;
                atoms[cell * perCell + count[cell]++] = g;
                placed++;
            }
        }
        return placed;
    }

    /** Whether an atom at global site g would be closer than dMin to an occupied site other than {@code ignore}. */
    private boolean conflicts(int g, int ignore, boolean[] occ) {
        int cell = g / nSites;
        int s = g - cell * nSites;
        int i = cell % na;
        int j = cell / na % nb;
        int k = cell / (na * nb);
        for (int q = nbStart[s]; q < nbStart[s + 1]; q++) {
            int off = nbOff[q];
            int ii = Math.floorMod(i + off % 3 - 1, na);
            int jj = Math.floorMod(j + off / 3 % 3 - 1, nb);
            int kk = Math.floorMod(k + off / 9 - 1, nc);
            int h = ((kk * nb + jj) * na + ii) * nSites + nbSite[q];
            if (h != ignore && occ[h]) {
                return true;
            }
        }
        return false;
    }
}
