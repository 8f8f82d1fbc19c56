package org.dendrite.md.build.gb;

import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;

/**
 * Reads lattice directions and plane indices from config: a list of three integers ({@code [1, -1, 0]})
 * or a string of three digits with optional minus signs, brackets or parentheses ({@code "110"},
 * {@code "[1-10]"}, {@code "(3 1 0)"}).
 */
final class Indices {
    private Indices() {
    }

    /** The three indices under {@code key}, or null when absent. */
    static int[] read(Params p, String key) {
        Object v = p.raw(key);
        if (v == null) {
            return null;
        }
        int[] out = new int[3];
        if (v instanceof List<?> list) {
            if (list.size() != 3) {
                throw bad(p, key, v);
            }
            for (int k = 0; k < 3; k++) {
                Object o = list.get(k);
                if (!(o instanceof Integer) && !(o instanceof Long)) {
                    throw bad(p, key, v);
                }
                out[k] = ((Number) o).intValue();
            }
        } else {
            String s = v.toString().replaceAll("[\\[\\]()<>{}]", "").trim();
            String[] parts = s.contains(" ") || s.contains(",") ? s.split("[\\s,]+") : s.split("(?<=\\d)");
            if (parts.length != 3) {
                throw bad(p, key, v);
            }
            try {
                for (int k = 0; k < 3; k++) {
                    out[k] = Integer.parseInt(parts[k].trim());
                }
            } catch (NumberFormatException e) {
                throw bad(p, key, v);
            }
        }
        if (out[0] == 0 && out[1] == 0 && out[2] == 0) {
            throw new ParamException(p.pathOf(key), "must not be [0 0 0]");
        }
        return out;
    }

    /** Like {@link #read} but required. */
    static int[] require(Params p, String key) {
        int[] v = read(p, key);
        if (v == null) {
            throw new ParamException(p.pathOf(key), "is required (three integer indices, e.g. [1, 0, 0])");
        }
        return v;
    }

    /** Divided by the gcd of the absolute values. */
    static int[] reduced(int[] v) {
        int g = OrientedCrystal.gcd(OrientedCrystal.gcd(Math.abs(v[0]), Math.abs(v[1])), Math.abs(v[2]));
        return new int[] {v[0] / g, v[1] / g, v[2] / g};
    }

    /** Sorted absolute values of the reduced indices: equal for planes of one cubic family {hkl}. */
    static int[] family(int[] v) {
        int[] r = reduced(v);
        int[] a = {Math.abs(r[0]), Math.abs(r[1]), Math.abs(r[2])};
        java.util.Arrays.sort(a);
        return a;
    }

    private static ParamException bad(Params p, String key, Object v) {
        return new ParamException(p.pathOf(key), "must be three integer indices like [1, -1, 0] or \"1-10\", got '" + v + "'");
    }
}
