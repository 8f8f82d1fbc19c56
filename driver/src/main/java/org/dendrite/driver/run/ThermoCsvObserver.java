package org.dendrite.driver.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;
import org.dendrite.md.thermo.ThermoSnapshot;

/**
 * Writes thermo.csv: one row per observed step with the columns of {@link ThermoSnapshot#COLUMNS}
 * (LAMMPS thermo_style custom step time temp pe ke etotal econserve press pxx … yz, units in the
 * column names). A row is written when a stage starts (step 0 of the run, or after a velocity
 * stage) unless the previous row has the same step, so each step appears once.
 *
 * <p>On a decomposed run every rank has one (the thermo row is a collective computation); only
 * the writing rank's has a file ({@code file} null elsewhere).
 */
public final class ThermoCsvObserver implements StepObserver, AutoCloseable {
    private final Writer out;
    private final long interval;
    private final double[] row = new double[ThermoSnapshot.COLUMNS.size()];
    private final StringBuilder sb = new StringBuilder(512);
    private long lastStep = Long.MIN_VALUE;
    private final Map<String, Object> last = new LinkedHashMap<>();

    /** @param file thermo.csv, or null on a rank that computes the rows without writing them */
    public ThermoCsvObserver(Path file, long interval) throws IOException {
        this.out = file == null ? null : new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        this.interval = interval;
        if (out != null) {
            out.write(String.join(",", ThermoSnapshot.COLUMNS));
            out.write('\n');
        }
    }

    @Override
    public long interval() {
        return interval;
    }

    @Override
    public void stageStarted(StepInfo info) throws IOException {
        write(info);
    }

    @Override
    public void observe(StepInfo info) throws IOException {
        write(info);
    }

    private void write(StepInfo info) throws IOException {
        if (info.step() == lastStep) {
            return;
        }
        lastStep = info.step();
        info.thermo().values(row);
        if (out == null) {
            return;
        }
        sb.setLength(0);
        sb.append((long) row[0]);
        for (int k = 1; k < row.length; k++) {
            sb.append(',').append(row[k]);
        }
        sb.append('\n');
        out.write(sb.toString());
        for (int k = 0; k < row.length; k++) {
            last.put(ThermoSnapshot.COLUMNS.get(k), k == 0 ? (Object) (long) row[0] : (Object) row[k]);
        }
    }

    /** The last row written, column name to value (for run.json and the end-of-run summary). */
    public Map<String, Object> lastRow() {
        return last;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
