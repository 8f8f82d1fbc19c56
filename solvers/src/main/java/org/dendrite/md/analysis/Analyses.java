package org.dendrite.md.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Species;

/**
 * Registry of analysis types by name (as {@link org.dendrite.md.integrate.Stages} for stages:
 * adding an analysis is one class and one line here). {@link #create} reads the keys every entry
 * has ({@code type}, {@code name}, {@code every_steps}, {@code stages}); the factory reads the rest
 * and calls {@code finish()}, so unknown keys are errors with their full path.
 *
 * <pre>
 * output:
 *   analyses:
 *     - {type: rdf, every_steps: 100, pairs: [Li-O, Li-Li], r_max_A: 8}
 *     - {type: msd, every_steps: 50, species: [Li], stages: [3]}
 *     - {type: slabs, every_steps: 200, axis: z, slabs: 11, species: [Li]}
 * </pre>
 */
public final class Analyses {
    /** Builds one analysis from its entry's keys; reads every key it knows and calls {@code p.finish()}. */
    @FunctionalInterface
    public interface Factory {
        Analysis create(Params p, AnalysisSettings settings, AnalysisContext ctx);
    }

    private static final Map<String, Factory> REGISTRY = new TreeMap<>();

    static {
        register("rdf", RdfAnalysis::new);
        register("msd", MsdAnalysis::new);
        register("slabs", SlabAnalysis::new);
        register("density-map", DensityMapAnalysis::new);
        register("li-sites", LiSiteAnalysis::new);
        register("cavity", CavityAnalysis::new);
        register("tension", TensionAnalysis::new);
        register("bonds", BondsAnalysis::new);
    }

    private Analyses() {
    }

    /** Adds an analysis type. */
    public static synchronized void register(String type, Factory factory) {
        if (REGISTRY.putIfAbsent(type, factory) != null) {
            throw new IllegalArgumentException("analysis type '" + type + "' is already registered");
        }
    }

    /** Names of the registered analysis types. */
    public static synchronized List<String> types() {
        return new ArrayList<>(REGISTRY.keySet());
    }

    /** Builds one analysis from its entry. */
    public static Analysis create(Params p, AnalysisContext ctx) {
        String type = p.getString("type", null);
        if (type == null) {
            throw new ParamException(p.pathOf("type"), "is required (one of " + String.join(", ", types()) + ")");
        }
        Factory factory;
        synchronized (Analyses.class) {
            factory = REGISTRY.get(type);
        }
        if (factory == null) {
            throw new ParamException(p.pathOf("type"), "unknown analysis type '" + type + "' (known: "
                    + String.join(", ", types()) + ")");
        }
        String name = p.getString("name", type);
        if (!name.matches("[A-Za-z][A-Za-z0-9_\\-]*")) {
            throw new ParamException(p.pathOf("name"), "must be a word of letters, digits, _ and - "
                    + "(it prefixes file names), got '" + name + "'");
        }
        long every = p.getLong("every_steps", 100);
        if (every < 1) {
            throw new ParamException(p.pathOf("every_steps"), "must be >= 1, got " + every);
        }
        Set<Integer> stages = new LinkedHashSet<>();
        List<String> list = p.getStrings("stages");
        if (list != null) {
            for (String s : list) {
                try {
                    int k = Integer.parseInt(s);
                    if (k < 0) {
                        throw new NumberFormatException();
                    }
                    stages.add(k);
                } catch (NumberFormatException e) {
                    throw new ParamException(p.pathOf("stages"), "must be a list of stage indices (0-based, as in "
                            + "stages[i]), got '" + s + "'");
                }
            }
        }
        return factory.create(p, new AnalysisSettings(type, name, every, Set.copyOf(stages)), ctx);
    }

    /** Builds every entry; two entries with the same name are an error (their files would collide). */
    public static List<Analysis> createAll(List<Params> entries, AnalysisContext ctx) {
        List<Analysis> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Params p : entries) {
            Analysis a = create(p, ctx);
            if (!names.add(a.settings().name())) {
                throw new ParamException(p.pathOf("name"), "another analysis is already named '" + a.settings().name()
                        + "': give each entry of one type its own name");
            }
            out.add(a);
        }
        return out;
    }

    /** Species type index of a configured name, or a ParamException naming the key. */
    static int speciesType(Species species, Params p, String key, String name) {
        int t = species.typeOf(name);
        if (t < 0) {
            throw new ParamException(p.pathOf(key), "species '" + name + "' is not one of " + species.names());
        }
        return t;
    }

    /** Type indices of a list of species names (default: {@code def}; null def = every species). */
    static int[] speciesList(Species species, Params p, String key, List<String> def) {
        List<String> names = p.getStrings(key);
        if (names == null) {
            names = def == null ? species.names() : def;
        }
        if (names.isEmpty()) {
            throw new ParamException(p.pathOf(key), "must name at least one species");
        }
        int[] t = new int[names.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = speciesType(species, p, key, names.get(i));
        }
        return t;
    }

    /** Axis index of x, y or z. */
    static int axis(Params p, String key, String def) {
        String a = p.getChoice(key, def, "x", "y", "z");
        return "xyz".indexOf(a);
    }
}
