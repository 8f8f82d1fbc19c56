package org.dendrite.driver.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.driver.BuildInfo;
import org.dendrite.driver.config.RunConfig;
import org.dendrite.driver.job.Inputs;
import org.dendrite.md.engine.EngineTimings;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.integrate.DynamicsStage;
import org.dendrite.md.integrate.Protocol;
import org.dendrite.md.integrate.Stage;
import org.dendrite.md.integrate.Stages;
import org.dendrite.md.integrate.StepObserver;
import org.dendrite.md.io.InputException;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.state.RestartFile;
import org.dendrite.md.state.SimulationState;

/**
 * One {@code dendrite run}: {@link #prepare()} reads and checks every input (a failure there is bad
 * input and leaves no directory), {@link #run(RunDirectory)} runs the protocol with its observers
 * and writes run.json. The caller creates the run directory between the two and renames it by the
 * outcome.
 */
public final class RunJob {
    private final RunConfig cfg;
    private final Path restartFile;
    private final List<String> commandLine;
    private final PrintWriter out;
    private final PrintWriter err;

    private Structure structure;
    private ForceField forceField;
    private List<Stage> stages;
    private SimulationState state;
    private long setupNanos;
    private final Map<String, Object> inputs = new LinkedHashMap<>();
    private final String startTime = OffsetDateTime.now().toString();

    public RunJob(RunConfig cfg, Path restartFile, List<String> commandLine, PrintWriter out, PrintWriter err) {
        this.cfg = cfg;
        this.restartFile = restartFile;
        this.commandLine = List.copyOf(commandLine);
        this.out = out;
        this.err = err;
    }

    /** Reads structure, force field, stages and (if given) the restart file; throws on bad input. */
    public void prepare() {
        long t0 = System.nanoTime();
        RunConfig.StructureSpec ss = cfg.structure();
        Inputs.Loaded loaded = ss.built() ? Inputs.build(cfg.tree(), cfg.seed(), cfg.forcefield())
                : Inputs.load(ss.file(), ss.types(), cfg.forcefield(), ss.replicate());
        structure = loaded.structure();
        forceField = loaded.forceField();
        stages = new ArrayList<>();
        for (Params p : cfg.stages()) {
            try {
                stages.add(Stages.create(p));
            } catch (ParamException e) {
                throw cfg.tree().error(e);
            }
        }
        inputs.put("structure", ss.built() ? Inputs.describe(loaded.buildReport()) : fileInfo(ss.file()));
        inputs.put("forcefield", fileInfo(cfg.forcefield()));
        if (restartFile != null) {
            try {
                state = RestartFile.read(restartFile);
            } catch (IOException e) {
                throw InputException.inFile(restartFile.toString(), "cannot read restart file: " + e.getMessage(), e);
            }
            checkRestart();
            inputs.put("restart", fileInfo(restartFile));
        } else {
            state = new SimulationState(structure.atoms(), structure.box(), cfg.seed());
        }
        setupNanos = System.nanoTime() - t0;
    }

    /** A restart must belong to this config: same species (in order), same atom count, a stage that exists. */
    private void checkRestart() {
        String where = restartFile.toString();
        List<String> own = state.atoms.species.names();
        List<String> ff = forceField.species().names();
        if (!own.equals(ff)) {
            throw InputException.inFile(where, "restart species " + own + " differ from the force field's " + ff);
        }
        if (state.atoms.nlocal != structure.atomCount()) {
            throw InputException.inFile(where, "restart holds " + state.atoms.nlocal + " atoms, the configured structure "
                    + structure.atomCount() + " (a restart continues the run of the same config)");
        }
        if (state.stageIndex > stages.size()) {
            throw InputException.inFile(where, "restart is at stage " + state.stageIndex + " but the config has only "
                    + stages.size() + " stages");
        }
    }

    /** Steps still to run from the current state. */
    long remainingSteps() {
        long n = 0;
        for (int k = state.stageIndex; k < stages.size(); k++) {
            n += stages.get(k).steps();
        }
        if (state.stageStarted && state.stageIndex < stages.size()) {
            n -= Math.min(state.stageStep, stages.get(state.stageIndex).steps());
        }
        return n;
    }

    /** Runs the protocol into {@code dir}; any exception means the run failed. */
    public void run(RunDirectory dir) throws IOException {
        writeRunJson(dir, "running", null, null, null, 0, 0);
        RunConfig.OutputSpec o = cfg.output();
        long startStep = state.step;
        long remaining = remainingSteps();
        ProgressReporter progress = new ProgressReporter(err, remaining, o.progressEverySeconds(), startStep);
        List<TimedObserver> timed = new ArrayList<>();
        ThermoCsvObserver thermo = null;
        TrajectoryObserver traj = null;
        ExtraColumnsObserver extras = null;
        StageObserver stageObs = null;
        TimingBreakdown timing = new TimingBreakdown();
        long loopNanos = 0;
        EngineTimings et;
        try (ForceEngine engine = new ForceEngine(forceField, cfg.skinAngstrom(), cfg.threads())) {
            Protocol.Options options = new Protocol.Options();
            options.energyCheckEvery = cfg.checks().energyEverySteps();
            options.energyJumpEvPerAtom = cfg.checks().maxEnergyJumpEvPerAtom();
            options.checkDisplacement = cfg.checks().displacement();
            Protocol protocol = new Protocol(stages, engine, options);

            thermo = new ThermoCsvObserver(dir.resolve("thermo.csv"), o.thermoEverySteps());
            add(protocol, timed, thermo);
            List<String> formats = o.trajectoryFormats();
            if (!formats.isEmpty()) {
                traj = new TrajectoryObserver(formats.contains("extxyz") ? dir.resolve("traj.extxyz") : null,
                        formats.contains("lammps-dump") ? dir.resolve("traj.lammpstrj") : null,
                        structure.rotation(), o.trajectoryEverySteps());
                add(protocol, timed, traj);
            }
            extras = new ExtraColumnsObserver(dir.path(), o.thermoEverySteps());
            add(protocol, timed, extras);
            RestartObserver restart = new RestartObserver(dir.resolve("restart"), o.restartEverySteps());
            add(protocol, timed, restart);
            // Progress is checked at the thermo interval: an observer due at a step makes the protocol
            // compute energies there, so a finer progress interval would slow the run down.
            long progressEvery = o.thermoEverySteps() > 0 ? o.thermoEverySteps() : 100;
            stageObs = new StageObserver(progressEvery, progress, restart, stages.size());
            add(protocol, timed, stageObs);

            long t0 = System.nanoTime();
            try {
                protocol.run(state);
            } finally {
                loopNanos = System.nanoTime() - t0;
                et = engine.timings();
                long outputNanos = 0;
                for (TimedObserver t : timed) {
                    outputNanos += t.nanos();
                }
                timing.set(TimingBreakdown.Section.FORCE, et.pairNanos + et.manyBodyNanos + et.globalNanos);
                timing.set(TimingBreakdown.Section.NEIGHBOR, et.neighborNanos);
                timing.set(TimingBreakdown.Section.COMM, et.commNanos);
                timing.set(TimingBreakdown.Section.OUTPUT, outputNanos);
                timing.set(TimingBreakdown.Section.OTHER, setupNanos);
                timing.setRemainder(TimingBreakdown.Section.INTEGRATE, loopNanos + setupNanos);
                closeQuietly(thermo, traj, extras);
            }
        }
        long steps = state.step - startStep;
        Map<String, Object> perf = performance(steps, loopNanos);
        Map<String, Object> timingMap = timing.toMap();
        timingMap.put("neighbor_rebuilds", et.rebuilds);
        timingMap.put("force_evaluations", et.evaluations);
        writeRunJson(dir, "completed", stageObs.records(), timingMap, thermo.lastRow(), steps, loopNanos);
        err.print(timing.table("Timing breakdown"));
        err.printf(Locale.ROOT, "Performance: %s%n", Json.compact(perf));
        err.flush();
    }

    private static void add(Protocol p, List<TimedObserver> timed, StepObserver o) {
        TimedObserver t = new TimedObserver(o);
        timed.add(t);
        p.addObserver(t);
    }

    private static void closeQuietly(AutoCloseable... cs) {
        for (AutoCloseable c : cs) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // Closing after a failure must not hide the failure; after success the files are flushed.
                }
            }
        }
    }

    private Map<String, Object> performance(long steps, long loopNanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        double sec = loopNanos * 1e-9;
        m.put("steps", steps);
        m.put("loop_s", sec);
        m.put("atom_steps_per_s", sec > 0 ? (double) steps * state.atoms.nlocal / sec : 0.0);
        double dt = 0;
        for (Stage s : stages) {
            if (s instanceof DynamicsStage d) {
                dt = d.dtPs();
                break;
            }
        }
        m.put("ns_per_day", sec > 0 && dt > 0 ? steps / sec * dt * 86.4 : 0.0);
        return m;
    }

    /** The simulation state (after {@link #prepare()}; advanced by {@link #run}). */
    public SimulationState state() {
        return state;
    }

    private void writeRunJson(RunDirectory dir, String status, List<Map<String, Object>> stageRecords,
                              Map<String, Object> timing, Map<String, Object> lastThermo, long steps,
                              long loopNanos) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        Map<String, Object> dendrite = new LinkedHashMap<>();
        dendrite.put("version", BuildInfo.version());
        dendrite.put("git_commit", BuildInfo.gitCommit());
        m.put("dendrite", dendrite);
        m.put("java", BuildInfo.javaVersion());
        m.put("os", BuildInfo.osVersion());
        m.put("host", hostName());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("command_line", commandLine);
        m.put("config_file", cfg.tree().file().toAbsolutePath().toString());
        m.put("effective_config", cfg.tree().root());
        m.put("inputs", inputs);
        m.put("atoms", state.atoms.nlocal);
        m.put("species", forceField.species().names());
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("run", state.seed);
        seeds.put("config", cfg.seed());
        m.put("seeds", seeds);
        m.put("threads", cfg.threads());
        m.put("skin_A", cfg.skinAngstrom());
        m.put("start_step", state.step - steps);
        m.put("start_time", startTime);
        if (!"running".equals(status)) {
            m.put("end_time", OffsetDateTime.now().toString());
            m.put("end_step", state.step);
            m.put("stages", stageRecords);
            m.put("timing", timing);
            m.put("performance", performance(steps, loopNanos));
            m.put("final_thermo", lastThermo);
        }
        RunDirectory.writeAtomically(dir.resolve("run.json"), Json.pretty(m).getBytes(StandardCharsets.UTF_8));
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Map<String, Object> fileInfo(Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", file.toAbsolutePath().normalize().toString());
        m.put("sha256", sha256(file));
        return m;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }
}
