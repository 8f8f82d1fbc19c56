package org.dendrite.driver.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;

/**
 * Writes the extra columns a stage reports (a deformation's strain and stress) into
 * {@code stress_strain.csv}, with {@code step,time_ps,stage} in front; a later stage with other
 * columns starts {@code stress_strain-stage<k>.csv}. Rows follow the thermo interval. The values
 * are collective on a decomposed run: every rank has one, only the writing rank's has a directory.
 */
public final class ExtraColumnsObserver implements StepObserver, AutoCloseable {
    private final Path dir;
    private final long interval;
    private Writer out;
    private List<String> columns;
    private int files;
    private long lastStep = Long.MIN_VALUE;
    private final StringBuilder sb = new StringBuilder(256);

    /** @param dir run directory, or null on a rank that computes the values without writing them */
    public ExtraColumnsObserver(Path dir, long interval) {
        this.dir = dir;
        this.interval = interval;
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
        List<String> cols = info.extraColumns();
        if (cols.isEmpty() || info.step() == lastStep) {
            return;
        }
        if (dir == null) {
            info.extraValues();
            lastStep = info.step();
            return;
        }
        if (!cols.equals(columns)) {
            close();
            String name = files == 0 ? "stress_strain.csv" : "stress_strain-stage" + info.stageIndex() + ".csv";
            out = new BufferedWriter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8));
            out.write("step,time_ps,stage," + String.join(",", cols) + "\n");
            columns = List.copyOf(cols);
            files++;
        }
        lastStep = info.step();
        double[] v = info.extraValues();
        sb.setLength(0);
        sb.append(info.step()).append(',').append(info.state().timePs).append(',').append(info.stageIndex());
        for (double d : v) {
            sb.append(',').append(d);
        }
        sb.append('\n');
        out.write(sb.toString());
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
