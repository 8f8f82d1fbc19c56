package org.dendrite.driver.config;

import java.nio.file.Path;
import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;

/**
 * The typed top level of a run configuration (every key, unit, default and check is listed in
 * docs/config.md). Stages are kept as {@link Params} because each stage type reads its own keys
 * (the stage registry in the solvers module); everything else is read and checked here, and any
 * key nobody reads is an error at its file and line.
 *
 * @param tree           the configuration after overrides, with key origins
 * @param structure      what to simulate
 * @param forcefield     force-field YAML file (resolved)
 * @param skinAngstrom   neighbour-list skin, Å
 * @param threads        force-loop threads
 * @param seed           master seed of every random stream of the run
 * @param output         what to write and how often
 * @param checks         blow-up detection during the run
 * @param stages         the protocol, one mapping per stage, in order
 */
public record RunConfig(ConfigTree tree, StructureSpec structure, Path forcefield, double skinAngstrom,
                        int threads, long seed, OutputSpec output, ChecksSpec checks, List<Params> stages) {

    /** Default master seed: any fixed number makes two runs of the same config identical. */
    public static final long DEFAULT_SEED = 20261121L;

    /**
     * A structure read from a file (species of its numeric types, replication), or — when
     * {@code file} is null — one made by the structure builders of {@code org.dendrite.md.build}
     * from the config's {@code structure:} block when the run is prepared (a {@code type} other
     * than {@code file}, or a {@code modify:} list).
     */
    public record StructureSpec(Path file, List<String> types, int[] replicate) {
        /** Whether the structure is made by a builder rather than read as is. */
        public boolean built() {
            return file == null;
        }
    }

    /**
     * @param thermoEverySteps     thermo.csv row interval, steps (0 = first and last step of each stage only)
     * @param trajectoryFormats    any of extxyz, lammps-dump (empty = no trajectory)
     * @param trajectoryEverySteps trajectory frame interval, steps
     * @param restartEverySteps    restart file interval, steps (0 = only at the end of the run)
     * @param progressEverySeconds minimum wall time between two progress lines on stderr, s
     */
    public record OutputSpec(long thermoEverySteps, List<String> trajectoryFormats, long trajectoryEverySteps,
                             long restartEverySteps, double progressEverySeconds) {
    }

    /**
     * @param energyEverySteps       steps between potential-energy jump checks (0: only where energies are computed anyway)
     * @param maxEnergyJumpEvPerAtom largest accepted change of potential energy between two checks, eV/atom
     * @param displacement           stop when an atom moves more than half the skin in one step
     */
    public record ChecksSpec(long energyEverySteps, double maxEnergyJumpEvPerAtom, boolean displacement) {
    }

    /** Reads and checks the top level; ParamExceptions come back as ConfigExceptions at file:line. */
    public static RunConfig read(ConfigTree tree) {
        try {
            return readParams(tree);
        } catch (ParamException e) {
            throw tree.error(e);
        }
    }

    private static RunConfig readParams(ConfigTree tree) {
        Params p = tree.params();
        p.getString("description", null);

        Params s = p.child("structure");
        if (!p.has("structure")) {
            throw new ParamException("structure", "is required (a mapping with 'file' or a builder 'type'; "
                    + "see docs/structures.md)");
        }
        Object type = s.raw("type");
        if ((type != null && !"file".equals(type)) || s.has("modify")) {
            return readRest(tree, p, new StructureSpec(null, null, null));
        }
        String file = s.requireString("file");
        List<String> types = s.getStrings("types");
        if (types != null) {
            for (String t : types) {
                if (t.isEmpty()) {
                    throw new ParamException(s.pathOf("types"), "species names must not be empty");
                }
            }
        }
        double[] rep = s.getDoubles("replicate", 3);
        int[] replicate = {1, 1, 1};
        if (rep != null) {
            for (int k = 0; k < 3; k++) {
                if (rep[k] != Math.rint(rep[k]) || rep[k] < 1 || rep[k] > 1000) {
                    throw new ParamException(s.pathOf("replicate") + "[" + k + "]",
                            "must be a whole number from 1 to 1000, got " + rep[k]);
                }
                replicate[k] = (int) rep[k];
            }
        }
        s.finish();
        StructureSpec structure = new StructureSpec(tree.resolvePath("structure.file", file),
                types == null ? null : List.copyOf(types), replicate);
        return readRest(tree, p, structure);
    }

    private static RunConfig readRest(ConfigTree tree, Params p, StructureSpec structure) {

        Path forcefield = tree.resolvePath("forcefield", p.requireString("forcefield"));

        Params n = p.child("neighbor");
        double skin = n.getNonNegative("skin_A", 2.0);
        n.finish();

        int threads = p.getInt("threads", Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (threads < 1 || threads > 1024) {
            throw new ParamException("threads", "must be from 1 to 1024, got " + threads);
        }
        long seed = p.getLong("seed", DEFAULT_SEED);

        Params o = p.child("output");
        long thermoEvery = nonNegative(o, "thermo_every_steps", 100);
        Params traj = o.child("trajectory");
        List<String> formats = traj.getStrings("format");
        if (formats == null) {
            formats = List.of("extxyz");
        }
        formats = formats.stream().filter(f -> !f.equals("none")).distinct().toList();
        for (String f : formats) {
            if (!f.equals("extxyz") && !f.equals("lammps-dump")) {
                throw new ParamException(traj.pathOf("format"),
                        "must be extxyz, lammps-dump, none, or a list of them; got '" + f + "'");
            }
        }
        long trajEvery = nonNegative(traj, "every_steps", 1000);
        if (trajEvery == 0) {
            formats = List.of();
        }
        traj.finish();
        long restartEvery = nonNegative(o, "restart_every_steps", 1000);
        double progressEvery = o.getPositive("progress_every_s", 5.0);
        o.finish();
        OutputSpec output = new OutputSpec(thermoEvery, formats, trajEvery, restartEvery, progressEvery);

        Params c = p.child("checks");
        ChecksSpec checks = new ChecksSpec(nonNegative(c, "energy_every_steps", 100),
                c.getPositive("max_energy_jump_eV_per_atom", 1.0), c.getBoolean("displacement", true));
        c.finish();

        List<Params> stages = p.children("stages");
        if (stages.isEmpty()) {
            throw new ParamException("stages", "is required: a list of at least one stage");
        }
        p.finish();
        return new RunConfig(tree, structure, forcefield, skin, threads, seed, output, checks, stages);
    }

    private static long nonNegative(Params p, String key, long def) {
        long v = p.getLong(key, def);
        if (v < 0) {
            throw new ParamException(p.pathOf(key), "must be >= 0, got " + v);
        }
        return v;
    }
}
