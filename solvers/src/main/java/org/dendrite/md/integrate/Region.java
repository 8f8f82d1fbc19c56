package org.dendrite.md.integrate;

import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.region.Regions;

/**
 * The {@code region} of a dynamics stage: the atoms inside it at the stage start form the
 * thermostatted group (LAMMPS {@code region} + {@code group … region}). Any region of
 * {@link org.dendrite.md.region.Regions} is accepted: a slab {@code {axis: z, min_A: 10, max_A: 20}},
 * a block {@code {min_A: [x, y, z], max_A: [x, y, z]}}, a sphere, cylinder, ellipsoid, plane,
 * union or intersection, in Å or in fractions of the box. Each atom is tested on its periodic image
 * nearest the region's centre, so the selection does not depend on image flags.
 */
public final class Region {
    private final org.dendrite.md.region.Region region;

    private Region(org.dendrite.md.region.Region region) {
        this.region = region;
    }

    /** Slab min ≤ r_axis &lt; max along one axis, Å. */
    public static Region slab(int axis, double min, double max) {
        return new Region(Regions.slab(axis, min, max));
    }

    /** Axis-aligned block min ≤ r &lt; max, Å. */
    public static Region block(double[] min, double[] max) {
        return new Region(Regions.block(min, max));
    }

    /** Parses a region mapping ({@link Regions#parse}). */
    public static Region parse(Params p) {
        return new Region(Regions.parse(p));
    }

    /** A required axis key ({@code x}, {@code y} or {@code z}) as 0, 1 or 2. */
    static int axisIndex(Params p, String key) {
        return Regions.axis(p, key);
    }

    /** The region this stage region stands for. */
    public org.dendrite.md.region.Region region() {
        return region;
    }

    /** Sorted ids of the local atoms inside the region placed in {@code box}. */
    public int[] select(Atoms atoms, Box box) {
        return region.place(box).selectIds(atoms);
    }

    @Override
    public String toString() {
        return region.describe();
    }
}
