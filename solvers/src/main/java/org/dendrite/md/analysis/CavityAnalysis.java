package org.dendrite.md.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.region.PlacedRegion;
import org.dendrite.md.region.Region;
import org.dendrite.md.region.Regions;
import org.dendrite.md.state.SimulationState;

/**
 * {@code type: cavity}: the Li cavity fraction of seed 001 (Suppl. Note 3, Suppl. Fig. 3): the cell
 * is covered with a regular grid of points; a point is a <em>cavity point</em> (CV = 1) when it is
 * farther than d_X from every atom of each excluded species X (La, Zr, O), i.e. where a Li ion could
 * sit without coming closer to a framework ion than Li does in the crystal; CV_z(z) is the share of
 * cavity points in the grid plane at z, and the cavity fraction of a region is the share of cavity
 * points among the grid points inside it (the mean of CV_z over the planes of a slab region).
 *
 * <p>The radii d_X come from the Li–X partial RDFs of the first sample, as the paper takes them
 * from "the minimum bonding distance of the RDF": {@code radius: onset} (default) is the distance
 * below which 1 % of the Li–X first-shell neighbours lie (the closest approach of a bonded pair,
 * robust against single outliers); {@code radius: first_minimum} is the first minimum of g_Li–X.
 * {@code radii_A: {La: 3.0, Zr: 3.0, O: 1.8}} gives them directly.
 *
 * <p>Keys: {@code exclude_species} ([La, Zr, O] present in the run), {@code radius},
 * {@code radii_A}, {@code spacing_A} (0.3), {@code axis} (z: the profile axis), {@code region} (the
 * boundary region whose cavity fraction is reported, docs/structures.md "Regions"; optional).
 * Files: {@code NAME.csv} (step, time_ps, cavity_fraction_region, cavity_fraction_outside, cavity_fraction_all),
 * {@code NAME_profile.csv} (z_A and cv of the first and last sample), {@code NAME_profile.png}.
 * Metrics (prefix NAME_): {@code radius_X_A}, {@code fraction_region_initial}, {@code fraction_region_final},
 * {@code fraction_outside_initial}, {@code fraction_all_initial}.
 */
public final class CavityAnalysis implements Analysis {
    private final AnalysisSettings settings;
    private final AnalysisContext ctx;
    private final int[] exclude;
    private final boolean onset;
    private final double[] radius;
    private final double spacing;
    private final int axis;
    private final Region region;

    private Csv csv;
    private double[] firstProfile;
    private double[] lastProfile;
    private double firstLength;
    private double lastLength;
    private double[] first;
    private double[] last;
    private final double[] s = new double[3];
    private final double[] r = new double[3];
    private final double[] d = new double[3];

    public CavityAnalysis(Params p, AnalysisSettings settings, AnalysisContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
        Species sp = ctx.species();
        List<String> def = new ArrayList<>();
        for (String x : List.of("La", "Zr", "O")) {
            if (sp.typeOf(x) >= 0) {
                def.add(x);
            }
        }
        if (sp.typeOf("Li") < 0) {
            throw new ParamException(p.pathOf("type"), "cavity needs a species named Li (radii from Li-X RDFs), the run has "
                    + sp.names());
        }
        exclude = Analyses.speciesList(sp, p, "exclude_species", def.isEmpty() ? null : def);
        onset = p.getChoice("radius", "onset", "onset", "first_minimum").equals("onset");
        radius = new double[sp.count()];
        Arrays.fill(radius, Double.NaN);
        if (p.has("radii_A")) {
            Params rp = p.child("radii_A");
            for (String k : rp.keys()) {
                int t = Analyses.speciesType(sp, rp, k, k);
                radius[t] = rp.getPositive(k, 1);
            }
            rp.finish();
        }
        spacing = p.getPositive("spacing_A", 0.3);
        axis = Analyses.axis(p, "axis", "z");
        region = p.has("region") ? Regions.parse(p.child("region")) : null;
        p.finish();
    }

    @Override
    public AnalysisSettings settings() {
        return settings;
    }

    private void findRadii(Atoms a, Box box) {
        Species sp = ctx.species();
        List<String> pairs = new ArrayList<>();
        for (int t : exclude) {
            pairs.add("Li-" + sp.name(t));
        }
        Rdf rdf = new Rdf(sp, pairs, 6.0, 600);
        rdf.sample(a, box, null);
        double[] rr = rdf.r();
        for (int k = 0; k < exclude.length; k++) {
            int t = exclude[k];
            if (!Double.isNaN(radius[t])) {
                continue;
            }
            FirstMinimum.Result m = FirstMinimum.find(rr, rdf.g(k));
            if (!m.found()) {
                throw new IllegalStateException(settings.name() + ": no first minimum of g(Li-" + sp.name(t)
                        + ") in the first sample; give radii_A");
            }
            if (onset) {
                double[] n = rdf.runningCoordination(k);
                double shell = rdf.coordination(k, m.minimumA());
                int b = 0;
                while (b < n.length && n[b] < 0.01 * shell) {
                    b++;
                }
                // n[b] is at the outer edge of bin b: the 1 % point lies in that bin.
                radius[t] = (b + 1) * rdf.binWidth();
            } else {
                radius[t] = m.minimumA();
            }
        }
    }

    @Override
    public void sample(SimulationState whole, int stageIndex) throws IOException {
        Atoms a = whole.atoms;
        Box box = whole.box;
        if (csv == null) {
            findRadii(a, box);
            csv = new Csv(ctx.file(settings.file(".csv")), List.of("step", "time_ps", "cavity_fraction_region",
                    "cavity_fraction_outside", "cavity_fraction_all"));
        }
        double[] res = grid(a, box);
        csv.row(whole.step, whole.timePs, res[0], res[1], res[2]);
        if (first == null) {
            first = res;
            firstProfile = lastProfile;
            firstLength = lastLength;
        }
        last = res;
    }

    /** Cavity fractions {region, outside, all}; fills lastProfile (CV per plane along the axis). */
    private double[] grid(Atoms a, Box box) {
        double rMax = 0;
        double[] r2 = new double[radius.length];
        boolean[] ex = new boolean[radius.length];
        for (int t : exclude) {
            rMax = Math.max(rMax, radius[t]);
            r2[t] = radius[t] * radius[t];
            ex[t] = true;
        }
        // Cell list of the excluding atoms in fractional bins at least rMax wide.
        int[] nb = new int[3];
        int[] ng = new int[3];
        for (int k = 0; k < 3; k++) {
            double w = box.perpendicularWidth(k);
            nb[k] = Math.max(1, (int) Math.floor(w / rMax));
            ng[k] = Math.max(1, (int) Math.ceil(w / spacing));
        }
        int cells = nb[0] * nb[1] * nb[2];
        int[] head = new int[cells];
        Arrays.fill(head, -1);
        int[] next = new int[a.nlocal];
        for (int i = 0; i < a.nlocal; i++) {
            if (!ex[a.type[i]]) {
                continue;
            }
            box.toFractional(a.x[3 * i], a.x[3 * i + 1], a.x[3 * i + 2], s, 0);
            int c = cellOf(s, nb);
            next[i] = head[c];
            head[c] = i;
        }
        PlacedRegion placed = region == null ? null : region.place(box);
        long inCount = 0, inCav = 0, outCount = 0, outCav = 0;
        lastProfile = new double[ng[axis]];
        lastLength = box.perpendicularWidth(axis);
        for (int ia = 0; ia < ng[0]; ia++) {
            for (int ib = 0; ib < ng[1]; ib++) {
                for (int ic = 0; ic < ng[2]; ic++) {
                    s[0] = (ia + 0.5) / ng[0];
                    s[1] = (ib + 0.5) / ng[1];
                    s[2] = (ic + 0.5) / ng[2];
                    box.fromFractional(s[0], s[1], s[2], r, 0);
                    boolean cavity = isCavity(a, box, head, next, nb, r2);
                    int plane = axis == 0 ? ia : axis == 1 ? ib : ic;
                    if (cavity) {
                        lastProfile[plane]++;
                    }
                    if (placed != null && placed.contains(r[0], r[1], r[2])) {
                        inCount++;
                        inCav += cavity ? 1 : 0;
                    } else {
                        outCount++;
                        outCav += cavity ? 1 : 0;
                    }
                }
            }
        }
        int perPlane = ng[0] * ng[1] * ng[2] / ng[axis];
        for (int k = 0; k < lastProfile.length; k++) {
            lastProfile[k] /= perPlane;
        }
        return new double[] {inCount == 0 ? Double.NaN : inCav / (double) inCount,
            outCount == 0 ? Double.NaN : outCav / (double) outCount,
            (inCav + outCav) / (double) (inCount + outCount)};
    }

    private int cellOf(double[] f, int[] nb) {
        int c = 0;
        for (int k = 2; k >= 0; k--) {
            double u = f[k] - Math.floor(f[k]);
            c = c * nb[k] + Math.min(nb[k] - 1, (int) (u * nb[k]));
        }
        return c;
    }

    private boolean isCavity(Atoms a, Box box, int[] head, int[] next, int[] nb, double[] r2) {
        int ca = Math.min(nb[0] - 1, (int) (s[0] * nb[0]));
        int cb = Math.min(nb[1] - 1, (int) (s[1] * nb[1]));
        int cc = Math.min(nb[2] - 1, (int) (s[2] * nb[2]));
        // With fewer than 3 bins along an axis every bin is visited (once).
        int la = nb[0] < 3 ? nb[0] : 3, lb = nb[1] < 3 ? nb[1] : 3, lc = nb[2] < 3 ? nb[2] : 3;
        for (int oa = 0; oa < la; oa++) {
            int xa = nb[0] < 3 ? oa : Math.floorMod(ca + oa - 1, nb[0]);
            for (int ob = 0; ob < lb; ob++) {
                int xb = nb[1] < 3 ? ob : Math.floorMod(cb + ob - 1, nb[1]);
                for (int oc = 0; oc < lc; oc++) {
                    int xc = nb[2] < 3 ? oc : Math.floorMod(cc + oc - 1, nb[2]);
                    for (int j = head[(xc * nb[1] + xb) * nb[0] + xa]; j >= 0; j = next[j]) {
                        d[0] = a.x[3 * j] - r[0];
                        d[1] = a.x[3 * j + 1] - r[1];
                        d[2] = a.x[3 * j + 2] - r[2];
                        box.minimumImage(d, 0);
                        if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < r2[a.type[j]]) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    @Override
    public void finish() throws IOException {
        String pre = settings.name() + "_";
        if (first == null) {
            ctx.metrics().putText(pre + "status", "no frame sampled");
            return;
        }
        close();
        Species sp = ctx.species();
        for (int t : exclude) {
            ctx.metrics().put(pre + "radius_" + sp.name(t) + "_A", radius[t]);
        }
        putIfFinite(pre + "fraction_region_initial", first[0]);
        putIfFinite(pre + "fraction_region_final", last[0]);
        putIfFinite(pre + "fraction_outside_initial", first[1]);
        putIfFinite(pre + "fraction_outside_final", last[1]);
        ctx.metrics().put(pre + "fraction_all_initial", first[2]);
        String ax = String.valueOf("xyz".charAt(axis));
        int n = firstProfile.length;
        double[] z0 = new double[n];
        double[] z1 = new double[lastProfile.length];
        for (int k = 0; k < n; k++) {
            z0[k] = (k + 0.5) * firstLength / n;
        }
        for (int k = 0; k < z1.length; k++) {
            z1[k] = (k + 0.5) * lastLength / z1.length;
        }
        try (Csv out = new Csv(ctx.file(settings.file("_profile.csv")), List.of(ax + "_first_A", "cv_first",
                ax + "_last_A", "cv_last"))) {
            for (int k = 0; k < Math.max(n, z1.length); k++) {
                out.rowText(k < n ? z0[k] : "", k < n ? firstProfile[k] : "", k < z1.length ? z1[k] : "",
                        k < z1.length ? lastProfile[k] : "");
            }
        }
        ctx.plotter().line(settings.file("_profile.png"), String.format(Locale.ROOT,
                        "Li cavity fraction per plane, CV_%s (grid %.2f Å)", ax, spacing), ax + " (Å)",
                "cavity fraction CV (1)", List.of(new Plotter.Series("first sample", z0, firstProfile),
                        new Plotter.Series("last sample", z1, lastProfile)));
    }

    private void putIfFinite(String name, double v) {
        if (Double.isFinite(v)) {
            ctx.metrics().put(name, v);
        }
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
    }
}
