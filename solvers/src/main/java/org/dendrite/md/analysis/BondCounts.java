package org.dendrite.md.analysis;

import java.util.Arrays;
import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.neighbor.NeighborList;
import org.dendrite.md.region.PlacedRegion;

/**
 * Number of bonds per element pair, the bond-breaking measure of seed 000 (You et al. 2025, Fig. 4a:
 * Li–O, La–O and Zr–O bonds relative to the initial structure within the fracture region): a bond
 * is an a–b pair of atoms closer than the pair's cut-off r_ab (seed 000 takes the first minimum of
 * the partial g(r)), counted once per pair of atoms (per periodic image when the cell is small),
 * and counted when at least one of its two atoms belongs to the selection.
 *
 * <p>The selection is fixed by atom id ({@link #select}), normally to the atoms inside a region of
 * the initial structure, so that a change of the count is bonds broken or formed among the same
 * atoms, not atoms drifting through a region boundary. On a perfect crystal with every atom
 * selected the count is N_a·CN_ab for a ≠ b and N_a·CN_aa/2 for a = b.
 *
 * <p>Pairs are found with the engine's cell list on a private copy of the atoms and their periodic
 * images (O(N) per call); the atoms passed in are not modified.
 */
public final class BondCounts {
    private final Species species;
    private final int[] typeA;
    private final int[] typeB;
    private final double[] cut2;
    private final double maxCut;
    private final List<String> labels;
    private int[] selectedIds;
    private boolean[] in = new boolean[0];
    private final PairScan scan = new PairScan();

    /**
     * @param pairs    element pairs such as {@code "Zr-O"}; both names must be species
     * @param cutoffsA bond cut-off per pair, Å
     */
    public BondCounts(Species species, List<String> pairs, double[] cutoffsA) {
        if (pairs.isEmpty() || pairs.size() != cutoffsA.length) {
            throw new IllegalArgumentException("need one cut-off per pair, got " + pairs.size() + " pairs and "
                    + cutoffsA.length + " cut-offs");
        }
        this.species = species;
        TypePairs types = TypePairs.parse(species, pairs);
        typeA = types.typeA();
        typeB = types.typeB();
        labels = types.labels();
        cut2 = new double[pairs.size()];
        double m = 0;
        for (int p = 0; p < pairs.size(); p++) {
            if (!(cutoffsA[p] > 0)) {
                throw new IllegalArgumentException("cut-off of " + labels.get(p) + " must be > 0, got " + cutoffsA[p]);
            }
            cut2[p] = cutoffsA[p] * cutoffsA[p];
            m = Math.max(m, cutoffsA[p]);
        }
        maxCut = m;
    }

    /** Pair labels ("Zr-O"), in constructor order. */
    public List<String> pairs() {
        return labels;
    }

    /** Cut-off of pair p, Å. */
    public double cutoff(int p) {
        return Math.sqrt(cut2[p]);
    }

    /**
     * Fixes the selection to the local atoms of {@code atoms} inside {@code region} (null: every
     * atom); later counts follow these atoms by id wherever they move. Returns how many were selected.
     */
    public int select(Atoms atoms, PlacedRegion region) {
        selectedIds = region == null ? Arrays.copyOf(atoms.id, atoms.nlocal) : region.selectIds(atoms);
        Arrays.sort(selectedIds);
        return selectedIds.length;
    }

    /**
     * Bonds per pair in the current configuration, into {@code out} (length = pairs). Without a
     * prior {@link #select} every atom counts. Single-domain: {@code atoms} must hold the whole system.
     */
    public long[] count(Atoms atoms, Box box, long[] out) {
        int n = atoms.nlocal;
        if (in.length < n) {
            in = new boolean[n];
        }
        for (int i = 0; i < n; i++) {
            in[i] = selectedIds == null || Arrays.binarySearch(selectedIds, atoms.id[i]) >= 0;
        }
        Arrays.fill(out, 0, typeA.length, 0);
        scan.scan(atoms, box, maxCut);
        NeighborList list = scan.list;
        int[] type = scan.type();
        double[] x = scan.x();
        for (int i = 0; i < n; i++) {
            int ti = type[i];
            for (int k = list.offsets[i]; k < list.offsets[i + 1]; k++) {
                int j = list.neighbors[k];
                int oj = scan.owner(j);
                if (!in[i] && !in[oj]) {
                    continue;
                }
                double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                int tj = type[j];
                for (int p = 0; p < typeA.length; p++) {
                    if (r2 < cut2[p] && ((ti == typeA[p] && tj == typeB[p]) || (ti == typeB[p] && tj == typeA[p]))) {
                        out[p]++;
                    }
                }
            }
        }
        return out;
    }
}
