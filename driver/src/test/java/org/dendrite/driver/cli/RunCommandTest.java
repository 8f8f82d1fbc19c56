package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    /** The columns docs/config.md promises for thermo.csv, in order. */
    static final String THERMO_HEADER = "step,time_ps,temp_K,pe_eV,ke_eV,etotal_eV,econserve_eV,press_bar,"
            + "pxx_bar,pyy_bar,pzz_bar,pxy_bar,pxz_bar,pyz_bar,volume_A3,lx_A,ly_A,lz_A,xy_A,xz_A,yz_A";

    /** A tiny job on the 192-atom LLZO cell: velocities, 20 NVT steps, 10 NVE steps. */
    static Path tinyConfig(Path dir) throws IOException {
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, String.join("\n",
                "structure: {file: " + CliRunner.LLZO_192 + "}",
                "forcefield: " + CliRunner.DU_TETER,
                "threads: 1",
                "seed: 7",
                "output:",
                "  thermo_every_steps: 10",
                "  trajectory: {format: [extxyz, lammps-dump], every_steps: 10}",
                "  restart_every_steps: 20",
                "stages:",
                "  - {type: velocity, temperature_K: 300}",
                "  - {type: nvt, steps: 20, timestep_fs: 1.0, temperature_K: 300, tdamp_ps: 0.1}",
                "  - {type: nve, steps: 10, timestep_fs: 1.0}",
                ""), StandardCharsets.UTF_8);
        return cfg;
    }

    @Test
    @DisplayName("run of a tiny config completes into DIR with run.json, thermo.csv with the documented columns, trajectories and restarts")
    void tinyRunWritesDocumentedOutputs(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("job");
        CliRunner.Result r = CliRunner.run("run", tinyConfig(tmp).toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isDirectory(out), "completed run directory must carry the requested name");
        assertFalse(Files.exists(tmp.resolve("job.partial")));

        List<String> thermo = Files.readAllLines(out.resolve("thermo.csv"));
        assertEquals(THERMO_HEADER, thermo.get(0));
        // steps 0, 10, 20, 30: one row each, no duplicate at stage boundaries
        assertEquals(List.of("0", "10", "20", "30"), thermo.stream().skip(1).map(l -> l.split(",")[0]).toList());
        for (String row : thermo.subList(1, thermo.size())) {
            assertEquals(21, row.split(",").length, row);
        }

        String json = Files.readString(out.resolve("run.json"));
        for (String key : List.of("\"status\": \"completed\"", "\"git_commit\"", "\"java\"", "\"os\"", "\"host\"",
                "\"effective_config\"", "\"seeds\"", "\"start_time\"", "\"end_time\"", "\"stages\"", "\"wall_s\"",
                "\"timing\"", "\"force_s\"", "\"neighbor_s\"", "\"integrate_s\"", "\"output_s\"", "\"sha256\"", "\"metrics\"")) {
            assertTrue(json.contains(key), "run.json lacks " + key);
        }
        assertTrue(Files.isRegularFile(out.resolve("metrics.json")), "a completed run declares its metrics");
        assertTrue(Files.size(out.resolve("traj.extxyz")) > 0);
        assertTrue(Files.size(out.resolve("traj.lammpstrj")) > 0);
        assertTrue(Files.isRegularFile(out.resolve("restart/step-20.restart")));
        assertTrue(Files.isRegularFile(out.resolve("restart/step-30.restart")));
        assertTrue(Files.isRegularFile(out.resolve("restart/latest.restart")));
        assertTrue(r.err().contains("Timing breakdown"), r.err());
    }

    @Test
    @DisplayName("--set overrides a stage key by list index and the effective config in run.json shows it")
    void setOverrideReachesTheRun(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("hot");
        CliRunner.Result r = CliRunner.run("run", tinyConfig(tmp).toString(), "--out", out.toString(),
                "--set", "stages[1].temperature_K=450", "--set", "output.trajectory.format=none");
        assertEquals(0, r.exitCode(), r.err());
        String json = Files.readString(out.resolve("run.json"));
        assertTrue(json.replaceAll("\\s", "").contains("\"type\":\"nvt\",\"steps\":20,\"timestep_fs\":1.0,\"temperature_K\":450"), json);
        assertFalse(Files.exists(out.resolve("traj.extxyz")));
    }

    @Test
    @DisplayName("a restart from the middle of a run ends in the same state as the uninterrupted run")
    void restartContinuesBitForBit(@TempDir Path tmp) throws IOException {
        Path cfg = tinyConfig(tmp);
        assertEquals(0, CliRunner.run("run", cfg.toString(), "--out", tmp.resolve("a").toString()).exitCode());
        CliRunner.Result r = CliRunner.run("run", cfg.toString(), "--out", tmp.resolve("b").toString(),
                "--restart", tmp.resolve("a/restart/step-20.restart").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> a = Files.readAllLines(tmp.resolve("a/thermo.csv"));
        List<String> b = Files.readAllLines(tmp.resolve("b/thermo.csv"));
        assertEquals(a.get(a.size() - 1), b.get(b.size() - 1));
        assertEquals(-1, Files.mismatch(tmp.resolve("a/restart/latest.restart"), tmp.resolve("b/restart/latest.restart")));
    }

    @Test
    @DisplayName("an unknown config key is one error line with the config file and line, exit code 2, and no run directory")
    void unknownKeyReportsFileAndLine(@TempDir Path tmp) throws IOException {
        Path cfg = tinyConfig(tmp);
        Files.writeString(cfg, Files.readString(cfg).replace("seed: 7", "seed: 7\nthreds: 2"));
        CliRunner.Result r = CliRunner.run("run", cfg.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + cfg + ":5: key 'threds': unknown key"), r.err());
        assertNoEntriesBesides(tmp, "tiny.yaml");
    }

    @Test
    @DisplayName("an unknown key inside a stage is reported at its line in the config file")
    void unknownStageKeyReportsFileAndLine(@TempDir Path tmp) throws IOException {
        Path cfg = tinyConfig(tmp);
        Files.writeString(cfg, Files.readString(cfg).replace("tdamp_ps: 0.1}", "tdamp_ps: 0.1, temprature_K: 5}"));
        CliRunner.Result r = CliRunner.run("run", cfg.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: " + cfg + ":11: key 'stages[1].temprature_K': unknown key"), r.err());
    }

    @Test
    @DisplayName("a missing structure file is one error line naming the config line and the file, exit code 2, no run directory")
    void missingStructureFileIsOneLineExitTwo(@TempDir Path tmp) throws IOException {
        Path cfg = tinyConfig(tmp);
        Files.writeString(cfg, Files.readString(cfg).replace(CliRunner.LLZO_192.toString(), "missing.extxyz"));
        CliRunner.Result r = CliRunner.run("run", cfg.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + cfg + ":1: key 'structure.file': structure file not found: "
                + tmp.resolve("missing.extxyz")), r.err());
        assertNoEntriesBesides(tmp, "tiny.yaml");
    }

    @Test
    @DisplayName("a run that fails (time step far too large) exits 1 and leaves only DIR.failed with error.txt, nothing named DIR")
    void failingRunLeavesOnlyFailedDirectory(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("boom");
        CliRunner.Result r = CliRunner.run("run", tinyConfig(tmp).toString(), "--out", out.toString(),
                "--set", "stages[1].timestep_fs=25");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: simulation failed at step ")), r.err());
        assertFalse(Files.exists(out), "a failed run must not leave a directory that looks complete");
        assertFalse(Files.exists(tmp.resolve("boom.partial")));
        Path failed = tmp.resolve("boom.failed");
        assertTrue(Files.isRegularFile(failed.resolve("error.txt")));
        assertTrue(Files.readString(failed.resolve("error.txt")).startsWith("simulation failed at step "));
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                assertTrue(name.equals("tiny.yaml") || name.endsWith(".partial") || name.endsWith(".failed"), name);
            }
        }
    }

    @Test
    @DisplayName("an existing output directory is never overwritten")
    void existingOutputIsRefused(@TempDir Path tmp) throws IOException {
        Path out = Files.createDirectory(tmp.resolve("done"));
        CliRunner.Result r = CliRunner.run("run", tinyConfig(tmp).toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("already exists"), r.err());
    }

    @Test
    @DisplayName("a deformation stage writes stress_strain.csv with step, time, stage, strain and stress columns")
    void deformStageWritesStressStrain(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("pull");
        CliRunner.Result r = CliRunner.run("run", tinyConfig(tmp).toString(), "--out", out.toString(),
                "--set", "stages[2]={type: deform, axis: x, strain_rate_per_ps: 0.5, temperature_K: 300, steps: 20}");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("stress_strain.csv"));
        assertEquals("step,time_ps,stage,strain,stress_bar", lines.get(0));
        String[] last = lines.get(lines.size() - 1).split(",");
        assertEquals("40", last[0]);
        // ε = ε̇ t = 0.5/ps × 0.020 ps after 20 steps of 1 fs
        assertEquals(0.01, Double.parseDouble(last[3]), 1e-12);
    }

    private static void assertNoEntriesBesides(Path dir, String keep) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(List.of(keep), entries.map(p -> p.getFileName().toString()).toList());
        }
    }
}
