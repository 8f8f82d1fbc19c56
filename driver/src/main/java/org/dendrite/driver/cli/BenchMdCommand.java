package org.dendrite.driver.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.dendrite.config.Params;
import org.dendrite.driver.BuildInfo;
import org.dendrite.driver.job.Inputs;
import org.dendrite.driver.run.Json;
import org.dendrite.md.engine.EngineTimings;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.integrate.Protocol;
import org.dendrite.md.integrate.Stage;
import org.dendrite.md.integrate.Stages;
import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;
import org.dendrite.md.io.Structure;
import org.dendrite.md.state.SimulationState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dendrite bench md}: velocities at 300 K (seeded), one force evaluation as warm-up, then
 * N velocity-Verlet NVE steps, of which only the loop is timed. Prints one JSON line.
 */
@Command(name = "md", mixinStandardHelpOptions = true,
        description = {"MD throughput: 300 K velocities, one warm-up force evaluation,",
            "then N timed NVE steps. Prints one JSON line with atoms, steps,",
            "threads, seconds, atom_steps_per_s and neighbor_rebuilds."})
public final class BenchMdCommand implements Callable<Integer> {

    @Option(names = "--structure", required = true, paramLabel = "FILE", description = "Extended XYZ or LAMMPS data file.")
    Path structure;

    @Option(names = "--forcefield", required = true, paramLabel = "FF.yaml", description = "Force-field YAML.")
    Path forcefield;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Timed NVE steps.")
    long steps;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "Force-loop threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--skin", defaultValue = "2.0", paramLabel = "A", description = "Neighbour skin, Å (default: ${DEFAULT-VALUE}).")
    double skin;

    @Option(names = "--replicate", split = ",", paramLabel = "a,b,c", description = "Replicate the cell a×b×c times (default: 1,1,1).")
    List<Integer> replicate;

    @Option(names = "--types", split = ",", paramLabel = "Li,La,Zr,O", description = "Species of LAMMPS data types 1, 2, ...")
    List<String> types;

    @Option(names = "--timestep-fs", defaultValue = "1.0", paramLabel = "DT", description = "Time step, fs (default: ${DEFAULT-VALUE}).")
    double timestepFs;

    @Option(names = "--seed", defaultValue = "12345", paramLabel = "S", description = "Velocity seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int[] rep = {1, 1, 1};
        if (replicate != null) {
            if (replicate.size() != 3) {
                throw new CliFailure(CliFailure.BAD_INPUT, "--replicate needs three counts a,b,c, got " + replicate, null);
            }
            for (int k = 0; k < 3; k++) {
                rep[k] = replicate.get(k);
                if (rep[k] < 1) {
                    throw new CliFailure(CliFailure.BAD_INPUT, "--replicate counts must be >= 1, got " + replicate, null);
                }
            }
        }
        if (steps < 1 || threads < 1 || !(skin >= 0) || !(timestepFs > 0)) {
            throw new CliFailure(CliFailure.BAD_INPUT, "need --steps >= 1, --threads >= 1, --skin >= 0 and --timestep-fs > 0", null);
        }
        Structure s;
        List<Stage> stages;
        Inputs.Loaded sys;
        try {
            sys = Inputs.load(structure, types, forcefield, rep);
            s = sys.structure();
            stages = List.of(
                    Stages.create(Params.of("bench.velocity", map("type", "velocity", "temperature_K", 300.0, "seed", seed))),
                    Stages.create(Params.of("bench.nve", map("type", "nve", "steps", steps, "timestep_fs", timestepFs))));
        } catch (RuntimeException e) {
            throw Errors.badInput(e);
        }
        LoopTimer timer = new LoopTimer();
        SimulationState state = new SimulationState(s.atoms(), s.box(), seed);
        EngineTimings et;
        try (ForceEngine engine = new ForceEngine(sys.forceField(), skin, threads)) {
            Protocol.Options options = new Protocol.Options();
            options.energyCheckEvery = 0;
            Protocol protocol = new Protocol(stages, engine, options);
            timer.engine = engine;
            protocol.addObserver(timer);
            protocol.run(state);
            et = engine.timings();
        } catch (IOException | RuntimeException e) {
            throw Errors.runFailed(e);
        }
        double seconds = (timer.end - timer.start) * 1e-9;
        int n = s.atomCount();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", "md");
        m.put("atoms", n);
        m.put("steps", steps);
        m.put("threads", threads);
        m.put("skin_A", skin);
        m.put("timestep_fs", timestepFs);
        m.put("seconds", seconds);
        m.put("atom_steps_per_s", n * (double) steps / seconds);
        m.put("neighbor_rebuilds", et.rebuilds - timer.rebuildsAtStart);
        m.put("force_s", (et.pairNanos + et.manyBodyNanos + et.globalNanos - timer.forceNanosAtStart) * 1e-9);
        m.put("neighbor_s", (et.neighborNanos - timer.neighborNanosAtStart) * 1e-9);
        m.put("structure", structure.toString());
        m.put("forcefield", forcefield.toString());
        m.put("dendrite", BuildInfo.version() + " " + BuildInfo.gitCommit());
        m.put("java", BuildInfo.javaVersion());
        spec.commandLine().getOut().println(Json.compact(m));
        return 0;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * Marks the timed region: it starts when the NVE stage has done its setup (the protocol's first
     * force evaluation of the stage is the warm-up) and ends when the stage is finished.
     */
    private static final class LoopTimer implements StepObserver {
        ForceEngine engine;
        long start;
        long end;
        long rebuildsAtStart;
        long forceNanosAtStart;
        long neighborNanosAtStart;

        @Override
        public long interval() {
            return 0;
        }

        @Override
        public void observe(StepInfo info) {
        }

        @Override
        public void stageStarted(StepInfo info) {
            if ("nve".equals(info.stage().type())) {
                EngineTimings t = engine.timings();
                rebuildsAtStart = t.rebuilds;
                forceNanosAtStart = t.pairNanos + t.manyBodyNanos + t.globalNanos;
                neighborNanosAtStart = t.neighborNanos;
                start = System.nanoTime();
            }
        }

        @Override
        public void stageFinished(StepInfo info) {
            if ("nve".equals(info.stage().type())) {
                end = System.nanoTime();
            }
        }
    }
}
