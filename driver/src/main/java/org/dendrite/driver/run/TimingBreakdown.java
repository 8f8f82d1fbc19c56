package org.dendrite.driver.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the wall time of a run went, printed at the end as LAMMPS prints its "MPI task timing
 * breakdown": force evaluation (pair + Coulomb + many-body), neighbour-list builds and ghost
 * updates, integration (everything the stages do besides forces), output (thermo, trajectory,
 * restart), and the rest.
 */
public final class TimingBreakdown {
    /** Sections of the table, in print order. */
    public enum Section {
        FORCE("Force"), NEIGHBOR("Neigh"), INTEGRATE("Integrate"), OUTPUT("Output"), OTHER("Other");

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

    /**
     * Fixes the sections against the measured total: {@code other} becomes whatever the named
     * sections do not explain, so the table adds up to the loop time.
     *
     * @param totalNanos  wall time of the whole loop
     * @param measuredIntegrateAsRemainder when true, integration is total − force − neighbour −
     *                    output − other, for stage code that is not timed separately
     */
    public void close(long totalNanos, boolean measuredIntegrateAsRemainder) {
        long named = 0;
        for (Section s : Section.values()) {
            if (s != Section.OTHER && !(measuredIntegrateAsRemainder && s == Section.INTEGRATE)) {
                named += nanos[s.ordinal()];
            }
        }
        long rest = Math.max(0, totalNanos - named - nanos[Section.OTHER.ordinal()]);
        if (measuredIntegrateAsRemainder) {
            nanos[Section.INTEGRATE.ordinal()] = rest;
        } else {
            nanos[Section.OTHER.ordinal()] += rest;
        }
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
