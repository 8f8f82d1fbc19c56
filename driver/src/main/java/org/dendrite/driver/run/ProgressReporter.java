package org.dendrite.driver.run;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress lines on stderr for long runs: step, percentage, simulated ns/day and the time left,
 * throttled to one line per {@code intervalSeconds} so that logs stay short. The rate is measured
 * over the whole run so far (steady-state throughput, as LAMMPS' "Performance:" line).
 */
public final class ProgressReporter {
    private final PrintWriter err;
    private final long intervalNanos;
    private final long totalSteps;
    private final long startNanos;
    private long lastPrintNanos;
    private long stepsDone;
    private long firstStep = Long.MIN_VALUE;

    /**
     * @param totalSteps      steps this run still has to do (for the ETA)
     * @param intervalSeconds minimum wall time between two lines
     */
    public ProgressReporter(PrintWriter err, long totalSteps, double intervalSeconds) {
        this(err, totalSteps, intervalSeconds, Long.MIN_VALUE);
    }

    /** With {@code firstStep}: the step the run starts from (a restarted run does not start at 0). */
    public ProgressReporter(PrintWriter err, long totalSteps, double intervalSeconds, long firstStep) {
        this.firstStep = firstStep;
        this.err = err;
        this.totalSteps = totalSteps;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.startNanos = System.nanoTime();
        this.lastPrintNanos = startNanos;
    }

    /**
     * Called from time to time during the run; prints when the interval has passed since the last line.
     *
     * @param stage      label of the running stage
     * @param step       global step number
     * @param timestepPs current timestep, ps (0 for minimization, which has no simulated time)
     */
    public void update(String stage, long step, double timestepPs) {
        if (firstStep == Long.MIN_VALUE) {
            firstStep = step;
        }
        stepsDone = step - firstStep;
        long now = System.nanoTime();
        if (now - lastPrintNanos < intervalNanos) {
            return;
        }
        lastPrintNanos = now;
        err.println(line(stage, step, timestepPs, (now - startNanos) * 1e-9));
        err.flush();
    }

    /** The progress line after {@code elapsed} seconds of wall time. */
    String line(String stage, long step, double timestepPs, double elapsed) {
        double stepsPerSecond = stepsDone / Math.max(elapsed, 1e-9);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "step %d [%s]", step, stage));
        if (totalSteps > 0) {
            sb.append(String.format(Locale.ROOT, " %5.1f%%", 100.0 * Math.min(stepsDone, totalSteps) / totalSteps));
        }
        if (timestepPs > 0) {
            // ns/day = steps/s · Δt(ps) · 86400 s/day / 1000 ps/ns
            sb.append(String.format(Locale.ROOT, "  %.3f ns/day", stepsPerSecond * timestepPs * 86.4));
        }
        sb.append(String.format(Locale.ROOT, "  %.1f steps/s", stepsPerSecond));
        if (totalSteps > 0 && stepsDone < totalSteps) {
            sb.append("  ETA ").append(formatDuration((totalSteps - stepsDone) / stepsPerSecond));
        }
        return sb.toString();
    }

    /** 75 s → "1m15s", 4000 s → "1h06m40s". */
    public static String formatDuration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        if (h > 0) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", h, m, sec);
        }
        if (m > 0) {
            return String.format(Locale.ROOT, "%dm%02ds", m, sec);
        }
        return sec + "s";
    }
}
