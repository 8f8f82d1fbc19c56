package org.dendrite.md.analysis;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A CSV table written row by row (header first; numbers with 8 significant digits, locale-free),
 * for the analyses' files. Rows go straight to the file, so no trajectory is held in memory.
 */
public final class Csv implements AutoCloseable {
    private final BufferedWriter w;
    private final int columns;
    private final StringBuilder line = new StringBuilder();

    public Csv(Path file, List<String> header) throws IOException {
        w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        columns = header.size();
        w.write(String.join(",", header));
        w.newLine();
    }

    /** One row of numbers. */
    public void row(double... values) throws IOException {
        if (values.length != columns) {
            throw new IllegalArgumentException("row has " + values.length + " values, header " + columns);
        }
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(format(values[i]));
        }
        w.write(line.toString());
        w.newLine();
    }

    /** One row of already formatted cells (labels and numbers). */
    public void rowText(Object... cells) throws IOException {
        if (cells.length != columns) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + columns);
        }
        line.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cells[i] instanceof Double d ? format(d) : String.valueOf(cells[i]));
        }
        w.write(line.toString());
        w.newLine();
    }

    public void flush() throws IOException {
        w.flush();
    }

    @Override
    public void close() throws IOException {
        w.close();
    }

    /** A number as written in the tables ("nan" when not finite). */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.8g", v);
    }
}
