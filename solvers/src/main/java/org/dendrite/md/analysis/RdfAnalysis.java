package org.dendrite.md.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Species;
import org.dendrite.md.region.PlacedRegion;
import org.dendrite.md.region.Region;
import org.dendrite.md.region.Regions;
import org.dendrite.md.state.SimulationState;

/**
 * {@code type: rdf}: partial RDFs g_ab(r) averaged over the sampled frames ({@link Rdf}), the
 * running coordination numbers n_ab(r), and per pair the first peak and the first minimum of g
 * ({@link FirstMinimum}) with the coordination number at that minimum.
 *
 * <p>Keys: {@code pairs} (list of {@code A-B}, centre first; default every pair of species
 * A ≤ B in force-field order), {@code r_max_A} (10), {@code bins} (200), {@code region}
 * (centre atoms restricted to a region, docs/structures.md "Regions"; default all atoms).
 * Files: {@code NAME.csv} (r_A: bin centre; g_A-B; n_A-B: running coordination number up to the
 * bin's outer edge, as LAMMPS' coord column), {@code NAME_cutoffs.csv} (pair,
 * first_peak_A, first_min_A, g_at_min, cn_at_min), {@code NAME.png}. Metrics:
 * {@code NAME_rmin_A-B_A} and {@code NAME_cn_A-B} for each pair with a minimum.
 */
public final class RdfAnalysis implements Analysis {
    private final AnalysisSettings settings;
    private final AnalysisContext ctx;
    private final Rdf rdf;
    private final Region region;

    public RdfAnalysis(Params p, AnalysisSettings settings, AnalysisContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
        Species sp = ctx.species();
        List<String> pairs = p.getStrings("pairs");
        if (pairs == null) {
            pairs = new ArrayList<>();
            for (int a = 0; a < sp.count(); a++) {
                for (int b = a; b < sp.count(); b++) {
                    pairs.add(sp.name(a) + "-" + sp.name(b));
                }
            }
        }
        for (String pair : pairs) {
            String[] ab = pair.split("-");
            if (ab.length != 2) {
                throw new ParamException(p.pathOf("pairs"), "entries must be of the form A-B (e.g. Li-O), got '" + pair + "'");
            }
            Analyses.speciesType(sp, p, "pairs", ab[0].trim());
            Analyses.speciesType(sp, p, "pairs", ab[1].trim());
        }
        double rMax = p.getPositive("r_max_A", 10.0);
        int bins = p.getInt("bins", 200);
        if (bins < 3) {
            throw new ParamException(p.pathOf("bins"), "must be >= 3, got " + bins);
        }
        region = p.has("region") ? Regions.parse(p.child("region")) : null;
        p.finish();
        rdf = new Rdf(sp, pairs, rMax, bins);
    }

    @Override
    public AnalysisSettings settings() {
        return settings;
    }

    /** The accumulated RDFs (for callers that want g or n directly). */
    public Rdf rdf() {
        return rdf;
    }

    @Override
    public void sample(SimulationState whole, int stageIndex) {
        PlacedRegion placed = region == null ? null : region.place(whole.box);
        rdf.sample(whole.atoms, whole.box, placed);
    }

    @Override
    public void finish() throws IOException {
        if (rdf.frames() == 0) {
            ctx.metrics().putText(settings.name() + "_status", "no frame sampled");
            return;
        }
        List<String> pairs = rdf.pairs();
        double[] r = rdf.r();
        List<String> header = new ArrayList<>();
        header.add("r_A");
        for (String pair : pairs) {
            header.add("g_" + pair);
            header.add("n_" + pair);
        }
        double[][] g = new double[pairs.size()][];
        double[][] n = new double[pairs.size()][];
        for (int p = 0; p < pairs.size(); p++) {
            g[p] = rdf.g(p);
            n[p] = rdf.runningCoordination(p);
        }
        try (Csv csv = new Csv(ctx.file(settings.file(".csv")), header)) {
            double[] row = new double[header.size()];
            for (int k = 0; k < r.length; k++) {
                row[0] = r[k];
                for (int p = 0; p < pairs.size(); p++) {
                    row[1 + 2 * p] = g[p][k];
                    // n up to the bin's outer edge, as LAMMPS' coord column of compute rdf.
                    row[2 + 2 * p] = n[p][k];
                }
                csv.row(row);
            }
        }
        List<Plotter.Series> series = new ArrayList<>();
        try (Csv csv = new Csv(ctx.file(settings.file("_cutoffs.csv")),
                List.of("pair", "first_peak_A", "first_min_A", "g_at_min", "cn_at_min"))) {
            for (int p = 0; p < pairs.size(); p++) {
                FirstMinimum.Result m = FirstMinimum.find(r, g[p]);
                double cn = m.found() ? rdf.coordination(p, m.minimumA()) : Double.NaN;
                csv.rowText(pairs.get(p), m.peakA(), m.minimumA(), m.gAtMinimum(), cn);
                if (m.found()) {
                    ctx.metrics().put(settings.name() + "_rmin_" + pairs.get(p) + "_A", m.minimumA());
                    ctx.metrics().put(settings.name() + "_cn_" + pairs.get(p), cn);
                }
                series.add(new Plotter.Series(pairs.get(p), r, g[p]));
            }
        }
        ctx.plotter().line(settings.file(".png"), "Partial RDFs (" + rdf.frames() + " frames)", "r (Å)", "g(r)",
                series);
    }
}
