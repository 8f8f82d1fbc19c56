package org.dendrite.driver.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.dendrite.driver.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 acceptance on {@code local[2]} with tiny bcc Li members (54 atoms, test EAM): a sweep,
 * its resume, a rerun of one deleted member, retries and bad input. One Spark session serves the
 * class (the command reuses a running session and leaves it running). The 8-member sweep runs
 * three sweeps with Parquet (25 s on an idle machine, 45 s at load 15), hence {@code long}; the
 * failure test stays in the default suite and exercises Spark, Kryo registration and Parquet.
 */
class EnsembleSparkTest {
    static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .config(SparkEnsemble.sparkConf("ensemble-test", "local[2]", Map.of(), 1)).getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    record Cli(int code, String out, String err) {
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] head = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            Map<String, String> r = new HashMap<>();
            for (int k = 0; k < head.length && k < f.length; k++) {
                r.put(head[k], f[k]);
            }
            rows.add(r);
        }
        return rows;
    }

    @Test
    @Tag("long")
    @DisplayName("8-member temperature sweep on local[2]: table, Parquet, Arrhenius plot, run.json; rerun does no work; "
            + "a deleted member alone reruns")
    void sweepResumesAndRerunsOnlyTheDeletedMember() throws Exception {
        Path base = EnsembleFixtures.member(dir, "li.yaml", new int[] {3, 3, 3}, 60, "");
        Path cfg = EnsembleFixtures.temperatureSweep(dir, "sweep.yaml", base,
                "[300, 400, 500, 600, 700, 800, 900, 1000]", "");
        Path out = dir.resolve("sweep-out");
        Cli first = cli("ensemble", cfg.toString(), "--master", "local[2]");
        assertEquals(0, first.code, first.out + first.err);
        assertTrue(first.out.contains("8 to run"), first.out);
        List<Map<String, String>> rows = csv(out.resolve("results.csv"));
        assertEquals(8, rows.size());
        for (Map<String, String> r : rows) {
            assertEquals("completed", r.get("status"), r.toString());
            assertEquals("1", r.get("attempts"));
            double t = Double.parseDouble(r.get("temperature_K"));
            double tEnd = Double.parseDouble(r.get("final_temp_K"));
            // 54 atoms after 60 steps of NVT: the temperature follows its set point within wide bounds.
            assertTrue(tEnd > 0.3 * t && tEnd < 2.0 * t, r.toString());
        }
        assertEquals(8, spark.read().parquet(out.resolve("results.parquet").toString()).count());
        assertTrue(Files.size(out.resolve("plots/arrhenius-final_temp_K.png")) > 1000);
        assertTrue(Files.size(out.resolve("plots/parameter-final_pe_eV.png")) > 1000);
        String runJson = Files.readString(out.resolve("run.json"));
        assertEquals(8, runJson.split("\"execution\"").length - 1, "run.json lists the 8 expanded members");

        Cli again = cli("ensemble", cfg.toString(), "--master", "local[2]");
        assertEquals(0, again.code, again.out + again.err);
        assertTrue(again.out.contains("0 to run") && again.out.contains("(0 ran now, 8 reused)"), again.out);
        assertTrue(again.out.contains("nothing to run; results.csv, results.parquet and plots are up to date"),
                "an unchanged sweep leaves its table alone: " + again.out);

        Path victim = out.resolve("members").resolve(rows.get(3).get("member_id"));
        Path other = out.resolve("members").resolve(rows.get(0).get("member_id"));
        long otherStamp = Files.getLastModifiedTime(other.resolve("run.json")).toMillis();
        try (Stream<Path> s = Files.walk(victim)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Cli third = cli("ensemble", cfg.toString(), "--master", "local[2]");
        assertEquals(0, third.code, third.out + third.err);
        assertTrue(third.out.contains("1 to run") && third.out.contains("(1 ran now, 7 reused)"), third.out);
        assertTrue(Files.isRegularFile(victim.resolve("metrics.json")));
        assertEquals(otherStamp, Files.getLastModifiedTime(other.resolve("run.json")).toMillis());
    }

    @Test
    @DisplayName("a blowing-up member is retried up to max_attempts, a bad-input member fails once, the rest "
            + "completes, and the printed command reruns only the failed ones")
    void failuresAreRetriedOrNotByClassAndReported() throws Exception {
        Path base = EnsembleFixtures.member(dir, "li.yaml", new int[] {3, 3, 3}, 40, "");
        Path cfg = dir.resolve("faults.yaml");
        Files.writeString(cfg, String.join("\n",
                "job: ensemble",
                "base: " + base,
                "axes:",
                "  - {name: timestep_fs, key: 'stages[1].timestep_fs', values: [1.0, 60.0, -1.0]}",
                "max_attempts: 3",
                "output: " + dir.resolve("faults-out"),
                ""));
        Cli r = cli("ensemble", cfg.toString(), "--master", "local[2]");
        assertEquals(1, r.code, r.out + r.err);
        Map<String, Map<String, String>> byStep = new HashMap<>();
        for (Map<String, String> row : csv(dir.resolve("faults-out/results.csv"))) {
            byStep.put(row.get("timestep_fs"), row);
        }
        assertEquals("completed", byStep.get("1").get("status"));
        Map<String, String> blown = byStep.get("60");
        assertEquals("failed", blown.get("status"));
        assertEquals("3", blown.get("attempts"));
        assertEquals("simulation", blown.get("failure_class"));
        assertEquals("simulation;simulation;simulation", blown.get("failed_attempts"));
        Map<String, String> bad = byStep.get("-1");
        assertEquals("failed", bad.get("status"));
        assertEquals("1", bad.get("attempts"));
        assertEquals("bad_input", bad.get("failure_class"));
        assertTrue(bad.get("error").contains("timestep_fs"), bad.get("error"));
        String rerun = r.out.lines().filter(l -> l.startsWith("rerun only the failed members: ")).findFirst()
                .orElseThrow().substring("rerun only the failed members: ".length());
        assertTrue(rerun.contains("--only " + blown.get("member_id") + "," + bad.get("member_id")), rerun);
        assertFalse(rerun.contains(byStep.get("1").get("member_id")));

        Cli again = cli("ensemble", cfg.toString(), "--master", "local[2]", "--only-failed");
        assertEquals(1, again.code);
        assertTrue(again.out.contains("2 to run") && again.out.contains("(2 ran now, 1 reused)"), again.out);
    }
}
