package org.dendrite.md.analysis;

import java.util.Arrays;
import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.neighbor.NeighborList;
import org.dendrite.md.region.PlacedRegion;

/**
 * Partial radial distribution functions g_ab(r), time-averaged over the frames given to
 * {@link #sample}, optionally with the centre atoms restricted to a region (LAMMPS
 * {@code compute rdf} on a group; Allen and Tildesley, Computer Simulation of Liquids, §2.6):
 *
 * <pre>
 *   g_ab(r_k) = H_ab(k) / ( Σ_frames N_a^R · ρ_b · 4π/3 (r_{k+1}³ − r_k³) ),   ρ_b = (N_b − δ_ab) / V
 * </pre>
 *
 * where H_ab(k) counts, over all frames, the b atoms at a distance in bin k from a centre atom of
 * type a inside the region (all atoms when there is none), N_a^R is the number of such centres and
 * ρ_b the mean number density of b in the cell, so that g → 1 at large r in a homogeneous system.
 * Neighbours are counted wherever they are (inside the region or not) and on every periodic image,
 * so r_max may exceed half the cell. Inside a region whose density differs from the cell average
 * (a melted slab), g tends to ρ_b(local)/ρ_b at large r instead of 1.
 *
 * <p>Pairs are found with the engine's cell list on a private copy of the atoms and their periodic
 * images, in O(N) per frame; the atoms given to {@link #sample} are not modified.
 */
public final class Rdf {
    private final Species species;
    private final int[] typeA;
    private final int[] typeB;
    private final List<String> labels;
    private final double rMax;
    private final int bins;
    private final double dr;
    private final long[][] hist;
    private final double[] norm;
    private final double[] centres;
    private int frames;
    private boolean[] in = new boolean[0];
    private int[] countByType;
    private int[] centresByType;
    private final PairScan scan = new PairScan();

    /**
     * @param pairs element pairs such as {@code "Li-O"} (centre first); both must be species names
     * @param rMaxA largest distance, Å
     * @param bins  number of equal bins over (0, rMax]
     */
    public Rdf(Species species, List<String> pairs, double rMaxA, int bins) {
        if (!(rMaxA > 0) || bins < 1) {
            throw new IllegalArgumentException("r_max must be > 0 and bins >= 1, got " + rMaxA + " Å, " + bins);
        }
        this.species = species;
        this.rMax = rMaxA;
        this.bins = bins;
        this.dr = rMaxA / bins;
        TypePairs types = TypePairs.parse(species, pairs);
        typeA = types.typeA();
        typeB = types.typeB();
        labels = types.labels();
        hist = new long[pairs.size()][bins];
        norm = new double[pairs.size()];
        centres = new double[pairs.size()];
    }

    /** Pair labels ("Li-O"), in constructor order. */
    public List<String> pairs() {
        return labels;
    }

    public int frames() {
        return frames;
    }

    /** Mean number of centre atoms of pair p per frame. */
    public double meanCentres(int p) {
        return frames == 0 ? 0 : centres[p] / frames;
    }

    /**
     * Adds one frame: the local atoms of {@code atoms} in {@code box}, centres restricted to
     * {@code centreRegion} (null: every atom). Single-domain: {@code atoms} must hold the whole system.
     */
    public void sample(Atoms atoms, Box box, PlacedRegion centreRegion) {
        int n = atoms.nlocal;
        if (in.length < n) {
            in = new boolean[n];
        }
        if (countByType == null) {
            countByType = new int[species.count()];
            centresByType = new int[species.count()];
        }
        Arrays.fill(countByType, 0);
        Arrays.fill(centresByType, 0);
        for (int i = 0; i < n; i++) {
            in[i] = centreRegion == null || centreRegion.contains(atoms.x[3 * i], atoms.x[3 * i + 1], atoms.x[3 * i + 2]);
            countByType[atoms.type[i]]++;
            if (in[i]) {
                centresByType[atoms.type[i]]++;
            }
        }
        scan.scan(atoms, box, rMax);
        NeighborList list = scan.list;
        double rMax2 = rMax * rMax;
        double inv = 1.0 / dr;
        int[] type = scan.type();
        double[] x = scan.x();
        for (int i = 0; i < n; i++) {
            int ti = type[i];
            for (int k = list.offsets[i]; k < list.offsets[i + 1]; k++) {
                int j = list.neighbors[k];
                double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rMax2) {
                    continue;
                }
                int bin = Math.min((int) (Math.sqrt(r2) * inv), bins - 1);
                int tj = type[j];
                int oj = scan.owner(j);
                for (int p = 0; p < typeA.length; p++) {
                    // The pair is seen from both ends: i as centre of a (i, j) pair, j's owner as centre of (j, i).
                    if (ti == typeA[p] && tj == typeB[p] && in[i]) {
                        hist[p][bin]++;
                    }
                    if (tj == typeA[p] && ti == typeB[p] && in[oj]) {
                        hist[p][bin]++;
                    }
                }
            }
        }
        double volume = box.volume();
        for (int p = 0; p < typeA.length; p++) {
            double rho = (countByType[typeB[p]] - (typeA[p] == typeB[p] ? 1 : 0)) / volume;
            norm[p] += centresByType[typeA[p]] * rho;
            centres[p] += centresByType[typeA[p]];
        }
        frames++;
    }

    /** Bin centres, Å. */
    public double[] r() {
        double[] r = new double[bins];
        for (int k = 0; k < bins; k++) {
            r[k] = (k + 0.5) * dr;
        }
        return r;
    }

    /** g(r) of pair p at the bin centres (zeros before any frame or without centres). */
    public double[] g(int p) {
        double[] g = new double[bins];
        if (norm[p] == 0) {
            return g;
        }
        for (int k = 0; k < bins; k++) {
            double r0 = k * dr, r1 = (k + 1) * dr;
            double shell = 4.0 / 3.0 * Math.PI * (r1 * r1 * r1 - r0 * r0 * r0);
            g[k] = hist[p][k] / (norm[p] * shell);
        }
        return g;
    }

    /**
     * Mean number of b neighbours of a centre within {@code rCut} (Å, rounded to the nearest bin
     * edge): the running coordination number n_ab(r) = 4π ρ_b ∫ g r² dr.
     */
    public double coordination(int p, double rCut) {
        int kMax = (int) Math.min(bins, Math.round(rCut / dr));
        long sum = 0;
        for (int k = 0; k < kMax; k++) {
            sum += hist[p][k];
        }
        return centres[p] == 0 ? 0 : sum / centres[p];
    }

    /**
     * Running coordination number n_ab(r) at each bin's outer edge: the mean number of b atoms
     * within (k + 1)·dr of a centre, n_ab(r) = 4π ρ_b ∫₀^r g r'² dr' (as LAMMPS {@code compute rdf}'s
     * coord column, which is given at the bin centres).
     */
    public double[] runningCoordination(int p) {
        double[] n = new double[bins];
        long sum = 0;
        for (int k = 0; k < bins; k++) {
            sum += hist[p][k];
            n[k] = centres[p] == 0 ? 0 : sum / centres[p];
        }
        return n;
    }

    /** Bin width, Å. */
    public double binWidth() {
        return dr;
    }

    /** Root-mean-square of g − 1 over the bins whose centres lie in [from, to], Å: zero for an ideal gas. */
    public static double rmsDeviationFromOne(double[] r, double[] g, double from, double to) {
        double s = 0;
        int n = 0;
        for (int k = 0; k < r.length; k++) {
            if (r[k] >= from && r[k] <= to) {
                s += (g[k] - 1) * (g[k] - 1);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no bin centre in [" + from + ", " + to + "] Å");
        }
        return Math.sqrt(s / n);
    }

    /** Largest g over the bins whose centres lie in [from, to], Å. */
    public static double maxIn(double[] r, double[] g, double from, double to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < r.length; k++) {
            if (r[k] >= from && r[k] <= to) {
                m = Math.max(m, g[k]);
            }
        }
        return m;
    }
}
