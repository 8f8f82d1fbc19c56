package org.dendrite.md.build.crystal;

import java.util.SplittableRandom;

/**
 * Places 56 Li in every conventional cell of an na × nb × nc supercell of cubic LLZO, over the
 * tetrahedral 24d and split octahedral 96h sites, so that no two Li are closer than an exclusion
 * distance d through periodic images.
 *
 * <p>The geometry of the garnet Li sublattice makes this a combinatorial problem. Every 96h site
 * has, in increasing distance, its partner half of the same octahedron (0.72 Å at a = 12.97 Å),
 * one "near" 24d (1.64 Å), one "far" 24d (2.34 Å) — the two tetrahedra the octahedron shares
 * faces with — and then other 96h (2.48 Å); 24d sites are 3.97 Å apart. So for d between the
 * partner and the near-24d distance the exclusion is "at most one Li per octahedron"; for d
 * between the near- and far-24d distances it is also "an occupied 24d empties the near half of
 * each of its four octahedra" (the rule of the diffraction literature: a 24d and its neighbouring
 * 96h are never occupied together); outside these two windows the builder rejects d (below the
 * first, two Li could share an octahedron; above the second, even the ordered tetragonal
 * arrangement is impossible, since then no cell can hold more than 48 Li). The constructor derives
 * the pairs from the site coordinates and checks this shell structure, so a different site set
 * fails loudly instead of being sampled wrongly.
 *
 * <p>Sampling, given the set S of occupied 24d: an octahedron is blocked when both its tetrahedra
 * are in S, forced (one allowed half) when one is, free (two halves) when none is; a cell with
 * n_c occupied 24d needs f_c = 56 − n_c filled octahedra among its non-blocked ones. For the
 * smaller window every octahedron is free and cells are independent, so n_c is drawn from its exact
 * marginal under the uniform distribution over arrangements (∝ C(24, n) C(48, 56 − n) 2^(56 − n)).
 * For the larger window the cells are coupled through S and 56 Li per cell is close to the
 * maximum: S is found by simulated annealing of the total deficit Σ_c max(0, f_c − non-blocked_c)
 * under single-24d toggles from a random start (several attempts; if all fail, the 24d set of
 * the tetragonal ordering, which is always feasible). Given S the octahedra are completed exactly
 * uniformly: the number j of free octahedra filled is drawn ∝ C(forced, f − j) C(free, j) 2^j,
 * then which ones and which halves uniformly. The annealed S is a random feasible set, not a draw
 * from the exact uniform measure over arrangements.
 */
public final class GarnetLithiumSampler {
    static final int TETS = 24;
    static final int OCTS = 48;
    static final int ANNEAL_SWEEPS = 400;
    static final int QUENCH_SWEEPS = 100;
    static final double BETA_START = 0.3;
    static final double BETA_END = 5.0;
    static final int ANNEAL_ATTEMPTS = 10;

    private final int na;
    private final int nb;
    private final int nc;
    private final int perCell;
    private final boolean tetBlocksNearHalf;
    private final double partnerA;
    private final double nearA;
    private final double farA;
    /** Local 24d index (0..23) → site index in the Li site cell. */
    private final int[] tetSite = new int[TETS];
    /** Octahedron o of a cell: its halves (site indices) and, per half, the near 24d (local index and cell offset 0..26). */
    private final int[][] octHalf = new int[OCTS][2];
    private final int[][] nearTet = new int[OCTS][2];
    private final int[][] nearOff = new int[OCTS][2];
    /** Per local 24d: its 4 (octahedron, half) pairs whose near 24d it is, with the octahedron's cell offset relative to the 24d. */
    private final int[][] tetOct = new int[TETS][4];
    private final int[][] tetOctOff = new int[TETS][4];
    private boolean usedOrderedFallback;

    /**
     * @param liSites the 120 Li sites of one cubic cell (24d with site index 0, then 96h with site index 1)
     * @param dMin    exclusion distance, Å
     * @throws IllegalArgumentException if dMin is outside the two windows (message gives them)
     */
    public GarnetLithiumSampler(UnitCell liSites, int na, int nb, int nc, int perCell, double dMin) {
        this.na = na;
        this.nb = nb;
        this.nc = nc;
        this.perCell = perCell;
        int t = 0;
        int[] octOfSite = new int[liSites.size()];
        java.util.Arrays.fill(octOfSite, -1);
        for (int s = 0; s < liSites.size(); s++) {
            if (liSites.site(s) == 0) {
                tetSite[t++] = s;
            }
        }
        if (t != TETS || liSites.size() != TETS + 4 * TETS) {
            throw new IllegalStateException("expected 24 tetrahedral and 96 octahedral Li sites, got " + t + " and " + (liSites.size() - t));
        }
        // Shells per 96h site (symmetry makes them equal; the minimum over sites is kept).
        double partner = Double.MAX_VALUE;
        double near = Double.MAX_VALUE;
        double far = Double.MAX_VALUE;
        int o = 0;
        int[] nearCount = new int[TETS];
        for (int s = 0; s < liSites.size(); s++) {
            if (liSites.site(s) != 1) {
                continue;
            }
            int bestPartner = -1;
            double bp = Double.MAX_VALUE;
            double secondH = Double.MAX_VALUE;
            int[] bestTet = {-1, -1};
            int[] bestTetOff = {-1, -1};
            double[] bt = {Double.MAX_VALUE, Double.MAX_VALUE};
            double thirdT = Double.MAX_VALUE;
            for (int q = 0; q < liSites.size(); q++) {
                for (int off = 0; off < 27; off++) {
                    if (q == s && off == 13) {
                        continue;
                    }
                    double d = distance(liSites, s, q, off);
                    if (liSites.site(q) == 1) {
                        if (d < bp) {
                            secondH = bp;
                            bp = d;
                            bestPartner = off == 13 ? q : -2 - q;
                        } else if (d < secondH) {
                            secondH = d;
                        }
                    } else {
                        int tq = indexOf(tetSite, q);
                        if (d < bt[0]) {
                            thirdT = bt[1];
                            bt[1] = bt[0];
                            bestTet[1] = bestTet[0];
                            bestTetOff[1] = bestTetOff[0];
                            bt[0] = d;
                            bestTet[0] = tq;
                            bestTetOff[0] = off;
                        } else if (d < bt[1]) {
                            thirdT = bt[1];
                            bt[1] = d;
                            bestTet[1] = tq;
                            bestTetOff[1] = off;
                        } else if (d < thirdT) {
                            thirdT = d;
                        }
                    }
                }
            }
            if (bestPartner < 0) {
                throw new IllegalStateException("96h site " + s + ": its octahedron partner lies in another cell");
            }
            partner = Math.min(partner, bp);
            near = Math.min(near, bt[0]);
            far = Math.min(far, bt[1]);
            if (!(bp < bt[0] && bt[0] < bt[1] && bt[1] < secondH && bt[1] < thirdT)) {
                throw new IllegalStateException("96h site " + s + ": shells not ordered partner < near 24d < far 24d < others");
            }
            if (octOfSite[s] < 0) {
                octOfSite[s] = o;
                octOfSite[bestPartner] = o;
                octHalf[o][0] = s;
                octHalf[o][1] = bestPartner;
                o++;
            }
            int oo = octOfSite[s];
            int h = octHalf[oo][0] == s ? 0 : 1;
            nearTet[oo][h] = bestTet[0];
            nearOff[oo][h] = bestTetOff[0];
            int k = nearCount[bestTet[0]]++;
            if (k >= 4) {
                throw new IllegalStateException("24d site " + bestTet[0] + " is the near 24d of more than four 96h sites");
            }
            tetOct[bestTet[0]][k] = 2 * oo + h;
            tetOctOff[bestTet[0]][k] = 26 - bestTetOff[0];
        }
        if (o != OCTS) {
            throw new IllegalStateException("the 96h sites form " + o + " octahedra, not " + OCTS);
        }
        for (int q = 0; q < OCTS; q++) {
            if (nearTet[q][0] == nearTet[q][1] && nearOff[q][0] == nearOff[q][1]) {
                throw new IllegalStateException("octahedron " + q + ": both halves beside the same 24d");
            }
        }
        for (int q = 0; q < TETS; q++) {
            if (nearCount[q] != 4) {
                throw new IllegalStateException("24d site " + q + " is the near 24d of " + nearCount[q] + " 96h sites, not 4");
            }
        }
        this.partnerA = partner;
        this.nearA = near;
        this.farA = far;
        if (!(dMin > partnerA && dMin <= farA)) {
            throw new IllegalArgumentException(dMin <= partnerA
                    ? "must exceed the 96h–96h distance within one octahedron, " + fmt(partnerA) + " Å at this lattice constant,"
                            + " or two Li could share an octahedron; got " + dMin + " Å"
                    : "cannot be met with " + perCell + " Li per cell: above the far 24d–96h distance (" + fmt(farA)
                            + " Å at this lattice constant) an occupied 24d empties all four of its octahedra, so a cell holds at most "
                            + OCTS + " Li; got " + dMin + " Å (windows: (" + fmt(partnerA) + ", " + fmt(nearA) + "] Å one Li per octahedron, ("
                            + fmt(nearA) + ", " + fmt(farA) + "] Å also no Li on 24d beside a 96h neighbour)");
        }
        this.tetBlocksNearHalf = dMin > nearA;
    }

    private static String fmt(double v) {
        return String.format("%.3f", v);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Distance from site s (cell 0) to site q in the cell at offset off (0..26, 13 = same cell). */
    private static double distance(UnitCell u, int s, int q, int off) {
        double dx = (u.frac(q, 0) + off % 3 - 1 - u.frac(s, 0)) * u.a();
        double dy = (u.frac(q, 1) + off / 3 % 3 - 1 - u.frac(s, 1)) * u.b();
        double dz = (u.frac(q, 2) + off / 9 - 1 - u.frac(s, 2)) * u.c();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** 96h–96h distance within one octahedron, Å. */
    public double partnerDistance() {
        return partnerA;
    }

    /** Distance from a 96h site to its near 24d, Å. */
    public double nearDistance() {
        return nearA;
    }

    /** Distance from a 96h site to its far 24d, Å. */
    public double farDistance() {
        return farA;
    }

    /** Whether the exclusion includes the near 24d–96h pairs (the larger window). */
    public boolean tetBlocksNearHalf() {
        return tetBlocksNearHalf;
    }

    /** Whether the last sample used the tetragonal 24d set because annealing found no feasible one. */
    public boolean usedOrderedFallback() {
        return usedOrderedFallback;
    }

    private int cells() {
        return na * nb * nc;
    }

    private int cellAt(int cell, int off) {
        int i = cell % na;
        int j = cell / na % nb;
        int k = cell / (na * nb);
        int ii = Math.floorMod(i + off % 3 - 1, na);
        int jj = Math.floorMod(j + off / 3 % 3 - 1, nb);
        int kk = Math.floorMod(k + off / 9 - 1, nc);
        return (kk * nb + jj) * na + ii;
    }

    /**
     * One arrangement: occupied flags over global Li sites {@code cell · 120 + site}, cells
     * numbered {@code (k·nb + j)·na + i}.
     *
     * @param orderedTets local 24d site indices (in the Li site cell) of the tetragonal ordering
     */
    public boolean[] sample(int[] orderedTets, SplittableRandom rnd) {
        int cells = cells();
        boolean[] inS = new boolean[cells * TETS];
        usedOrderedFallback = false;
        if (tetBlocksNearHalf) {
            boolean ok = false;
            for (int attempt = 0; attempt < ANNEAL_ATTEMPTS && !ok; attempt++) {
                ok = annealTets(inS, rnd) == 0;
            }
            if (!ok) {
                java.util.Arrays.fill(inS, false);
                for (int c = 0; c < cells; c++) {
                    for (int s : orderedTets) {
                        inS[c * TETS + indexOf(tetSite, s)] = true;
                    }
                }
                usedOrderedFallback = true;
            }
        } else {
            for (int c = 0; c < cells; c++) {
                drawTetsIndependently(inS, c, rnd);
            }
        }
        boolean[] occ = new boolean[cells * (TETS + 4 * TETS)];
        for (int c = 0; c < cells; c++) {
            complete(inS, c, occ, rnd);
        }
        return occ;
    }

    /** Smaller window: n from its exact marginal, then a uniform n-subset of the cell's 24d. */
    private void drawTetsIndependently(boolean[] inS, int c, SplittableRandom rnd) {
        double[] logw = new double[TETS + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int n = 0; n <= TETS; n++) {
            int f = perCell - n;
            logw[n] = f < 0 || f > OCTS ? Double.NEGATIVE_INFINITY
                    : logChoose(TETS, n) + logChoose(OCTS, f) + f * Math.log(2);
            max = Math.max(max, logw[n]);
        }
        int n = drawIndex(logw, max, rnd);
        int[] pick = shuffledPrefix(TETS, n, rnd);
        for (int q = 0; q < n; q++) {
            inS[c * TETS + pick[q]] = true;
        }
    }

    /** Number of octahedra of cell c (global) that are blocked (both their 24d occupied). */
    private int blocked(boolean[] inS, int c) {
        int b = 0;
        for (int o = 0; o < OCTS; o++) {
            if (tetIn(inS, c, o, 0) && tetIn(inS, c, o, 1)) {
                b++;
            }
        }
        return b;
    }

    private boolean tetIn(boolean[] inS, int c, int o, int h) {
        return inS[cellAt(c, nearOff[o][h]) * TETS + nearTet[o][h]];
    }

    /** Deficit of cell c: Li it cannot hold below 56, max(0, f − non-blocked). */
    private static int deficit(int n, int blocked, int perCell) {
        return Math.max(0, perCell - n - (OCTS - blocked));
    }

    /**
     * Simulated annealing of the occupied-24d set on the total deficit, from a random set with
     * each 24d occupied with probability 1/3. Returns the final total deficit.
     */
    private int annealTets(boolean[] inS, SplittableRandom rnd) {
        int cells = cells();
        for (int g = 0; g < inS.length; g++) {
            inS[g] = rnd.nextInt(3) == 0;
        }
        int[] n = new int[cells];
        int[] blk = new int[cells];
        int total = 0;
        for (int c = 0; c < cells; c++) {
            for (int q = 0; q < TETS; q++) {
                n[c] += inS[c * TETS + q] ? 1 : 0;
            }
            blk[c] = blocked(inS, c);
            total += deficit(n[c], blk[c], perCell);
        }
        int[] touched = new int[5];
        int[] dBlk = new int[5];
        long perSweep = (long) TETS * cells;
        for (int sweep = 0; sweep < ANNEAL_SWEEPS + QUENCH_SWEEPS && total > 0; sweep++) {
            double beta = sweep < ANNEAL_SWEEPS
                    ? BETA_START * Math.pow(BETA_END / BETA_START, sweep / (double) (ANNEAL_SWEEPS - 1))
                    : Double.POSITIVE_INFINITY;
            for (long mv = 0; mv < perSweep && total > 0; mv++) {
                int g = rnd.nextInt(inS.length);
                int c = g / TETS;
                int q = g - c * TETS;
                boolean add = !inS[g];
                // cells whose counts change: the 24d's cell and the cells of its four octahedra
                int nt = 0;
                touched[nt] = c;
                dBlk[nt++] = 0;
                for (int k = 0; k < 4; k++) {
                    int oh = tetOct[q][k];
                    int o = oh >> 1;
                    int h = oh & 1;
                    int co = cellAt(c, tetOctOff[q][k]);
                    // the octahedron's other 24d decides whether toggling this one blocks or unblocks it
                    if (tetIn(inS, co, o, 1 - h)) {
                        int idx = -1;
                        for (int z = 0; z < nt; z++) {
                            if (touched[z] == co) {
                                idx = z;
                            }
                        }
                        if (idx < 0) {
                            idx = nt;
                            touched[nt] = co;
                            dBlk[nt++] = 0;
                        }
                        dBlk[idx] += add ? 1 : -1;
                    }
                }
                int delta = 0;
                for (int z = 0; z < nt; z++) {
                    int cz = touched[z];
                    int nNew = n[cz] + (cz == c ? (add ? 1 : -1) : 0);
                    delta += deficit(nNew, blk[cz] + dBlk[z], perCell) - deficit(n[cz], blk[cz], perCell);
                }
                if (delta <= 0 || rnd.nextDouble() < Math.exp(-beta * delta)) {
                    inS[g] = add;
                    for (int z = 0; z < nt; z++) {
                        blk[touched[z]] += dBlk[z];
                    }
                    n[c] += add ? 1 : -1;
                    total += delta;
                }
            }
        }
        return total;
    }

    /** Fills the octahedra of cell c given the 24d set, uniformly among valid completions. */
    private void complete(boolean[] inS, int c, boolean[] occ, SplittableRandom rnd) {
        int ns = TETS + 4 * TETS;
        int n = 0;
        for (int q = 0; q < TETS; q++) {
            if (inS[c * TETS + q]) {
                occ[c * ns + tetSite[q]] = true;
                n++;
            }
        }
        int[] forced = new int[OCTS];
        int[] forcedHalf = new int[OCTS];
        int[] free = new int[OCTS];
        int a = 0;
        int b = 0;
        for (int o = 0; o < OCTS; o++) {
            boolean t0 = tetBlocksNearHalf && tetIn(inS, c, o, 0);
            boolean t1 = tetBlocksNearHalf && tetIn(inS, c, o, 1);
            if (t0 && t1) {
                continue;
            }
            if (t0 || t1) {
                forced[a] = o;
                forcedHalf[a++] = t0 ? 1 : 0;
            } else {
                free[b++] = o;
            }
        }
        int f = perCell - n;
        if (f < 0 || f > a + b) {
            throw new IllegalStateException("cell " + c + " cannot hold " + perCell + " Li with this 24d set");
        }
        double[] logw = new double[f + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= f; j++) {
            logw[j] = j > b || f - j > a ? Double.NEGATIVE_INFINITY : logChoose(a, f - j) + logChoose(b, j) + j * Math.log(2);
            max = Math.max(max, logw[j]);
        }
        int j = drawIndex(logw, max, rnd);
        int[] pf = shuffledPrefix(a, f - j, rnd);
        for (int q = 0; q < f - j; q++) {
            occ[c * ns + octHalf[forced[pf[q]]][forcedHalf[pf[q]]]] = true;
        }
        int[] pb = shuffledPrefix(b, j, rnd);
        for (int q = 0; q < j; q++) {
            occ[c * ns + octHalf[free[pb[q]]][rnd.nextInt(2)]] = true;
        }
    }

    private static int drawIndex(double[] logw, double max, SplittableRandom rnd) {
        double sum = 0;
        for (double lw : logw) {
            sum += Math.exp(lw - max);
        }
        double r = rnd.nextDouble() * sum;
        int last = 0;
        for (int i = 0; i < logw.length; i++) {
            double w = Math.exp(logw[i] - max);
            if (w > 0) {
                last = i;
                r -= w;
                if (r < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /** The first k entries of a uniformly shuffled 0..n−1. */
    private static int[] shuffledPrefix(int n, int k, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int r = i + rnd.nextInt(n - i);
            int tmp = p[i];
            p[i] = p[r];
            p[r] = tmp;
        }
        return p;
    }

    private static double logChoose(int n, int k) {
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
