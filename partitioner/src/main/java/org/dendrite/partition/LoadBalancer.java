package org.dendrite.partition;

import java.util.Arrays;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;

/**
 * Cost-weighted brick boundaries in the manner of LAMMPS {@code balance}/{@code fix balance} with
 * the {@code shift} style: the grid stays a tensor product of slabs, and along each split axis the
 * cut positions move so that every slab of bricks carries the same summed cost.
 *
 * <p>Cost model: each rank's measured cost (its atom count, or the wall time it spent outside
 * exchanges and global sums since the last balance) is spread evenly over its owned atoms. Per
 * split axis a histogram of {@value #BINS} bins of that per-atom cost over the fractional
 * coordinate is summed over the ranks ({@code Transport.sum} is rank-ordered, so every rank holds
 * the same bits and computes the same cuts). The new cut j is where the piecewise-linear
 * cumulative cost profile reaches j/n of the total; the cut moves by {@code damping} times the
 * way there (LAMMPS' shift iterates towards the same target; damping keeps a noisy time
 * measurement from making the cuts oscillate). Cuts are then pushed apart to the minimum brick
 * thickness (cut-off + skin, the limit of one-hop ghosts) by a forward and a backward pass; the
 * outer faces (0 and 1) never move.
 *
 * <p>Imbalance = max / mean of the per-rank cost (LAMMPS' "imbalance factor"). Cuts move only
 * when it exceeds {@code threshold}. After migration the owning {@link DomainHalo} adds the
 * measured atom-count imbalance of the new bricks to the report.
 */
public final class LoadBalancer {
    /** Histogram resolution per axis; the cut error is at most one bin, 1/BINS of the cell. */
    static final int BINS = 1024;

    public enum Cost { TIME, ATOMS }

    /**
     * @param everyRebuilds balance at every N-th neighbour-list rebuild (0: only on request)
     * @param cost          what is balanced
     * @param threshold     move cuts only when max/mean cost exceeds this (>= 1)
     * @param damping       fraction (0, 1] of the way to the target cut moved per balance
     */
    public record Settings(int everyRebuilds, Cost cost, double threshold, double damping) {
        public Settings {
            if (everyRebuilds < 0) {
                throw new IllegalArgumentException("partition.balance.every_rebuilds must be >= 0, got " + everyRebuilds);
            }
            if (cost == null) {
                throw new IllegalArgumentException("partition.balance.cost must be time or atoms");
            }
            if (!(threshold >= 1.0)) {
                throw new IllegalArgumentException("partition.balance.threshold must be >= 1 (max/mean cost), got "
                        + threshold);
            }
            if (!(damping > 0 && damping <= 1)) {
                throw new IllegalArgumentException("partition.balance.damping must be in (0, 1], got " + damping);
            }
        }
    }

    /**
     * One balancing step.
     *
     * @param rebuild          neighbour-list rebuild count at which it ran
     * @param imbalanceBefore  max/mean of the measured per-rank cost
     * @param slabImbalanceAfter per axis, max/mean of the slab costs predicted by the histogram for
     *                         the new cuts (1 along unsplit axes)
     * @param moved            whether cuts moved (imbalance above threshold)
     * @param cuts             the cuts after this step, per axis
     * @param atomsImbalanceAfter max/mean atom count per rank after migration (NaN until measured)
     */
    public record Report(long rebuild, double imbalanceBefore, double[] slabImbalanceAfter, boolean moved,
                         double[][] cuts, double atomsImbalanceAfter) {
        Report withAtomsAfter(double a) {
            return new Report(rebuild, imbalanceBefore, slabImbalanceAfter, moved, cuts, a);
        }

        @Override
        public String toString() {
            return String.format("balance at rebuild %d: imbalance %.4f before, atoms %.4f after, moved=%b, cuts a=%s b=%s c=%s",
                    rebuild, imbalanceBefore, atomsImbalanceAfter, moved, Arrays.toString(cuts[0]),
                    Arrays.toString(cuts[1]), Arrays.toString(cuts[2]));
        }
    }

    private final Settings settings;
    private final double[] frac = new double[3];
    private double[] work = new double[0];

    public LoadBalancer(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Max/mean over the ranks of a per-rank value (collective). Each rank writes its value into its
     * own slot of a zero vector; the rank-ordered sum then holds every value exactly.
     */
    static double imbalance(DomainHalo halo, double local) {
        int size = halo.transport().size();
        double[] slots = new double[size];
        slots[halo.rank()] = local;
        halo.sum(slots);
        return maxOverMean(slots, 0, size);
    }

    private static double maxOverMean(double[] v, int from, int count) {
        double max = 0, sum = 0;
        for (int r = from; r < from + count; r++) {
            max = Math.max(max, v[r]);
            sum += v[r];
        }
        return sum > 0 ? max / (sum / count) : 1.0;
    }

    /**
     * Collective: every rank calls it at the same rebuild with its own cost; updates {@code cuts}
     * in place identically on every rank.
     */
    Report balance(DomainHalo halo, Atoms atoms, Box box, double ghostCutoff, double rankCost, double[][] cuts,
                   long rebuild) {
        int size = halo.transport().size();
        int[] n = halo.gridSize();
        int len = size + 3 * BINS;
        if (work.length < len) {
            work = new double[len];
        }
        double[] v = work;
        Arrays.fill(v, 0, len, 0.0);
        v[halo.rank()] = rankCost;
        if (atoms.nlocal > 0) {
            double w = rankCost / atoms.nlocal;
            for (int i = 0; i < atoms.nlocal; i++) {
                box.toFractional(atoms.x[3 * i], atoms.x[3 * i + 1], atoms.x[3 * i + 2], frac, 0);
                for (int k = 0; k < 3; k++) {
                    if (n[k] > 1) {
                        int b = Math.max(0, Math.min(BINS - 1, (int) Math.floor(frac[k] * BINS)));
                        v[size + k * BINS + b] += w;
                    }
                }
            }
        }
        double[] sums = Arrays.copyOf(v, len);
        halo.sum(sums);
        double before = maxOverMean(sums, 0, size);
        boolean move = before > settings.threshold();
        double[] slabAfter = {1, 1, 1};
        double[] cum = new double[BINS + 1];
        for (int k = 0; k < 3; k++) {
            if (n[k] == 1) {
                continue;
            }
            cum[0] = 0;
            for (int b = 0; b < BINS; b++) {
                cum[b + 1] = cum[b] + sums[size + k * BINS + b];
            }
            double total = cum[BINS];
            if (move && total > 0) {
                for (int j = 1; j < n[k]; j++) {
                    double target = position(cum, total * j / n[k]);
                    cuts[k][j] += settings.damping() * (target - cuts[k][j]);
                }
                enforceThickness(cuts[k], ghostCutoff / box.perpendicularWidth(k));
            }
            double[] slab = new double[n[k]];
            for (int j = 0; j < n[k]; j++) {
                slab[j] = cumulativeAt(cum, cuts[k][j + 1]) - cumulativeAt(cum, cuts[k][j]);
            }
            slabAfter[k] = maxOverMean(slab, 0, n[k]);
        }
        double[][] copy = {cuts[0].clone(), cuts[1].clone(), cuts[2].clone()};
        return new Report(rebuild, before, slabAfter, move, copy, Double.NaN);
    }

    /** Fractional position where the piecewise-linear cumulative profile reaches c (0 < c <= total). */
    static double position(double[] cum, double c) {
        int bins = cum.length - 1;
        // Smallest b with cum[b + 1] >= c; then cum[b] < c, so the bin has weight.
        int lo = 0, hi = bins - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid + 1] >= c) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        double d = cum[lo + 1] - cum[lo];
        double f = d > 0 ? (c - cum[lo]) / d : 0.5;
        return (lo + Math.max(0, Math.min(1, f))) / bins;
    }

    private static double cumulativeAt(double[] cum, double s) {
        int bins = cum.length - 1;
        double x = s * bins;
        int b = Math.max(0, Math.min(bins - 1, (int) Math.floor(x)));
        double f = Math.max(0, Math.min(1, x - b));
        return cum[b] + f * (cum[b + 1] - cum[b]);
    }

    /**
     * Pushes cuts apart to at least {@code minFrac} (slightly more, so round-off in the thickness
     * check cannot refuse a brick made exactly minimal): upwards from the lower face, then
     * downwards from the upper face. Feasible whenever n · minFrac < 1, which the uniform grid
     * already required.
     */
    static void enforceThickness(double[] c, double minFrac) {
        int n = c.length - 1;
        double m = minFrac * (1 + 1e-9);
        if (n * m >= 1) {
            throw new IllegalStateException("cannot fit " + n + " bricks of fractional thickness " + minFrac);
        }
        for (int j = 1; j < n; j++) {
            c[j] = Math.max(c[j], c[j - 1] + m);
        }
        for (int j = n - 1; j >= 1; j--) {
            c[j] = Math.min(c[j], c[j + 1] - m);
        }
    }
}
