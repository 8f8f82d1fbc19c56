package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dendrite.md.state.RestartFile;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, item 4: checkpoints every {@code partition.checkpoint_every_steps} into a Hazelcast IMap
 * (one synchronous backup) and to disk; when a member leaves mid-run the job re-decomposes the last
 * checkpoint over the ranks the remaining members host and finishes the run.
 */
class MemberLossRecoveryTest {

    /** LLZO 192-atom cell replicated 2x2x2 (1536 atoms): velocity 600 K + 60 NVT steps, checkpoints every 20. */
    static Path config(Path dir) throws IOException {
        Path cfg = dir.resolve("loss.yaml");
        Files.writeString(cfg, String.join("\n",
                "structure: {file: " + CliRunner.LLZO_192 + ", replicate: [2, 2, 2]}",
                "forcefield: " + CliRunner.DU_TETER,
                "threads: 2",
                "seed: 11",
                "output:",
                "  thermo_every_steps: 10",
                "  restart_every_steps: 0",
                "stages:",
                "  - {type: velocity, temperature_K: 600}",
                "  - {type: nvt, steps: 60, timestep_fs: 1.0, temperature_K: 600, tdamp_ps: 0.05}",
                "partition:",
                "  checkpoint_every_steps: 20",
                ""), StandardCharsets.UTF_8);
        return cfg;
    }

    static double sumCharge(SimulationState s) {
        double q = 0;
        for (int i = 0; i < s.atoms.nlocal; i++) {
            q += s.atoms.q[i];
        }
        return q;
    }

    @Test
    @DisplayName("4 ranks on 2 embedded Hazelcast members, one member terminated after step 30: the run restores the "
            + "step-20 checkpoint on the 2 remaining ranks, finishes at step 60 with every atom and the total charge, "
            + "and ends where a run restarted from the same checkpoint on the same grid ends (1e-8 Å)")
    void memberLossRecoversFromCheckpoint(@TempDir Path tmp) throws IOException {
        Path cfg = config(tmp);
        Path lost = tmp.resolve("lost");
        long t0 = System.nanoTime();
        CliRunner.Result r = CliRunner.run("run", cfg.toString(), "--out", lost.toString(),
                "--set", "partition.domains=2x2x1", "--set", "partition.transport=hazelcast",
                "--set", "partition.members=2", "--set", "partition.timeout_s=30",
                "--set", "partition.inject_member_loss_at_step=30");
        double lostSeconds = (System.nanoTime() - t0) * 1e-9;
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("Member loss"), r.err());
        String json = Files.readString(lost.resolve("run.json"));
        for (String key : new String[] {"\"recoveries\"", "\"member_left\"", "\"restored_step\": 20",
"\"restored_from\": \"hazelcast-imap\"", "\"domains_after\": 2"}) {
            assertTrue(json.contains(key), "run.json lacks " + key + ":\n" + json);
        }
        // The loss is seen at the first exchange after the member went away: step 30 or 31 (a rank may
        // have begun step 31); the repeated steps are counted from there.
        Matcher d = Pattern.compile("\"detected_at_step\": ([0-9]+)").matcher(json);
        assertTrue(d.find(), json);
        long detected = Long.parseLong(d.group(1));
        assertTrue(detected == 30 || detected == 31, "detected at " + detected);
        assertTrue(json.contains("\"steps_repeated\": " + (detected - 20)), json);
        Matcher m = Pattern.compile("\"grid_after\": \"([0-9x]+)\"").matcher(json);
        assertTrue(m.find(), json);
        String gridAfter = m.group(1);

        java.util.List<String> rows = Files.readAllLines(lost.resolve("thermo.csv"));
        assertEquals(java.util.List.of("0", "10", "20", "30", "40", "50", "60"),
                rows.subList(1, rows.size()).stream().map(l -> l.split(",")[0]).toList(),
                "thermo.csv is appended across the loss: one row per step");
        Path checkpoint = lost.resolve("checkpoint/restored-step-20.restart");
        SimulationState start = RestartFile.read(checkpoint);
        SimulationState endLost = RestartFile.read(lost.resolve("restart/latest.restart"));
        assertEquals(20, start.step);
        assertEquals(60, endLost.step);
        assertEquals(start.atoms.nlocal, endLost.atoms.nlocal, "atom count");
        assertEquals(sumCharge(start), sumCharge(endLost), 1e-10, "total charge");

        Path straight = tmp.resolve("straight");
        CliRunner.Result rs = CliRunner.run("run", cfg.toString(), "--out", straight.toString(),
                "--restart", checkpoint.toString(), "--set", "partition.domains=" + gridAfter);
        assertEquals(0, rs.exitCode(), rs.err());
        SimulationState endStraight = RestartFile.read(straight.resolve("restart/latest.restart"));
        assertEquals(endStraight.atoms.nlocal, endLost.atoms.nlocal);
        double worst = 0;
        for (int i = 0; i < 3 * endLost.atoms.nlocal; i++) {
            assertEquals(endStraight.atoms.id[i / 3], endLost.atoms.id[i / 3], "atom-id order");
            worst = Math.max(worst, Math.abs(endStraight.atoms.x[i] - endLost.atoms.x[i]));
        }
        System.out.printf("member loss run %.1f s (grid after %s); final positions vs restart from the step-20 "
                + "checkpoint: %.3g A%n", lostSeconds, gridAfter, worst);
        assertTrue(worst <= 1e-8, "positions differ by " + worst + " A");
    }
}
