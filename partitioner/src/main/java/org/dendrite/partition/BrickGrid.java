package org.dendrite.partition;

import org.dendrite.md.Box;

/**
 * A regular grid of na × nb × nc bricks over the cell, in fractional coordinates (so it follows a
 * triclinic cell as LAMMPS' processor grid does). Chosen to minimise the halo each domain must
 * receive, i.e. the total sub-domain surface Σ_k n_k / w_k (w_k: perpendicular width of the cell
 * along reciprocal axis k), subject to each brick being at least one halo width thick along every
 * split axis (a thinner brick would need ghosts from beyond its neighbours).
 */
public record BrickGrid(int na, int nb, int nc) {

    public BrickGrid {
        if (na < 1 || nb < 1 || nc < 1) {
            throw new IllegalArgumentException("brick grid dimensions must be >= 1: " + na + "x" + nb + "x" + nc);
        }
    }

    public int domains() {
        return na * nb * nc;
    }

    /**
     * The grid of {@code domains} bricks with the least halo surface for this box.
     *
     * @param haloWidth cut-off plus skin, Å: the thinnest allowed brick
     * @throws IllegalArgumentException naming the remedy when no grid is thick enough
     */
    public static BrickGrid choose(Box box, int domains, double haloWidth) {
        if (domains < 1) {
            throw new IllegalArgumentException("number of domains must be >= 1, got " + domains);
        }
        double[] w = {box.perpendicularWidth(0), box.perpendicularWidth(1), box.perpendicularWidth(2)};
        BrickGrid best = null;
        double bestSurface = Double.POSITIVE_INFINITY;
        for (int a = 1; a <= domains; a++) {
            if (domains % a != 0) {
                continue;
            }
            for (int b = 1; b <= domains / a; b++) {
                if ((domains / a) % b != 0) {
                    continue;
                }
                int c = domains / a / b;
                int[] n = {a, b, c};
                boolean thickEnough = true;
                for (int k = 0; k < 3; k++) {
                    if (n[k] > 1 && w[k] / n[k] < haloWidth) {
                        thickEnough = false;
                    }
                }
                if (!thickEnough) {
                    continue;
                }
                double surface = a / w[0] + b / w[1] + c / w[2];
                // Strictly smaller wins, so ties keep the grid found first (fewest splits along a, then b).
                if (best == null || surface < bestSurface * (1 - 1e-12)) {
                    bestSurface = surface;
                    best = new BrickGrid(a, b, c);
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(String.format(
                    "cannot split a cell of widths %.3f x %.3f x %.3f Å into %d domains at least %.3f Å "
                            + "(cut-off + skin) thick; use fewer domains, a larger cell, or a smaller cut-off or skin",
                    w[0], w[1], w[2], domains, haloWidth));
        }
        return best;
    }

    /** Domain index (a fastest) of fractional coordinates in [0, 1). */
    public int domainOf(double sa, double sb, double sc) {
        int ia = clamp((int) Math.floor(sa * na), na);
        int ib = clamp((int) Math.floor(sb * nb), nb);
        int ic = clamp((int) Math.floor(sc * nc), nc);
        return (ic * nb + ib) * na + ia;
    }

    /** Fractional bounds {loA, hiA, loB, hiB, loC, hiC} of a domain. */
    public double[] fractionalBounds(int domain) {
        int ia = domain % na, ib = (domain / na) % nb, ic = domain / (na * nb);
        return new double[] {
            (double) ia / na, (double) (ia + 1) / na,
            (double) ib / nb, (double) (ib + 1) / nb,
            (double) ic / nc, (double) (ic + 1) / nc};
    }

    /** Uniform fractional cut positions {0, 1/n, ..., 1} of n bricks along one axis. */
    public static double[] uniformCuts(int n) {
        double[] c = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            c[j] = (double) j / n;
        }
        return c;
    }

    /**
     * Brick index along one axis of a fractional coordinate for the sorted cut positions
     * {@code cuts} (cuts[0] = 0, cuts[n] = 1): the j with cuts[j] <= s < cuts[j + 1], clamped to
     * [0, n - 1] so round-off at the cell faces stays in the first or last brick. With uniform cuts
     * this is the index floor(s·n) of {@link #domainOf} except where s·n rounds across an integer.
     */
    public static int index(double[] cuts, double s) {
        int n = cuts.length - 1;
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (s >= cuts[mid]) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }
}
