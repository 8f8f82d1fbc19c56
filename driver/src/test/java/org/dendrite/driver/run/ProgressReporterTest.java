package org.dendrite.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    @DisplayName("a progress line gives step, stage, percentage, ns/day from steps/s and the time step, and the ETA")
    void lineHasRateAndEta() {
        ProgressReporter p = new ProgressReporter(new PrintWriter(new StringWriter()), 1000, 5.0, 0);
        p.update("nvt", 250, 0.001);
        // 250 steps done in 10 s of wall time: 25 steps/s.
        String line = p.line("nvt", 250, 0.001, 10.0);
        assertTrue(line.startsWith("step 250 [nvt]  25.0%"), line);
        // 25 steps/s × 1 fs = 0.025 ps/s = 2.16 ns/day
        assertTrue(line.contains("2.160 ns/day"), line);
        assertTrue(line.contains("25.0 steps/s"), line);
        assertTrue(line.endsWith("ETA 30s"), line);
    }

    @Test
    @DisplayName("lines are throttled: updates within the interval print nothing")
    void throttled() {
        StringWriter sw = new StringWriter();
        ProgressReporter p = new ProgressReporter(new PrintWriter(sw), 1000, 3600.0, 0);
        for (int s = 1; s <= 100; s++) {
            p.update("nve", s, 0.001);
        }
        assertEquals("", sw.toString());
    }

    @Test
    @DisplayName("durations are printed as h/m/s")
    void durations() {
        assertEquals("45s", ProgressReporter.formatDuration(45));
        assertEquals("1m15s", ProgressReporter.formatDuration(75));
        assertEquals("1h06m40s", ProgressReporter.formatDuration(4000));
    }
}
