package org.dendrite.driver.ensemble;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.dendrite.driver.config.ConfigTree;
import org.dendrite.driver.config.RunConfig;
import org.dendrite.driver.cli.RunCommand;
import org.dendrite.driver.fem.ConductionJob;
import org.dendrite.driver.run.Json;
import org.dendrite.driver.run.RunDirectory;
import org.dendrite.driver.run.RunJob;

/**
 * Runs one member in this JVM with its attempts, exactly as {@code dendrite run BASE --set ... --out
 * DIR} would, and keeps the bookkeeping on the shared file system so that any process can tell
 * what happened:
 * <ul>
 * <li>{@code DIR/} with {@code member.json} and {@code run.json} (status completed): done; reused
 *     by later sweeps without running anything;</li>
 * <li>{@code DIR.partial/}: an attempt that is running or whose process died (an executor lost);</li>
 * <li>{@code DIR.attempts/<invocation>-<n>-<class>/}: each failed attempt's directory with its
 *     {@code error.txt}, moved aside so the next attempt starts clean.</li>
 * </ul>
 */
public final class MemberRunner {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Written into every attempt's directory before it runs, and kept in the completed one. */
    public static final String MEMBER_JSON = "member.json";

    private MemberRunner() {
    }

    /** One attempt's body: prepares and runs the member's job into the directory it creates. */
    @FunctionalInterface
    interface Attempt {
        /** Returns the run directory it created (or throws; {@code created[0]} holds it if it got that far). */
        Path run(Member m, RunDirectory[] created, PrintWriter log) throws Exception;
    }

    /** Runs (or reuses) a single-domain member with up to {@code maxAttempts} attempts. */
    public static MemberResult run(Member m) {
        return run(m, MemberRunner::attemptInProcess);
    }

    static MemberResult run(Member m, Attempt body) {
        Path dir = Path.of(m.runDir);
        MemberResult r = new MemberResult();
        r.id = m.id;
        r.host = hostName();
        if (isComplete(dir, m.id)) {
            return reused(m, dir);
        }
        List<String> history = new ArrayList<>();
        int attempts = priorAttempts(m, dir, history);
        while (attempts < m.maxAttempts) {
            attempts++;
            long t0 = System.nanoTime();
            RunDirectory[] created = new RunDirectory[1];
            StringWriter logText = new StringWriter();
            try (PrintWriter log = new PrintWriter(logText)) {
                Path done = body.run(m, created, log);
                r.status = MemberResult.COMPLETED;
                r.wallSeconds = (System.nanoTime() - t0) * 1e-9;
                annotate(done, attempts, r.wallSeconds, history);
                writeLog(done, logText);
                r.failureClass = "";
                r.error = "";
                break;
            } catch (Throwable e) {
                FailureClass cls = FailureClass.of(e);
                r.status = MemberResult.FAILED;
                r.wallSeconds = (System.nanoTime() - t0) * 1e-9;
                r.failureClass = cls.label();
                r.error = describe(e, cls);
                history.add(cls.label());
                writeLog(setAside(m, dir, created[0], attempts, cls, r.error, e), logText);
                if (!cls.retryable()) {
                    break;
                }
            }
        }
        r.attempts = attempts;
        r.history = String.join(";", history);
        if (r.status == null) {
            // Attempts were used up by earlier (lost) attempts of this sweep.
            r.status = MemberResult.FAILED;
            r.failureClass = history.isEmpty() ? FailureClass.ERROR.label() : history.get(history.size() - 1);
            r.error = "no attempt left (" + m.maxAttempts + " allowed)";
        }
        return r;
    }

    /** The plain path: {@code dendrite run} (or the conduction job) in this JVM into the member directory. */
    static Path attemptInProcess(Member m, RunDirectory[] created, PrintWriter log) throws Exception {
        Path base = Path.of(m.baseConfig);
        ConfigTree probe = ConfigTree.load(base);
        List<String> cmd = commandLine(m);
        if ("conduction".equals(String.valueOf(probe.root().get("job")))) {
            for (String o : m.overrides) {
                probe.set(o);
            }
            ConductionJob job = new ConductionJob(probe, cmd, log);
            RunDirectory dir = RunDirectory.create(Path.of(m.runDir));
            created[0] = dir;
            writeMemberJson(m, dir.path(), "running");
            job.run(dir);
            return finish(m, dir, log);
        }
        RunConfig cfg = RunCommand.loadConfig(base, m.overrideList());
        try (RunJob job = new RunJob(cfg, null, cmd, log, log)) {
            job.prepare();
            RunDirectory dir = RunDirectory.create(Path.of(m.runDir));
            created[0] = dir;
            writeMemberJson(m, dir.path(), "running");
            job.run(dir);
            return finish(m, dir, log);
        }
    }

    /** Writes the member's log and member.json (status completed) and renames DIR.partial to DIR. */
    static Path finish(Member m, RunDirectory dir, PrintWriter log) throws IOException {
        log.flush();
        writeMemberJson(m, dir.path(), MemberResult.COMPLETED);
        return dir.complete();
    }

    /** Adds the attempt count, wall time and failure history to a completed member's member.json. */
    @SuppressWarnings("unchecked")
    static void annotate(Path done, int attempts, double wallSeconds, List<String> history) throws IOException {
        Path f = done.resolve(MEMBER_JSON);
        Map<String, Object> j = JSON.readValue(f.toFile(), LinkedHashMap.class);
        j.put("attempts", attempts);
        j.put("wall_s", wallSeconds);
        j.put("failed_attempts", history);
        RunDirectory.writeAtomically(f, Json.pretty(j).getBytes(StandardCharsets.UTF_8));
    }

    static List<String> commandLine(Member m) {
        List<String> cmd = new ArrayList<>(List.of("dendrite", "run", m.baseConfig));
        for (String o : m.overrides) {
            cmd.add("--set");
            cmd.add(o);
        }
        cmd.add("--out");
        cmd.add(m.runDir);
        return cmd;
    }

    static void writeMemberJson(Member m, Path dir, String status) throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", m.id);
        j.put("status", status);
        j.put("invocation", m.invocation);
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < m.paramNames.length; i++) {
            params.put(m.paramNames[i], m.paramValues[i]);
        }
        j.put("parameters", params);
        j.put("base", m.baseConfig);
        j.put("overrides", List.of(m.overrides));
        j.put("host", hostName());
        j.put("time", OffsetDateTime.now().toString());
        RunDirectory.writeAtomically(dir.resolve(MEMBER_JSON), Json.pretty(j).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Complete and valid: the directory exists under its final name (no {@code .partial} or
     * {@code .failed} beside it), its member.json names this member with status completed, and its
     * run.json is readable (an MD run's also says completed and has its metrics.json).
     */
    public static boolean isComplete(Path dir, String id) {
        if (!Files.isDirectory(dir) || Files.exists(sibling(dir, RunDirectory.PARTIAL))
                || Files.exists(sibling(dir, RunDirectory.FAILED))) {
            return false;
        }
        try {
            Map<?, ?> member = JSON.readValue(dir.resolve(MEMBER_JSON).toFile(), Map.class);
            if (!id.equals(member.get("id")) || !MemberResult.COMPLETED.equals(member.get("status"))) {
                return false;
            }
            Map<?, ?> run = JSON.readValue(dir.resolve("run.json").toFile(), Map.class);
            if (run.containsKey("status")) {
                return "completed".equals(run.get("status")) && Files.isRegularFile(dir.resolve("metrics.json"))
                        && JSON.readValue(dir.resolve("metrics.json").toFile(), Map.class) != null;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static MemberResult reused(Member m, Path dir) {
        MemberResult r = new MemberResult();
        r.id = m.id;
        r.status = MemberResult.COMPLETED;
        r.reused = true;
        r.host = hostName();
        try {
            Map<?, ?> j = JSON.readValue(dir.resolve(MEMBER_JSON).toFile(), Map.class);
            if (j.get("host") != null) {
                r.host = String.valueOf(j.get("host"));
            }
            if (j.get("attempts") instanceof Number n) {
                r.attempts = n.intValue();
            }
            if (j.get("wall_s") instanceof Number w) {
                r.wallSeconds = w.doubleValue();
            }
            if (j.get("failed_attempts") instanceof List<?> h) {
                List<String> classes = new ArrayList<>();
                h.forEach(c -> classes.add(String.valueOf(c)));
                r.history = String.join(";", classes);
            }
        } catch (IOException e) {
            // isComplete read it a moment ago; the defaults above stand.
        }
        return r;
    }

    /**
     * Attempts this sweep already made (a Spark task re-run after its executor was lost finds the
     * lost attempt's {@code .partial}); every leftover directory of an unfinished attempt, of this or
     * an earlier sweep, is moved aside so the next attempt starts clean.
     */
    static int priorAttempts(Member m, Path dir, List<String> history) {
        Path attemptsDir = sibling(dir, ".attempts");
        for (String suffix : new String[] {RunDirectory.PARTIAL, RunDirectory.FAILED, ""}) {
            Path left = suffix.isEmpty() ? dir : sibling(dir, suffix);
            if (!Files.isDirectory(left)) {
                continue;
            }
            String inv = "earlier";
            try {
                Map<?, ?> j = JSON.readValue(left.resolve(MEMBER_JSON).toFile(), Map.class);
                inv = String.valueOf(j.get("invocation"));
            } catch (IOException | RuntimeException e) {
                // No member.json: the attempt died before it was written; count it as an earlier one.
            }
            String cls = suffix.equals(RunDirectory.PARTIAL) ? FailureClass.EXECUTOR_LOST.label()
                    : suffix.equals(RunDirectory.FAILED) ? "failed" : "incomplete";
            moveAside(left, attemptsDir, (m.invocation.equals(inv) ? inv : "earlier-" + inv) + "-"
                    + System.currentTimeMillis() + "-" + cls);
        }
        int n = 0;
        try (Stream<Path> s = Files.isDirectory(attemptsDir) ? Files.list(attemptsDir) : Stream.empty()) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(m.invocation + "-")) {
                    n++;
                    history.add(name.substring(name.lastIndexOf('-') + 1));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n;
    }

    /** Moves a failed attempt's directory to {@code DIR.attempts/<sweep>-<n>-<class>/} and returns that path. */
    static Path setAside(Member m, Path dir, RunDirectory created, int attempt, FailureClass cls,
                                 String reason, Throwable e) {
        Path attemptsDir = sibling(dir, ".attempts");
        String name = m.invocation + "-" + attempt + "-" + cls.label();
        if (created != null) {
            Path failed = created.fail(reason, e);
            moveAside(failed, attemptsDir, name);
        } else {
            // Failed before its directory existed (bad input): record the reason only.
            try {
                Path p = attemptsDir.resolve(name);
                Files.createDirectories(p);
                Files.writeString(p.resolve("error.txt"), reason + System.lineSeparator(), StandardCharsets.UTF_8);
            } catch (IOException io) {
                // The reason still reaches the results table.
            }
        }
        return attemptsDir.resolve(name);
    }

    /** The job's own stdout/stderr lines (progress, timing table) as {@code member.log} of the attempt. */
    static void writeLog(Path attemptDir, StringWriter logText) {
        try {
            if (Files.isDirectory(attemptDir)) {
                Files.writeString(attemptDir.resolve("member.log"), logText.toString(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // A missing log must not turn a result into a failure.
        }
    }

    private static void moveAside(Path from, Path attemptsDir, String name) {
        try {
            Files.createDirectories(attemptsDir);
            Files.move(from, attemptsDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot move " + from + " aside: " + e.getMessage(), e);
        }
    }

    static Path sibling(Path p, String suffix) {
        return p.resolveSibling(p.getFileName().toString() + suffix);
    }

    /** One line: bad input as its message (it names file, line and key), anything else with its type. */
    static String describe(Throwable e, FailureClass cls) {
        String msg = String.valueOf(e.getMessage()).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        if (cls == FailureClass.BAD_INPUT || cls == FailureClass.SIMULATION) {
            return msg;
        }
        return e.getClass().getSimpleName() + ": " + msg;
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
