package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchMdCommandTest {

    @Test
    @DisplayName("bench md prints one JSON line with atoms, steps, threads, seconds and atom_steps_per_s = atoms*steps/seconds")
    void benchPrintsOneJsonLine() {
        CliRunner.Result r = CliRunner.run("bench", "md", "--structure", CliRunner.LLZO_192.toString(),
                "--forcefield", CliRunner.DU_TETER.toString(), "--steps", "4", "--threads", "1",
                "--replicate", "1,1,2");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        String line = r.out().trim();
        assertTrue(line.startsWith("{") && line.endsWith("}"), line);
        assertEquals(384.0, number(line, "atoms"));
        assertEquals(4.0, number(line, "steps"));
        assertEquals(1.0, number(line, "threads"));
        double seconds = number(line, "seconds");
        assertTrue(seconds > 0, line);
        assertEquals(384.0 * 4 / seconds, number(line, "atom_steps_per_s"), 1e-9 * 384 * 4 / seconds);
        assertTrue(number(line, "neighbor_rebuilds") >= 0, line);
    }

    @Test
    @DisplayName("bench md rejects a malformed --replicate with exit code 2")
    void badReplicateExitsTwo() {
        CliRunner.Result r = CliRunner.run("bench", "md", "--structure", CliRunner.LLZO_192.toString(),
                "--forcefield", CliRunner.DU_TETER.toString(), "--steps", "4", "--replicate", "1,2");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: --replicate"), r.err());
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.Ee+-]+)").matcher(json);
        assertTrue(m.find(), key + " missing in " + json);
        return Double.parseDouble(m.group(1));
    }
}
