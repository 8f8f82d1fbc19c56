package org.dendrite.driver.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dendrite.driver.fem.Plots;
import org.dendrite.driver.run.Json;
import org.dendrite.md.analysis.Arrhenius;
import org.dendrite.md.analysis.Csv;
import org.yaml.snakeyaml.Yaml;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dendrite analyze arrhenius RUN_DIR...}: Arrhenius fits (org.dendrite.md.analysis.Arrhenius)
 * of a diffusion coefficient (or any activated metric) read from the runs' metrics.json. A run
 * contributes one point (its {@code T_mean_K} and {@code D_Li_cm2_per_s}) or, when its MSD had
 * several windows, one point per window ({@code …_w0}, {@code …_w1}, …). Without
 * {@code --combine} each run with ≥ 2 points is fitted on its own (a temperature series in one run),
 * and single-point runs are fitted together; with it every point is one fit. Writes
 * {@code arrhenius.csv}, {@code arrhenius_points.csv} and {@code arrhenius.png} into {@code --out}
 * and prints one JSON line per fit.
 */
@Command(name = "arrhenius", mixinStandardHelpOptions = true,
        description = "Arrhenius fit (Ea with its error) of D(T) from the metrics.json of several runs.")
public final class ArrheniusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Finished run directories.")
    List<Path> runs;

    @Option(names = "--metric", defaultValue = "D_Li_cm2_per_s", description = "Activated metric (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--error-metric", description = "Its standard error (default: the metric with '_err' after "
            + "its species, e.g. D_Li_err_cm2_per_s; absent: unweighted fit).")
    String errorMetric;

    @Option(names = "--temperature-metric", defaultValue = "T_mean_K", description = "Temperature (default: ${DEFAULT-VALUE}).")
    String temperatureMetric;

    @Option(names = "--combine", description = "Fit all points of all runs together.")
    boolean combine;

    @Option(names = "--out", required = true, description = "Directory for arrhenius.csv, arrhenius_points.csv, arrhenius.png.")
    Path out;

    private record Point(String run, double t, double value, double error) {
    }

    @Override
    public Integer call() throws IOException {
        String err = errorMetric != null ? errorMetric : metric.replaceFirst("^(D_[A-Za-z]+)_", "$1_err_");
        Map<String, List<Point>> groups = new LinkedHashMap<>();
        List<Point> singles = new ArrayList<>();
        List<Point> all = new ArrayList<>();
        for (Path run : runs) {
            List<Point> pts = read(run, err);
            all.addAll(pts);
            if (pts.size() >= 2 && !combine) {
                groups.put(run.getFileName().toString(), pts);
            } else {
                singles.addAll(pts);
            }
        }
        if (combine) {
            groups.clear();
            groups.put("all runs", all);
        } else if (singles.size() >= 2) {
            groups.put("single-temperature runs", singles);
        } else if (!singles.isEmpty() && groups.isEmpty()) {
            throw new CliFailure(CliFailure.BAD_INPUT, "only one (T, " + metric + ") point in " + runs
                    + ": an Arrhenius fit needs at least two temperatures", null);
        }
        Files.createDirectories(out);
        List<Plots.Series> series = new ArrayList<>();
        try (Csv fits = new Csv(out.resolve("arrhenius.csv"), List.of("group", "points", "Ea_eV", "Ea_err_eV",
                "prefactor", "T_min_K", "T_max_K"));
             Csv points = new Csv(out.resolve("arrhenius_points.csv"), List.of("group", "run", "T_K", metric,
                     err))) {
            for (Map.Entry<String, List<Point>> g : groups.entrySet()) {
                List<Point> pts = g.getValue();
                double[] t = new double[pts.size()];
                double[] v = new double[pts.size()];
                double[] e = new double[pts.size()];
                double[] inv = new double[pts.size()];
                double[] log = new double[pts.size()];
                double tMin = Double.POSITIVE_INFINITY, tMax = 0;
                for (int k = 0; k < t.length; k++) {
                    Point p = pts.get(k);
                    t[k] = p.t;
                    v[k] = p.value;
                    e[k] = p.error;
                    inv[k] = 1000 / p.t;
                    log[k] = Math.log10(p.value);
                    tMin = Math.min(tMin, p.t);
                    tMax = Math.max(tMax, p.t);
                    points.rowText(g.getKey(), p.run, p.t, p.value, p.error);
                }
                Arrhenius fit = Arrhenius.fit(t, v, e);
                fits.rowText(g.getKey(), t.length, fit.activationEv(), fit.activationErrorEv(), fit.prefactor(), tMin, tMax);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("group", g.getKey());
                line.put("points", t.length);
                line.put("Ea_eV", fit.activationEv());
                line.put("Ea_err_eV", fit.activationErrorEv());
                line.put("prefactor", fit.prefactor());
                spec.commandLine().getOut().println(Json.compact(line));
                series.add(new Plots.Series(g.getKey() + " (MD)", inv, log));
                double[] fx = {1000 / tMax, 1000 / tMin};
                double[] fy = {Math.log10(fit.at(tMax)), Math.log10(fit.at(tMin))};
                series.add(new Plots.Series(String.format(Locale.ROOT, "%s fit, Ea = %.2f ± %.2f eV", g.getKey(),
                        fit.activationEv(), fit.activationErrorEv()), fx, fy));
            }
        }
        Plots.plot(out.resolve("arrhenius.png"), "Arrhenius plot of " + metric, "1000/T (1/K)",
                "log10 " + metric, series, Double.NaN, false, true);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private List<Point> read(Path run, String err) throws IOException {
        Path file = run.resolve("metrics.json");
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(CliFailure.BAD_INPUT, file + ": no metrics.json (is it a finished run directory?)", null);
        }
        Object root = new Yaml().load(Files.readString(file));
        if (!(root instanceof Map<?, ?> m)) {
            throw new CliFailure(CliFailure.BAD_INPUT, file + ": not a JSON object", null);
        }
        List<Point> pts = new ArrayList<>();
        Pattern window = Pattern.compile(Pattern.quote(metric) + "_w([0-9]+)");
        Map<Integer, Point> byWindow = new TreeMap<>();
        for (Object k : m.keySet()) {
            Matcher w = window.matcher(String.valueOf(k));
            if (w.matches()) {
                String suffix = "_w" + w.group(1);
                Double t = number(m.get(temperatureMetric + suffix));
                Double v = number(m.get(k));
                Double e = number(m.get(err + suffix));
                if (t != null && v != null && v > 0) {
                    byWindow.put(Integer.parseInt(w.group(1)), new Point(run.getFileName().toString() + suffix, t, v,
                            e == null ? 0 : e));
                }
            }
        }
        if (!byWindow.isEmpty()) {
            pts.addAll(byWindow.values());
            return pts;
        }
        Double t = number(m.get(temperatureMetric));
        Double v = number(m.get(metric));
        if (t == null || v == null) {
            throw new CliFailure(CliFailure.BAD_INPUT, file + ": lacks " + metric + " or " + temperatureMetric
                    + " (run an msd analysis)", null);
        }
        if (!(v > 0)) {
            throw new CliFailure(CliFailure.BAD_INPUT, file + ": " + metric + " = " + v + " is not positive", null);
        }
        Double e = number(m.get(err));
        pts.add(new Point(run.getFileName().toString(), t, v, e == null ? 0 : e));
        return pts;
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }
}
