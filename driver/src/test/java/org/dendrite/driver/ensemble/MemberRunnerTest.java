package org.dendrite.driver.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The member bookkeeping without Spark: lost attempts, invalid results, reuse. */
class MemberRunnerTest {
    @TempDir
    Path dir;

    private Member member(String invocation) throws Exception {
        Path base = EnsembleFixtures.member(dir, "li.yaml", new int[] {3, 3, 3}, 20, "");
        Path cfg = EnsembleFixtures.temperatureSweep(dir, "e.yaml", base, "[400]", "");
        Member m = EnsembleExpansion.expand(EnsembleConfig.load(cfg, List.of()), invocation).get(0);
        Files.createDirectories(Path.of(m.runDir).getParent());
        return m;
    }

    @Test
    @DisplayName("a .partial left by a lost executor of this sweep counts as an executor_lost attempt and is moved aside")
    void partialOfThisSweepIsAnExecutorLostAttempt() throws Exception {
        Member m = member("sweep-a");
        Path partial = Path.of(m.runDir + ".partial");
        Files.createDirectories(partial);
        MemberRunner.writeMemberJson(m, partial, "running");
        MemberResult r = MemberRunner.run(m);
        assertEquals(MemberResult.COMPLETED, r.status);
        assertEquals(2, r.attempts);
        assertEquals("executor_lost", r.history);
        assertFalse(Files.exists(partial));
        try (Stream<Path> s = Files.list(Path.of(m.runDir + ".attempts"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("sweep-a-")
                    && p.getFileName().toString().endsWith("executor_lost")));
        }
        assertTrue(MemberRunner.isComplete(Path.of(m.runDir), m.id));
        assertTrue(Files.readString(Path.of(m.runDir, "member.log")).contains("Timing breakdown"),
                "the job's own output is kept as member.log");
    }

    @Test
    @DisplayName("a .partial of an earlier sweep is moved aside without using an attempt of this one")
    void partialOfEarlierSweepDoesNotCount() throws Exception {
        Member old = member("sweep-old");
        Path partial = Path.of(old.runDir + ".partial");
        Files.createDirectories(partial);
        MemberRunner.writeMemberJson(old, partial, "running");
        Member m = member("sweep-new");
        MemberResult r = MemberRunner.run(m);
        assertEquals(MemberResult.COMPLETED, r.status);
        assertEquals(1, r.attempts);
        assertEquals("", r.history);
    }

    @Test
    @DisplayName("a completed member is reused without work; without its metrics.json it is invalid and runs again")
    void completeIsReusedInvalidRunsAgain() throws Exception {
        Member m = member("s1");
        assertEquals(MemberResult.COMPLETED, MemberRunner.run(m).status);
        Path runJson = Path.of(m.runDir, "run.json");
        long stamp = Files.getLastModifiedTime(runJson).toMillis();
        MemberResult again = MemberRunner.run(member("s2"));
        assertTrue(again.reused);
        assertEquals(stamp, Files.getLastModifiedTime(runJson).toMillis());
        Files.delete(Path.of(m.runDir, "metrics.json"));
        assertFalse(MemberRunner.isComplete(Path.of(m.runDir), m.id));
        MemberResult third = MemberRunner.run(member("s3"));
        assertFalse(third.reused);
        assertEquals(MemberResult.COMPLETED, third.status);
        assertTrue(Files.isRegularFile(Path.of(m.runDir, "metrics.json")));
    }

    @Test
    @DisplayName("a job: conduction base sweeps like an MD one: each member's summary.json numbers are its metrics")
    void conductionMembersReportTheirSummary() throws Exception {
        Path base = dir.resolve("cond.yaml");
        Files.writeString(base, String.join("\n",
                "job: conduction",
                "geometry: {width_um: 20, thickness_um: 10, grain_size_um: 5, seed: 1}",
                "mesh: {element_size_um: 1}",
                "materials: {sigma_grain_S_per_m: 0.1, sigma_gb_S_per_m: 1.0e-6, gb_thickness_nm: 5}",
                "layers: {top: {thickness_um: 2, sigma_S_per_m: 0.01}}",
                "voltage_V: 0.1", ""));
        Path cfg = dir.resolve("layers.yaml");
        Files.writeString(cfg, String.join("\n",
                "job: ensemble",
                "base: " + base,
                "axes: [{name: layer_thickness_um, key: layers.top.thickness_um, values: [1, 4]}]",
                "output: " + dir.resolve("layers-out"),
                "plots: [{type: parameter, metric: hot_spot_ratio}]", ""));
        java.io.StringWriter log = new java.io.StringWriter();
        EnsembleRun.Outcome o = new EnsembleRun(EnsembleConfig.load(cfg, List.of()), List.of("test"),
                new java.io.PrintWriter(log, true)).run(EnsembleRun.Mode.SEQUENTIAL, null, null, false);
        assertEquals(2, o.completed(), log.toString());
        for (java.util.Map<String, Object> row : o.table().rows()) {
            assertTrue(row.get("hot_spot_ratio") instanceof Double h && h >= 1.0, row.toString());
        }
        assertTrue(Files.size(dir.resolve("layers-out/plots/parameter-hot_spot_ratio.png")) > 1000);
    }
}
