package org.dendrite.driver.fem;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dendrite.driver.BuildInfo;
import org.dendrite.driver.config.ConfigTree;
import org.dendrite.driver.run.Json;
import org.dendrite.driver.run.RunDirectory;
import org.dendrite.fem.conduction.ConductionModel;
import org.dendrite.fem.conduction.ConductionResult;
import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.polycrystal.PolycrystalMesh;
import org.dendrite.fem.polycrystal.Voronoi2D;
import org.dendrite.fem.solve.ConjugateGradient;
import org.dendrite.fem.solve.DirectSolver;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.LinearSolver;
import org.dendrite.fem.solve.PreconditionerType;

/**
 * {@code job: conduction}: Li⁺ conduction through a 2-D Voronoi polycrystal with resistive grain
 * boundaries (interface elements, G = σ_GB/t_GB) between a Li electrode at ymin (0 V, the
 * Li|electrolyte interface where the current profile is taken) and a counter electrode at ymax
 * ({@code voltage_V}), with optional homogenizing layers on both faces (seed 003). Writes into the run
 * directory: run.json, summary.json, mesh.vtu (φ, j, σ, grain/layer/GB tags),
 * grain_boundaries.csv, interface_current.csv and PNG plots; with {@code sweep.layer_thickness_um},
 * one point per thickness in sweep.csv / sweep.png and the profiles of all points.
 */
public final class ConductionJob {
    private final ConductionSpec spec;
    private final ConfigTree tree;
    private final List<String> commandLine;
    private final PrintWriter out;

    public ConductionJob(ConfigTree tree, List<String> commandLine, PrintWriter out) {
        this.tree = tree;
        this.spec = ConductionSpec.read(tree);
        this.commandLine = commandLine;
        this.out = out;
    }

    public ConductionSpec spec() {
        return spec;
    }

    /** One solved model with what the outputs need. */
    record Point(ConductionSpec spec, PolycrystalMesh mesh, ConductionResult result, double[] x, double[] j,
                 double mean, double hotSpot, double hotSpotWindow, double seconds) {
    }

    static Point solve(ConductionSpec s) {
        long t0 = System.nanoTime();
        Voronoi2D v = Voronoi2D.generate(0, s.bottom().thicknessM(), s.widthM(), s.thicknessM(), s.grainSizeM(),
                s.minSeedDistanceFraction(), s.seed());
        PolycrystalMesh pm = PolycrystalMesh.build(v, s.widthM(), s.thicknessM(), s.bottom().thicknessM(),
                s.top().thicknessM(), s.elementSizeM());
        ConductionModel model = new ConductionModel(pm.mesh())
                .conductivity(PolycrystalMesh.REGION_GRAINS, s.sigmaGrain())
                .potential(BoxFace.YMIN, 0.0)
                .potential(BoxFace.YMAX, s.voltageV())
                .solver(solver(s));
        if (s.bottom().thicknessM() > 0) {
            model.conductivity(PolycrystalMesh.REGION_BOTTOM_LAYER, s.bottom().sigma());
        }
        if (s.top().thicknessM() > 0) {
            model.conductivity(PolycrystalMesh.REGION_TOP_LAYER, s.top().sigma());
        }
        pm.addGrainBoundaries(model, s.gbConductance());
        ConductionResult r = model.solve();
        ConductionResult.FaceProfile p = r.profile(BoxFace.YMIN);
        int n = p.jn().length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p.centre()[2 * a], p.centre()[2 * b]));
        double[] x = new double[n];
        double[] j = new double[n];
        double mean = p.mean();
        double sign = Math.signum(mean);
        for (int i = 0; i < n; i++) {
            x[i] = p.centre()[2 * order[i]];
            j[i] = sign * p.jn()[order[i]];
        }
        return new Point(s, pm, r, x, j, Math.abs(mean), r.hotSpotRatio(BoxFace.YMIN),
                r.windowedHotSpotRatio(BoxFace.YMIN, s.hotSpotWindowM()), (System.nanoTime() - t0) * 1e-9);
    }

    static LinearSolver solver(ConductionSpec s) {
        if (s.preconditioner().equals("direct")) {
            return new DirectSolver();
        }
        return new ConjugateGradient(PreconditionerType.of(s.preconditioner()),
                new IterationControl(s.rtol(), 0, s.maxIterations()));
    }

    public void run(RunDirectory dir) throws IOException {
        Map<String, Object> runJson = new LinkedHashMap<>();
        runJson.put("job", "conduction");
        runJson.put("command", commandLine);
        runJson.put("config", String.valueOf(tree.file()));
        runJson.put("version", BuildInfo.version());
        runJson.put("description", spec.description());
        runJson.put("gb_conductance_S_per_m2", spec.gbConductance());
        RunDirectory.writeAtomically(dir.resolve("run.json"), Json.pretty(runJson).getBytes(StandardCharsets.UTF_8));
        if (spec.isSweep()) {
            runSweep(dir);
        } else {
            Point p = solve(spec);
            writeSingle(dir, p);
        }
    }

    private void writeSingle(RunDirectory dir, Point p) throws IOException {
        p.result().writeVtu(dir.resolve("mesh.vtu"));
        writeProfile(dir.resolve("interface_current.csv"), List.of(p), false);
        writeGb(dir.resolve("grain_boundaries.csv"), p.mesh());
        Map<String, Object> summary = summary(p);
        RunDirectory.writeAtomically(dir.resolve("summary.json"), Json.pretty(summary).getBytes(StandardCharsets.UTF_8));
        Plots.line(dir.resolve("interface_current.png"), "Current density at the Li|electrolyte interface (y = 0)",
                "position along the interface x (µm)", "j / mean j", List.of(new Plots.Series(
                        String.format(Locale.ROOT, "hot spot %.2f × mean", p.hotSpot()), um(p.x()), over(p.j(), p.mean()))),
                1.0);
        double[] jc = p.result().currentDensity();
        double[] mag = new double[jc.length / 2];
        for (int e = 0; e < mag.length; e++) {
            mag[e] = Math.hypot(jc[2 * e], jc[2 * e + 1]) / p.mean();
        }
        Plots.field(dir.resolve("field_abs_j.png"), "|j| / mean interface current density (log10)",
                p.mesh().mesh(), mag, true, "log10(|j| / mean j)");
        printSummary(summary);
    }

    private void runSweep(RunDirectory dir) throws IOException {
        List<Point> points = new ArrayList<>();
        StringBuilder csv = new StringBuilder("layer_thickness_um,hot_spot_ratio,hot_spot_ratio_window,mean_j_A_per_m2,max_j_A_per_m2,"
                + "sigma_eff_S_per_m,current_A_per_m,elements,unknowns,iterations,seconds\n");
        for (double t : spec.sweepThicknessM()) {
            Point p = solve(spec.withLayerThickness(t));
            points.add(p);
            csv.append(String.format(Locale.ROOT, "%.6g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%d,%d,%d,%.3f%n", t * 1e6, p.hotSpot(),
                    p.hotSpotWindow(),
                    p.mean(), p.hotSpot() * p.mean(), p.result().effectiveConductivity(BoxFace.YMIN, BoxFace.YMAX),
                    Math.abs(p.result().currentOut(BoxFace.YMIN)), p.mesh().mesh().elementCount(),
                    p.mesh().mesh().nodeCount(), p.result().solveStats().iterations(), p.seconds()));
            out.printf(Locale.ROOT, "layer %.3g µm: hot-spot ratio %.4f, windowed %.4f (%.1f s)%n", t * 1e6, p.hotSpot(),
                    p.hotSpotWindow(), p.seconds());
            out.flush();
        }
        RunDirectory.writeAtomically(dir.resolve("sweep.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        writeProfile(dir.resolve("interface_current.csv"), points, true);
        double[] th = new double[points.size()];
        double[] ratio = new double[points.size()];
        double[] ratioWindow = new double[points.size()];
        for (int i = 0; i < th.length; i++) {
            th[i] = points.get(i).spec().bottom().thicknessM() * 1e6;
            ratio[i] = points.get(i).hotSpot();
            ratioWindow[i] = points.get(i).hotSpotWindow();
        }
        double reached = reachesMean(th, ratio, spec.sweepTolerance());
        double reachedWindow = reachesMean(th, ratioWindow, spec.sweepTolerance());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tolerance", spec.sweepTolerance());
        summary.put("layer_thickness_um", th);
        summary.put("hot_spot_ratio", ratio);
        summary.put("thickness_at_mean_um", Double.isNaN(reached) ? null : reached);
        summary.put("hot_spot_window_um", spec.hotSpotWindowM() * 1e6);
        summary.put("hot_spot_ratio_window", ratioWindow);
        summary.put("thickness_at_mean_window_um", Double.isNaN(reachedWindow) ? null : reachedWindow);
        summary.put("definition", "smallest thickness where max/mean ≤ 1 + tolerance, linearly interpolated"
                + " between the bracketing sweep points");
        RunDirectory.writeAtomically(dir.resolve("summary.json"), Json.pretty(summary).getBytes(StandardCharsets.UTF_8));
        Plots.line(dir.resolve("sweep.png"), "Hot-spot ratio at the Li|layer interface vs layer thickness",
                "homogenizing layer thickness (µm)", "max j / mean j",
                List.of(new Plots.Series(String.format(Locale.ROOT, "1 + tol reached at %.2f µm", reached), th, ratio)),
                1.0 + spec.sweepTolerance());
        List<Plots.Series> curves = new ArrayList<>();
        for (Point p : points) {
            curves.add(new Plots.Series(String.format(Locale.ROOT, "layer %.3g µm", p.spec().bottom().thicknessM() * 1e6),
                    um(p.x()), over(p.j(), p.mean())));
        }
        Plots.line(dir.resolve("interface_current.png"), "Current density at the Li|electrolyte interface (y = 0)",
                "position along the interface x (µm)", "j / mean j", curves.subList(0, Math.min(6, curves.size())), 1.0);
        printSummary(summary);
    }

    /** Smallest thickness with ratio ≤ 1 + tol, interpolated linearly in the sweep; NaN if never reached. */
    static double reachesMean(double[] th, double[] ratio, double tol) {
        for (int i = 0; i < th.length; i++) {
            if (ratio[i] <= 1 + tol) {
                if (i == 0) {
                    return th[0];
                }
                double f = (ratio[i - 1] - (1 + tol)) / (ratio[i - 1] - ratio[i]);
                return th[i - 1] + f * (th[i] - th[i - 1]);
            }
        }
        return Double.NaN;
    }

    private Map<String, Object> summary(Point p) {
        ConductionResult r = p.result();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("hot_spot_ratio", p.hotSpot());
        s.put("hot_spot_window_um", p.spec().hotSpotWindowM() * 1e6);
        s.put("hot_spot_ratio_window", p.hotSpotWindow());
        s.put("mean_j_A_per_m2", p.mean());
        s.put("max_j_A_per_m2", p.hotSpot() * p.mean());
        s.put("sigma_eff_S_per_m", r.effectiveConductivity(BoxFace.YMIN, BoxFace.YMAX));
        s.put("current_A_per_m", Math.abs(r.currentOut(BoxFace.YMIN)));
        s.put("grains", p.mesh().voronoi().grains());
        s.put("gb_facets", p.mesh().gbFacets().count());
        s.put("elements", p.mesh().mesh().elementCount());
        s.put("unknowns", p.mesh().mesh().nodeCount());
        s.put("solver", r.solveStats().toString());
        s.put("seconds", p.seconds());
        return s;
    }

    private void printSummary(Map<String, Object> s) {
        out.println(Json.pretty(s).trim());
        out.flush();
    }

    private static void writeProfile(Path file, List<Point> points, boolean withThickness) throws IOException {
        StringBuilder sb = new StringBuilder(withThickness ? "layer_thickness_um," : "");
        sb.append("position_um,j_A_per_m2,j_over_mean\n");
        for (Point p : points) {
            for (int i = 0; i < p.x().length; i++) {
                if (withThickness) {
                    sb.append(String.format(Locale.ROOT, "%.6g,", p.spec().bottom().thicknessM() * 1e6));
                }
                sb.append(String.format(Locale.ROOT, "%.6f,%.9g,%.9g%n", p.x()[i] * 1e6, p.j()[i], p.j()[i] / p.mean()));
            }
        }
        RunDirectory.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void writeGb(Path file, PolycrystalMesh pm) throws IOException {
        PolycrystalMesh.GbFacets gb = pm.gbFacets();
        StringBuilder sb = new StringBuilder("x_um,y_um,grain_a,grain_b,length_um,projection_factor\n");
        var m = pm.mesh();
        for (int k = 0; k < gb.count(); k++) {
            int p = gb.nodes()[4 * k];
            int q = gb.nodes()[4 * k + 1];
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%d,%d,%.6f,%.6f%n", (m.x(p, 0) + m.x(q, 0)) / 2 * 1e6,
                    (m.x(p, 1) + m.x(q, 1)) / 2 * 1e6, gb.grainA()[k], gb.grainB()[k], gb.length()[k] * 1e6, gb.factor()[k]));
        }
        RunDirectory.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static double[] um(double[] x) {
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] * 1e6;
        }
        return o;
    }

    private static double[] over(double[] j, double mean) {
        double[] o = new double[j.length];
        for (int i = 0; i < j.length; i++) {
            o[i] = j[i] / mean;
        }
        return o;
    }
}
