package org.dendrite.driver.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.driver.fem.Plots;
import org.dendrite.md.analysis.Plotter;

/** The analyses' figures as PNG files of a directory, drawn by {@link Plots}. */
public final class AnalysisPlots implements Plotter {
    private final Path dir;

    public AnalysisPlots(Path dir) {
        this.dir = dir;
    }

    @Override
    public void line(String file, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
        Plots.plot(dir.resolve(file), title, xLabel, yLabel, convert(series), Double.NaN, false, true);
    }

    @Override
    public void scatter(String file, String title, String xLabel, String yLabel, List<Series> series)
            throws IOException {
        Plots.plot(dir.resolve(file), title, xLabel, yLabel, convert(series), Double.NaN, false, false);
    }

    @Override
    public void map(String file, String title, String xLabel, String yLabel, double x0, double x1, double y0, double y1,
                    double[][] values, String valueLabel) throws IOException {
        Plots.grid(dir.resolve(file), title, xLabel, yLabel, x0, x1, y0, y1, values, valueLabel);
    }

    private static List<Plots.Series> convert(List<Series> series) {
        List<Plots.Series> out = new ArrayList<>();
        for (Series s : series) {
            out.add(new Plots.Series(s.label(), s.x(), s.y()));
        }
        return out;
    }
}
