package org.dendrite.driver.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.dendrite.driver.cli.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member on 2 Hazelcast domains runs as a barrier stage of 2 tasks on local[2] (each task an
 * embedded Hazelcast member, the cluster formed from the addresses the tasks exchange) and gives
 * the same thermo.csv as {@code dendrite run} of the same config outside Spark (2 embedded members
 * in one JVM). About 45 s on the shared 2-core machine (Spark session, Parquet, two Hazelcast
 * clusters), hence {@code long}.
 */
@Tag("long")
class EnsembleBarrierTest {
    @TempDir
    Path dir;

    static int cli(StringWriter out, String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    @Test
    @DisplayName("2-domain Hazelcast member in a barrier stage on local[2] equals the same run outside Spark")
    void barrierMemberEqualsRunOutsideSpark() throws Exception {
        // 6x3x3 bcc Li cells (108 atoms, a = 21 Å): two bricks of 10.5 Å > cut-off 5.5 + skin 1 Å.
        Path base = EnsembleFixtures.member(dir, "li2.yaml", new int[] {6, 3, 3}, 40,
                "partition: {domains: 2x1x1, transport: hazelcast, members: 2, join_timeout_s: 60}");
        Path cfg = dir.resolve("barrier.yaml");
        Files.writeString(cfg, String.join("\n",
                "job: ensemble",
                "base: " + base,
                "axes:",
                "  - name: temperature_K",
                "    keys: ['stages[0].temperature_K', 'stages[1].temperature_K']",
                "    values: [500]",
                "output: " + dir.resolve("barrier-out"),
                ""));
        SparkSession spark = SparkSession.builder()
                .config(SparkEnsemble.sparkConf("barrier-test", "local[2]", Map.of(), 1)).getOrCreate();
        StringWriter log = new StringWriter();
        try {
            assertEquals(0, cli(log, "ensemble", cfg.toString(), "--master", "local[2]"), log.toString());
        } finally {
            spark.stop();
        }
        List<String> rows = Files.readAllLines(dir.resolve("barrier-out/results.csv"));
        assertEquals(2, rows.size());
        String id = rows.get(1).split(",")[0];
        Path inSpark = dir.resolve("barrier-out/members").resolve(id);
        String runJson = Files.readString(inSpark.resolve("run.json"));
        assertTrue(runJson.contains("\"transport\": \"hazelcast\"") && runJson.contains("\"domains\": 2"), runJson);

        Path outside = dir.resolve("outside");
        StringWriter log2 = new StringWriter();
        assertEquals(0, cli(log2, "run", base.toString(), "--set", "stages[0].temperature_K=500", "--set",
                "stages[1].temperature_K=500", "--set", "threads=1", "--out", outside.toString()), log2.toString());
        List<String> a = Files.readAllLines(inSpark.resolve("thermo.csv"));
        List<String> b = Files.readAllLines(outside.resolve("thermo.csv"));
        assertTrue(a.size() >= 5, "header + steps 0, 10, 20, 30, 40");
        assertEquals(b, a, "thermo.csv of the barrier-stage member and of dendrite run outside Spark");
    }
}
