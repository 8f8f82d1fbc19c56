package org.dendrite.md.analysis;

import java.io.IOException;
import java.util.List;

/**
 * Where an analysis draws its figures (PNG files in the run directory). The driver supplies an
 * implementation (java.awt, headless); {@link #NONE} draws nothing, for tests and library use.
 * Labels carry units, e.g. {@code "time (ps)"}.
 */
public interface Plotter {
    /** One curve or point set. */
    record Series(String label, double[] x, double[] y) {
    }

    /** Lines through each series' points, with a legend. */
    void line(String file, String title, String xLabel, String yLabel, List<Series> series) throws IOException;

    /** Markers at each series' points (no lines), with a legend. */
    void scatter(String file, String title, String xLabel, String yLabel, List<Series> series) throws IOException;

    /**
     * A colour map of {@code values[iy][ix]} over [x0, x1] × [y0, y1] with a colour bar labelled
     * {@code valueLabel}.
     */
    void map(String file, String title, String xLabel, String yLabel, double x0, double x1, double y0, double y1,
             double[][] values, String valueLabel) throws IOException;

    /** Draws nothing. */
    Plotter NONE = new Plotter() {
        @Override
        public void line(String file, String title, String xLabel, String yLabel, List<Series> series) {
        }

        @Override
        public void scatter(String file, String title, String xLabel, String yLabel, List<Series> series) {
        }

        @Override
        public void map(String file, String title, String xLabel, String yLabel, double x0, double x1, double y0,
                        double y1, double[][] values, String valueLabel) {
        }
    };
}
