package org.dendrite.driver.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.dendrite.driver.config.ConfigException;
import org.dendrite.driver.config.ConfigTree;
import org.dendrite.driver.config.RunConfig;
import org.dendrite.driver.fem.ConductionJob;
import org.dendrite.driver.run.RunDirectory;
import org.dendrite.driver.run.RunJob;
import org.dendrite.md.io.StructureFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dendrite run CONFIG.yaml}: runs the protocol of a run config into a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a job described by a YAML run config (docs/config.md) into a run",
            "directory (run.json, thermo.csv, trajectories, restart files), named",
            "DIR.partial while running, DIR on success, DIR.failed on failure."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed", "1:the run started and failed (see DIR.failed/error.txt)",
            "2:bad config, structure, force field or option"})
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "Run configuration.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory (default: runs/<config-name>-<yyyyMMdd-HHmmss>).")
    Path out;

    @Option(names = "--set", paramLabel = "key=value",
            description = {"Override a config key (dotted path, list indices; value",
                "parsed as YAML), repeatable: --set stages[1].temperature_K=900"})
    List<String> overrides = new ArrayList<>();

    @Option(names = "--restart", paramLabel = "FILE",
            description = "Continue from a restart file written by an earlier run of the same config.")
    Path restart;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        RunJob job = null;
        RunDirectory dir;
        try {
            ConfigTree tree = ConfigTree.load(config);
            if ("conduction".equals(String.valueOf(tree.root().get("job")))) {
                return runConduction(tree, stdout, stderr);
            }
            RunConfig cfg = loadConfig(config, overrides);
            job = new RunJob(cfg, restart, commandLine(), stdout, stderr);
            job.prepare();
            dir = RunDirectory.create(out != null ? out : defaultOutput(config));
        } catch (RuntimeException e) {
            if (job != null) {
                job.close();
            }
            throw Errors.badInput(e);
        }
        try (RunJob j = job) {
            return runIn(dir, j::run, stdout, stderr);
        }
    }

    /** The body of a job that writes into a run directory. */
    @FunctionalInterface
    private interface DirectoryJob {
        void run(RunDirectory dir) throws Exception;
    }

    /**
     * Runs a job into {@code dir}: renamed to its final name when the job succeeds, to
     * {@code DIR.failed} with error.txt when it throws (exit code 1, one line naming the directory).
     */
    private Integer runIn(RunDirectory dir, DirectoryJob body, PrintWriter stdout, PrintWriter stderr) {
        stderr.println("dendrite: running " + config + " in " + dir.path());
        stderr.flush();
        try {
            body.run(dir);
            Path done = dir.complete();
            stdout.println("run completed: " + done);
            return 0;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            String reason = Errors.describe(e);
            Path failed = dir.fail(reason, e);
            throw new CliFailure(CliFailure.RUN_FAILED, reason + " (run directory: " + failed + ")", e);
        }
    }

    /** {@code job: conduction} (docs/config.md): the FEM polycrystal conduction job, same run-directory rules. */
    private Integer runConduction(ConfigTree tree, PrintWriter stdout, PrintWriter stderr) {
        for (String o : overrides) {
            tree.set(o);
        }
        if (restart != null) {
            throw new ConfigException("--restart", "a conduction job is a single steady solve; it has no restart");
        }
        ConductionJob job = new ConductionJob(tree, commandLine(), stdout);
        RunDirectory dir = RunDirectory.create(out != null ? out : defaultOutput(config));
        return runIn(dir, job::run, stdout, stderr);
    }

    private List<String> commandLine() {
        List<String> args = new ArrayList<>();
        args.add("dendrite");
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        return args;
    }

    /** Reads the config, applies overrides in order, checks every key and that the input files exist. */
    public static RunConfig loadConfig(Path file, List<String> overrides) {
        ConfigTree tree = ConfigTree.load(file);
        for (String o : overrides) {
            tree.set(o);
        }
        RunConfig cfg = RunConfig.read(tree);
        if (!cfg.structure().built()) {
            requireFile(tree, "structure.file", cfg.structure().file(), "structure file");
        }
        requireFile(tree, "forcefield", cfg.forcefield(), "force-field file");
        if (!cfg.structure().built() && cfg.structure().types() != null
                && StructureFiles.formatOf(cfg.structure().file()) == StructureFiles.Format.EXTXYZ) {
            throw new ConfigException(tree.locate("structure.types").toString(), "key 'structure.types': applies to "
                    + "LAMMPS data files only; extended XYZ names its species in the species column");
        }
        return cfg;
    }

    private static void requireFile(ConfigTree tree, String key, Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new ConfigException(tree.locate(key).toString(), "key '" + key + "': " + what + " not found: " + p);
        }
    }

    static Path defaultOutput(Path config) {
        String name = config.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", name + "-" + stamp);
    }
}
