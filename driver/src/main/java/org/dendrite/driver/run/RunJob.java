package org.dendrite.driver.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.dendrite.md.analysis.Analyses;
import org.dendrite.md.analysis.Analysis;
import org.dendrite.md.analysis.AnalysisContext;
import org.dendrite.md.analysis.AnalysisSettings;
import org.dendrite.md.analysis.RunMetrics;
import org.dendrite.md.engine.EngineTimings;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.integrate.DynamicsStage;
import org.dendrite.md.integrate.Protocol;
import org.dendrite.md.integrate.Stage;
import org.dendrite.md.integrate.Stages;
import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;
import org.dendrite.md.io.InputException;
import org.dendrite.md.integrate.IterativeStage;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.state.RestartFile;
import org.dendrite.md.state.SimulationState;
import org.dendrite.partition.BrickGrid;
import org.dendrite.partition.DecomposedSystem;
import org.dendrite.partition.hazelcast.HazelcastTransport;
import org.dendrite.partition.hazelcast.RankHosts;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import org.dendrite.partition.DecomposedRun;
import org.dendrite.partition.LoadBalancer;
import org.dendrite.partition.DomainHalo;
import org.dendrite.partition.comm.Transport;

/**
 * One {@code dendrite run}: {@link #prepare()} reads and checks every input (a failure there is bad
 * input and leaves no directory), {@link #run(RunDirectory)} runs the protocol with its observers
 * and writes run.json. The caller creates the run directory between the two and renames it by the
 * outcome.
 *
 * <p>With a {@code partition:} block of more than one domain (or the Hazelcast transport) the
 * protocol runs on every rank of a {@link DecomposedRun}, one thread per rank, each with the same
 * stages built from the config; thermo rows and stage quantities are collective (every rank takes
 * part), and rank 0 writes the files, trajectory frames and restarts from states gathered in atom-id
 * order (docs/partitioning.md, "dendrite run on several domains").
 */
public final class RunJob implements AutoCloseable {
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
    private BrickGrid grid;
    private PartitionLaunch launch;
    private final Map<String, Object> decomposition = new LinkedHashMap<>();
    private final RunMetrics metrics = new RunMetrics();
    /** Transports made by the caller, one per rank, null where another process hosts the rank. */
    private Transport[] hostedTransports;

    public RunJob(RunConfig cfg, Path restartFile, List<String> commandLine, PrintWriter out, PrintWriter err) {
        this.cfg = cfg;
        this.restartFile = restartFile;
        this.commandLine = List.copyOf(commandLine);
        this.out = out;
        this.err = err;
    }

    /**
     * Runs only the ranks whose entry is non-null, over transports the caller made and closes (a
     * Spark ensemble's barrier task hosts one rank per task; docs/ensembles.md). Call before
     * {@link #prepare()}: no Hazelcast member is started by this job then. Every process prepares
     * the same config (the same initial state); the process hosting rank 0 passes its run directory
     * to {@link #run} and writes everything, the others pass null and write nothing. A failure ends
     * the run (no member-loss recovery: the caller retries).
     */
    public void useTransports(Transport[] transports) {
        this.hostedTransports = transports.clone();
    }

    /** Reads structure, force field, stages and (if given) the restart file; throws on bad input. */
    public void prepare() {
        long t0 = System.nanoTime();
        prepareInputs();
        checkPartition();
        if (hostedTransports != null) {
            if (!cfg.partition().decomposed() || hostedTransports.length != grid.domains()) {
                throw new IllegalArgumentException("the caller hosts " + hostedTransports.length + " rank transport(s) "
                        + "but partition.domains gives " + grid.domains() + " domain(s)");
            }
        } else if (cfg.partition().decomposed()) {
            launch = new PartitionLaunch(cfg.partition());
            launch.start();
        }
        setupNanos = System.nanoTime() - t0;
    }

    private void prepareInputs() {
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
        checkAnalyses();
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
    }

    /** Builds the {@code output.analyses} once without a directory, so a bad key fails before the run. */
    private void checkAnalyses() {
        try {
            for (Analysis a : Analyses.createAll(cfg.output().analyses(),
                    AnalysisContext.checkOnly(forceField.species(), structure.box(), forceField))) {
                a.close();
            }
        } catch (ParamException e) {
            throw cfg.tree().error(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The analyses of this run, writing into {@code dir} and into {@link #metrics()}. */
    private List<Analysis> createAnalyses(RunDirectory dir) {
        try {
            return Analyses.createAll(cfg.output().analyses(), new AnalysisContext(forceField.species(), state.box.copy(),
                    dir.path(), metrics, forceField, new AnalysisPlots(dir.path())));
        } catch (ParamException e) {
            throw cfg.tree().error(e);
        }
    }

    /** The analyses of the decomposed run in progress (held by the writing rank). */
    private volatile List<Analysis> runAnalyses = List.of();

    /** Type, name and schedule of every configured analysis (ranks that hold none still join their gathers). */
    private List<AnalysisSettings> analysisSchedule() throws IOException {
        List<AnalysisSettings> out = new ArrayList<>();
        for (Analysis a : Analyses.createAll(cfg.output().analyses(),
                AnalysisContext.checkOnly(forceField.species(), state.box, forceField))) {
            out.add(a.settings());
            a.close();
        }
        return out;
    }

    /** Final tables, plots and metrics of every analysis (after a run that completed). */
    private static void finishAnalyses(List<Analysis> analyses) throws IOException {
        for (Analysis a : analyses) {
            a.finish();
        }
    }

    /**
     * The decomposition must fit the box: every split axis at least cut-off + skin thick per brick
     * (DomainHalo's limit, checked here so the error names the key), and no stage that runs on one
     * domain only.
     */
    private void checkPartition() {
        RunConfig.PartitionSpec ps = cfg.partition();
        double halo = forceField.maxCutoff() + cfg.skinAngstrom();
        double[] w = {state.box.perpendicularWidth(0), state.box.perpendicularWidth(1), state.box.perpendicularWidth(2)};
        if (ps.grid() == null) {
            try {
                grid = BrickGrid.choose(state.box, ps.count(), halo);
            } catch (IllegalArgumentException e) {
                throw cfg.tree().error(new ParamException("partition.count", e.getMessage()));
            }
        } else {
            int[] n = ps.grid();
            for (int k = 0; k < 3; k++) {
                if (n[k] > 1 && w[k] / n[k] < halo) {
                    throw cfg.tree().error(new ParamException("partition.domains", String.format(Locale.ROOT,
                            "%s splits the cell's %c axis (width %.3f Å) into bricks %.3f Å thick, thinner than "
                                    + "cut-off + skin = %.3f Å; at most %d domain(s) along %c for this cell: use fewer "
                                    + "domains, a larger cell, or a smaller cut-off or skin", ps.describe(),
                            "abc".charAt(k), w[k], w[k] / n[k], halo, Math.max(1, (int) Math.floor(w[k] / halo)),
                            "abc".charAt(k))));
                }
            }
            grid = new BrickGrid(n[0], n[1], n[2]);
        }
        if (grid.domains() > 1) {
            List<Params> specs = cfg.stages();
            for (int k = 0; k < stages.size(); k++) {
                if (stages.get(k) instanceof IterativeStage st) {
                    throw cfg.tree().error(new ParamException(specs.get(k).pathOf("type"), "stage '" + st.label()
                            + "' (" + st.type() + ") runs on one domain only, and partition.domains is "
                            + ps.describe() + " (" + grid.domains() + " domains): minimise in a separate run with "
                            + "partition.domains=1x1x1 and continue from its restart or structure"));
                }
            }
        }
    }

    /** Shuts down the Hazelcast members this job started (if any). */
    @Override
    public void close() {
        if (launch != null) {
            launch.close();
        }
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
        if (cfg.partition().decomposed()) {
            runDecomposed(dir);
            return;
        }
        decomposition.put("grid", "1x1x1");
        decomposition.put("domains", 1);
        decomposition.put("transport", "local");
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
        List<Analysis> analyses = List.of();
        TimingBreakdown timing = new TimingBreakdown();
        long loopNanos = 0;
        EngineTimings et;
        try (ForceEngine engine = new ForceEngine(forceField, cfg.skinAngstrom(), cfg.threads())) {
            Protocol protocol = new Protocol(stages, engine, protocolOptions());

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
            analyses = createAnalyses(dir);
            for (Analysis a : analyses) {
                add(protocol, timed, new AnalysisObserver(a.settings(), a, StateGather.SINGLE));
            }

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
        complete(dir, analyses, timing, et, stageObs.records(), thermo.lastRow(), state.step - startStep, loopNanos,
                "Timing breakdown");
    }

    /**
     * The end of a run that completed, on one domain or several: final analysis tables and plots,
     * run.json with status "completed" (and metrics.json), the timing table and performance line.
     */
    private void complete(RunDirectory dir, List<Analysis> analyses, TimingBreakdown timing, EngineTimings et,
                          List<Map<String, Object>> stageRecords, Map<String, Object> lastThermo, long steps,
                          long loopNanos, String timingTitle) throws IOException {
        try {
            finishAnalyses(analyses);
        } finally {
            closeQuietly(analyses.toArray(new AutoCloseable[0]));
        }
        Map<String, Object> perf = performance(steps, loopNanos);
        Map<String, Object> timingMap = timing.toMap();
        timingMap.put("neighbor_rebuilds", et.rebuilds);
        timingMap.put("force_evaluations", et.evaluations);
        writeRunJson(dir, "completed", stageRecords, timingMap, lastThermo, steps, loopNanos);
        err.print(timing.table(timingTitle));
        err.printf(Locale.ROOT, "Performance: %s%n", Json.compact(perf));
        err.flush();
    }

    private Protocol.Options protocolOptions() {
        Protocol.Options options = new Protocol.Options();
        options.energyCheckEvery = cfg.checks().energyEverySteps();
        options.energyJumpEvPerAtom = cfg.checks().maxEnergyJumpEvPerAtom();
        options.checkDisplacement = cfg.checks().displacement();
        return options;
    }

    /** The observers of one rank: all compute their collective parts, only rank 0's write. */
    private static final class RankObservers {
        final List<TimedObserver> timed = new ArrayList<>();
        ThermoCsvObserver thermo;
        TrajectoryObserver traj;
        ExtraColumnsObserver extras;
        StageObserver stageObs;
        long loopNanos;
        SimulationState finalState;
    }

    /**
     * The protocol on every rank of a {@link DecomposedRun}: one thread per rank, ForceEngine threads =
     * threads / ranks (at least 1), the same stages built per rank from the config.
     */
    private void runDecomposed(RunDirectory dir) throws IOException {
        RunConfig.PartitionSpec ps = cfg.partition();
        if (hostedTransports != null) {
            if (hostedTransports[0] != null) {
                runDecomposedOnce(dir, new CheckpointStore(dir.resolve("checkpoint"), null), state.step);
            } else {
                runOtherRanks();
            }
            return;
        }
        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoint"),
                launch.hazelcast() ? launch.checkpointMap() : null);
        decomposition.put("checkpoint_every_steps", ps.checkpointEverySteps());
        List<Map<String, Object>> recoveries = new ArrayList<>();
        decomposition.put("recoveries", recoveries);
        long originalStart = state.step;
        SimulationState initial = state;
        int ranksBefore = grid.domains();
        while (true) {
            try {
                runDecomposedOnce(dir, store, originalStart);
                return;
            } catch (RuntimeException failure) {
                List<String> gone = launch.hazelcast() ? launch.departed() : List.of();
                int left = launch.hazelcast() ? launch.ranksOnLiveMembers(ranksBefore) : 0;
                if (gone.size() <= recoveries.size() || left < 1) {
                    throw failure;
                }
                // A member left: re-decompose the newest checkpoint over the ranks the live members host.
                long failedAt = reachedStep;
                CheckpointStore.Restored back = store.restore(launch.checkpointMap());
                SimulationState from = back != null ? back.state() : initial;
                String source = back != null ? back.source() : "initial state (no checkpoint yet)";
                double halo = forceField.maxCutoff() + cfg.skinAngstrom();
                int count = left;
                BrickGrid g = null;
                while (g == null) {
                    try {
                        g = BrickGrid.choose(from.box, count, halo);
                    } catch (IllegalArgumentException e) {
                        if (--count < 1) {
                            throw failure;
                        }
                    }
                }
                if (back != null) {
                    RestartFile.write(from, dir.resolve("checkpoint").resolve("restored-step-" + from.step + ".restart"));
                }
                Path aside = dir.resolve("before-loss-" + (recoveries.size() + 1));
                Files.createDirectories(aside);
                // Every step-indexed output (thermo, stress-strain and analysis tables, trajectories)
                // restarts in a fresh file; OutputStitcher joins them when the run completes.
                try (java.util.stream.Stream<Path> files = Files.list(dir.path())) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        if (OutputStitcher.kindOf(f.getFileName().toString()) != null) {
                            Files.move(f, aside.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("member_left", gone.get(gone.size() - 1));
                rec.put("detected_at_step", failedAt);
                rec.put("error", String.valueOf(failure.getMessage()));
                rec.put("restored_step", from.step);
                rec.put("restored_from", source);
                rec.put("steps_repeated", failedAt - from.step);
                rec.put("domains_before", ranksBefore);
                rec.put("domains_after", g.domains());
                rec.put("grid_after", g.na() + "x" + g.nb() + "x" + g.nc());
                rec.put("outputs_before_loss", aside.getFileName().toString());
                asides.add(aside);
                restoredSteps.add(from.step);
                recoveries.add(rec);
                err.printf(Locale.ROOT, "Member loss: Hazelcast member %s left at step %d; restoring the step-%d "
                                + "checkpoint (%s) on %d domains (%s, was %d); %d steps repeated; outputs up to the "
                                + "loss kept in %s/ and joined with the rest at the end%n", rec.get("member_left"), failedAt, from.step, source,
                        g.domains(), rec.get("grid_after"), ranksBefore, failedAt - from.step, aside.getFileName());
                err.flush();
                state = from;
                grid = g;
                ranksBefore = g.domains();
            }
        }
    }

    /** Highest step any local rank reached in the last attempt (for the member-loss record). */
    private long reachedStep;
    /** Outputs set aside at each member loss, and the step each recovery restarted from. */
    private final List<Path> asides = new ArrayList<>();
    private final List<Long> restoredSteps = new ArrayList<>();

    private void runDecomposedOnce(RunDirectory dir, CheckpointStore store, long originalStart) throws IOException {
        RunConfig.PartitionSpec ps = cfg.partition();
        int ranks = grid.domains();
        int engineThreads = Math.max(1, cfg.threads() / ranks);
        decomposition.put("grid", grid.na() + "x" + grid.nb() + "x" + grid.nc());
        decomposition.put("domains", ranks);
        decomposition.put("transport", ps.transport());
        decomposition.put("engine_threads_per_rank", engineThreads);
        if ("hazelcast".equals(ps.transport()) && launch != null) {
            decomposition.put("members", ps.members());
            decomposition.put("expected_members", ps.expectedMembers());
            decomposition.put("cluster_name", ps.clusterName());
            decomposition.put("member_addresses", launch.memberAddresses());
        }
        writeRunJson(dir, "running", null, null, null, 0, 0);
        RunConfig.OutputSpec o = cfg.output();
        long startStep = originalStart;
        ProgressReporter progress = new ProgressReporter(err, remainingSteps(), o.progressEverySeconds(), state.step);
        RankObservers[] obs = new RankObservers[ranks];
        TimingBreakdown timing = new TimingBreakdown();
        long loopNanos;
        EngineTimings et;
        String runName = launch == null ? null : launch.newRunName();
        String[] placement = launch == null ? null : launch.place(ranks);
        boolean remote = launch != null && launch.remote(placement);
        if (remote) {
            // Ranks on members of other JVMs: they build the same run from the config and this state.
            RankHosts.publish(launch.firstLive(), new RankHosts.Ticket(runName,
                    cfg.tree().file().toAbsolutePath().toString(), cfg.tree().overrides(),
                    new int[] {grid.na(), grid.nb(), grid.nc()}, placement, RestartFile.toBytes(state),
                    Math.round(ps.timeoutSeconds() * 1000)));
            decomposition.put("rank_members", List.of(placement));
        }
        Transport[] transports = null;
        List<Analysis> analyses = createAnalyses(dir);
        runAnalyses = analyses;
        try {
            transports = launch == null ? hostedTransports : launch.transports(runName, ranks, placement);
            try (DecomposedRun run = new DecomposedRun(state, forceField, grid, cfg.skinAngstrom(), engineThreads,
                    transports)) {
                decomposition.put("atoms_per_rank_start", run.startCounts());
                long t0 = System.nanoTime();
                try {
                    run.run(r -> runRank(run, r, obs, dir, store, progress));
                } finally {
                    loopNanos = System.nanoTime() - t0;
                    reachedStep = 0;
                    for (int r = 0; r < ranks; r++) {
                        if (run.state(r) != null) {
                            reachedStep = Math.max(reachedStep, run.state(r).step);
                        }
                    }
                    for (RankObservers ro : obs) {
                        if (ro != null) {
                            closeQuietly(ro.thermo, ro.traj, ro.extras);
                        }
                    }
                }
                state = obs[0].finalState;
                decomposition.put("atoms_per_rank_end", run.currentCounts());
                List<Double> share = new ArrayList<>();
                List<Double> sumShare = new ArrayList<>();
                for (int r = 0; r < ranks; r++) {
                    DomainHalo h = run.state(r) == null ? null : run.halo(r);
                    double loop = obs[r] == null ? 1 : Math.max(1, obs[r].loopNanos);
                    // Ranks hosted by another JVM report no timing here (null in run.json).
                    share.add(h == null ? null : h.exchangeNanos() / loop);
                    sumShare.add(h == null ? null : h.sumNanos() / loop);
                }
                decomposition.put("exchange_share_per_rank", share);
                decomposition.put("sum_share_per_rank", sumShare);
                LoadBalancer.Report balance = run.halo(0).lastBalance();
                if (balance != null) {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("last_rebuild", balance.rebuild());
                    b.put("imbalance_before", balance.imbalanceBefore());
                    b.put("atom_imbalance_after", balance.atomsImbalanceAfter());
                    b.put("cuts_frac", balance.cuts());
                    decomposition.put("last_balance", b);
                }
                et = run.engine(0).timings();
                DomainHalo h0 = run.halo(0);
                long outputNanos = 0;
                for (TimedObserver t : obs[0].timed) {
                    outputNanos += t.nanos();
                }
                // Rank 0's view. The exchange holds the engine's forward/reverse communication (its Comm
                // timer) and the ghost builds inside its neighbour timer; those are taken out of Neigh so
                // no time is counted twice.
                long exchange = h0.exchangeNanos();
                long borders = Math.max(0, exchange - et.commNanos - h0.sumNanos());
                timing.set(TimingBreakdown.Section.FORCE, et.pairNanos + et.manyBodyNanos + et.globalNanos);
                timing.set(TimingBreakdown.Section.NEIGHBOR, Math.max(0, et.neighborNanos - borders));
                timing.set(TimingBreakdown.Section.EXCHANGE, exchange);
                timing.set(TimingBreakdown.Section.OUTPUT, outputNanos);
                timing.set(TimingBreakdown.Section.OTHER, setupNanos);
                timing.setRemainder(TimingBreakdown.Section.INTEGRATE, loopNanos + setupNanos);
            }
        } finally {
            if (launch != null) {
                Transport.closeAll(transports);
            }
            if (remote) {
                RankHosts.withdraw(launch.firstLive(), runName);
            }
        }
        if (!asides.isEmpty()) {
            // One thermo.csv, trajectory, … as if the run had not been interrupted (OutputStitcher).
            List<String> separate = OutputStitcher.stitch(dir.path(), asides, restoredSteps);
            decomposition.put("outputs_joined_across_losses", separate.isEmpty() ? "all" : String.join("; ", separate));
        }
        complete(dir, analyses, timing, et, obs[0].stageObs.records(), obs[0].thermo.lastRow(), state.step - startStep,
                loopNanos, "Timing breakdown (rank 0 of " + ranks + ")");
    }

    /**
     * The protocol of one rank of a decomposed run. Every rank builds the same stages and observers
     * (thermo rows, gathers and checkpoints are collective); only rank 0 of the JVM that owns the
     * run directory ({@code dir} non-null) writes files and reports progress.
     */
    private void runRank(DecomposedRun run, DecomposedSystem.Rank r, RankObservers[] obs, RunDirectory dir,
                         CheckpointStore store, ProgressReporter progress) throws IOException {
        RunConfig.PartitionSpec ps = cfg.partition();
        int k = r.rank;
        if (ps.balance() != null) {
            run.halo(k).setBalancer(new LoadBalancer(ps.balance()));
        }
        boolean writer = k == 0 && dir != null;
        RankObservers ro = new RankObservers();
        obs[k] = ro;
        StateGather gather = info -> run.gather(k, info.state());
        Protocol protocol = new Protocol(buildStages(), r.engine, protocolOptions());
        attachObservers(protocol, dir, writer, ro, gather, writer ? progress : null);
        // Analyses see the gathered global state: every rank joins the gather on their schedule, only
        // the writing rank holds them.
        List<AnalysisSettings> schedule = analysisSchedule();
        for (int i = 0; i < schedule.size(); i++) {
            add(protocol, ro.timed, new AnalysisObserver(schedule.get(i), writer ? runAnalyses.get(i) : null, gather));
        }
        add(protocol, ro.timed, new CheckpointObserver(ps.checkpointEverySteps(), gather, writer ? store : null));
        if (writer && launch != null && ps.injectMemberLossAtStep() > 0
                && launch.live().size() == launch.memberCount()) {
            add(protocol, ro.timed, memberLossInjection(ps.injectMemberLossAtStep()));
        }
        long start = System.nanoTime();
        try {
            protocol.run(run.state(k));
        } finally {
            ro.loopNanos = System.nanoTime() - start;
            closeQuietly(ro.thermo, ro.traj, ro.extras);
        }
        // The global state in id order, for run.json and for callers of state().
        ro.finalState = run.gather(k, run.state(k));
    }

    /**
     * This JVM's ranks of a run coordinated elsewhere ({@code dendrite member}, {@link RankHosts}):
     * the state and grid of the ticket, this config's force field and stages, transports on
     * {@code hz} for the ranks the ticket puts on it. Returns when the run ends; throws when a rank
     * fails (the coordinator sees the failure through the transport and recovers or reports it).
     */
    public void hostRanks(RankHosts.Ticket ticket, HazelcastInstance hz) throws IOException {
        prepareInputs();
        SimulationState start = RestartFile.fromBytes(ticket.state(), "rank ticket of " + ticket.run());
        List<String> own = start.atoms.species.names();
        List<String> ff = forceField.species().names();
        if (!own.equals(ff)) {
            throw new IllegalArgumentException("rank ticket of " + ticket.run() + ": species " + own
                    + " differ from the force field's " + ff + " in " + cfg.tree().file()
                    + " (is the config the same file on every host?)");
        }
        state = start;
        grid = new BrickGrid(ticket.grid()[0], ticket.grid()[1], ticket.grid()[2]);
        int ranks = grid.domains();
        if (ticket.memberOfRank().length != ranks) {
            throw new IllegalArgumentException("rank ticket of " + ticket.run() + ": " + ticket.memberOfRank().length
                    + " rank placements for a " + ranks + "-brick grid");
        }
        HazelcastInstance[] on = new HazelcastInstance[ranks];
        for (int r : ticket.ranksOf(hz.getCluster().getLocalMember().getUuid())) {
            on[r] = hz;
        }
        int engineThreads = Math.max(1, cfg.threads() / ranks);
        Transport[] transports = HazelcastTransport.group(ticket.run(), on,
                Duration.ofMillis(ticket.timeoutMillis()));
        RankObservers[] obs = new RankObservers[ranks];
        try (DecomposedRun run = new DecomposedRun(state, forceField, grid, cfg.skinAngstrom(), engineThreads,
                transports)) {
            run.run(r -> runRank(run, r, obs, null, null, null));
        } finally {
            for (RankObservers ro : obs) {
                if (ro != null) {
                    closeQuietly(ro.thermo, ro.traj, ro.extras);
                }
            }
            Transport.closeAll(transports);
        }
    }

    /** The ranks of {@link #useTransports} when rank 0 (and the run directory) is in another process. */
    private void runOtherRanks() throws IOException {
        int ranks = grid.domains();
        int engineThreads = Math.max(1, cfg.threads() / ranks);
        RankObservers[] obs = new RankObservers[ranks];
        try (DecomposedRun run = new DecomposedRun(state, forceField, grid, cfg.skinAngstrom(), engineThreads,
                hostedTransports)) {
            run.run(r -> runRank(run, r, obs, null, null, null));
        } finally {
            for (RankObservers ro : obs) {
                if (ro != null) {
                    closeQuietly(ro.thermo, ro.traj, ro.extras);
                }
            }
        }
    }

    /** Terminates the last embedded member after step {@code at} (partition.inject_member_loss_at_step). */
    private StepObserver memberLossInjection(long at) {
        return new StepObserver() {
            @Override
            public long interval() {
                return at;
            }

            @Override
            public void observe(StepInfo info) {
                if (info.step() == at) {
                    err.printf(Locale.ROOT, "Fault injection: terminating the last Hazelcast member after step %d%n", at);
                    err.flush();
                    launch.terminateLast();
                }
            }
        };
    }

    private List<Stage> buildStages() {
        List<Stage> list = new ArrayList<>();
        for (Params p : cfg.stages()) {
            list.add(Stages.create(p));
        }
        return list;
    }

    private void attachObservers(Protocol protocol, RunDirectory dir, boolean writer, RankObservers ro,
                                 StateGather gather, ProgressReporter progress) throws IOException {
        RunConfig.OutputSpec o = cfg.output();
        ro.thermo = new ThermoCsvObserver(writer ? dir.resolve("thermo.csv") : null, o.thermoEverySteps());
        add(protocol, ro.timed, ro.thermo);
        List<String> formats = o.trajectoryFormats();
        if (!formats.isEmpty()) {
            ro.traj = new TrajectoryObserver(writer && formats.contains("extxyz") ? dir.resolve("traj.extxyz") : null,
                    writer && formats.contains("lammps-dump") ? dir.resolve("traj.lammpstrj") : null,
                    structure.rotation(), o.trajectoryEverySteps(), gather);
            add(protocol, ro.timed, ro.traj);
        }
        ro.extras = new ExtraColumnsObserver(writer ? dir.path() : null, o.thermoEverySteps());
        add(protocol, ro.timed, ro.extras);
        RestartObserver restart = new RestartObserver(writer ? dir.resolve("restart") : null, o.restartEverySteps(),
                gather);
        add(protocol, ro.timed, restart);
        long progressEvery = o.thermoEverySteps() > 0 ? o.thermoEverySteps() : 100;
        ro.stageObs = new StageObserver(progressEvery, progress, restart, stages.size());
        add(protocol, ro.timed, ro.stageObs);
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
        m.put("decomposition", decomposition);
        m.put("start_step", state.step - steps);
        m.put("start_time", startTime);
        if (!"running".equals(status)) {
            m.put("end_time", OffsetDateTime.now().toString());
            m.put("end_step", state.step);
            m.put("stages", stageRecords);
            m.put("timing", timing);
            m.put("performance", performance(steps, loopNanos));
            m.put("final_thermo", lastThermo);
            m.put("metrics", metrics.asMap());
        }
        if ("completed".equals(status)) {
            RunDirectory.writeAtomically(dir.resolve("metrics.json"),
                    Json.pretty(metrics.asMap()).getBytes(StandardCharsets.UTF_8));
        }
        RunDirectory.writeAtomically(dir.resolve("run.json"), Json.pretty(m).getBytes(StandardCharsets.UTF_8));
    }

    /** The run's declared results ({@code metrics.json}); analyses attached to the run add to it. */
    public RunMetrics metrics() {
        return metrics;
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
