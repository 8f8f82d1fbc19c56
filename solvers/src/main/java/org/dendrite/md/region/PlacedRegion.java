package org.dendrite.md.region;

import java.util.Arrays;

import org.dendrite.md.Atoms;

/**
 * A {@link Region} placed in one box: a membership test for points in Å (any periodic image; the
 * test takes the image nearest the region's centre). Immutable and allocation-free, so it may be
 * shared between threads.
 */
@FunctionalInterface
public interface PlacedRegion {
    /** Whether the point (x, y, z), Å, or its periodic image around the region's centre is inside. */
    boolean contains(double x, double y, double z);

    /** Sorted global ids of the local atoms inside. */
    default int[] selectIds(Atoms atoms) {
        int[] ids = new int[atoms.nlocal];
        int n = 0;
        double[] x = atoms.x;
        for (int i = 0; i < atoms.nlocal; i++) {
            if (contains(x[3 * i], x[3 * i + 1], x[3 * i + 2])) {
                ids[n++] = atoms.id[i];
            }
        }
        int[] out = Arrays.copyOf(ids, n);
        Arrays.sort(out);
        return out;
    }

    /** Membership of the first {@code n} points of {@code x} (3 per point), by index. */
    default boolean[] mask(double[] x, int n) {
        boolean[] in = new boolean[n];
        for (int i = 0; i < n; i++) {
            in[i] = contains(x[3 * i], x[3 * i + 1], x[3 * i + 2]);
        }
        return in;
    }

    /** The complement (LAMMPS {@code side out}). */
    default PlacedRegion inverted() {
        PlacedRegion self = this;
        return (x, y, z) -> !self.contains(x, y, z);
    }
}
