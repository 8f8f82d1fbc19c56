package org.dendrite.driver.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.dendrite.driver.ensemble.EnsembleConfig;
import org.dendrite.driver.ensemble.EnsembleExpansion;
import org.dendrite.driver.ensemble.Member;
import org.dendrite.driver.ensemble.MemberRunner;
import org.dendrite.driver.ensemble.EnsembleRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dendrite ensemble CONFIG.yaml}: a sweep of runs on Spark (docs/ensembles.md). */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = {"Run an ensemble (job: ensemble; docs/ensembles.md): a base run config swept over",
            "axes of values, each member a Spark task (a barrier stage when it asks for several",
            "Hazelcast domains) writing its own run directory under OUT/members/. Members whose",
            "results are complete are reused; failures are retried (bad input is not). Writes",
            "OUT/results.csv, OUT/results.parquet, OUT/plots/*.png and OUT/run.json."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every member completed", "1:some member failed (listed, with a command that reruns them)",
            "2:bad ensemble config or option"})
public final class EnsembleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "Ensemble configuration (job: ensemble).")
    Path config;

    @Option(names = "--set", paramLabel = "key=value",
            description = {"Override a key of the ensemble config, repeatable:",
                "--set 'axes[0].values=[300,600]'  --set repeats=3  --set 'set[0]=threads=2'"})
    List<String> overrides = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL",
            description = {"Spark master (default: spark.master from spark-submit, else the config's",
                "spark.master, else local[*]): local[2], spark://host:7077, yarn, k8s://..."})
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "Ensemble directory (default: the config's output).")
    Path out;

    @Option(names = "--only", paramLabel = "ID[,ID...]", split = ",",
            description = "Run only these members (ids as in results.csv); the others are reported as they are.")
    List<String> only;

    @Option(names = "--only-failed", description = "Run only members that failed in an earlier sweep.")
    boolean onlyFailed;

    @Option(names = "--sequential",
            description = "Run the members one after another in this JVM, without Spark (for comparison).")
    boolean sequential;

    @Option(names = "--dry-run", description = "List the expanded members (id, domains, overrides, state) and stop.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        EnsembleConfig cfg;
        try {
            List<String> all = new ArrayList<>(overrides);
            if (out != null) {
                all.add("output=" + out.toAbsolutePath());
            }
            cfg = EnsembleConfig.load(config, all);
        } catch (RuntimeException e) {
            throw Errors.badInput(e);
        }
        if (dryRun) {
            for (Member m : EnsembleExpansion.expand(cfg, "dry-run")) {
                stdout.printf("%s  domains=%d%s  %s  %s%n", m.id, m.domains, m.hazelcast ? " (hazelcast)" : "",
                        MemberRunner.isComplete(Path.of(m.runDir), m.id) ? "complete" : "to run",
                        String.join(" ", m.overrides));
            }
            stdout.flush();
            return 0;
        }
        Set<String> ids = only == null ? null : new LinkedHashSet<>(only);
        List<String> cmd = new ArrayList<>();
        cmd.add("dendrite");
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        EnsembleRun.Outcome o = new EnsembleRun(cfg, cmd, stdout)
                .run(sequential ? EnsembleRun.Mode.SEQUENTIAL : EnsembleRun.Mode.SPARK, master, ids, onlyFailed);
        return o.failed().isEmpty() ? 0 : CliFailure.RUN_FAILED;
    }
}
