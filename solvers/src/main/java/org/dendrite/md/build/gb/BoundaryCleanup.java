package org.dendrite.md.build.gb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;

/**
 * What every bicrystal builder does after joining its grains (keys shared by {@code tilt-gb} and
 * {@code mirror-gb}, documented in docs/structures.md):
 * <ol>
 *   <li><b>Overlap</b> ({@code overlap_A}, default 1.5 Å — below any Li–O, La–O or Zr–O bond of
 *       LLZO, ≈ 1.9–2.6 Å): pairs of atoms from different grains closer than overlap_A (periodic
 *       images included) are resolved by removing, one at a time, the atom with the most such
 *       partners left; ties go to grain 1 (tag 1), then to the higher index. This keeps one atom of
 *       every isolated pair, and removes as few atoms as a greedy rule can where several overlap.</li>
 *   <li><b>Charge</b>: the net charge Σq under the context's charges is reported.</li>
 *   <li><b>Neutrality</b> ({@code neutralize: remove}, the default): k_c cations and k_a anions of
 *       {@code neutralize_species} (default [Li, O]) are removed with k_c·q_c + k_a·q_a = Q and the
 *       fewest anions (so Q &gt; 0 takes Li⁺ only; Q = −2 takes one O²⁻; Q = −1 takes one O²⁻ and one
 *       Li⁺, together a neutral-minus-one "LiO" unit). The atoms removed are those of that element
 *       nearest to a boundary plane, alternating between the two boundaries (the first from the
 *       plane listed first), so both boundaries lose the same number ± 1.
 *       {@code neutralize: none} keeps the charged cell and writes a warning into the report.</li>
 *   <li><b>Report</b>: GB area (Å², one boundary), counts per element, and the composition excess
 *       per boundary: Γ_e = (N_e − N_ref·b_e/b_ref)/2 atoms per boundary, also per nm², where b is
 *       the bulk (grain) composition and ref ({@code excess_reference}, default the grain's least
 *       abundant element, Zr in LLZO) fixes the number of formula units.</li>
 * </ol>
 */
final class BoundaryCleanup {
    /** Default overlap threshold, Å. */
    static final double DEFAULT_OVERLAP_A = 1.5;

    record Settings(double overlapA, boolean neutralize, String cation, String anion, String excessReference) {
    }

    private BoundaryCleanup() {
    }

    /** Reads the shared keys (not {@code finish()}). */
    static Settings read(Params p) {
        double overlap = p.getNonNegative("overlap_A", DEFAULT_OVERLAP_A);
        boolean neutralize = p.getChoice("neutralize", "remove", "remove", "none").equals("remove");
        List<String> species = p.getStrings("neutralize_species");
        if (species == null) {
            species = List.of("Li", "O");
        }
        if (species.size() != 2) {
            throw new ParamException(p.pathOf("neutralize_species"), "must name two elements [cation, anion], got " + species);
        }
        String ref = p.getString("excess_reference", null);
        return new Settings(overlap, neutralize, species.get(0), species.get(1), ref);
    }

    /**
     * Applies overlap removal, neutrality and the report to a bicrystal whose boundaries lie at
     * the z positions {@code planes} (two of them).
     */
    static void apply(AtomicModel m, double[] planes, Settings s, Map<String, Integer> bulk, Params p, BuildContext ctx) {
        String step = p.path();
        List<String> elementsBefore = m.elements();
        Map<String, Integer> removed;
        try {
            removed = removeOverlaps(m, s.overlapA());
        } catch (IllegalArgumentException e) {
            throw new ParamException(p.pathOf("overlap_A"), e.getMessage() + "; use a larger repeat or a smaller overlap_A");
        }
        ctx.report().put(step, "overlap_A", s.overlapA());
        int total = 0;
        for (String e : elementsBefore) {
            int r = removed.getOrDefault(e, 0);
            ctx.report().put(step, "overlap_removed_" + e, r);
            total += r;
        }
        ctx.report().put(step, "overlap_removed", total);

        double q = charge(m, p, ctx);
        ctx.report().put(step, "net_charge_before_neutralize_e", round(q));
        if (s.neutralize()) {
            neutralize(m, planes, q, s, p, ctx);
            q = charge(m, p, ctx);
        } else if (Math.abs(q) > 1e-9) {
            ctx.report().note(step, String.format(Locale.ROOT,
                    "WARNING: neutralize: none keeps a net charge of %.6g e; Ewald/PPPM sums then add a uniform "
                            + "neutralizing background", q));
        }
        ctx.report().put(step, "net_charge_e", round(q));

        double area = m.box().lx() * m.box().ly();
        ctx.report().put(step, "boundaries", 2);
        ctx.report().put(step, "gb_area_A2", area);
        excess(m, bulk, area, s, p, ctx);
    }

    /** Charges and excesses are sums of exact multiples; drop the summation noise below 1e-9. */
    private static double round(double q) {
        double r = Math.rint(q * 1e9) / 1e9;
        return r == 0 ? 0.0 : r;
    }

    private static double charge(AtomicModel m, Params p, BuildContext ctx) {
        try {
            return m.totalCharge(ctx.charges());
        } catch (IllegalArgumentException e) {
            throw new ParamException(p.path(), e.getMessage());
        }
    }

    /** The greedy most-partners-first rule of the class comment; returns removals per element. */
    static Map<String, Integer> removeOverlaps(AtomicModel m, double overlap) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        int n = m.size();
        if (overlap <= 0 || n < 2) {
            return removed;
        }
        double[] len = {m.box().lx(), m.box().ly(), m.box().lz()};
        PeriodicGrid grid = new PeriodicGrid(m.positions(), n, len, overlap);
        int[] pairs = grid.pairsWithin(overlap, (i, j) -> m.tag(i) != m.tag(j));
        if (pairs.length == 0) {
            return removed;
        }
        int[] degree = new int[n];
        for (int k = 0; k < pairs.length; k++) {
            degree[pairs[k]]++;
        }
        boolean[] alive = new boolean[pairs.length / 2];
        Arrays.fill(alive, true);
        int live = alive.length;
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        while (live > 0) {
            int victim = -1;
            for (int i = 0; i < n; i++) {
                if (degree[i] == 0) {
                    continue;
                }
                if (victim < 0 || degree[i] > degree[victim]
                        || (degree[i] == degree[victim] && m.tag(i) >= m.tag(victim))) {
                    victim = i;
                }
            }
            keep[victim] = false;
            removed.merge(m.element(victim), 1, Integer::sum);
            for (int k = 0; k < alive.length; k++) {
                if (alive[k] && (pairs[2 * k] == victim || pairs[2 * k + 1] == victim)) {
                    alive[k] = false;
                    live--;
                    degree[pairs[2 * k]]--;
                    degree[pairs[2 * k + 1]]--;
                }
            }
        }
        m.retain(keep);
        return removed;
    }

    private static void neutralize(AtomicModel m, double[] planes, double q, Settings s, Params p, BuildContext ctx) {
        String step = p.path();
        double qc;
        double qa;
        try {
            qc = ctx.charges().of(s.cation());
            qa = ctx.charges().of(s.anion());
        } catch (IllegalArgumentException e) {
            throw new ParamException(p.pathOf("neutralize_species"), e.getMessage());
        }
        if (!(qc > 0) || !(qa < 0)) {
            throw new ParamException(p.pathOf("neutralize_species"), String.format(Locale.ROOT,
                    "needs a cation then an anion, got %s (%.4g e) and %s (%.4g e)", s.cation(), qc, s.anion(), qa));
        }
        int kc = -1;
        int ka = 0;
        double tol = 1e-6 * Math.max(1, Math.abs(q));
        for (; ka <= 100000; ka++) {
            // removing kc cations and ka anions changes the charge by −kc·qc − ka·qa
            double rest = q - ka * qa;
            if (rest < -tol) {
                continue;
            }
            double c = rest / qc;
            if (Math.abs(c - Math.rint(c)) < 1e-6 * Math.max(1, Math.abs(c))) {
                kc = (int) Math.rint(c);
                break;
            }
        }
        if (kc < 0) {
            throw new ParamException(p.pathOf("neutralize"), String.format(Locale.ROOT,
                    "the net charge %.6g e is not a whole combination of %s (%.4g e) and %s (%.4g e); "
                            + "use neutralize: none", q, s.cation(), qc, s.anion(), qa));
        }
        int[] side = {0};
        int removedA = removeNearPlanes(m, s.anion(), ka, planes, side, p);
        int removedC = removeNearPlanes(m, s.cation(), kc, planes, side, p);
        ctx.report().put(step, "neutralize_removed_" + s.cation(), removedC);
        ctx.report().put(step, "neutralize_removed_" + s.anion(), removedA);
        if (kc + ka > 0) {
            ctx.report().note(step, String.format(Locale.ROOT,
                    "net charge %.6g e removed by taking %d %s and %d %s nearest the boundary planes "
                            + "(z = %.4f and %.4f Å), alternating between them", q, kc, s.cation(), ka, s.anion(),
                    planes[0], planes[1]));
        }
    }

    /**
     * Removes k atoms of an element nearest the planes, alternating between the planes (side[0]
     * says which comes next and is carried over between calls).
     */
    private static int removeNearPlanes(AtomicModel m, String element, int k, double[] planes, int[] side, Params p) {
        if (k == 0) {
            return 0;
        }
        double lz = m.box().lz();
        double z0 = m.box().zlo();
        int available = 0;
        // candidates per nearest plane as {distance, index}, sorted by distance then index
        List<double[]> cand0 = new ArrayList<>();
        List<double[]> cand1 = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            if (!m.element(i).equals(element)) {
                continue;
            }
            double z = m.x(i, 2) - z0;
            double d0 = periodicDistance(z, planes[0] - z0, lz);
            double d1 = periodicDistance(z, planes[1] - z0, lz);
            (d0 <= d1 ? cand0 : cand1).add(new double[] {Math.min(d0, d1), i});
            available++;
        }
        if (available < k) {
            throw new ParamException(p.pathOf("neutralize"), "needs to remove " + k + " " + element + " but the cell has "
                    + available);
        }
        java.util.Comparator<double[]> order = (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]);
        cand0.sort(order);
        cand1.sort(order);
        boolean[] keep = new boolean[m.size()];
        Arrays.fill(keep, true);
        int i0 = 0;
        int i1 = 0;
        for (int r = 0; r < k; r++) {
            boolean from0 = side[0] == 0 ? i0 < cand0.size() : i1 >= cand1.size();
            int idx = (int) (from0 ? cand0.get(i0++)[1] : cand1.get(i1++)[1]);
            keep[idx] = false;
            side[0] = 1 - side[0];
        }
        return m.retain(keep);
    }

    private static double periodicDistance(double z, double plane, double lz) {
        double d = z - plane;
        d -= lz * Math.rint(d / lz);
        return Math.abs(d);
    }

    private static void excess(AtomicModel m, Map<String, Integer> bulk, double area, Settings s, Params p,
                               BuildContext ctx) {
        String step = p.path();
        String ref = s.excessReference();
        if (ref == null) {
            for (Map.Entry<String, Integer> e : bulk.entrySet()) {
                if (ref == null || e.getValue() < bulk.get(ref)) {
                    ref = e.getKey();
                }
            }
        } else if (!bulk.containsKey(ref) || bulk.get(ref) == 0) {
            throw new ParamException(p.pathOf("excess_reference"), "element '" + ref + "' is not in the grain (it has "
                    + String.join(", ", bulk.keySet()) + ")");
        }
        int nRef = m.count(ref);
        double units = nRef / (double) bulk.get(ref);
        ctx.report().put(step, "excess_reference", ref);
        StringBuilder formula = new StringBuilder();
        for (Map.Entry<String, Integer> e : bulk.entrySet()) {
            formula.append(e.getKey()).append(e.getValue());
        }
        ctx.report().put(step, "bulk_repeat_unit", formula.toString());
        for (String e : bulk.keySet()) {
            int ne = m.count(e);
            double gamma = (ne - units * bulk.get(e)) / 2.0;
            ctx.report().put(step, "atoms_" + e, ne);
            ctx.report().put(step, "excess_" + e + "_per_boundary", round(gamma));
            ctx.report().put(step, "excess_" + e + "_per_nm2", round(gamma / (area / 100.0)));
        }
    }
}
