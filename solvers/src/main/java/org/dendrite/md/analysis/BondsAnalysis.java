package org.dendrite.md.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.region.PlacedRegion;
import org.dendrite.md.region.Region;
import org.dendrite.md.region.Regions;
import org.dendrite.md.state.SimulationState;

/**
 * {@code type: bonds}: bond counts per element pair relative to the initial structure, inside a
 * region, versus strain (seed 000, You et al. 2025, Fig. 4a: Li–O, La–O and Zr–O bonds "relative to
 * the initial structure within the fracture region"), into {@code NAME.csv}.
 *
 * <p>The first frame sampled is the reference: there the atoms inside {@code region} are selected
 * (by id, for the rest of the run; {@link BondCounts} counts a bond when at least one of its atoms
 * is selected), cut-offs given as {@code auto} are set to the first minimum of that frame's
 * partial g(r) ({@link FirstMinimum}; seed 000: "bond breakage based on the first minimum of the
 * RDF for each specific pair of elements"), and the counts N_ab(0) are taken. Each row holds N_ab
 * and N_ab/N_ab(0), and during a {@code deform} stage the engineering strain along {@code axis}
 * against the stage's reference cell. With {@code during: deform} (the default) only frames of
 * deform stages are sampled, so the reference is the cell at the start of the first one.
 * {@code auto_rule: first_minimum} takes FirstMinimum's position as it is, the literal rule; the
 * default {@code gap_middle} moves it to the middle of a zero-g gap (see {@link #gapMiddle}).
 *
 * <p>Keys: {@code pairs} (required, e.g. [Li-O, La-O, Zr-O]), {@code cutoffs_A} (auto, or a
 * mapping pair → Å in which any pair may be auto), {@code region} (docs/structures.md "Regions";
 * default every atom), {@code during} (deform|all), {@code axis} (z), {@code rdf_r_max_A} (6) and
 * {@code rdf_bins} (300) and {@code auto_rule} (gap_middle|first_minimum) for auto cut-offs. Files: {@code NAME.csv}, {@code NAME_cutoffs.csv}
 * (pair, cut-off, how it was set, reference count), {@code NAME.png} (N/N(0) against strain).
 * Metrics: {@code NAME_cutoff_A-B_A} and {@code NAME_rel_final_A-B} (N/N(0) of the last frame).
 */
public final class BondsAnalysis implements Analysis {
    private final AnalysisSettings settings;
    private final AnalysisContext ctx;
    private final List<String> pairs;
    private final double[] cutoffs;
    private final boolean[] auto;
    private final Region region;
    private final boolean onlyDeform;
    private final int axis;
    private final double rdfMax;
    private final int rdfBins;
    private final boolean gapMiddle;
    private BondCounts counts;
    private long[] reference;
    private long[] now;
    private int selected;
    private Csv csv;
    private double[] strainRows = new double[64];
    private double[][] relRows;
    private int rows;

    public BondsAnalysis(Params p, AnalysisSettings settings, AnalysisContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
        Species sp = ctx.species();
        List<String> ps = p.getStrings("pairs");
        if (ps == null || ps.isEmpty()) {
            throw new ParamException(p.pathOf("pairs"), "is required: element pairs such as [Li-O, La-O, Zr-O]");
        }
        for (String s : ps) {
            String[] ab = s.split("-");
            if (ab.length != 2) {
                throw new ParamException(p.pathOf("pairs"), "entries must be of the form A-B (e.g. Zr-O), got '" + s + "'");
            }
            Analyses.speciesType(sp, p, "pairs", ab[0].trim());
            Analyses.speciesType(sp, p, "pairs", ab[1].trim());
        }
        pairs = List.copyOf(ps);
        cutoffs = new double[pairs.size()];
        auto = new boolean[pairs.size()];
        Object raw = p.raw("cutoffs_A");
        if (raw == null || "auto".equals(String.valueOf(raw).trim())) {
            p.getString("cutoffs_A", "auto");
            Arrays.fill(auto, true);
        } else {
            Params c = p.child("cutoffs_A");
            for (int k = 0; k < pairs.size(); k++) {
                String key = pairs.get(k);
                if (!c.has(key)) {
                    String[] ab = key.split("-");
                    key = ab[1] + "-" + ab[0];
                }
                if (!c.has(key)) {
                    throw new ParamException(c.pathOf(pairs.get(k)), "is missing: give every pair a cut-off in Å or "
                            + "auto (or write cutoffs_A: auto)");
                }
                if ("auto".equals(String.valueOf(c.raw(key)).trim())) {
                    c.getString(key, "auto");
                    auto[k] = true;
                } else {
                    cutoffs[k] = c.getPositive(key, 1);
                }
            }
            c.finish();
        }
        region = p.has("region") ? Regions.parse(p.child("region")) : null;
        onlyDeform = p.getChoice("during", "deform", "deform", "all").equals("deform");
        axis = Analyses.axis(p, "axis", "z");
        rdfMax = p.getPositive("rdf_r_max_A", 6.0);
        rdfBins = p.getInt("rdf_bins", 300);
        gapMiddle = p.getChoice("auto_rule", "gap_middle", "gap_middle", "first_minimum").equals("gap_middle");
        if (rdfBins < 10) {
            throw new ParamException(p.pathOf("rdf_bins"), "must be >= 10, got " + rdfBins);
        }
        p.finish();
        relRows = new double[pairs.size()][64];
    }

    @Override
    public AnalysisSettings settings() {
        return settings;
    }

    @Override
    public void sample(SimulationState s, int stageIndex) throws IOException {
        boolean deform = s.deformReferenceBox != null && s.deformOriginStep == s.step - s.stageStep;
        if (onlyDeform && !deform) {
            return;
        }
        if (counts == null) {
            start(s);
        }
        counts.count(s.atoms, s.box, now);
        double strain = Double.NaN;
        if (deform) {
            double l0 = len(s.deformReferenceBox, axis);
            strain = (len(s.box, axis) - l0) / l0;
        }
        append(strain);
        if (ctx.runDir() == null) {
            return;
        }
        if (csv == null) {
            List<String> header = new ArrayList<>(List.of("step", "time_ps", "stage", "strain"));
            for (String pr : pairs) {
                header.add("bonds_" + pr);
            }
            for (String pr : pairs) {
                header.add("rel_" + pr);
            }
            csv = new Csv(ctx.file(settings.file(".csv")), header);
        }
        double[] row = new double[4 + 2 * pairs.size()];
        row[0] = s.step;
        row[1] = s.timePs;
        row[2] = stageIndex;
        row[3] = strain;
        for (int k = 0; k < now.length; k++) {
            row[4 + k] = now[k];
            row[4 + now.length + k] = relRows[k][rows - 1];
        }
        csv.row(row);
    }

    private void start(SimulationState s) throws IOException {
        Species sp = s.atoms.species;
        PlacedRegion placed = region == null ? null : region.place(s.box);
        List<String> autoPairs = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            if (auto[k]) {
                autoPairs.add(pairs.get(k));
            }
        }
        if (!autoPairs.isEmpty()) {
            Rdf rdf = new Rdf(sp, autoPairs, rdfMax, rdfBins);
            rdf.sample(s.atoms, s.box, placed);
            double[] r = rdf.r();
            for (int a = 0, k = 0; k < pairs.size(); k++) {
                if (auto[k]) {
                    FirstMinimum.Result m = FirstMinimum.find(r, rdf.g(a++));
                    if (!m.found()) {
                        throw new IllegalStateException("bonds analysis '" + settings.name() + "': the g(r) of "
                                + pairs.get(k) + " in the reference frame has no first minimum below rdf_r_max_A = "
                                + rdfMax + " Å; give cutoffs_A." + pairs.get(k));
                    }
                    cutoffs[k] = gapMiddle ? gapMiddle(r, rdf.g(a - 1), m) : m.minimumA();
                }
            }
        }
        counts = new BondCounts(sp, pairs, cutoffs);
        selected = counts.select(s.atoms, placed);
        now = new long[pairs.size()];
        reference = counts.count(s.atoms, s.box, new long[pairs.size()]);
        if (ctx.runDir() != null) {
            try (Csv c = new Csv(ctx.file(settings.file("_cutoffs.csv")), List.of("pair", "cutoff_A", "set_by",
                    "reference_bonds", "selected_atoms", "reference_step", "region"))) {
                for (int k = 0; k < pairs.size(); k++) {
                    c.rowText(pairs.get(k), cutoffs[k], auto[k] ? (gapMiddle ? "first minimum of g(r) of the reference frame "
                            + "(middle of the gap where g < 0.05)" : "first minimum of g(r) of the reference frame")
                            : "cutoffs_A", (double) reference[k], (double) selected, (double) s.step,
                            region == null ? "all atoms" : "\"" + region.describe() + "\"");
                }
            }
        }
        String prefix = settings.name() + "_";
        for (int k = 0; k < pairs.size(); k++) {
            ctx.metrics().put(prefix + "cutoff_" + pairs.get(k) + "_A", cutoffs[k]);
        }
    }

    /**
     * The cut-off for a first minimum: in a crystal g falls to zero after the first shell and stays
     * there up to the next shell, and FirstMinimum returns the start of that gap, where a bond
     * stretched by a few per cent would already count as broken; the middle of the gap (the bins
     * after the first peak with g below {@value #GAP_G}) is the unbiased choice. Where g does not
     * vanish (a liquid or glass) the minimum itself is the cut-off.
     */
    static double gapMiddle(double[] r, double[] g, FirstMinimum.Result m) {
        if (!(m.gAtMinimum() < GAP_G)) {
            return m.minimumA();
        }
        double dr = r[1] - r[0];
        int k = (int) Math.floor(m.minimumA() / dr);
        k = Math.max(0, Math.min(g.length - 1, k));
        int lo = k;
        while (lo > 0 && r[lo - 1] > m.peakA() && g[lo - 1] < GAP_G) {
            lo--;
        }
        int hi = k;
        while (hi + 1 < g.length && g[hi + 1] < GAP_G) {
            hi++;
        }
        return 0.5 * (r[lo] + r[hi]);
    }

    /** g below which the bins between two shells count as a gap. */
    static final double GAP_G = 0.05;

    private void append(double strain) {
        if (rows == strainRows.length) {
            strainRows = Arrays.copyOf(strainRows, 2 * rows);
            for (int k = 0; k < relRows.length; k++) {
                relRows[k] = Arrays.copyOf(relRows[k], 2 * rows);
            }
        }
        strainRows[rows] = strain;
        for (int k = 0; k < now.length; k++) {
            relRows[k][rows] = reference[k] == 0 ? Double.NaN : (double) now[k] / reference[k];
        }
        rows++;
    }

    private static double len(Box b, int k) {
        return k == 0 ? b.lx() : k == 1 ? b.ly() : b.lz();
    }

    /** Cut-offs in use (auto ones resolved after the first frame), Å. */
    public double[] cutoffs() {
        return cutoffs.clone();
    }

    /** Reference counts (null before the first frame). */
    public long[] referenceCounts() {
        return reference == null ? null : reference.clone();
    }

    @Override
    public void finish() throws IOException {
        if (csv != null) {
            csv.flush();
        }
        if (rows == 0) {
            ctx.metrics().putText(settings.name() + "_status", "no frame sampled");
            return;
        }
        for (int k = 0; k < pairs.size(); k++) {
            if (Double.isFinite(relRows[k][rows - 1])) {
                ctx.metrics().put(settings.name() + "_rel_final_" + pairs.get(k), relRows[k][rows - 1]);
            }
        }
        // N/N(0) against strain over the deform frames (the frames without a strain are left out).
        int m = 0;
        for (int i = 0; i < rows; i++) {
            m += Double.isNaN(strainRows[i]) ? 0 : 1;
        }
        if (m < 2) {
            return;
        }
        List<Plotter.Series> series = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            double[] x = new double[m];
            double[] y = new double[m];
            for (int i = 0, j = 0; i < rows; i++) {
                if (!Double.isNaN(strainRows[i])) {
                    x[j] = strainRows[i];
                    y[j++] = relRows[k][i];
                }
            }
            series.add(new Plotter.Series(String.format(Locale.ROOT, "%s (r < %.2f Å)", pairs.get(k), cutoffs[k]), x, y));
        }
        String ax = String.valueOf("xyz".charAt(axis));
        ctx.plotter().line(settings.file(".png"), "Bonds relative to the initial structure ("
                + (region == null ? "all atoms" : "region") + ", " + selected + " atoms)", "strain along " + ax + " (-)",
                "N / N(0) (-)", series);
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }
}
