package org.dendrite.driver.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the wall time of a run went, printed at the end as LAMMPS prints its "MPI task timing
 * breakdown": force evaluation (pair + Coulomb + many-body + k-space), neighbour-list and ghost
 * builds, ghost position updates (comm), domain exchange on a decomposed run (everything inside
 * the halo exchange: migration, ghost sweeps, forward/reverse communication and global sums,
 * including the wait for other ranks; 0 on one domain), integration (everything the stages do besides forces),
 * output (thermo, trajectory, restart files), and other (reading inputs and setting up).
 */
public final class TimingBreakdown {
    /** Sections of the table, in print order. */
    public enum Section {
        FORCE("Force"), NEIGHBOR("Neigh"), COMM("Comm"), EXCHANGE("Exchange"), INTEGRATE("Integrate"), OUTPUT("Output"), OTHER("Other");

        final String label;

        Section(String label) {
            this.label = label;
        }
    }

    private final long[] nanos = new long[Section.values().length];

    public void add(Section s, long elapsedNanos) {
        nanos[s.ordinal()] += elapsedNanos;
    }

    public double seconds(Section s) {
        return nanos[s.ordinal()] * 1e-9;
    }

    /** Sets a section to a value measured elsewhere (e.g. the force engine's own timers). */
    public void set(Section s, long elapsedNanos) {
        nanos[s.ordinal()] = elapsedNanos;
    }

    /**
     * Makes {@code section} whatever the other sections do not explain of {@code totalNanos}, for
     * work that is not timed by itself (the integrator's updates between force evaluations).
     */
    public void setRemainder(Section section, long totalNanos) {
        long others = 0;
        for (Section s : Section.values()) {
            if (s != section) {
                others += nanos[s.ordinal()];
            }
        }
        nanos[section.ordinal()] = Math.max(0, totalNanos - others);
    }

    public double totalSeconds() {
        long t = 0;
        for (long n : nanos) {
            t += n;
        }
        return t * 1e-9;
    }

    /** The table as printed at the end of a run. */
    public String table(String title) {
        double total = totalSeconds();
        StringBuilder sb = new StringBuilder();
        sb.append(title).append(String.format(Locale.ROOT, " (%.3f s):%n", total));
        sb.append(String.format(Locale.ROOT, "%-10s| %10s | %6s%n", "Section", "time (s)", "%total"));
        sb.append("----------+------------+-------").append(System.lineSeparator());
        for (Section s : Section.values()) {
            double sec = seconds(s);
            sb.append(String.format(Locale.ROOT, "%-10s| %10.4f | %6.2f%n", s.label, sec, total > 0 ? 100 * sec / total : 0));
        }
        return sb.toString();
    }

    /** Seconds per section, for run.json. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Section s : Section.values()) {
            m.put(s.name().toLowerCase(Locale.ROOT) + "_s", seconds(s));
        }
        m.put("total_s", totalSeconds());
        return m;
    }
}
