package org.dendrite.md.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.dendrite.md.state.AtomGroup;
import org.dendrite.md.state.SimulationState;
import org.dendrite.md.thermo.Thermo;

/**
 * {@code type: tension}: the tensile test of seed 000 (You et al., ACS Appl. Mater. Interfaces 17,
 * 32163 (2025), Fig. 3c, Fig. 4b, Table 1, eq. 1–2) on the frames of every {@code deform} stage.
 * Each frame gives the axial engineering strain ε = (L − L₀)/L₀ against the cell at the start of
 * the stage (the stage's reference cell), the axial stress σ = −P_aa from the virial and the
 * kinetic tensor (as LAMMPS' pxx, tension positive), the two lateral engineering strains that the
 * lateral barostat lets the cell take, and the potential energy per atom; rows go to
 * {@code NAME.csv} as they come. At the end of the run each deform stage's curve is evaluated by
 * {@link TensileCurve}: Young's modulus over the stated fit window, Poisson's ratio, peak stress,
 * failure strain, G_c = (V/A_crack)∫σ dε and K_Ic = sqrt(G_c E/(1 − ν²)).
 *
 * <p>V is the reference cell's volume; A_crack is {@code crack_area_A2} or by default that cell's
 * cross-section normal to the axis, V/L₀ (one crack plane across the periodic cell).
 *
 * <p>A frame belongs to a deform stage when the state carries a deformation reference set at the
 * start of the frame's own stage (so the frames of a later nvt stage, which keeps the last
 * reference, are not taken as part of the curve).
 *
 * <p>Keys: {@code axis} (x|y|z, z: the deform stage's axis), {@code fit_strain} ([0, 0.02]: the
 * elastic window of the E and ν fits), {@code failure_fraction} (0.1: σ/σ_peak after the peak that
 * counts as separated), {@code crack_area_A2} (auto), {@code poisson_ratio} (auto: the fitted ν;
 * or a number used in eq. 2). Files: {@code NAME.csv}, {@code NAME_summary.csv} (one row per
 * quantity with unit and definition), {@code NAME_stress_strain.png}, {@code NAME_energy.png},
 * {@code NAME_lateral.png}. Metrics (first deform stage; later ones with {@code _stage<k>}):
 * {@code E_GPa}, {@code E_err_GPa}, {@code nu}, {@code peak_stress_GPa}, {@code strain_at_peak},
 * {@code failure_strain}, {@code G_c_J_per_m2}, {@code K_Ic_MPa_m0.5}, and the fit window as text.
 * With a {@code name} other than {@code tension} the metric names are prefixed with it.
 */
public final class TensionAnalysis implements Analysis {
    private final AnalysisSettings settings;
    private final AnalysisContext ctx;
    private final int axis;
    private final double fitFrom;
    private final double fitTo;
    private final double failureFraction;
    private final double crackArea;
    private final double poisson;
    private final double[] ke = new double[6];
    private final double[] press = new double[6];
    private Csv csv;
    private TensileCurve curve;
    private int curveStage = -1;
    private long curveOrigin = Long.MIN_VALUE;
    private Box reference;
    private final List<Finished> finished = new ArrayList<>();
    private AtomGroup all;

    private record Finished(int stage, TensileCurve curve, Box reference) {
    }

    public TensionAnalysis(Params p, AnalysisSettings settings, AnalysisContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
        axis = Analyses.axis(p, "axis", "z");
        double[] w = p.getDoubles("fit_strain", 2);
        if (w == null) {
            w = new double[] {0.0, 0.02};
        }
        if (!(w[1] > w[0])) {
            throw new ParamException(p.pathOf("fit_strain"), "must be [from, to] with to > from, got [" + w[0] + ", "
                    + w[1] + "]");
        }
        fitFrom = w[0];
        fitTo = w[1];
        failureFraction = p.getDouble("failure_fraction", 0.1);
        if (!(failureFraction >= 0 && failureFraction < 1)) {
            throw new ParamException(p.pathOf("failure_fraction"), "must be in [0, 1), got " + failureFraction);
        }
        crackArea = autoOr(p, "crack_area_A2");
        if (!Double.isNaN(crackArea) && !(crackArea > 0)) {
            throw new ParamException(p.pathOf("crack_area_A2"), "must be auto or > 0, got " + crackArea);
        }
        poisson = autoOr(p, "poisson_ratio");
        if (!Double.isNaN(poisson) && !(poisson > -1 && poisson < 0.5)) {
            throw new ParamException(p.pathOf("poisson_ratio"), "must be auto or in (-1, 0.5), got " + poisson);
        }
        p.finish();
    }

    /** A number, or NaN for {@code auto} / absent. */
    private static double autoOr(Params p, String key) {
        Object v = p.raw(key);
        if (v == null || "auto".equals(String.valueOf(v).trim())) {
            p.getString(key, "auto");
            return Double.NaN;
        }
        return p.getDouble(key, 0);
    }

    @Override
    public AnalysisSettings settings() {
        return settings;
    }

    @Override
    public void sample(SimulationState s, int stageIndex) throws IOException {
        long stageStart = s.step - s.stageStep;
        if (s.deformReferenceBox == null || s.deformOriginStep != stageStart || !s.lastForces.hasEnergyAndVirial) {
            return;
        }
        if (curve == null || curveStage != stageIndex || curveOrigin != s.deformOriginStep) {
            closeCurve();
            curve = new TensileCurve();
            curveStage = stageIndex;
            curveOrigin = s.deformOriginStep;
            reference = s.deformReferenceBox.copy();
        }
        int l1 = axis == 0 ? 1 : 0;
        int l2 = axis == 2 ? 1 : 2;
        double eps = strain(s.box, reference, axis);
        double e1 = strain(s.box, reference, l1);
        double e2 = strain(s.box, reference, l2);
        int n = s.atoms.nlocal;
        if (all == null) {
            all = AtomGroup.all(n);
        }
        Thermo.kineticTensor(s.atoms, all, ke);
        Thermo.pressureTensor(ke, s.lastForces.virial, s.box.volume(), press);
        double sigma = -press[axis] * 1e-4;
        double pe = s.lastForces.potentialEnergy() / n;
        curve.add(eps, sigma, e1, e2, pe);
        if (ctx.runDir() == null) {
            return;
        }
        if (csv == null) {
            csv = new Csv(ctx.file(settings.file(".csv")), List.of("step", "time_ps", "stage", "strain", "stress_GPa",
                    "lateral_strain_1", "lateral_strain_2", "pe_per_atom_eV", "dpe_per_atom_eV", "volume_A3"));
        }
        csv.row(s.step, s.timePs, stageIndex, eps, sigma, e1, e2, pe, pe - curve.pePerAtom(0), s.box.volume());
    }

    private void closeCurve() {
        if (curve != null && curve.size() > 0) {
            finished.add(new Finished(curveStage, curve, reference));
        }
        curve = null;
    }

    private static double strain(Box b, Box ref, int k) {
        double l0 = length(ref, k);
        return (length(b, k) - l0) / l0;
    }

    private static double length(Box b, int k) {
        return k == 0 ? b.lx() : k == 1 ? b.ly() : b.lz();
    }

    /** The curves of the deform stages seen so far (the current one included). */
    public List<TensileCurve> curves() {
        List<TensileCurve> out = new ArrayList<>();
        for (Finished f : finished) {
            out.add(f.curve);
        }
        if (curve != null) {
            out.add(curve);
        }
        return out;
    }

    @Override
    public void finish() throws IOException {
        closeCurve();
        if (csv != null) {
            csv.flush();
        }
        String prefix = settings.name().equals(settings.type()) ? "" : settings.name() + "_";
        if (finished.isEmpty()) {
            ctx.metrics().putText(prefix + "tension_status", "no deform stage sampled");
            return;
        }
        List<Plotter.Series> stress = new ArrayList<>();
        List<Plotter.Series> energy = new ArrayList<>();
        List<Plotter.Series> lateral = new ArrayList<>();
        String ax = String.valueOf("xyz".charAt(axis));
        String lat1 = String.valueOf("xyz".charAt(axis == 0 ? 1 : 0));
        String lat2 = String.valueOf("xyz".charAt(axis == 2 ? 1 : 2));
        for (int k = 0; k < finished.size(); k++) {
            Finished f = finished.get(k);
            TensileCurve c = f.curve;
            if (c.size() < 3) {
                continue;
            }
            double last = c.strain(c.size() - 1);
            double lastLat = Math.max(Math.abs(c.lateral1(c.size() - 1)), Math.abs(c.lateral2(c.size() - 1)));
            if (Math.abs(last) < lastLat) {
                throw new IllegalStateException("tension analysis '" + settings.name() + "': axis is " + ax
                        + " but stage " + f.stage + " strained the cell more along another axis (set axis to the "
                        + "deform stage's axis)");
            }
            double volume = f.reference.volume();
            double area = Double.isNaN(crackArea) ? volume / length(f.reference, axis) : crackArea;
            String suffix = k == 0 ? "" : "_stage" + f.stage;
            TensileCurve.Result r;
            try {
                r = c.analyze(new TensileCurve.Settings(fitFrom, fitTo, failureFraction, volume, area, poisson));
            } catch (IllegalArgumentException e) {
                // The curve and its table stay; the run is not failed for a fit that cannot be made
                // (a run continued from a restart past the fit window, a stage shorter than the window).
                ctx.metrics().putText(prefix + "tension_status" + suffix, "stage " + f.stage + ": " + e.getMessage()
                        + " (fit_strain must lie within the strain the stage reached, "
                        + String.format(Locale.ROOT, "%.4f", last) + ", and hold at least 2 samples)");
                continue;
            }
            putMetrics(prefix, suffix, r);
            writeSummary(settings.file("_summary" + suffix + ".csv"), f.stage, r, volume, area);
            String label = "stage " + f.stage + String.format(Locale.ROOT, ", E = %.1f GPa", r.youngsGPa());
            double[] eps = c.strains();
            stress.add(new Plotter.Series(label, eps, c.stressesGPa()));
            double[] fit = {r.modulus().intercept() + r.youngsGPa() * fitFrom, r.modulus().intercept() + r.youngsGPa() * fitTo};
            stress.add(new Plotter.Series(String.format(Locale.ROOT, "linear fit over strain %.3g-%.3g", fitFrom, fitTo),
                    new double[] {fitFrom, fitTo}, fit));
            energy.add(new Plotter.Series("stage " + f.stage, eps, c.peChangeEvPerAtom()));
            double[] l1 = new double[c.size()];
            double[] l2 = new double[c.size()];
            for (int i = 0; i < l1.length; i++) {
                l1[i] = c.lateral1(i);
                l2[i] = c.lateral2(i);
            }
            lateral.add(new Plotter.Series("strain " + lat1 + " (stage " + f.stage + String.format(Locale.ROOT,
                    ", nu = %.3f)", r.nuLateral1()), eps, l1));
            lateral.add(new Plotter.Series("strain " + lat2 + " (stage " + f.stage + String.format(Locale.ROOT,
                    ", nu = %.3f)", r.nuLateral2()), eps, l2));
        }
        String what = "Uniaxial tension along " + ax;
        ctx.plotter().line(settings.file("_stress_strain.png"), what + ": stress-strain", "strain along " + ax + " (-)",
                "stress " + ax + ax + " (GPa)", stress);
        ctx.plotter().line(settings.file("_energy.png"), what + ": potential energy change per atom",
                "strain along " + ax + " (-)", "ΔE (eV/atom)", energy);
        ctx.plotter().line(settings.file("_lateral.png"), what + ": lateral strains (barostat)",
                "strain along " + ax + " (-)", "lateral strain (-)", lateral);
    }

    private void putMetrics(String prefix, String suffix, TensileCurve.Result r) {
        RunMetrics m = ctx.metrics();
        m.put(prefix + "E_GPa" + suffix, r.youngsGPa());
        putIfFinite(prefix + "E_err_GPa" + suffix, r.modulus().slopeError());
        putIfFinite(prefix + "nu" + suffix, r.nu());
        m.put(prefix + "peak_stress_GPa" + suffix, r.peakStressGPa());
        m.put(prefix + "strain_at_peak" + suffix, r.strainAtPeak());
        putIfFinite(prefix + "failure_strain" + suffix, r.failureStrain());
        m.put(prefix + "G_c_J_per_m2" + suffix, r.gcJPerM2());
        putIfFinite(prefix + "K_Ic_MPa_m0.5" + suffix, r.kIcMPaSqrtM());
        m.putText(prefix + "E_fit_strain" + suffix, String.format(Locale.ROOT, "[%s, %s]", Csv.format(fitFrom),
                Csv.format(fitTo)));
    }

    private void putIfFinite(String name, double v) {
        if (Double.isFinite(v)) {
            ctx.metrics().put(name, v);
        }
    }

    private void writeSummary(String file, int stage, TensileCurve.Result r, double volume, double area)
            throws IOException {
        try (Csv out = new Csv(ctx.file(file), List.of("quantity", "value", "unit", "definition"))) {
            out.rowText("stage", (double) stage, "", "index of the deform stage");
            out.rowText("axis", "xyz".charAt(axis), "", "pulling axis");
            out.rowText("E", r.youngsGPa(), "GPa", "slope of stress vs strain by least squares over the fit window");
            out.rowText("E_stderr", r.modulus().slopeError(), "GPa", "standard error of that slope");
            out.rowText("fit_strain_from", fitFrom, "", "fit window lower strain");
            out.rowText("fit_strain_to", fitTo, "", "fit window upper strain");
            out.rowText("fit_points", (double) r.modulus().n(), "", "samples in the fit window");
            out.rowText("nu_lateral_1", r.nuLateral1(), "", "-d(lateral strain 1)/d(strain) over the fit window");
            out.rowText("nu_lateral_2", r.nuLateral2(), "", "-d(lateral strain 2)/d(strain) over the fit window");
            out.rowText("nu", r.nu(), "", Double.isNaN(poisson) ? "mean of the two lateral ratios"
                    : "poisson_ratio from the config");
            out.rowText("peak_stress", r.peakStressGPa(), "GPa", "largest stress");
            out.rowText("strain_at_peak", r.strainAtPeak(), "", "strain at the largest stress");
            out.rowText("failure_strain", r.failureStrain(), "", "first strain after the peak with stress <= "
                    + Csv.format(failureFraction) + " x peak (nan: did not fail)");
            out.rowText("integral_stress_dstrain", r.workGPa(), "GPa", "trapezoidal integral of stress over strain "
                    + "from 0 to integrated_to");
            out.rowText("integrated_to", r.integratedTo(), "", "upper strain of the integral (failure strain or last sample)");
            out.rowText("V", volume, "A^3", "cell volume at zero strain");
            out.rowText("A_crack", area, "A^2", Double.isNaN(crackArea) ? "cross-section normal to the axis (V/L0)"
                    : "crack_area_A2 from the config");
            out.rowText("G_c", r.gcJPerM2(), "J/m^2", "(V/A_crack) x integral (seed 000 eq. 1)");
            out.rowText("K_Ic", r.kIcMPaSqrtM(), "MPa m^0.5", "sqrt(G_c E / (1 - nu^2)) (seed 000 eq. 2)");
            out.rowText("dpe_at_peak", r.peRiseEvPerAtom(), "eV/atom", "potential energy per atom at the peak minus "
                    + "at zero strain");
        }
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }
}
