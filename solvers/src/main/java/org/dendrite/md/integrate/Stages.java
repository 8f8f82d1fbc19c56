package org.dendrite.md.integrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.minimize.MinimizeStage;

/**
 * Registry of stage types by name (LAMMPS' style registration: adding a stage is one class and one
 * line here). {@link #create} builds a stage from its config mapping, whose {@code type} key
 * selects the class; every other key is read and checked by the class, and unknown keys are
 * rejected with their full path.
 *
 * <pre>
 * stages:
 *   - {type: minimize, algorithm: cg, force_tolerance_eV_per_A: 1.0e-3, box_relax: {pressure_bar: 0}}
 *   - {type: velocity, temperature_K: 600, seed: 4928459}
 *   - {type: npt, temperature_start_K: 600, temperature_stop_K: 1800, pressure_bar: 0, duration_ps: 60}
 *   - {type: nvt, temperature_K: 1800, duration_ps: 100}
 *   - {type: nvt, temperature_K: 3000, region: {axis: z, min_A: 40, max_A: 52}, freeze_outside: true, duration_ps: 100}
 *   - {type: amorphize, region: {axis: z, min_frac: 0.4, max_frac: 0.6}, hold_ps: 50, quench_rate_K_per_ps: 10}
 *   - {type: deform, axis: x, strain_rate_per_ps: 0.5, temperature_K: 300, lateral_pressure_bar: 0, duration_ps: 400}
 * </pre>
 */
public final class Stages {
    private static final Map<String, Function<Params, Stage>> REGISTRY = new TreeMap<>();

    static {
        register("velocity", VelocityStage::new);
        register("nve", NveStage::new);
        register("nvt", NvtStage::new);
        register("npt", NptStage::new);
        register("langevin", LangevinStage::new);
        register("berendsen", BerendsenStage::new);
        register("csvr", CsvrStage::new);
        register("deform", DeformStage::new);
        register("minimize", MinimizeStage::new);
        register("amorphize", AmorphizeStage::new);
    }

    private Stages() {
    }

    /** Adds a stage type; the factory reads its keys from the mapping and calls {@code finish()}. */
    public static synchronized void register(String type, Function<Params, Stage> factory) {
        if (REGISTRY.putIfAbsent(type, factory) != null) {
            throw new IllegalArgumentException("stage type '" + type + "' is already registered");
        }
    }

    /** Names of the registered stage types. */
    public static synchronized List<String> types() {
        return new ArrayList<>(REGISTRY.keySet());
    }

    /** Builds one stage from its mapping ({@code type} plus the stage's keys). */
    public static Stage create(Params p) {
        String type = p.getString("type", null);
        if (type == null) {
            throw new ParamException(p.pathOf("type"), "is required (one of " + String.join(", ", types()) + ")");
        }
        Function<Params, Stage> factory;
        synchronized (Stages.class) {
            factory = REGISTRY.get(type);
        }
        if (factory == null) {
            throw new ParamException(p.pathOf("type"), "unknown stage type '" + type + "' (known: "
                    + String.join(", ", types()) + ")");
        }
        return factory.apply(p);
    }

    /** Builds every stage of a list of mappings. */
    public static List<Stage> createAll(List<Params> list) {
        List<Stage> out = new ArrayList<>();
        for (Params p : list) {
            out.add(create(p));
        }
        return out;
    }
}
