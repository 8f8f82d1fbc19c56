package org.dendrite.md.build.defect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.region.Regions;

/** What the defect modifiers share: region masks, seeded choices, charges and the removal report. */
final class Defects {
    private Defects() {
    }

    /** Membership of every atom in the optional region under {@code key}, or null when the key is absent. */
    static boolean[] regionMask(AtomicModel m, Params p, String key) {
        if (!p.has(key)) {
            return null;
        }
        return Regions.parse(p.child(key)).place(m.box()).mask(m.positions(), m.size());
    }

    /** Indices of the atoms of {@code element} (inside {@code mask} when it is not null), ascending. */
    static int[] candidates(AtomicModel m, String element, boolean[] mask) {
        int[] out = new int[m.size()];
        int n = 0;
        for (int i = 0; i < m.size(); i++) {
            if ((mask == null || mask[i]) && m.element(i).equals(element)) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * {@code k} distinct entries of {@code pool} drawn uniformly without replacement (partial
     * Fisher–Yates shuffle), returned in ascending order; the same seed gives the same choice.
     */
    static int[] choose(int[] pool, int k, SplittableRandom rng) {
        int[] a = pool.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        int[] out = Arrays.copyOf(a, k);
        Arrays.sort(out);
        return out;
    }

    /**
     * Number of atoms to act on: {@code count} (whole number) or {@code fraction} of the {@code available}
     * ones (rounded to the nearest whole number), exactly one of them; at most {@code available}.
     */
    static int amount(Params p, int available, String what) {
        int given = (p.has("count") ? 1 : 0) + (p.has("fraction") ? 1 : 0);
        if (given != 1) {
            throw new ParamException(p.pathOf("count"), "give exactly one of count (number of " + what
                    + ") and fraction (of the " + available + " " + what + " available)");
        }
        long n;
        String key;
        if (p.has("count")) {
            key = "count";
            n = p.requireLong("count");
        } else {
            key = "fraction";
            double f = p.requireDouble("fraction");
            if (!(f >= 0 && f <= 1)) {
                throw new ParamException(p.pathOf("fraction"), "must be in [0, 1], got " + f);
            }
            n = Math.round(f * available);
        }
        if (n < 0 || n > available) {
            throw new ParamException(p.pathOf(key), "asks for " + n + " " + what + " but " + available
                    + " are available");
        }
        return (int) n;
    }

    /** The sampler seed: {@code seed} from the config, or the run seed mixed with this step's path. */
    static long seed(Params p, BuildContext ctx) {
        return p.has("seed") ? p.requireLong("seed") : ctx.seedFor(p.path());
    }

    /** Charge of an element under the context's charges, as a config error naming {@code key} if unknown. */
    static double charge(BuildContext ctx, String element, String key) {
        try {
            return ctx.charges().of(element);
        } catch (IllegalArgumentException e) {
            throw new ParamException(key, e.getMessage());
        }
    }

    /** Number of atoms per element, in order of first appearance. */
    static Map<String, Integer> composition(AtomicModel m) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (int i = 0; i < m.size(); i++) {
            c.merge(m.element(i), 1, Integer::sum);
        }
        return c;
    }

    /** Reports {@code removed_atoms}, {@code removed_<element>} (those that changed) and {@code net_charge_e}. */
    static void reportRemoval(AtomicModel m, Map<String, Integer> before, Params p, BuildContext ctx) {
        Map<String, Integer> after = composition(m);
        int total = 0;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : before.entrySet()) {
            int d = e.getValue() - after.getOrDefault(e.getKey(), 0);
            if (d > 0) {
                ctx.report().put(p.path(), "removed_" + e.getKey(), d);
                parts.add(d + " " + e.getKey());
                total += d;
            }
        }
        ctx.report().put(p.path(), "removed_atoms", total);
        ctx.report().put(p.path(), "net_charge_e", netCharge(m, ctx, p.path()));
        if (!parts.isEmpty()) {
            ctx.report().note(p.path(), "removed " + String.join(", ", parts));
        }
    }

    /** Net charge of the model under the context's charges, e, rounded to 1e-9 e (summation noise). */
    static double netCharge(AtomicModel m, BuildContext ctx, String path) {
        double q;
        try {
            q = m.totalCharge(ctx.charges());
        } catch (IllegalArgumentException e) {
            throw new ParamException(path, e.getMessage());
        }
        double r = Math.rint(q * 1e9) / 1e9;
        return r == 0 ? 0.0 : r;
    }

    /** Squared minimum-image distance between atoms i and j of the model, Å². */
    static double distanceSq(AtomicModel m, int i, int j, double[] scratch) {
        Box b = m.box();
        scratch[0] = m.x(j, 0) - m.x(i, 0);
        scratch[1] = m.x(j, 1) - m.x(i, 1);
        scratch[2] = m.x(j, 2) - m.x(i, 2);
        b.minimumImage(scratch, 0);
        return scratch[0] * scratch[0] + scratch[1] * scratch[1] + scratch[2] * scratch[2];
    }
}
