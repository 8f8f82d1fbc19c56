package org.dendrite.md.analysis;

import java.io.IOException;
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
 * {@code type: li-sites}: Li classified by its joint Li–Li and Li–O coordination numbers (seed 001
 * Fig. 4g–l): for every Li (inside {@code region}, if given) and sample, the number of Li and of O
 * within the cut-offs, accumulated into a 2-D histogram. In crystalline LLZO the tetrahedral 24d
 * and octahedral 96h Li form two separate clusters of (CN_Li–O, CN_Li–Li); amorphous LLZO gives one
 * broad cluster, and aggregated (metal-like) Li appears at high CN_Li–Li and low CN_Li–O.
 *
 * <p>Cut-offs: as seed 001 ("peak valley of Li–Li and Li–O in c-LLZO"), the first minima of the
 * Li–Li and Li–O g(r) ({@link FirstMinimum}) of the first sample, unless given
 * ({@code cutoff_Li_Li_A}, {@code cutoff_Li_O_A}); sample the first frame from a crystal for the
 * paper's choice. Keys also: {@code region}, {@code aggregated_max_cn_Li_O} (2: Li with at most this
 * many O neighbours are counted as "aggregated").
 *
 * <p>Files: {@code NAME.csv} (cn_Li_Li, cn_Li_O, count, fraction), {@code NAME.png} (map of the
 * fraction). Metrics (prefix NAME_): {@code cutoff_Li_Li_A}, {@code cutoff_Li_O_A},
 * {@code cn_Li_Li_mean}, {@code cn_Li_O_mean}, {@code aggregated_fraction}.
 */
public final class LiSiteAnalysis implements Analysis {
    private static final int MAX_CN = 24;
    private final AnalysisSettings settings;
    private final AnalysisContext ctx;
    private final int li;
    private final int o;
    private double rLiLi;
    private double rLiO;
    private final Region region;
    private final int aggregatedMax;
    private final long[][] hist = new long[MAX_CN + 1][MAX_CN + 1];
    private final PairScan scan = new PairScan();
    private int[] cnLi = new int[0];
    private int[] cnO = new int[0];
    private boolean[] in = new boolean[0];
    private int samples;

    public LiSiteAnalysis(Params p, AnalysisSettings settings, AnalysisContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
        Species sp = ctx.species();
        li = sp.typeOf("Li");
        o = sp.typeOf("O");
        if (li < 0 || o < 0) {
            throw new ParamException(p.pathOf("type"), "li-sites needs species named Li and O, the run has "
                    + sp.names());
        }
        rLiLi = p.getDouble("cutoff_Li_Li_A", Double.NaN);
        rLiO = p.getDouble("cutoff_Li_O_A", Double.NaN);
        for (String k : List.of("cutoff_Li_Li_A", "cutoff_Li_O_A")) {
            if (p.has(k) && !(p.getDouble(k, 0) > 0)) {
                throw new ParamException(p.pathOf(k), "must be > 0");
            }
        }
        region = p.has("region") ? Regions.parse(p.child("region")) : null;
        aggregatedMax = p.getInt("aggregated_max_cn_Li_O", 2);
        p.finish();
    }

    @Override
    public AnalysisSettings settings() {
        return settings;
    }

    private void findCutoffs(Atoms a, Box box) {
        Rdf rdf = new Rdf(ctx.species(), List.of("Li-Li", "Li-O"), 6.0, 240);
        rdf.sample(a, box, null);
        double[] r = rdf.r();
        if (Double.isNaN(rLiLi)) {
            rLiLi = FirstMinimum.find(r, rdf.g(0)).minimumA();
        }
        if (Double.isNaN(rLiO)) {
            rLiO = FirstMinimum.find(r, rdf.g(1)).minimumA();
        }
        if (Double.isNaN(rLiLi) || Double.isNaN(rLiO)) {
            throw new IllegalStateException(settings.name() + ": no first minimum of the Li-Li or Li-O g(r) in the "
                    + "first sample; give cutoff_Li_Li_A and cutoff_Li_O_A");
        }
    }

    @Override
    public void sample(SimulationState whole, int stageIndex) {
        Atoms a = whole.atoms;
        Box box = whole.box;
        if (samples == 0) {
            findCutoffs(a, box);
        }
        int n = a.nlocal;
        if (cnLi.length < n) {
            cnLi = new int[n];
            cnO = new int[n];
            in = new boolean[n];
        }
        java.util.Arrays.fill(cnLi, 0, n, 0);
        java.util.Arrays.fill(cnO, 0, n, 0);
        PlacedRegion placed = region == null ? null : region.place(box);
        for (int i = 0; i < n; i++) {
            in[i] = a.type[i] == li && (placed == null || placed.contains(a.x[3 * i], a.x[3 * i + 1], a.x[3 * i + 2]));
        }
        double rc = Math.max(rLiLi, rLiO);
        double r2LiLi = rLiLi * rLiLi;
        double r2LiO = rLiO * rLiO;
        scan.scan(a, box, rc);
        double[] x = scan.x();
        int[] type = scan.type();
        for (int i = 0; i < n; i++) {
            for (int k = scan.list.offsets[i]; k < scan.list.offsets[i + 1]; k++) {
                int j = scan.list.neighbors[k];
                int ti = type[i];
                int tj = type[j];
                if (ti != li && tj != li) {
                    continue;
                }
                double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                int oj = scan.owner(j);
                if (ti == li && tj == li && r2 < r2LiLi) {
                    cnLi[i]++;
                    cnLi[oj]++;
                } else if (r2 < r2LiO) {
                    if (ti == li && tj == o) {
                        cnO[i]++;
                    } else if (ti == o && tj == li) {
                        cnO[oj]++;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                hist[Math.min(MAX_CN, cnLi[i])][Math.min(MAX_CN, cnO[i])]++;
            }
        }
        samples++;
    }

    @Override
    public void finish() throws IOException {
        String pre = settings.name() + "_";
        long total = 0;
        double sumLi = 0, sumO = 0;
        long aggregated = 0;
        int maxLi = 0, maxO = 0;
        for (int a = 0; a <= MAX_CN; a++) {
            for (int b = 0; b <= MAX_CN; b++) {
                long c = hist[a][b];
                total += c;
                sumLi += a * (double) c;
                sumO += b * (double) c;
                if (b <= aggregatedMax) {
                    aggregated += c;
                }
                if (c > 0) {
                    maxLi = Math.max(maxLi, a);
                    maxO = Math.max(maxO, b);
                }
            }
        }
        if (total == 0) {
            ctx.metrics().putText(pre + "status", "no Li sampled");
            return;
        }
        try (Csv csv = new Csv(ctx.file(settings.file(".csv")), List.of("cn_Li_Li", "cn_Li_O", "count", "fraction"))) {
            for (int a = 0; a <= MAX_CN; a++) {
                for (int b = 0; b <= MAX_CN; b++) {
                    if (hist[a][b] > 0) {
                        csv.row(a, b, hist[a][b], hist[a][b] / (double) total);
                    }
                }
            }
        }
        ctx.metrics().put(pre + "cutoff_Li_Li_A", rLiLi);
        ctx.metrics().put(pre + "cutoff_Li_O_A", rLiO);
        ctx.metrics().put(pre + "cn_Li_Li_mean", sumLi / total);
        ctx.metrics().put(pre + "cn_Li_O_mean", sumO / total);
        ctx.metrics().put(pre + "aggregated_fraction", aggregated / (double) total);
        int nx = maxO + 2;
        int ny = maxLi + 2;
        double[][] f = new double[ny][nx];
        for (int a = 0; a < ny; a++) {
            for (int b = 0; b < nx; b++) {
                f[a][b] = hist[a][b] / (double) total;
            }
        }
        ctx.plotter().map(settings.file(".png"), String.format(Locale.ROOT,
                        "Li sites: CN(Li-Li) within %.2f Å vs CN(Li-O) within %.2f Å", rLiLi, rLiO),
                "Li-O coordination number", "Li-Li coordination number", -0.5, nx - 0.5, -0.5, ny - 0.5, f,
                "fraction of Li");
    }
}
