package org.dendrite.md.io;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;

/**
 * Checks a structure before it is simulated: finite positions and velocities, unique positive atom
 * ids, and no two atoms (periodic images included) closer than a minimum distance — such a pair
 * makes every short-range potential blow up, usually because a file was built or converted wrongly.
 *
 * <p>The distance check bins atoms in fractional coordinates into cells at least
 * {@code minDistance} thick perpendicular to each face (so every close pair lies in neighbouring
 * cells) and about one atom in size, and compares each atom with the 27 surrounding cells,
 * periodic images by explicit lattice shifts: O(N), 40 000 atoms in well under a second.
 */
public final class StructureValidator {
    /** Default minimum interatomic distance, Å. */
    public static final double DEFAULT_MIN_DISTANCE_A = 0.5;

    private StructureValidator() {
    }

    /** A pair of atoms and their distance (ids as in the file). */
    public record ClosePair(int idA, int idB, double distance, int pairsBelow) {
    }

    /** {@link #validate(Structure, double)} with 0.5 Å. */
    public static void validate(Structure s) {
        validate(s, DEFAULT_MIN_DISTANCE_A);
    }

    /**
     * Throws {@link InputException} naming the file and the offending atom: non-finite position or
     * velocity, duplicate or non-positive id, or an atom closer than {@code minDistance} (Å) to another.
     */
    public static void validate(Structure s, double minDistance) {
        Atoms a = s.atoms();
        String file = s.source();
        Set<Integer> ids = new HashSet<>(2 * a.nlocal);
        for (int i = 0; i < a.nlocal; i++) {
            for (int d = 0; d < 3; d++) {
                if (!Double.isFinite(a.x[3 * i + d])) {
                    throw InputException.atAtom(file, a.id[i], "non-finite coordinate " + "xyz".charAt(d) + " = " + a.x[3 * i + d]);
                }
                if (!Double.isFinite(a.v[3 * i + d])) {
                    throw InputException.atAtom(file, a.id[i], "non-finite velocity v" + "xyz".charAt(d) + " = " + a.v[3 * i + d]);
                }
            }
            if (a.id[i] < 1) {
                throw InputException.inFile(file, "atom ids must be positive, found " + a.id[i]);
            }
            if (!ids.add(a.id[i])) {
                throw InputException.atAtom(file, a.id[i], "id appears twice");
            }
        }
        ClosePair p = closestPair(a, s.box(), minDistance, file);
        if (p != null) {
            throw InputException.atAtom(file, p.idA(), String.format(Locale.ROOT,
                    "%.4f Å from atom %d, closer than the minimum %.2f Å (%d such pair%s)", p.distance(), p.idB(),
                    minDistance, p.pairsBelow(), p.pairsBelow() == 1 ? "" : "s"));
        }
    }

    /**
     * The closest pair of atoms (periodic images included) nearer than {@code within} Å, with the
     * number of such pairs, or null if there is none. Positions must be finite.
     */
    public static ClosePair closestPair(Atoms a, Box box, double within, String file) {
        int n = a.nlocal;
        if (n == 0 || !(within > 0)) {
            return null;
        }
        int[] nb = new int[3];
        double binWidth = Math.max(within, Math.cbrt(box.volume() / n));
        long nbins = 1;
        for (int k = 0; k < 3; k++) {
            double w = box.perpendicularWidth(k);
            if (box.periodic(k) && w < within) {
                throw InputException.inFile(file, String.format(Locale.ROOT, "the cell is %.4f Å thick along "
                        + "lattice direction %d, less than the minimum distance %.2f Å between atoms and their images",
                        w, k + 1, within));
            }
            nb[k] = (int) Math.max(1, Math.min(1024, Math.floor(w / binWidth)));
            nbins *= nb[k];
        }
        double[] s = new double[3 * n];
        double[] xw = new double[3 * n];
        int[] bin = new int[n];
        int[] head = new int[(int) nbins];
        int[] next = new int[n];
        java.util.Arrays.fill(head, -1);
        int[] c = new int[3];
        for (int i = 0; i < n; i++) {
            box.toFractional(a.x[3 * i], a.x[3 * i + 1], a.x[3 * i + 2], s, 3 * i);
            for (int k = 0; k < 3; k++) {
                double f = s[3 * i + k];
                if (box.periodic(k)) {
                    f -= Math.floor(f);
                    if (f >= 1.0) {
                        f = 0.0;
                    }
                    s[3 * i + k] = f;
                }
                c[k] = (int) Math.min(nb[k] - 1, Math.max(0, Math.floor(f * nb[k])));
            }
            box.fromFractional(s[3 * i], s[3 * i + 1], s[3 * i + 2], xw, 3 * i);
            bin[i] = (c[2] * nb[1] + c[1]) * nb[0] + c[0];
            next[i] = head[bin[i]];
            head[bin[i]] = i;
        }
        double withinSq = within * within;
        double bestSq = Double.POSITIVE_INFINITY;
        int bestI = -1, bestJ = -1, count = 0;
        double[] shift = new double[3];
        for (int i = 0; i < n; i++) {
            int b = bin[i];
            int cx = b % nb[0], cy = (b / nb[0]) % nb[1], cz = b / (nb[0] * nb[1]);
            for (int oz = -1; oz <= 1; oz++) {
                int jz = cz + oz, sz = Math.floorDiv(jz, nb[2]);
                if (sz != 0 && !box.periodic(2)) {
                    continue;
                }
                for (int oy = -1; oy <= 1; oy++) {
                    int jy = cy + oy, sy = Math.floorDiv(jy, nb[1]);
                    if (sy != 0 && !box.periodic(1)) {
                        continue;
                    }
                    for (int ox = -1; ox <= 1; ox++) {
                        int jx = cx + ox, sx = Math.floorDiv(jx, nb[0]);
                        if (sx != 0 && !box.periodic(0)) {
                            continue;
                        }
                        // With fewer than three cells along an axis two offsets can reach the same
                        // cell, but then with different image shifts: distinct pairs, none missed.
                        box.imageShift(sx, sy, sz, shift, 0);
                        int jb = ((jz - sz * nb[2]) * nb[1] + (jy - sy * nb[1])) * nb[0] + (jx - sx * nb[0]);
                        boolean self = sx == 0 && sy == 0 && sz == 0;
                        for (int j = head[jb]; j >= 0; j = next[j]) {
                            if (j < i || (j == i && self)) {
                                continue;
                            }
                            double dx = xw[3 * j] + shift[0] - xw[3 * i];
                            double dy = xw[3 * j + 1] + shift[1] - xw[3 * i + 1];
                            double dz = xw[3 * j + 2] + shift[2] - xw[3 * i + 2];
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 < withinSq) {
                                count++;
                                if (r2 < bestSq) {
                                    bestSq = r2;
                                    bestI = i;
                                    bestJ = j;
                                }
                            }
                        }
                    }
                }
            }
        }
        if (bestI < 0) {
            return null;
        }
        int ida = Math.min(a.id[bestI], a.id[bestJ]);
        int idb = Math.max(a.id[bestI], a.id[bestJ]);
        return new ClosePair(ida, idb, Math.sqrt(bestSq), count);
    }
}
