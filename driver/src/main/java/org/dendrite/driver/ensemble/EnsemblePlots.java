package org.dendrite.driver.ensemble;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.dendrite.driver.fem.Plots;
import org.dendrite.md.Units;

/**
 * Aggregate PNG plots of an ensemble's results table (java.awt through {@link Plots}):
 * <ul>
 * <li>{@code arrhenius}: log10(metric) against 1000/T of the completed members, the mean per
 *     temperature joined, and the least-squares line ln y = ln y0 − E_a/(k_B T) over every member
 *     with its activation energy E_a in the legend;</li>
 * <li>{@code parameter}: the metric against one axis, one curve per combination of the other
 *     axes, repeats averaged.</li>
 * </ul>
 */
public final class EnsemblePlots {
    private EnsemblePlots() {
    }

    /** What a plot did: its file, or why it was skipped (a metric no completed member has). */
    public record Outcome(String file, String note, Double activationEnergyEv) {
    }

    public static Outcome plot(EnsembleConfig.PlotSpec spec, ResultsTable table, List<String> axisNames, Path dir)
            throws IOException {
        Path file = dir.resolve(spec.file());
        List<double[]> points = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        // A categorical axis (labels such as crystal / interface / amorphous) is plotted at 0, 1, 2, ...
        // in the order of the members, with the key in the axis label.
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (Map<String, Object> row : table.rows()) {
            if (row.get(spec.x()) instanceof String label) {
                categories.putIfAbsent(label, categories.size());
            }
        }
        for (Map<String, Object> row : table.rows()) {
            Object x = row.get(spec.x());
            Object y = row.get(spec.metric());
            Double xv = x instanceof Double d ? d : x instanceof String label ? (double) categories.get(label) : null;
            if (!MemberResult.COMPLETED.equals(row.get("status")) || xv == null || !(y instanceof Double yv)) {
                continue;
            }
            points.add(new double[] {xv, yv});
            StringBuilder g = new StringBuilder();
            for (String a : axisNames) {
                if (!a.equals(spec.x()) && row.get(a) != null) {
                    g.append(g.length() > 0 ? ", " : "").append(a).append('=').append(fmt(row.get(a)));
                }
            }
            groups.add(g.toString());
        }
        if (points.size() < 2) {
            return new Outcome(null, "plot " + spec.file() + " skipped: fewer than 2 completed members with a numeric '"
                    + spec.metric() + "' and '" + spec.x() + "'", null);
        }
        if ("arrhenius".equals(spec.type()) && categories.isEmpty()) {
            return arrhenius(spec, points, file);
        }
        Map<String, TreeMap<Double, double[]>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            double[] acc = byGroup.computeIfAbsent(groups.get(i), k -> new TreeMap<>())
                    .computeIfAbsent(p[0], k -> new double[2]);
            acc[0] += p[1];
            acc[1] += 1;
        }
        List<Plots.Series> series = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Double, double[]>> e : byGroup.entrySet()) {
            series.add(means(e.getKey().isEmpty() ? spec.metric() : e.getKey(), e.getValue()));
        }
        String xLabel = spec.x();
        if (!categories.isEmpty()) {
            StringBuilder key = new StringBuilder();
            categories.forEach((label, i) -> key.append(key.length() > 0 ? ", " : "").append(i).append(" = ").append(label));
            xLabel += " (" + key + ")";
        }
        Plots.line(file, spec.metric() + " against " + spec.x(), xLabel, spec.metric(), series, Double.NaN);
        return new Outcome(file.getFileName().toString(), "", null);
    }

    private static Outcome arrhenius(EnsembleConfig.PlotSpec spec, List<double[]> points, Path file) throws IOException {
        TreeMap<Double, double[]> perT = new TreeMap<>();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (double[] p : points) {
            if (p[0] <= 0 || p[1] <= 0) {
                continue;
            }
            double x = 1000.0 / p[0];
            double y = Math.log(p[1]);
            double[] acc = perT.computeIfAbsent(x, k -> new double[2]);
            acc[0] += Math.log10(p[1]);
            acc[1] += 1;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        if (perT.size() < 2) {
            return new Outcome(null, "plot " + spec.file() + " skipped: fewer than 2 temperatures with a positive '"
                    + spec.metric() + "'", null);
        }
        // ln y = ln y0 - (E_a / k_B) * (1/T); with x = 1000/T the slope is -E_a / (1000 k_B).
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double icept = (sy - slope * sx) / n;
        double ea = -slope * 1000.0 * Units.BOLTZMANN_EV_PER_K;
        List<Plots.Series> series = new ArrayList<>();
        series.add(means("log10 " + spec.metric() + " (mean per T)", perT));
        double x0 = perT.firstKey();
        double x1 = perT.lastKey();
        series.add(new Plots.Series(String.format(Locale.ROOT, "fit: E_a = %.3f eV", ea), new double[] {x0, x1},
                new double[] {(icept + slope * x0) / Math.log(10), (icept + slope * x1) / Math.log(10)}));
        Plots.line(file, "Arrhenius plot of " + spec.metric(), "1000 / T (1/K), T = " + spec.x(),
                "log10 " + spec.metric(), series, Double.NaN);
        return new Outcome(file.getFileName().toString(), "", ea);
    }

    private static Plots.Series means(String label, TreeMap<Double, double[]> acc) {
        double[] x = new double[acc.size()];
        double[] y = new double[acc.size()];
        int i = 0;
        for (Map.Entry<Double, double[]> e : acc.entrySet()) {
            x[i] = e.getKey();
            y[i] = e.getValue()[0] / e.getValue()[1];
            i++;
        }
        return new Plots.Series(label, x, y);
    }

    private static String fmt(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }
}
