package org.dendrite.driver.fem;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.dendrite.fem.mesh.Mesh;

/**
 * Headless PNG plots with java.awt and ImageIO (no plotting library in the jar): line plots with
 * labelled axes and ticks, and a colour map of a per-element field on a 2-D mesh.
 */
public final class Plots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int W = 900;
    private static final int H = 520;
    private static final int LEFT = 95;
    private static final int RIGHT = 30;
    private static final int TOP = 45;
    private static final int BOTTOM = 70;
    private static final Color[] SERIES = {new Color(0xC0392B), new Color(0x2471A3), new Color(0x229954),
        new Color(0x7D3C98), new Color(0xD68910), new Color(0x17202A), new Color(0x17A589), new Color(0xE84393),
        new Color(0x7F8C8D), new Color(0x6E2C00), new Color(0x1ABC9C), new Color(0x2E4053)};

    private Plots() {
    }

    /** One curve of a line plot. */
    public record Series(String label, double[] x, double[] y) {
    }

    /** Line plot of several series; {@code hline} (NaN = none) draws a dashed horizontal reference. */
    public static void line(Path file, String title, String xLabel, String yLabel, List<Series> series,
            double hline) throws IOException {
        plot(file, title, xLabel, yLabel, series, hline, true, true);
    }

    /**
     * Line plot ({@code lines}) or markers only (a scatter plot) of several series, with a legend;
     * {@code includeZero} extends the y range to 0 (off for energies, temperatures and the like).
     */
    public static void plot(Path file, String title, String xLabel, String yLabel, List<Series> series,
            double hline, boolean includeZero, boolean lines) throws IOException {
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.isNaN(hline) ? Double.POSITIVE_INFINITY : hline;
        double ymax = Double.isNaN(hline) ? Double.NEGATIVE_INFINITY : hline;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                xmin = Math.min(xmin, s.x[i]);
                xmax = Math.max(xmax, s.x[i]);
                ymin = Math.min(ymin, s.y[i]);
                ymax = Math.max(ymax, s.y[i]);
            }
        }
        if (includeZero) {
            ymin = Math.min(ymin, 0);
        }
        if (ymax <= ymin) {
            ymax = ymin + 1;
        }
        if (xmax <= xmin) {
            xmax = xmin + 1;
        }
        double pad = 0.05 * (ymax - ymin);
        ymax += pad;
        if (!includeZero || ymin < 0) {
            ymin -= pad;
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        axes(g, title, xLabel, yLabel, xmin, xmax, ymin, ymax, pw, ph);
        if (!Double.isNaN(hline)) {
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 5}, 0));
            int yy = TOP + ph - (int) Math.round((hline - ymin) / (ymax - ymin) * ph);
            g.drawLine(LEFT, yy, LEFT + pw, yy);
        }
        g.setStroke(new BasicStroke(1.6f));
        int legendY = TOP + 18;
        // The legend sits at the top right, moved left as far as its longest label needs.
        int labelWidth = 0;
        for (Series s : series) {
            if (s.label != null) {
                labelWidth = Math.max(labelWidth, g.getFontMetrics().stringWidth(s.label));
            }
        }
        int legendX = LEFT + pw - Math.max(250, labelWidth + 40);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(SERIES[k % SERIES.length]);
            int px = -1;
            int py = -1;
            for (int i = 0; i < s.x.length; i++) {
                int x = LEFT + (int) Math.round((s.x[i] - xmin) / (xmax - xmin) * pw);
                int y = TOP + ph - (int) Math.round((s.y[i] - ymin) / (ymax - ymin) * ph);
                if (px >= 0 && lines) {
                    g.drawLine(px, py, x, y);
                }
                if (!lines) {
                    g.fillOval(x - 2, y - 2, 5, 5);
                } else if (s.x.length < 40) {
                    g.fillOval(x - 3, y - 3, 7, 7);
                }
                px = x;
                py = y;
            }
            if (s.label != null && !s.label.isEmpty()) {
                g.drawLine(legendX, legendY - 4, legendX + 25, legendY - 4);
                g.setColor(Color.BLACK);
                g.drawString(s.label, legendX + 32, legendY);
                legendY += 18;
            }
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /**
     * Colour map of a per-element value on a 2-D mesh (log10 when {@code log}), axes in µm, with a
     * colour bar labelled {@code valueLabel}.
     */
    public static void field(Path file, String title, Mesh mesh, double[] value, boolean log, String valueLabel)
            throws IOException {
        double[] bb = mesh.boundingBox();
        double x0 = bb[0] * 1e6;
        double x1 = bb[3] * 1e6;
        double y0 = bb[1] * 1e6;
        double y1 = bb[4] * 1e6;
        double[] v = new double[value.length];
        double vmin = Double.POSITIVE_INFINITY;
        double vmax = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < v.length; e++) {
            v[e] = log ? Math.log10(Math.max(value[e], 1e-300)) : value[e];
            vmin = Math.min(vmin, v[e]);
            vmax = Math.max(vmax, v[e]);
        }
        if (log) {
            // a colour range of 4 decades below the maximum keeps the structure visible
            vmin = Math.max(vmin, vmax - 4);
        }
        if (vmax <= vmin) {
            vmax = vmin + 1;
        }
        int pw = W - LEFT - RIGHT - 110;
        int ph = H - TOP - BOTTOM;
        double scale = Math.min(pw / (x1 - x0), ph / (y1 - y0));
        pw = (int) Math.round((x1 - x0) * scale);
        ph = (int) Math.round((y1 - y0) * scale);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        int npe = mesh.nodesPerElement();
        int[] px = new int[npe];
        int[] py = new int[npe];
        for (int e = 0; e < mesh.elementCount(); e++) {
            for (int a = 0; a < npe; a++) {
                int n = mesh.node(e, a);
                px[a] = LEFT + (int) Math.round((mesh.x(n, 0) * 1e6 - x0) * scale);
                py[a] = TOP + ph - (int) Math.round((mesh.x(n, 1) * 1e6 - y0) * scale);
            }
            g.setColor(colour((v[e] - vmin) / (vmax - vmin)));
            g.fillPolygon(px, py, npe);
            g.drawPolygon(px, py, npe);
        }
        axes(g, title, "x (µm)", "y (µm)", x0, x1, y0, y1, pw, ph);
        colourBar(g, pw, ph, vmin, vmax, valueLabel);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /**
     * Colour map of {@code values[iy][ix]} on a regular grid over [x0, x1] × [y0, y1] (axes in the
     * caller's units, equal scale), with a colour bar labelled {@code valueLabel}.
     */
    public static void grid(Path file, String title, String xLabel, String yLabel, double x0, double x1, double y0,
            double y1, double[][] values, String valueLabel) throws IOException {
        int ny = values.length;
        int nx = ny == 0 ? 0 : values[0].length;
        double vmin = Double.POSITIVE_INFINITY;
        double vmax = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                vmin = Math.min(vmin, v);
                vmax = Math.max(vmax, v);
            }
        }
        if (!(vmax > vmin)) {
            vmax = vmin + 1;
        }
        int pw = W - LEFT - RIGHT - 110;
        int ph = H - TOP - BOTTOM;
        double scale = Math.min(pw / (x1 - x0), ph / (y1 - y0));
        pw = Math.max(1, (int) Math.round((x1 - x0) * scale));
        ph = Math.max(1, (int) Math.round((y1 - y0) * scale));
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        for (int iy = 0; iy < ny; iy++) {
            int ya = TOP + ph - (int) Math.round((iy + 1) * (double) ph / ny);
            int yb = TOP + ph - (int) Math.round(iy * (double) ph / ny);
            for (int ix = 0; ix < nx; ix++) {
                int xa = LEFT + (int) Math.round(ix * (double) pw / nx);
                int xb = LEFT + (int) Math.round((ix + 1) * (double) pw / nx);
                g.setColor(colour((values[iy][ix] - vmin) / (vmax - vmin)));
                g.fillRect(xa, ya, Math.max(1, xb - xa), Math.max(1, yb - ya));
            }
        }
        axes(g, title, xLabel, yLabel, x0, x1, y0, y1, pw, ph);
        colourBar(g, pw, ph, vmin, vmax, valueLabel);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /** Colour bar right of a plot area pw × ph, ticks from vmin to vmax, rotated label. */
    private static void colourBar(Graphics2D g, int pw, int ph, double vmin, double vmax, String valueLabel) {
        int cbx = LEFT + pw + 30;
        for (int i = 0; i < ph; i++) {
            g.setColor(colour(1 - i / (double) ph));
            g.drawLine(cbx, TOP + i, cbx + 18, TOP + i);
        }
        g.setColor(Color.BLACK);
        g.drawRect(cbx, TOP, 18, ph);
        for (int k = 0; k <= 4; k++) {
            double val = vmin + (vmax - vmin) * k / 4;
            int y = TOP + ph - (int) Math.round(ph * k / 4.0);
            g.drawLine(cbx + 18, y, cbx + 22, y);
            g.drawString(fmt(val), cbx + 25, y + 5);
        }
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(valueLabel, -(TOP + ph / 2 + g.getFontMetrics().stringWidth(valueLabel) / 2), cbx + 95);
        g.setTransform(old);
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return g;
    }

    private static void axes(Graphics2D g, String title, String xLabel, String yLabel, double xmin, double xmax,
            double ymin, double ymax, int pw, int ph) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, pw, ph);
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(xmin, xmax)) {
            int x = LEFT + (int) Math.round((t - xmin) / (xmax - xmin) * pw);
            g.drawLine(x, TOP + ph, x, TOP + ph + 5);
            String s = fmt(t);
            g.drawString(s, x - fm.stringWidth(s) / 2, TOP + ph + 20);
        }
        for (double t : ticks(ymin, ymax)) {
            int y = TOP + ph - (int) Math.round((t - ymin) / (ymax - ymin) * ph);
            g.drawLine(LEFT - 5, y, LEFT, y);
            String s = fmt(t);
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), y + 5);
        }
        g.drawString(xLabel, LEFT + pw / 2 - fm.stringWidth(xLabel) / 2, TOP + ph + 45);
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + ph / 2 + fm.stringWidth(yLabel) / 2), 25);
        g.setTransform(old);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 15f));
        g.drawString(title, LEFT, TOP - 15);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 13f));
    }

    /** About 6 "nice" tick values (1, 2, 5 × 10ⁿ steps) within [a, b]. */
    static double[] ticks(double a, double b) {
        double raw = (b - a) / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.ceil(a / step - 1e-9) * step;
        int n = (int) Math.floor((b - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
        }
        return t;
    }

    private static String fmt(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-2 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A perceptually ordered blue→yellow→red map on [0, 1]. */
    private static Color colour(double t) {
        t = Math.max(0, Math.min(1, t));
        float[][] stops = {{0.19f, 0.07f, 0.23f}, {0.16f, 0.47f, 0.93f}, {0.10f, 0.89f, 0.71f}, {0.64f, 0.99f, 0.24f},
            {0.98f, 0.73f, 0.22f}, {0.89f, 0.27f, 0.04f}, {0.48f, 0.02f, 0.01f}};
        double s = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) s);
        float f = (float) (s - i);
        return new Color(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]),
                stops[i][1] + f * (stops[i + 1][1] - stops[i][1]), stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
    }
}
