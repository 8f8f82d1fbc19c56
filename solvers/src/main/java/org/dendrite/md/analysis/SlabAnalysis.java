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
import org.dendrite.md.state.SimulationState;

/**
 * {@code type: slabs}: the cell cut into equal slabs along an axis (seed 001 Fig. 1 uses 11 along
 * z) and, per slab and sample, (a) the number of atoms of each counted species, (b) the potential
 * energy per atom ({@link PerAtomEnergy}; seed 001 Suppl. Fig. 6), and (c) the mean squared
 * displacement of the framework cations since the first sample, slab by initial position, a
 * melting indicator: framework ions of a crystal vibrate (MSD of a few 0.1 Å²), those of a melt
 * diffuse (seed 001 Fig. 5c: boundaries melt first).
 *
 * <p>Slabs are taken in fractional coordinates along the axis (slab k holds 0 ≤ s − k/N < 1/N of
 * the wrapped coordinate), so they follow the cell under NPT. The final profile averages the
 * counts over the last {@code final_frac} of the samples and divides by the slab thickness (Li
 * per Å, seed 001 Fig. 1d).
 *
 * <p>Keys: {@code axis} (z), {@code slabs} (11), {@code species} (counted; default [Li]),
 * {@code energy} (true when the force field is pairwise), {@code framework_species} (default the
 * species other than Li and O that exist; [] turns the MSD off), {@code melt_msd_A2} (2.0: a slab
 * whose framework MSD exceeds it is reported melted), {@code gb_positions_frac} (fractional
 * positions of boundaries along the axis; the slabs holding them are "GB slabs"),
 * {@code final_frac} (0.5).
 *
 * <p>Files: {@code NAME_counts.csv} (step, time_ps, stage, n_X_sK), {@code NAME_profile.csv}
 * (slab, center_A, thickness_A, gb, then per species X: X_mean, X_std, X_per_A; energy and
 * framework MSD at the end, melt_onset_ps), {@code NAME_energy.csv} (step, time_ps,
 * e_sK_eV_per_atom, e_all_eV_per_atom), {@code NAME_framework_msd.csv} (step, time_ps,
 * msd_sK_A2), PNGs of each. Metrics (prefix NAME_): {@code X_gb_fraction} (share of X in the GB
 * slabs, final window), {@code X_gb_excess} (X per Å in GB slabs over X per Å elsewhere, minus 1),
 * {@code e_gb_minus_bulk_eV_per_atom}, {@code first_melted_slab}, {@code melt_onset_ps}.
 */
public final class SlabAnalysis implements Analysis {
    private final AnalysisSettings settings;
    private final AnalysisContext ctx;
    private final int axis;
    private final int slabs;
    private final int[] counted;
    private final boolean energy;
    private final int[] framework;
    private final double meltMsd;
    private final boolean[] gb;
    private final double finalFrac;

    private PerAtomEnergy perAtom;
    private double[] e = new double[0];
    private Csv counts;
    private Csv energies;
    private Csv frameworkCsv;
    private final List<double[]> countRows = new ArrayList<>();
    private final List<Double> timeRows = new ArrayList<>();
    private final List<double[]> energyRows = new ArrayList<>();
    private final List<double[]> msdRows = new ArrayList<>();
    private double[] ref = new double[0];
    private int[] refImage = new int[0];
    private int[] refSlab = new int[0];
    private boolean haveRef;
    private final boolean stageReference;
    private int refStage = -1;
    private double[] meltOnset;
    private double thicknessSum;
    private int samples;
    private final double[] frac = new double[3];

    public SlabAnalysis(Params p, AnalysisSettings settings, AnalysisContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
        Species sp = ctx.species();
        axis = Analyses.axis(p, "axis", "z");
        slabs = p.getInt("slabs", 11);
        if (slabs < 1 || slabs > 1000) {
            throw new ParamException(p.pathOf("slabs"), "must be from 1 to 1000, got " + slabs);
        }
        counted = Analyses.speciesList(sp, p, "species", List.of("Li"));
        boolean pairwise = PerAtomEnergy.supports(ctx.forceField());
        energy = p.getBoolean("energy", pairwise);
        if (energy && !pairwise) {
            throw new ParamException(p.pathOf("energy"), "per-atom energies need a pairwise force field (no "
                    + "many-body or k-space term); set energy: false");
        }
        List<String> def = new ArrayList<>();
        for (String name : sp.names()) {
            if (!name.equals("Li") && !name.equals("O")) {
                def.add(name);
            }
        }
        List<String> fw = p.getStrings("framework_species");
        if (fw == null) {
            fw = def;
        }
        framework = new int[fw.size()];
        for (int k = 0; k < framework.length; k++) {
            framework[k] = Analyses.speciesType(sp, p, "framework_species", fw.get(k));
        }
        meltMsd = p.getPositive("melt_msd_A2", 2.0);
        stageReference = p.getChoice("framework_reference", "stage", "stage", "first").equals("stage");
        gb = new boolean[slabs];
        List<String> pos = p.getStrings("gb_positions_frac");
        if (pos != null) {
            for (String s : pos) {
                double f;
                try {
                    f = Double.parseDouble(s);
                } catch (NumberFormatException ex) {
                    throw new ParamException(p.pathOf("gb_positions_frac"), "must be a list of fractions, got '" + s + "'");
                }
                f -= Math.floor(f);
                gb[Math.min(slabs - 1, (int) (f * slabs))] = true;
            }
        }
        finalFrac = p.getDouble("final_frac", 0.5);
        if (!(finalFrac > 0 && finalFrac <= 1)) {
            throw new ParamException(p.pathOf("final_frac"), "must be in (0, 1], got " + finalFrac);
        }
        p.finish();
        meltOnset = new double[slabs];
        Arrays.fill(meltOnset, Double.NaN);
    }

    @Override
    public AnalysisSettings settings() {
        return settings;
    }

    private int slabOf(Box box, double[] x, int i) {
        box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], frac, 0);
        double s = frac[axis] - Math.floor(frac[axis]);
        return Math.min(slabs - 1, (int) (s * slabs));
    }

    private String column(String prefix, int k, String suffix) {
        return prefix + "s" + k + suffix;
    }

    private void open() throws IOException {
        Species sp = ctx.species();
        List<String> h = new ArrayList<>(List.of("step", "time_ps", "stage"));
        for (int t : counted) {
            for (int k = 0; k < slabs; k++) {
                h.add(column("n_" + sp.name(t) + "_", k, ""));
            }
        }
        counts = new Csv(ctx.file(settings.file("_counts.csv")), h);
        if (energy) {
            perAtom = new PerAtomEnergy(ctx.forceField());
            List<String> he = new ArrayList<>(List.of("step", "time_ps"));
            for (int k = 0; k < slabs; k++) {
                he.add(column("e_", k, "_eV_per_atom"));
            }
            he.add("e_all_eV_per_atom");
            energies = new Csv(ctx.file(settings.file("_energy.csv")), he);
        }
        if (framework.length > 0) {
            List<String> hm = new ArrayList<>(List.of("step", "time_ps"));
            for (int k = 0; k < slabs; k++) {
                hm.add(column("msd_", k, "_A2"));
            }
            frameworkCsv = new Csv(ctx.file(settings.file("_framework_msd.csv")), hm);
        }
    }

    @Override
    public void sample(SimulationState whole, int stageIndex) throws IOException {
        if (counts == null) {
            open();
        }
        Atoms a = whole.atoms;
        Box box = whole.box;
        int n = a.nlocal;
        double t = whole.timePs;
        double[] row = new double[3 + counted.length * slabs];
        row[0] = whole.step;
        row[1] = t;
        row[2] = stageIndex;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < counted.length; c++) {
                if (a.type[i] == counted[c]) {
                    row[3 + c * slabs + slabOf(box, a.x, i)]++;
                }
            }
        }
        counts.row(row);
        countRows.add(Arrays.copyOfRange(row, 3, row.length));
        timeRows.add(t);
        thicknessSum += box.perpendicularWidth(axis) / slabs;
        samples++;
        if (energy) {
            if (e.length < n) {
                e = new double[n];
            }
            perAtom.compute(a, box, e);
            double[] sum = new double[slabs];
            int[] num = new int[slabs];
            double all = 0;
            for (int i = 0; i < n; i++) {
                int k = slabOf(box, a.x, i);
                sum[k] += e[i];
                num[k]++;
                all += e[i];
            }
            double[] er = new double[slabs + 3];
            er[0] = whole.step;
            er[1] = t;
            for (int k = 0; k < slabs; k++) {
                er[2 + k] = num[k] == 0 ? Double.NaN : sum[k] / num[k];
            }
            er[slabs + 2] = all / n;
            energies.row(er);
            energyRows.add(Arrays.copyOfRange(er, 2, er.length));
        }
        if (framework.length > 0) {
            if (stageReference && stageIndex != refStage) {
                haveRef = false;
            }
            refStage = stageIndex;
            frameworkMsd(a, box, whole.step, t);
        }
    }

    private boolean isFramework(int type) {
        for (int f : framework) {
            if (f == type) {
                return true;
            }
        }
        return false;
    }

    private void frameworkMsd(Atoms a, Box box, long step, double t) throws IOException {
        int n = a.nlocal;
        if (!haveRef) {
            int maxId = 0;
            for (int i = 0; i < n; i++) {
                maxId = Math.max(maxId, a.id[i]);
            }
            ref = new double[3 * maxId];
            refImage = new int[3 * maxId];
            refSlab = new int[maxId];
        }
        double[] sum = new double[slabs];
        int[] num = new int[slabs];
        for (int i = 0; i < n; i++) {
            if (!isFramework(a.type[i])) {
                continue;
            }
            int id = a.id[i] - 1;
            if (!haveRef) {
                for (int k = 0; k < 3; k++) {
                    ref[3 * id + k] = a.x[3 * i + k];
                    refImage[3 * id + k] = a.image[3 * i + k];
                }
                refSlab[id] = slabOf(box, a.x, i);
            }
            double ux = MsdAnalysis.unwrapped(a, box, i, 0, refImage, 3 * id);
            double uy = MsdAnalysis.unwrapped(a, box, i, 1, refImage, 3 * id);
            double uz = MsdAnalysis.unwrapped(a, box, i, 2, refImage, 3 * id);
            double dx = ux - ref[3 * id], dy = uy - ref[3 * id + 1], dz = uz - ref[3 * id + 2];
            sum[refSlab[id]] += dx * dx + dy * dy + dz * dz;
            num[refSlab[id]]++;
        }
        haveRef = true;
        double[] row = new double[slabs + 2];
        row[0] = step;
        row[1] = t;
        for (int k = 0; k < slabs; k++) {
            row[2 + k] = num[k] == 0 ? Double.NaN : sum[k] / num[k];
            if (Double.isNaN(meltOnset[k]) && row[2 + k] > meltMsd) {
                meltOnset[k] = t;
            }
        }
        frameworkCsv.row(row);
        msdRows.add(Arrays.copyOfRange(row, 2, row.length));
    }

    @Override
    public void finish() throws IOException {
        if (samples == 0) {
            ctx.metrics().putText(settings.name() + "_status", "no frame sampled");
            return;
        }
        close();
        Species sp = ctx.species();
        String pre = settings.name() + "_";
        double thickness = thicknessSum / samples;
        int from = Math.min(samples - 1, (int) Math.floor(samples * (1 - finalFrac)));
        int m = samples - from;
        double[][] mean = new double[counted.length][slabs];
        double[][] std = new double[counted.length][slabs];
        for (int c = 0; c < counted.length; c++) {
            for (int k = 0; k < slabs; k++) {
                double s = 0, s2 = 0;
                for (int r = from; r < samples; r++) {
                    double v = countRows.get(r)[c * slabs + k];
                    s += v;
                    s2 += v * v;
                }
                mean[c][k] = s / m;
                std[c][k] = Math.sqrt(Math.max(0, s2 / m - mean[c][k] * mean[c][k]));
            }
        }
        double[] eFinal = energyRows.isEmpty() ? null : energyRows.get(energyRows.size() - 1);
        double[] msdFinal = msdRows.isEmpty() ? null : msdRows.get(msdRows.size() - 1);
        List<String> h = new ArrayList<>(List.of("slab", "center_A", "thickness_A", "gb"));
        for (int t : counted) {
            String x = sp.name(t);
            h.addAll(List.of(x + "_mean", x + "_std", x + "_per_A"));
        }
        h.addAll(List.of("e_final_eV_per_atom", "framework_msd_final_A2", "melt_onset_ps"));
        double[] centre = new double[slabs];
        try (Csv out = new Csv(ctx.file(settings.file("_profile.csv")), h)) {
            for (int k = 0; k < slabs; k++) {
                centre[k] = (k + 0.5) * thickness;
                Object[] row = new Object[h.size()];
                int o = 0;
                row[o++] = k;
                row[o++] = centre[k];
                row[o++] = thickness;
                row[o++] = gb[k] ? 1 : 0;
                for (int c = 0; c < counted.length; c++) {
                    row[o++] = mean[c][k];
                    row[o++] = std[c][k];
                    row[o++] = mean[c][k] / thickness;
                }
                row[o++] = eFinal == null ? Double.NaN : eFinal[k];
                row[o++] = msdFinal == null ? Double.NaN : msdFinal[k];
                row[o] = meltOnset[k];
                out.rowText(row);
            }
        }
        boolean anyGb = false;
        boolean anyBulk = false;
        for (boolean g : gb) {
            anyGb |= g;
            anyBulk |= !g;
        }
        for (int c = 0; c < counted.length; c++) {
            String x = sp.name(counted[c]);
            double inGb = 0, all = 0, gbSlabs = 0;
            for (int k = 0; k < slabs; k++) {
                all += mean[c][k];
                if (gb[k]) {
                    inGb += mean[c][k];
                    gbSlabs++;
                }
            }
            if (anyGb && all > 0) {
                ctx.metrics().put(pre + x + "_gb_fraction", inGb / all);
                if (anyBulk && all - inGb > 0) {
                    double perGb = inGb / gbSlabs;
                    double perBulk = (all - inGb) / (slabs - gbSlabs);
                    ctx.metrics().put(pre + x + "_gb_excess", perGb / perBulk - 1);
                }
            }
        }
        if (eFinal != null && anyGb && anyBulk) {
            double eg = 0, eb = 0;
            int ng = 0, nb = 0;
            for (int k = 0; k < slabs; k++) {
                if (Double.isNaN(eFinal[k])) {
                    continue;
                }
                if (gb[k]) {
                    eg += eFinal[k];
                    ng++;
                } else {
                    eb += eFinal[k];
                    nb++;
                }
            }
            if (ng > 0 && nb > 0) {
                ctx.metrics().put(pre + "e_gb_minus_bulk_eV_per_atom", eg / ng - eb / nb);
            }
        }
        int first = -1;
        for (int k = 0; k < slabs; k++) {
            if (!Double.isNaN(meltOnset[k]) && (first < 0 || meltOnset[k] < meltOnset[first])) {
                first = k;
            }
        }
        if (framework.length > 0) {
            if (first >= 0) {
                ctx.metrics().put(pre + "first_melted_slab", (long) first);
                ctx.metrics().put(pre + "melt_onset_ps", meltOnset[first]);
            } else {
                ctx.metrics().putText(pre + "first_melted_slab", "none (framework MSD stayed below "
                        + meltMsd + " A2)");
            }
        }
        plots(centre, mean);
    }

    private void plots(double[] centre, double[][] mean) throws IOException {
        Species sp = ctx.species();
        String ax = String.valueOf("xyz".charAt(axis));
        double[] time = new double[samples];
        for (int r = 0; r < samples; r++) {
            time[r] = timeRows.get(r);
        }
        String x0 = sp.name(counted[0]);
        List<Plotter.Series> series = new ArrayList<>();
        for (int k = 0; k < slabs; k++) {
            double[] y = new double[samples];
            for (int r = 0; r < samples; r++) {
                y[r] = countRows.get(r)[k];
            }
            series.add(new Plotter.Series(String.format(Locale.ROOT, "slab %d%s", k, gb[k] ? " (GB)" : ""), time, y));
        }
        ctx.plotter().line(settings.file("_counts.png"), x0 + " per slab along " + ax, "time (ps)",
                "number of " + x0 + " in slab", series);
        List<Plotter.Series> prof = new ArrayList<>();
        for (int c = 0; c < counted.length; c++) {
            double[] y = new double[slabs];
            for (int k = 0; k < slabs; k++) {
                y[k] = mean[c][k] / (thicknessSum / samples);
            }
            prof.add(new Plotter.Series(sp.name(counted[c]) + " (last " + Math.round(finalFrac * 100) + " % of samples)",
                    centre, y));
        }
        ctx.plotter().line(settings.file("_profile.png"), "Final profile along " + ax, "slab centre " + ax + " (Å)",
                "atoms per Å of slab thickness (1/Å)", prof);
        if (!energyRows.isEmpty()) {
            series.clear();
            for (int k = 0; k < slabs; k++) {
                double[] y = new double[samples];
                for (int r = 0; r < samples; r++) {
                    y[r] = energyRows.get(r)[k];
                }
                series.add(new Plotter.Series(String.format(Locale.ROOT, "slab %d%s", k, gb[k] ? " (GB)" : ""), time, y));
            }
            double[] y = new double[samples];
            for (int r = 0; r < samples; r++) {
                y[r] = energyRows.get(r)[slabs];
            }
            series.add(new Plotter.Series("whole cell", time, y));
            ctx.plotter().line(settings.file("_energy.png"), "Potential energy per atom by slab", "time (ps)",
                    "energy per atom (eV)", series);
        }
        if (!msdRows.isEmpty()) {
            series.clear();
            for (int k = 0; k < slabs; k++) {
                double[] y = new double[samples];
                for (int r = 0; r < samples; r++) {
                    y[r] = msdRows.get(r)[k];
                }
                series.add(new Plotter.Series(String.format(Locale.ROOT, "slab %d%s", k, gb[k] ? " (GB)" : ""), time, y));
            }
            ctx.plotter().line(settings.file("_framework_msd.png"), "Framework-cation MSD by slab (melting indicator)",
                    "time (ps)", "MSD (Å²)", series);
        }
    }

    @Override
    public void close() throws IOException {
        for (Csv c : new Csv[] {counts, energies, frameworkCsv}) {
            if (c != null) {
                c.close();
            }
        }
    }
}
