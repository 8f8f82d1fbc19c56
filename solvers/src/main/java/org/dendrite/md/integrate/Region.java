package org.dendrite.md.integrate;

import java.util.Arrays;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;

/**
 * A region of space that selects atoms at the start of a stage (LAMMPS {@code region … block} +
 * {@code group … region}): a slab {@code {axis: z, min_A: 10, max_A: 20}} or a box
 * {@code {min_A: [x, y, z], max_A: [x, y, z]}}, in Å. Positions are wrapped into the periodic cell
 * before the test, so a slab selects the same atoms whatever their image flags.
 */
public final class Region {
    private final double[] lo = new double[3];
    private final double[] hi = new double[3];
    private final String description;

    private Region(double[] lo, double[] hi, String description) {
        System.arraycopy(lo, 0, this.lo, 0, 3);
        System.arraycopy(hi, 0, this.hi, 0, 3);
        this.description = description;
    }

    /** Slab min ≤ r_axis < max along one axis. */
    public static Region slab(int axis, double min, double max) {
        double[] lo = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] hi = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        lo[axis] = min;
        hi[axis] = max;
        return new Region(lo, hi, "slab " + "xyz".charAt(axis) + " in [" + min + ", " + max + ") Å");
    }

    /** Axis-aligned block min ≤ r < max. */
    public static Region block(double[] min, double[] max) {
        return new Region(min, max, "block " + Arrays.toString(min) + " .. " + Arrays.toString(max) + " Å");
    }

    /** Parses a region mapping (see the class comment). */
    public static Region parse(Params p) {
        Region r;
        if (p.has("axis")) {
            int axis = axisIndex(p, "axis");
            double min = p.requireDouble("min_A");
            double max = p.requireDouble("max_A");
            if (!(max > min)) {
                throw new ParamException(p.pathOf("max_A"), "must exceed min_A (" + min + "), got " + max);
            }
            r = slab(axis, min, max);
        } else {
            double[] min = p.getDoubles("min_A", 3);
            double[] max = p.getDoubles("max_A", 3);
            if (min == null || max == null) {
                throw new ParamException(p.path(), "a region needs either axis/min_A/max_A (slab) or min_A: [x, y, z]"
                        + " and max_A: [x, y, z] (block)");
            }
            for (int k = 0; k < 3; k++) {
                if (!(max[k] > min[k])) {
                    throw new ParamException(p.pathOf("max_A"), "must exceed min_A along " + "xyz".charAt(k));
                }
            }
            r = block(min, max);
        }
        p.finish();
        return r;
    }

    static int axisIndex(Params p, String key) {
        String a = p.getChoice(key, null, "x", "y", "z");
        if (a == null) {
            throw new ParamException(p.pathOf(key), "is required (x, y or z)");
        }
        return a.charAt(0) - 'x';
    }

    public boolean contains(double x, double y, double z) {
        return x >= lo[0] && x < hi[0] && y >= lo[1] && y < hi[1] && z >= lo[2] && z < hi[2];
    }

    /** Sorted ids of the local atoms inside the region, testing wrapped positions. */
    public int[] select(Atoms atoms, Box box) {
        double[] r = new double[3];
        int[] img = new int[3];
        int[] ids = new int[atoms.nlocal];
        int n = 0;
        for (int i = 0; i < atoms.nlocal; i++) {
            r[0] = atoms.x[3 * i];
            r[1] = atoms.x[3 * i + 1];
            r[2] = atoms.x[3 * i + 2];
            box.wrap(r, 0, img);
            if (contains(r[0], r[1], r[2])) {
                ids[n++] = atoms.id[i];
            }
        }
        int[] out = Arrays.copyOf(ids, n);
        Arrays.sort(out);
        return out;
    }

    @Override
    public String toString() {
        return description;
    }
}
