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
 * {@code type: msd}: mean squared displacement per species from unwrapped coordinates
 * (x + H·(image − image₀), image₀ the flags at the window's origin; as LAMMPS {@code compute msd}
 * for atoms that start with zero image flags), the diffusion coefficient from its linear regime
 * ({@link Diffusion}: fit window and error), the Nernst–Einstein conductivity, and — when the MSD is
 * measured in several stages at different temperatures — an Arrhenius fit of D(T).
 *
 * <p>A window starts at the first sample (the reference positions); with {@code per_stage: true}
 * each stage sampled in (see the entry's {@code stages}) starts its own window, so one run with
 * NVT stages at several temperatures gives D(T). Keys: {@code species} ([Li]), {@code per_stage}
 * (false), {@code fit_start_frac} (0.2), {@code fit_end_frac} (1.0), {@code charges_e} (formal
 * charges for Nernst–Einstein, default {Li: 1}), {@code region} (only atoms inside it at the
 * window's origin are followed), {@code remove_drift} (false: subtract the mass-weighted
 * displacement of the whole system's centre of mass, LAMMPS {@code com yes}).
 *
 * <p>The error of D is the largest of the fit's own error ({@link Diffusion}) and the standard
 * error over {@value #GROUPS} groups of ions (split by id) fitted separately.
 *
 * <p>Files: {@code NAME.csv} (window, stage, step, time_ps from the window origin, msd_X_A2 per
 * species), {@code NAME_diffusion.csv} (one row per window and species), {@code NAME.png}, and
 * {@code NAME_arrhenius.png} with two or more windows. Metrics (prefix {@code NAME_} unless the
 * name is {@code msd}): {@code D_X_cm2_per_s}, {@code D_X_err_cm2_per_s}, {@code sigma_NE_X_S_per_m},
 * {@code T_mean_K}, {@code msd_fit_window_ps} of the last window; per window the same with suffix
 * {@code _w<k>}; with ≥ 2 windows {@code Ea_X_eV}, {@code Ea_X_err_eV}.
 */
public final class MsdAnalysis implements Analysis {
    private final AnalysisSettings settings;
    private final AnalysisContext ctx;
    private final int[] types;
    private final double[] chargeE;
    private final boolean perStage;
    private final double fitStart;
    private final double fitEnd;
    private final Region region;
    private final boolean removeDrift;
    private final String prefix;

    private boolean open;
    private int windowStage = -1;
    private int window = -1;
    private double t0;
    private double[] ref = new double[0];
    private int[] refImage = new int[0];
    private boolean[] tracked = new boolean[0];
    /** Ions are split into this many groups by id for the error of D (independent-ion blocks). */
    static final int GROUPS = 5;
    private final int[] trackedCount;
    private final int[][] groupCount;
    private final double[] sumSq;
    private final double[][] groupSq;
    private double[] times = new double[64];
    private double[][] msd;
    private double[][][] groupMsd;
    private int count;
    private double temperatureSum;
    private double volumeSum;
    private final List<double[]> results = new ArrayList<>();
    private final List<int[]> resultIons = new ArrayList<>();
    private final List<double[]> curveT = new ArrayList<>();
    private final List<double[]> curveMsd = new ArrayList<>();
    private Csv csv;

    public MsdAnalysis(Params p, AnalysisSettings settings, AnalysisContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
        Species sp = ctx.species();
        types = Analyses.speciesList(sp, p, "species", List.of("Li"));
        perStage = p.getBoolean("per_stage", false);
        fitStart = p.getDouble("fit_start_frac", 0.2);
        fitEnd = p.getDouble("fit_end_frac", 1.0);
        if (!(fitStart >= 0 && fitStart < fitEnd && fitEnd <= 1)) {
            throw new ParamException(p.pathOf("fit_start_frac"), "fit_start_frac and fit_end_frac must satisfy "
                    + "0 <= start < end <= 1, got " + fitStart + ", " + fitEnd);
        }
        chargeE = new double[types.length];
        Arrays.fill(chargeE, Double.NaN);
        if (p.has("charges_e")) {
            Params c = p.child("charges_e");
            for (String key : c.keys()) {
                int t = Analyses.speciesType(sp, c, key, key);
                for (int k = 0; k < types.length; k++) {
                    if (types[k] == t) {
                        chargeE[k] = c.getDouble(key, Double.NaN);
                    }
                }
                c.raw(key);
            }
            c.finish();
        } else {
            for (int k = 0; k < types.length; k++) {
                if (sp.name(types[k]).equals("Li")) {
                    chargeE[k] = 1.0;
                }
            }
        }
        region = p.has("region") ? Regions.parse(p.child("region")) : null;
        removeDrift = p.getBoolean("remove_drift", false);
        p.finish();
        prefix = settings.name().equals(settings.type()) ? "" : settings.name() + "_";
        trackedCount = new int[types.length];
        groupCount = new int[types.length][GROUPS];
        sumSq = new double[types.length];
        groupSq = new double[types.length][GROUPS];
        msd = new double[types.length][64];
        groupMsd = new double[types.length][GROUPS][64];
    }

    @Override
    public AnalysisSettings settings() {
        return settings;
    }

    @Override
    public void sample(SimulationState whole, int stageIndex) throws IOException {
        if (csv == null) {
            List<String> header = new ArrayList<>(List.of("window", "stage", "step", "time_ps"));
            for (int t : types) {
                header.add("msd_" + ctx.species().name(t) + "_A2");
            }
            csv = new Csv(ctx.file(settings.file(".csv")), header);
        }
        Atoms a = whole.atoms;
        Box box = whole.box;
        if (!open || (perStage && stageIndex != windowStage)) {
            closeWindow();
            startWindow(a, box, stageIndex, whole.timePs);
        }
        double[] drift = new double[3];
        if (removeDrift) {
            double mSum = 0;
            for (int i = 0; i < a.nlocal; i++) {
                double m = a.species.mass(a.type[i]);
                int o = 3 * (a.id[i] - 1);
                for (int k = 0; k < 3; k++) {
                    drift[k] += m * (unwrapped(a, box, i, k, refImage, o) - ref[o + k]);
                }
                mSum += m;
            }
            for (int k = 0; k < 3; k++) {
                drift[k] /= mSum;
            }
        }
        Arrays.fill(sumSq, 0);
        for (double[] g : groupSq) {
            Arrays.fill(g, 0);
        }
        for (int i = 0; i < a.nlocal; i++) {
            int id = a.id[i] - 1;
            if (!tracked[id]) {
                continue;
            }
            int s = slot(a.type[i]);
            double d2 = 0;
            for (int k = 0; k < 3; k++) {
                double d = unwrapped(a, box, i, k, refImage, 3 * id) - ref[3 * id + k] - drift[k];
                d2 += d * d;
            }
            sumSq[s] += d2;
            groupSq[s][id % GROUPS] += d2;
        }
        if (count == times.length) {
            times = Arrays.copyOf(times, 2 * count);
            for (int s = 0; s < types.length; s++) {
                msd[s] = Arrays.copyOf(msd[s], 2 * count);
                for (int g = 0; g < GROUPS; g++) {
                    groupMsd[s][g] = Arrays.copyOf(groupMsd[s][g], 2 * count);
                }
            }
        }
        times[count] = whole.timePs - t0;
        double[] row = new double[4 + types.length];
        row[0] = window;
        row[1] = stageIndex;
        row[2] = whole.step;
        row[3] = times[count];
        for (int s = 0; s < types.length; s++) {
            msd[s][count] = trackedCount[s] == 0 ? 0 : sumSq[s] / trackedCount[s];
            row[4 + s] = msd[s][count];
            for (int g = 0; g < GROUPS; g++) {
                groupMsd[s][g][count] = groupCount[s][g] == 0 ? 0 : groupSq[s][g] / groupCount[s][g];
            }
        }
        count++;
        temperatureSum += Diffusion.kineticTemperature(a);
        volumeSum += box.volume();
        csv.row(row);
    }

    private int slot(int type) {
        for (int s = 0; s < types.length; s++) {
            if (types[s] == type) {
                return s;
            }
        }
        return -1;
    }

    /**
     * Coordinate k of atom i unwrapped by the boundary crossings since the reference:
     * x + H·(image − image₀). Image flags a builder gave when it folded atoms into the cell are
     * not displacements, and under a barostat H·image₀ would change with the cell.
     */
    static double unwrapped(Atoms a, Box box, int i, int k, int[] image0, int o) {
        int ix = a.image[3 * i] - image0[o], iy = a.image[3 * i + 1] - image0[o + 1];
        int iz = a.image[3 * i + 2] - image0[o + 2];
        double x = a.x[3 * i + k];
        return switch (k) {
            case 0 -> x + box.lx() * ix + box.xy() * iy + box.xz() * iz;
            case 1 -> x + box.ly() * iy + box.yz() * iz;
            default -> x + box.lz() * iz;
        };
    }

    private void startWindow(Atoms a, Box box, int stageIndex, double timePs) {
        int maxId = 0;
        for (int i = 0; i < a.nlocal; i++) {
            maxId = Math.max(maxId, a.id[i]);
        }
        if (ref.length < 3 * maxId) {
            ref = new double[3 * maxId];
            refImage = new int[3 * maxId];
            tracked = new boolean[maxId];
        }
        Arrays.fill(tracked, false);
        Arrays.fill(trackedCount, 0);
        for (int[] g : groupCount) {
            Arrays.fill(g, 0);
        }
        PlacedRegion placed = region == null ? null : region.place(box);
        for (int i = 0; i < a.nlocal; i++) {
            int id = a.id[i] - 1;
            for (int k = 0; k < 3; k++) {
                ref[3 * id + k] = a.x[3 * i + k];
                refImage[3 * id + k] = a.image[3 * i + k];
            }
            int s = slot(a.type[i]);
            if (s >= 0 && (placed == null || placed.contains(a.x[3 * i], a.x[3 * i + 1], a.x[3 * i + 2]))) {
                tracked[id] = true;
                trackedCount[s]++;
                groupCount[s][id % GROUPS]++;
            }
        }
        window++;
        windowStage = stageIndex;
        t0 = timePs;
        count = 0;
        temperatureSum = 0;
        volumeSum = 0;
        open = true;
    }

    /** Fits the window that is open: one result row {window, stage, T, V, then per species D, err, σ, start, end, n}. */
    private void closeWindow() {
        if (!open) {
            return;
        }
        open = false;
        double temp = temperatureSum / count;
        double vol = volumeSum / count;
        double[] r = new double[4 + 6 * types.length];
        r[0] = window;
        r[1] = windowStage;
        r[2] = temp;
        r[3] = vol;
        for (int s = 0; s < types.length; s++) {
            int o = 4 + 6 * s;
            try {
                Diffusion d = Diffusion.fit(times, msd[s], count, fitStart, fitEnd);
                r[o] = d.dA2PerPs();
                r[o + 1] = Math.max(d.errorA2PerPs(), groupError(s));
                r[o + 2] = Double.isNaN(chargeE[s]) ? Double.NaN
                        : Diffusion.nernstEinsteinSPerM(trackedCount[s], vol, chargeE[s], temp, d.dA2PerPs());
                r[o + 3] = d.fitStartPs();
                r[o + 4] = d.fitEndPs();
                r[o + 5] = d.points();
            } catch (IllegalArgumentException e) {
                Arrays.fill(r, o, o + 6, Double.NaN);
                ctx.metrics().putText(prefix + "msd_status_w" + window, e.getMessage());
            }
        }
        results.add(r);
        resultIons.add(trackedCount.clone());
        curveT.add(Arrays.copyOf(times, count));
        curveMsd.add(Arrays.copyOf(msd[0], count));
    }

    /**
     * Standard error of D over the ion groups (ions split by id into {@link #GROUPS} sets, D fitted
     * per set): the ion-to-ion scatter, which the slope error of one averaged curve does not see.
     */
    private double groupError(int s) {
        double[] d = new double[GROUPS];
        int n = 0;
        for (int g = 0; g < GROUPS; g++) {
            if (groupCount[s][g] > 0) {
                d[n++] = Diffusion.fit(times, groupMsd[s][g], count, fitStart, fitEnd).dA2PerPs();
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (int k = 0; k < n; k++) {
            mean += d[k];
        }
        mean /= n;
        double var = 0;
        for (int k = 0; k < n; k++) {
            var += (d[k] - mean) * (d[k] - mean);
        }
        return Math.sqrt(var / (n - 1) / n);
    }

    @Override
    public void finish() throws IOException {
        closeWindow();
        if (csv != null) {
            csv.flush();
        }
        if (results.isEmpty()) {
            ctx.metrics().putText(prefix + "msd_status", "no frame sampled");
            return;
        }
        Species sp = ctx.species();
        List<String> header = List.of("window", "stage", "species", "T_mean_K", "volume_A3", "ions",
                "D_cm2_per_s", "D_err_cm2_per_s", "sigma_NE_S_per_m", "fit_start_ps", "fit_end_ps", "fit_points");
        try (Csv out = new Csv(ctx.file(settings.file("_diffusion.csv")), header)) {
            for (int w = 0; w < results.size(); w++) {
                double[] r = results.get(w);
                for (int s = 0; s < types.length; s++) {
                    int o = 4 + 6 * s;
                    out.rowText((int) r[0], (int) r[1], sp.name(types[s]), r[2], r[3], resultIons.get(w)[s],
                            r[o] * Diffusion.A2_PER_PS_TO_CM2_PER_S, r[o + 1] * Diffusion.A2_PER_PS_TO_CM2_PER_S,
                            r[o + 2], r[o + 3], r[o + 4], Double.isNaN(r[o + 5]) ? "nan" : (int) r[o + 5]);
                }
            }
        }
        boolean several = results.size() > 1;
        for (double[] r : results) {
            boolean last = r == results.get(results.size() - 1);
            String w = "_w" + (int) r[0];
            if (several) {
                put("T_mean_K" + w, r[2]);
            }
            if (last) {
                put("T_mean_K", r[2]);
            }
            for (int s = 0; s < types.length; s++) {
                String x = sp.name(types[s]);
                int o = 4 + 6 * s;
                if (several) {
                    put("D_" + x + "_cm2_per_s" + w, r[o] * Diffusion.A2_PER_PS_TO_CM2_PER_S);
                    put("D_" + x + "_err_cm2_per_s" + w, r[o + 1] * Diffusion.A2_PER_PS_TO_CM2_PER_S);
                    put("sigma_NE_" + x + "_S_per_m" + w, r[o + 2]);
                }
                if (last) {
                    put("D_" + x + "_cm2_per_s", r[o] * Diffusion.A2_PER_PS_TO_CM2_PER_S);
                    put("D_" + x + "_err_cm2_per_s", r[o + 1] * Diffusion.A2_PER_PS_TO_CM2_PER_S);
                    put("sigma_NE_" + x + "_S_per_m", r[o + 2]);
                    if (!Double.isNaN(r[o + 3])) {
                        ctx.metrics().putText(prefix + "msd_fit_window_ps", String.format(Locale.ROOT, "%.4g-%.4g",
                                r[o + 3], r[o + 4]));
                    }
                }
            }
        }
        List<Plotter.Series> curves = new ArrayList<>();
        for (int k = 0; k < curveT.size(); k++) {
            curves.add(new Plotter.Series(String.format(Locale.ROOT, "%s, window %d (%.0f K)", sp.name(types[0]), k,
                    results.get(k)[2]), curveT.get(k), curveMsd.get(k)));
        }
        ctx.plotter().line(settings.file(".png"), "Mean squared displacement", "time from window origin (ps)",
                "MSD (Å²)", curves);
        if (several) {
            arrhenius();
        }
    }

    private void arrhenius() throws IOException {
        Species sp = ctx.species();
        List<Plotter.Series> pts = new ArrayList<>();
        for (int s = 0; s < types.length; s++) {
            int o = 4 + 6 * s;
            List<double[]> ok = new ArrayList<>();
            for (double[] r : results) {
                if (r[o] > 0 && r[2] > 0) {
                    ok.add(new double[] {r[2], r[o], r[o + 1]});
                }
            }
            String x = sp.name(types[s]);
            if (ok.size() < 2) {
                ctx.metrics().putText(prefix + "Ea_" + x + "_status", "fewer than 2 windows with D > 0");
                continue;
            }
            double[] t = new double[ok.size()];
            double[] d = new double[ok.size()];
            double[] e = new double[ok.size()];
            double[] inv = new double[ok.size()];
            double[] logd = new double[ok.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = ok.get(k)[0];
                d[k] = ok.get(k)[1] * Diffusion.A2_PER_PS_TO_CM2_PER_S;
                e[k] = ok.get(k)[2] * Diffusion.A2_PER_PS_TO_CM2_PER_S;
                inv[k] = 1000 / t[k];
                logd[k] = Math.log10(d[k]);
            }
            Arrhenius fit = Arrhenius.fit(t, d, e);
            put("Ea_" + x + "_eV", fit.activationEv());
            put("Ea_" + x + "_err_eV", fit.activationErrorEv());
            put("D0_" + x + "_cm2_per_s", fit.prefactor());
            pts.add(new Plotter.Series("D(" + x + "), MD", inv, logd));
            double[] line = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                line[k] = Math.log10(fit.at(t[k]));
            }
            pts.add(new Plotter.Series(String.format(Locale.ROOT, "fit, Ea = %.3f ± %.3f eV", fit.activationEv(),
                    fit.activationErrorEv()), inv, line));
        }
        if (!pts.isEmpty()) {
            ctx.plotter().line(settings.file("_arrhenius.png"), "Arrhenius plot", "1000/T (1/K)",
                    "log10 D (cm²/s)", pts);
        }
    }

    private void put(String name, double v) {
        if (Double.isFinite(v)) {
            ctx.metrics().put(prefix + name, v);
        }
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
    }
}
