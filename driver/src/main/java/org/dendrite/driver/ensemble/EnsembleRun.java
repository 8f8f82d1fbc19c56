package org.dendrite.driver.ensemble;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dendrite.driver.BuildInfo;
import org.dendrite.driver.run.Json;
import org.dendrite.driver.run.RunDirectory;

/**
 * One sweep of an ensemble: expands the members, skips those whose results are complete, runs the
 * rest on Spark (or one after another in this JVM), then writes {@code results.csv},
 * {@code results.parquet}, the plots and the ensemble's {@code run.json} into the ensemble
 * directory, and says which members failed and why, with the command that reruns only those.
 */
public final class EnsembleRun {
    /** How the members are executed. */
    public enum Mode { SPARK, SEQUENTIAL }

    /** What a sweep did (for the command line and the tests). */
    public record Outcome(Path directory, int members, int ran, int reused, int completed, List<String> failed,
                          ResultsTable table, double wallSeconds, String rerunCommand) {
    }

    private final EnsembleConfig cfg;
    private final List<String> commandLine;
    private final PrintWriter out;

    public EnsembleRun(EnsembleConfig cfg, List<String> commandLine, PrintWriter out) {
        this.cfg = cfg;
        this.commandLine = List.copyOf(commandLine);
        this.out = out;
    }

    /**
     * @param mode    Spark tasks, or sequentially in this JVM (the benchmark's baseline)
     * @param master  Spark master (null: {@code spark.master} from spark-submit, else the config's)
     * @param only    member ids to consider (null = all); others are reported from their directories
     * @param onlyFailed consider only members that failed in an earlier sweep
     */
    public Outcome run(Mode mode, String master, Set<String> only, boolean onlyFailed) throws IOException {
        long t0 = System.nanoTime();
        String invocation = OffsetDateTime.now().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        List<Member> members = EnsembleExpansion.expand(cfg, invocation);
        Path root = cfg.output();
        Files.createDirectories(root.resolve("members"));
        List<Member> pending = new ArrayList<>();
        int reused = 0;
        for (Member m : members) {
            Path dir = Path.of(m.runDir);
            boolean selected = (only == null || only.contains(m.id))
                    && (!onlyFailed || Files.isDirectory(MemberRunner.sibling(dir, ".attempts")));
            if (MemberRunner.isComplete(dir, m.id)) {
                reused++;
            } else if (selected) {
                pending.add(m);
            }
        }
        out.printf(Locale.ROOT, "ensemble %s: %d members, %d complete (reused), %d to run%s%n", cfg.name(),
                members.size(), reused, pending.size(), mode == Mode.SPARK ? "" : " (one after another in this JVM)");
        out.flush();
        Map<String, MemberResult> results = new LinkedHashMap<>();
        Map<String, Object> sparkInfo = new LinkedHashMap<>();
        SparkEnsemble spark = null;
        Map<String, Object> phases = new LinkedHashMap<>();
        long tp = System.nanoTime();
        try {
            Path csv = root.resolve("results.csv");
            Path parquet = root.resolve("results.parquet");
            if (mode == Mode.SPARK && !pending.isEmpty()) {
                spark = startSpark(master, sparkInfo);
                tp = phase(phases, "spark_session_s", tp);
                results.putAll(spark.run(pending, out));
            } else {
                for (Member m : pending) {
                    results.put(m.id, MemberRunner.run(m));
                }
            }
            for (Member m : pending) {
                if (!results.containsKey(m.id) && !MemberRunner.isComplete(Path.of(m.runDir), m.id)) {
                    MemberResult r = new MemberResult();
                    r.id = m.id;
                    r.status = MemberResult.FAILED;
                    r.failureClass = FailureClass.EXECUTOR_LOST.label();
                    r.error = "no result came back from Spark (its task or executor was lost more often than "
                            + "spark.task.maxFailures allows)";
                    r.host = "";
                    results.put(m.id, r);
                }
            }
            for (Member m : members) {
                if (!results.containsKey(m.id) && MemberRunner.isComplete(Path.of(m.runDir), m.id)) {
                    results.put(m.id, MemberRunner.run(m));
                }
            }
            tp = phase(phases, "members_s", tp);
            ResultsTable table = ResultsTable.build(members, results);
            byte[] csvBytes = table.csvBytes();
            // Nothing ran and the table is what the files already hold: leave them (and Spark) alone.
            boolean unchanged = pending.isEmpty() && Files.isRegularFile(csv)
                    && java.util.Arrays.equals(Files.readAllBytes(csv), csvBytes)
                    && (mode != Mode.SPARK || Files.isDirectory(parquet));
            if (!unchanged) {
                RunDirectory.writeAtomically(csv, csvBytes);
            }
            tp = phase(phases, "table_csv_s", tp);
            if (mode == Mode.SPARK && !unchanged) {
                if (spark == null) {
                    spark = startSpark(master, sparkInfo);
                }
                table.writeParquet(spark.session(), parquet);
                tp = phase(phases, "parquet_s", tp);
            }
            if (unchanged) {
                sparkInfo.put("master", "not started: nothing to run and results.csv/results.parquet unchanged");
                out.println("ensemble: nothing to run; results.csv, results.parquet and plots are up to date");
            }
            Files.createDirectories(root.resolve("plots"));
            List<Map<String, Object>> plots = new ArrayList<>();
            List<String> axisNames = new ArrayList<>();
            cfg.axes().forEach(a -> axisNames.add(a.name()));
            for (EnsembleConfig.PlotSpec p : cfg.plots()) {
                if (unchanged && Files.isRegularFile(root.resolve("plots").resolve(p.file()))) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("type", p.type());
                    pm.put("metric", p.metric());
                    pm.put("x", p.x());
                    pm.put("file", "plots/" + p.file());
                    pm.put("note", "unchanged");
                    plots.add(pm);
                    continue;
                }
                EnsemblePlots.Outcome o = EnsemblePlots.plot(p, table, axisNames, root.resolve("plots"));
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("type", p.type());
                pm.put("metric", p.metric());
                pm.put("x", p.x());
                pm.put("file", o.file() == null ? null : "plots/" + o.file());
                if (o.activationEnergyEv() != null) {
                    pm.put("activation_energy_eV", o.activationEnergyEv());
                }
                if (!o.note().isEmpty()) {
                    pm.put("note", o.note());
                    out.println("ensemble: " + o.note());
                }
                plots.add(pm);
            }
            phase(phases, "plots_s", tp);
            List<String> failed = new ArrayList<>();
            int completed = 0;
            for (Map<String, Object> row : table.rows()) {
                if (MemberResult.COMPLETED.equals(row.get("status"))) {
                    completed++;
                } else if (MemberResult.FAILED.equals(row.get("status"))) {
                    failed.add((String) row.get("member_id"));
                }
            }
            int ran = 0;
            for (MemberResult r : results.values()) {
                ran += r.reused ? 0 : 1;
            }
            double wall = (System.nanoTime() - t0) * 1e-9;
            String rerun = failed.isEmpty() ? "" : rerunCommand(failed);
            sparkInfo.put("phases", phases);
            writeRunJson(members, results, table, plots, sparkInfo, invocation, wall, rerun, ran, reused);
            for (Map<String, Object> row : table.rows()) {
                if (failed.contains((String) row.get("member_id"))) {
                    out.printf(Locale.ROOT, "FAILED %s after %d attempt(s) [%s]: %s%n", row.get("member_id"),
                            ((Double) row.get("attempts")).intValue(), row.get("failure_class"), row.get("error"));
                }
            }
            out.printf(Locale.ROOT, "ensemble %s: %d/%d completed (%d ran now, %d reused), %d failed, %.1f s %s; "
                            + "results: %s%n", cfg.name(), completed, members.size(), ran, reused, failed.size(), wall,
                    Json.compact(phases), root.resolve("results.csv"));
            if (!failed.isEmpty()) {
                out.println("rerun only the failed members: " + rerun);
            }
            out.flush();
            return new Outcome(root, members.size(), ran, reused, completed, failed, table, wall, rerun);
        } finally {
            if (spark != null) {
                spark.close();
            }
        }
    }

    private SparkEnsemble startSpark(String master, Map<String, Object> sparkInfo) {
        String m = master != null ? master : System.getProperty("spark.master") != null ? null : cfg.sparkMaster();
        SparkEnsemble spark = new SparkEnsemble("dendrite-ensemble-" + cfg.name(), m, cfg.sparkConf(),
                cfg.threadsPerMember());
        sparkInfo.put("master", spark.master());
        sparkInfo.put("application_id", spark.applicationId());
        sparkInfo.put("version", spark.session().version());
        sparkInfo.put("default_parallelism", spark.defaultParallelism());
        return spark;
    }

    private static long phase(Map<String, Object> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) * 1e-9);
        return now;
    }

    /** The command line of this sweep with {@code --only} naming the failed members. */
    String rerunCommand(List<String> failed) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < commandLine.size(); i++) {
            String a = commandLine.get(i);
            if (a.equals("--only")) {
                i++;
                continue;
            }
            if (a.startsWith("--only=") || a.equals("--only-failed")) {
                continue;
            }
            args.add(a.contains(" ") || a.contains("[") || a.contains("*") ? "'" + a + "'" : a);
        }
        args.add("--only");
        args.add(String.join(",", failed));
        return String.join(" ", args);
    }

    private void writeRunJson(List<Member> members, Map<String, MemberResult> results, ResultsTable table,
                              List<Map<String, Object>> plots, Map<String, Object> sparkInfo, String invocation,
                              double wall, String rerun, int ran, int reused) throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("job", "ensemble");
        j.put("name", cfg.name());
        j.put("description", cfg.description());
        Map<String, Object> dendrite = new LinkedHashMap<>();
        dendrite.put("version", BuildInfo.version());
        dendrite.put("git_commit", BuildInfo.gitCommit());
        j.put("dendrite", dendrite);
        j.put("java", BuildInfo.javaVersion());
        j.put("command_line", commandLine);
        j.put("config_file", cfg.tree().file().toAbsolutePath().toString());
        j.put("effective_config", cfg.tree().root());
        j.put("base", cfg.base().toString());
        j.put("invocation", invocation);
        j.put("spark", sparkInfo);
        j.put("combine", cfg.combine());
        j.put("repeats", cfg.repeats());
        j.put("max_attempts", cfg.maxAttempts());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Member m : members) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", m.id);
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < m.paramNames.length; i++) {
                params.put(m.paramNames[i], ResultsTable.number(m.paramValues[i]));
            }
            e.put("parameters", params);
            e.put("overrides", List.of(m.overrides));
            e.put("domains", m.domains);
            e.put("execution", m.hazelcast && m.domains > 1 ? "barrier stage of " + m.domains + " tasks" : "task");
            e.put("run_dir", cfg.output().relativize(Path.of(m.runDir)).toString());
            MemberResult r = results.get(m.id);
            e.put("status", r == null ? "not run" : r.status);
            list.add(e);
        }
        j.put("members", list);
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("ran", ran);
        sweep.put("reused", reused);
        sweep.put("wall_s", wall);
        sweep.put("end_time", OffsetDateTime.now().toString());
        sweep.put("rerun_failed", rerun);
        j.put("sweep", sweep);
        j.put("results", List.of("results.csv", "results.parquet"));
        j.put("columns", table.columns());
        j.put("plots", plots);
        RunDirectory.writeAtomically(cfg.output().resolve("run.json"), Json.pretty(j).getBytes(StandardCharsets.UTF_8));
    }
}
