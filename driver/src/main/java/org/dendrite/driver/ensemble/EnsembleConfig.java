package org.dendrite.driver.ensemble;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.driver.config.ConfigException;
import org.dendrite.driver.config.ConfigTree;

/**
 * An ensemble config ({@code job: ensemble}, docs/ensembles.md): a base job (an MD run config, or a
 * {@code job: conduction} config) and sweep axes that are expanded into members by
 * {@link EnsembleExpansion}. Every key is read here and unknown keys are errors at their line.
 *
 * @param tree             the ensemble config after {@code --set} overrides
 * @param description      free text
 * @param name             ensemble name (default: the file name without extension)
 * @param base             the base job config of every member (resolved)
 * @param set              overrides applied to every member before the axis values ({@code key=value})
 * @param axes             sweep axes in order
 * @param combine          {@code product} (every combination) or {@code zip} (i-th value of every axis)
 * @param repeats          copies of every combination, each with its own seed ({@code seedKey})
 * @param seedKey          config key of the base job that receives a repeat's seed
 * @param maxAttempts      attempts per member in one sweep (bad input is tried once)
 * @param threadsPerMember {@code threads} of every member's engine and Spark's {@code spark.task.cpus}
 * @param output           ensemble directory (results, plots, member run directories)
 * @param plots            aggregate plots
 * @param sparkMaster      Spark master URL ({@code local[*]}, {@code spark://host:7077}, {@code yarn}, {@code k8s://...})
 * @param sparkConf        extra Spark settings ({@code spark.*} keys)
 */
public record EnsembleConfig(ConfigTree tree, String description, String name, Path base, List<String> set,
                             List<Axis> axes, String combine, int repeats, String seedKey, int maxAttempts,
                             int threadsPerMember, Path output, List<PlotSpec> plots, String sparkMaster,
                             Map<String, String> sparkConf) {

    /**
     * One sweep axis: a column {@code name} in the results table, the base-config keys its value
     * is written to (several keys move together, e.g. the velocity and thermostat temperatures),
     * its values (numbers, strings, lists or mappings, written as YAML into the keys), and optional
     * labels that stand for the values in the results table and member ids (for mappings).
     */
    public record Axis(String name, List<String> keys, List<Object> values, List<String> labels) {
    }

    /**
     * An aggregate plot: {@code arrhenius} (log10 of {@code metric} against 1000/T, T from axis
     * {@code x}, with the fitted activation energy) or {@code parameter} ({@code metric} against axis
     * {@code x}; one curve per value of the other axes).
     */
    public record PlotSpec(String type, String metric, String x, String file) {
    }

    /** Reads an ensemble config file with {@code --set} overrides applied in order. */
    public static EnsembleConfig load(Path file, List<String> overrides) {
        ConfigTree tree = ConfigTree.load(file);
        for (String o : overrides) {
            tree.set(o);
        }
        try {
            return read(tree);
        } catch (ParamException e) {
            throw tree.error(e);
        }
    }

    /** Whether a config file is an ensemble config ({@code job: ensemble}). */
    public static boolean isEnsemble(ConfigTree tree) {
        return "ensemble".equals(String.valueOf(tree.root().get("job")));
    }

    private static EnsembleConfig read(ConfigTree tree) {
        Params p = tree.params();
        String job = p.getString("job", "ensemble");
        if (!"ensemble".equals(job)) {
            throw new ParamException("job", "an ensemble config has job: ensemble (got '" + job + "')");
        }
        String description = p.getString("description", "");
        String fileName = tree.file().getFileName().toString();
        String defaultName = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String name = p.getString("name", defaultName);
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ParamException("name", "must be letters, digits, '.', '_' or '-' (it names directories)");
        }
        Path base = tree.resolvePath("base", p.requireString("base"));
        if (!Files.isRegularFile(base)) {
            throw new ConfigException(tree.locate("base").toString(), "key 'base': base job config not found: " + base);
        }
        List<String> set = p.has("set") ? p.getStrings("set") : List.of();
        for (int i = 0; i < set.size(); i++) {
            if (set.get(i).indexOf('=') <= 0) {
                throw new ParamException("set[" + i + "]", "expected key=value, e.g. threads=1");
            }
        }
        List<Axis> axes = readAxes(p);
        String combine = p.getChoice("combine", "product", "product", "zip");
        if ("zip".equals(combine)) {
            for (Axis a : axes) {
                if (a.values().size() != axes.get(0).values().size()) {
                    throw new ParamException("combine", "zip needs axes of equal length: '" + axes.get(0).name()
                            + "' has " + axes.get(0).values().size() + " values, '" + a.name() + "' "
                            + a.values().size());
                }
            }
        }
        int repeats = p.getInt("repeats", 1);
        if (repeats < 1) {
            throw new ParamException("repeats", "must be at least 1");
        }
        String seedKey = p.getString("seed_key", "seed");
        int maxAttempts = p.getInt("max_attempts", 3);
        if (maxAttempts < 1) {
            throw new ParamException("max_attempts", "must be at least 1");
        }
        int threads = p.getInt("threads_per_member", 1);
        if (threads < 1) {
            throw new ParamException("threads_per_member", "must be at least 1");
        }
        Path output = p.has("output") ? tree.resolvePath("output", p.requireString("output"))
                : Path.of("runs", "ensembles", name).toAbsolutePath().normalize();
        List<PlotSpec> plots = new ArrayList<>();
        Set<String> axisNames = new LinkedHashSet<>();
        for (Axis a : axes) {
            axisNames.add(a.name());
        }
        for (Params q : p.has("plots") ? p.children("plots") : List.<Params>of()) {
            q.requireString("type");
            String type = q.getChoice("type", "arrhenius", "arrhenius", "parameter");
            String metric = q.requireString("metric");
            String x = q.getString("x", axes.get(0).name());
            if (!axisNames.contains(x)) {
                throw new ParamException(q.pathOf("x"), "not an axis name; axes are " + axisNames);
            }
            String file = q.getString("file", type + "-" + metric + ".png");
            q.finish();
            plots.add(new PlotSpec(type, metric, x, file));
        }
        String master = "local[*]";
        Map<String, String> conf = new LinkedHashMap<>();
        if (p.has("spark")) {
            Params s = p.child("spark");
            master = s.getString("master", master);
            if (s.has("conf")) {
                Params c = s.child("conf");
                for (String key : c.keys()) {
                    if (!key.startsWith("spark.")) {
                        throw new ParamException(c.pathOf(key), "Spark settings start with 'spark.'");
                    }
                    conf.put(key, String.valueOf(c.raw(key)));
                }
            }
            s.finish();
        }
        p.finish();
        return new EnsembleConfig(tree, description, name, base, List.copyOf(set), List.copyOf(axes), combine,
                repeats, seedKey, maxAttempts, threads, output, List.copyOf(plots), master, conf);
    }

    @SuppressWarnings("unchecked")
    private static List<Axis> readAxes(Params p) {
        List<Axis> axes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Params a : p.children("axes")) {
            List<String> keys;
            if (a.has("keys")) {
                keys = a.getStrings("keys");
                if (keys.isEmpty()) {
                    throw new ParamException(a.pathOf("keys"), "needs at least one config key");
                }
            } else {
                keys = List.of(a.requireString("key"));
            }
            String name = a.getString("name", keys.get(0).replaceAll(".*[.\\]]", ""));
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new ParamException(a.pathOf("name"), "a column name: a letter, then letters, digits or '_' "
                        + "(give the unit in it, e.g. temperature_K)");
            }
            if (!names.add(name)) {
                throw new ParamException(a.pathOf("name"), "two axes are named '" + name + "'");
            }
            Object raw = a.raw("values");
            if (!(raw instanceof List<?> list) || list.isEmpty()) {
                throw new ParamException(a.pathOf("values"), "needs a non-empty list of values");
            }
            List<String> labels = a.has("labels") ? a.getStrings("labels") : null;
            if (labels != null && labels.size() != list.size()) {
                throw new ParamException(a.pathOf("labels"), "needs one label per value (" + list.size() + "), got "
                        + labels.size());
            }
            a.finish();
            axes.add(new Axis(name, List.copyOf(keys), new ArrayList<>((List<Object>) raw), labels));
        }
        if (axes.isEmpty()) {
            throw new ParamException("axes", "needs at least one axis (name, key or keys, values)");
        }
        return axes;
    }
}
