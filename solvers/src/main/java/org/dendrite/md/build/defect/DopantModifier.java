package org.dendrite.md.build.defect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.ModelModifier;

/**
 * {@code {type: dopants, element: Al, count: 4}}: substitutional dopants on the sites of a host
 * species, chosen at random with a seeded sampler, with charge compensation by Li removal.
 *
 * <p>Host sites by default: Al³⁺ and Ga³⁺ on Li⁺ sites, Ta⁵⁺ and Nb⁵⁺ on Zr⁴⁺ sites (the usual
 * garnet-stabilising substitutions, e.g. Li₇₋₃ₓAlₓLa₃Zr₂O₁₂ and Li₇₋ₓLa₃Zr₂₋ₓTaₓO₁₂); any other
 * element needs {@code site}.
 *
 * <p>Compensation rule: each dopant changes the charge by Δq = q(dopant) − q(host); for Δq &gt; 0
 * Δq/q(Li) Li atoms are removed per dopant (Al or Ga on Li: 2 more Li per dopant, so three Li sites
 * become one Al and two vacancies; Ta on Zr: 1 Li per dopant), for Δq &lt; 0 |Δq|/|q(O)| O atoms are
 * removed per dopant ({@code compensate_species} overrides the species). The removed atoms are
 * drawn at random ({@code compensation: random}, default) or are the ones nearest each dopant in
 * turn by minimum-image distance ({@code compensation: nearest}), in the same region as the dopants
 * when one is given. Charges are the force field's (formal without one); a remainder that whole
 * atoms cannot balance stays as net charge and is reported.
 *
 * <p>Keys: {@code element} (required), {@code site}, one of {@code count}, {@code fraction} (of the
 * host sites) and {@code per_formula_unit} (dopants per Li₇La₃Zr₂O₁₂ unit, the units counted as
 * La/3), {@code region}, {@code seed} (default: the run seed mixed with this entry's config path),
 * {@code compensate} ({@code true}), {@code compensation}, {@code compensate_species}.
 */
public final class DopantModifier implements ModelModifier {
    /** Default host site of the common garnet dopants. */
    static final Map<String, String> DEFAULT_SITE = Map.of("Al", "Li", "Ga", "Li", "Ta", "Zr", "Nb", "Zr");

    @Override
    public void apply(AtomicModel m, Params p, BuildContext ctx) {
        String dopant = p.requireString("element");
        String host = p.getString("site", DEFAULT_SITE.get(dopant));
        if (host == null) {
            throw new ParamException(p.pathOf("site"), "is required for '" + dopant + "' (defaults exist for "
                    + String.join(", ", new java.util.TreeSet<>(DEFAULT_SITE.keySet())) + ")");
        }
        if (host.equals(dopant)) {
            throw new ParamException(p.pathOf("site"), "must differ from the dopant element '" + dopant + "'");
        }
        if (m.count(host) == 0) {
            throw new ParamException(p.pathOf("site"), "no atom of host species '" + host + "' in the model (it has "
                    + String.join(", ", m.elements()) + ")");
        }
        boolean[] mask = Defects.regionMask(m, p, "region");
        int[] pool = Defects.candidates(m, host, mask);
        int n = amount(p, m, pool.length, host);
        long seed = Defects.seed(p, ctx);
        boolean compensate = p.getBoolean("compensate", true);
        String how = p.getChoice("compensation", "random", "random", "nearest");
        double qd = Defects.charge(ctx, dopant, p.pathOf("element"));
        double qh = Defects.charge(ctx, host, p.pathOf("site"));
        double dq = qd - qh;
        String comp = p.getString("compensate_species", dq >= 0 ? "Li" : "O");
        p.finish();
        double qBefore = Defects.netCharge(m, ctx, p.path());
        SplittableRandom rng = new SplittableRandom(seed);
        int[] sites = Defects.choose(pool, n, rng);
        for (int i : sites) {
            m.setElement(i, dopant);
        }
        // Composition after the substitution, so that removed_* counts only the compensation.
        Map<String, Integer> before = Defects.composition(m);
        int removed = 0;
        if (compensate && n > 0 && dq != 0) {
            double qc = Defects.charge(ctx, comp, p.pathOf("compensate_species"));
            if (!(qc * dq > 0)) {
                throw new ParamException(p.pathOf("compensate_species"), "removing '" + comp + "' (" + qc + " e) cannot"
                        + " balance dopants that change the charge by " + dq + " e each");
            }
            int need = (int) Math.round(n * dq / qc);
            int[] compPool = Defects.candidates(m, comp, mask);
            if (need > compPool.length) {
                throw new ParamException(p.pathOf("compensate_species"), n + " " + dopant + " dopants need " + need + " "
                        + comp + " removed for neutrality, but only " + compPool.length + " are available"
                        + (mask == null ? "" : " in the region"));
            }
            int[] victims = how.equals("random") ? Defects.choose(compPool, need, rng)
                    : nearest(m, sites, compPool, need);
            boolean[] keep = new boolean[m.size()];
            Arrays.fill(keep, true);
            for (int i : victims) {
                keep[i] = false;
            }
            removed = m.retain(keep);
        }
        ctx.report().put(p.path(), "dopant", dopant);
        ctx.report().put(p.path(), "host_site", host);
        ctx.report().put(p.path(), "substituted_atoms", n);
        ctx.report().put(p.path(), "seed", seed);
        ctx.report().put(p.path(), "net_charge_before_e", qBefore);
        Defects.reportRemoval(m, before, p, ctx);
        ctx.report().note(p.path(), String.format(Locale.ROOT, "%d %s substituted on %s sites (Δq = %.6g e each)%s;"
                + " %s; net charge %.6g e -> %.6g e", n, dopant, host, dq, mask == null ? "" : " in the region",
                compensate ? removed + " " + comp + " removed (" + how + ")" : "no compensation", qBefore,
                Defects.netCharge(m, ctx, p.path())));
    }

    private static int amount(Params p, AtomicModel m, int available, String host) {
        if (p.has("per_formula_unit")) {
            if (p.has("count") || p.has("fraction")) {
                throw new ParamException(p.pathOf("per_formula_unit"), "give one of count, fraction and per_formula_unit");
            }
            double x = p.requireDouble("per_formula_unit");
            if (!(x >= 0)) {
                throw new ParamException(p.pathOf("per_formula_unit"), "must be >= 0, got " + x);
            }
            double units = m.count("La") / 3.0;
            if (units == 0) {
                throw new ParamException(p.pathOf("per_formula_unit"), "counts Li7La3Zr2O12 formula units by La, and"
                        + " the model has no La");
            }
            long n = Math.round(x * units);
            if (n > available) {
                throw new ParamException(p.pathOf("per_formula_unit"), x + " per formula unit × " + units + " units = "
                        + n + " dopants, but only " + available + " " + host + " sites are available");
            }
            return (int) n;
        }
        return Defects.amount(p, available, host + " sites");
    }

    /**
     * For each dopant in turn, the not yet chosen atom of {@code pool} nearest to it (minimum image),
     * until {@code need} atoms are chosen; dopants are visited cyclically when each needs several.
     */
    private static int[] nearest(AtomicModel m, int[] dopants, int[] pool, int need) {
        boolean[] taken = new boolean[pool.length];
        int[] out = new int[need];
        double[] d = new double[3];
        for (int k = 0; k < need; k++) {
            int dop = dopants[k % dopants.length];
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < pool.length; c++) {
                if (taken[c]) {
                    continue;
                }
                double r2 = Defects.distanceSq(m, dop, pool[c], d);
                if (r2 < bestD) {
                    bestD = r2;
                    best = c;
                }
            }
            taken[best] = true;
            out[k] = pool[best];
        }
        Arrays.sort(out);
        return out;
    }
}
