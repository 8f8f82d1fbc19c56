package org.dendrite.md.build.gb;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.build.AtomicModel;

/** Keys read the same way by the oriented-crystal and boundary builders. */
final class GbKeys {
    private GbKeys() {
    }

    /** {@code repeat: [nx, ny]}: whole numbers of in-plane periods, default [1, 1]. */
    static int[] repeat(Params p) {
        return counts(p, "repeat", 2);
    }

    /** A list of n whole numbers from 1 to 1000 under key, default all 1. */
    static int[] counts(Params p, String key, int n) {
        double[] r = p.getDoubles(key, n);
        int[] out = new int[n];
        java.util.Arrays.fill(out, 1);
        if (r != null) {
            for (int k = 0; k < n; k++) {
                if (r[k] != Math.rint(r[k]) || r[k] < 1 || r[k] > 1000) {
                    throw new ParamException(p.pathOf(key) + "[" + k + "]", "must be a whole number from 1 to 1000, got " + r[k]);
                }
                out[k] = (int) r[k];
            }
        }
        return out;
    }

    /** The lattice of the built grain; a grain that cannot be one is an error on {@code grain}. */
    static OrientedCrystal lattice(AtomicModel grain, Params p) {
        try {
            return OrientedCrystal.of(grain);
        } catch (IllegalArgumentException e) {
            throw new ParamException(p.pathOf("grain"), e.getMessage());
        }
    }
}
