package org.dendrite.md.potential.pair;

import org.dendrite.md.io.InputException;
import org.dendrite.md.potential.PairEvaluator;
import org.dendrite.md.potential.StyleParams;

/**
 * Tabulated pair potential with the semantics of LAMMPS {@code pair_style table linear|spline N}:
 * the file section is first splined (clamped cubic spline in r; end slopes −f for the energy,
 * FPRIME or one-sided differences for the force), then resampled at N points evenly spaced in r²
 * from the inner table radius to the cut-off; a pair is interpolated in r² between those points —
 * linearly ({@code linear}) or by a second cubic spline in r² ({@code spline}). As in LAMMPS, a
 * {@code linear} table whose file section is RSQ with N points and ends at the cut-off is used as
 * read, without splining. Energy and force are tabulated separately, so −dV/dr equals the force
 * only to the table's interpolation accuracy. Distances below the inner radius are an error.
 */
public final class TablePair implements PairEvaluator {
    /** Interpolation between the N resampled points. */
    public enum Mode { LINEAR, SPLINE }

    private final Mode mode;
    private final int n;
    private final double cutoff;
    private final double innersq;
    private final double delta;
    private final double invdelta;
    private final double deltasq6;
    private final double[] rsq;
    private final double[] e;
    private final double[] f;   // force/r
    private final double[] de;
    private final double[] df;
    private final double[] e2;
    private final double[] f2;
    private final String origin;

    /**
     * @param table the file section
     * @param mode linear or spline
     * @param n number of points N of the resampled table (LAMMPS pair_style table argument)
     * @param cutoff cut-off, Å, or NaN for the table's outer radius (rhi with R/RSQ, else the last r)
     */
    public TablePair(PairTableFile table, Mode mode, int n, double cutoff) {
        if (n < 2) {
            throw new IllegalArgumentException(table.origin + ": table needs N >= 2 points, got " + n);
        }
        int ninput = table.r.length;
        double rlo = table.rflag == PairTableFile.R_FROM_FILE ? table.r[0] : table.rlo;
        double rhi = table.rflag == PairTableFile.R_FROM_FILE ? table.r[ninput - 1] : table.rhi;
        double cut = Double.isNaN(cutoff) ? rhi : cutoff;
        if (cut <= rlo || cut > rhi) {
            throw new IllegalArgumentException(table.origin + ": cutoff " + cut + " outside the table range ("
                    + rlo + ", " + rhi + "]");
        }
        if (rlo <= 0) {
            throw new IllegalArgumentException(table.origin + ": inner table radius must be positive, got " + rlo);
        }
        this.mode = mode;
        this.n = n;
        this.cutoff = cut;
        this.origin = table.origin;
        boolean match = mode == Mode.LINEAR && ninput == n && table.rflag == PairTableFile.R_SQUARED && table.rhi == cut;

        double[] e2file = null;
        double[] f2file = null;
        if (!match) {
            e2file = CubicSpline.secondDerivatives(table.r, table.e, -table.f[0], -table.f[ninput - 1]);
            double fplo = table.hasFprime ? table.fplo
                    : (table.f[1] - table.f[0]) / (table.r[1] - table.r[0]);
            double fphi = table.hasFprime ? table.fphi
                    : (table.f[ninput - 1] - table.f[ninput - 2]) / (table.r[ninput - 1] - table.r[ninput - 2]);
            f2file = CubicSpline.secondDerivatives(table.r, table.f, fplo, fphi);
        }

        int tlm1 = n - 1;
        double inner = rlo;
        this.innersq = inner * inner;
        this.delta = (cut * cut - innersq) / tlm1;
        this.invdelta = 1.0 / delta;
        this.deltasq6 = delta * delta / 6.0;
        this.rsq = new double[n];
        this.e = new double[n];
        this.f = new double[n];
        double[] fOnly = new double[n];
        for (int i = 0; i < n; i++) {
            double s = innersq + i * delta;
            double r = Math.sqrt(s);
            rsq[i] = s;
            if (match) {
                e[i] = table.e[i];
                fOnly[i] = table.f[i];
            } else {
                e[i] = CubicSpline.evaluate(table.r, table.e, e2file, r);
                fOnly[i] = CubicSpline.evaluate(table.r, table.f, f2file, r);
            }
            f[i] = fOnly[i] / r;
        }
        if (mode == Mode.LINEAR) {
            de = new double[n];
            df = new double[n];
            for (int i = 0; i < tlm1; i++) {
                de[i] = e[i + 1] - e[i];
                df[i] = f[i + 1] - f[i];
            }
            e2 = null;
            f2 = null;
        } else {
            de = null;
            df = null;
            // Spline in g = r²: dh/dg = (dh/dr)/(2r). For h = e, de/dr = −f.
            double ep0 = -fOnly[0] / (2.0 * Math.sqrt(innersq));
            double epn = -fOnly[tlm1] / (2.0 * cut);
            e2 = CubicSpline.secondDerivatives(rsq, e, ep0, epn);
            // For h = f/r the end slopes come from FPRIME when given, else from a short secant of
            // the file spline (a tenth of a bin), exactly as LAMMPS compute_table.
            double secant = 0.1;
            double fp0;
            if (table.hasFprime) {
                fp0 = (table.fplo / Math.sqrt(innersq) - fOnly[0] / innersq) / (2.0 * Math.sqrt(innersq));
            } else {
                double rsq2 = innersq + secant * delta;
                fp0 = (CubicSpline.evaluate(table.r, table.f, f2file, Math.sqrt(rsq2)) / Math.sqrt(rsq2)
                        - fOnly[0] / Math.sqrt(innersq)) / (secant * delta);
            }
            double fpn;
            if (table.hasFprime && cut == table.r[ninput - 1]) {
                fpn = (table.fphi / cut - fOnly[tlm1] / (cut * cut)) / (2.0 * cut);
            } else {
                double rsq2 = cut * cut;
                double rsq1 = rsq2 - secant * delta;
                fpn = (fOnly[tlm1] / Math.sqrt(rsq2)
                        - CubicSpline.evaluate(table.r, table.f, f2file, Math.sqrt(rsq1)) / Math.sqrt(rsq1))
                        / (secant * delta);
            }
            f2 = CubicSpline.secondDerivatives(rsq, f, fp0, fpn);
        }
    }

    /**
     * Force-field file entry: file (LAMMPS table file, relative to the force-field file), keyword
     * (section name), interpolation (linear | spline), N (points of the resampled table), optional
     * cutoff (Å; default the table's outer radius).
     */
    public static TablePair fromParams(StyleParams p) {
        java.nio.file.Path file = p.requireFile("file");
        String keyword = p.requireString("keyword");
        String interp = p.requireString("interpolation");
        Mode mode = switch (interp) {
            case "linear" -> Mode.LINEAR;
            case "spline" -> Mode.SPLINE;
            default -> throw p.error("interpolation", "must be linear or spline, got '" + interp + "'");
        };
        int n = p.requireInt("N");
        if (n < 2) {
            throw p.error("N", "must be at least 2, got " + n);
        }
        double cutoff = p.has("cutoff") ? p.requirePositive("cutoff") : Double.NaN;
        PairTableFile table;
        try {
            table = PairTableFile.read(file, keyword);
            return new TablePair(table, mode, n, cutoff);
        } catch (InputException | IllegalArgumentException ex) {
            throw p.error("file", "is not usable: " + ex.getMessage());
        }
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    public Mode mode() {
        return mode;
    }

    public int points() {
        return n;
    }

    private int bin(double s) {
        if (s < innersq) {
            throw new IllegalStateException(origin + ": pair distance " + Math.sqrt(s)
                    + " Å is below the table's inner radius " + Math.sqrt(innersq) + " Å");
        }
        int i = (int) ((s - innersq) * invdelta);
        // r just below the cut-off can round into the last point; LAMMPS stops there, we stay in the last bin.
        return Math.min(i, n - 2);
    }

    @Override
    public double energy(double s) {
        int i = bin(s);
        if (mode == Mode.LINEAR) {
            double fraction = (s - rsq[i]) * invdelta;
            return e[i] + fraction * de[i];
        }
        double b = (s - rsq[i]) * invdelta;
        double a = 1.0 - b;
        return a * e[i] + b * e[i + 1] + ((a * a * a - a) * e2[i] + (b * b * b - b) * e2[i + 1]) * deltasq6;
    }

    @Override
    public double forceOverR(double s) {
        int i = bin(s);
        if (mode == Mode.LINEAR) {
            double fraction = (s - rsq[i]) * invdelta;
            return f[i] + fraction * df[i];
        }
        double b = (s - rsq[i]) * invdelta;
        double a = 1.0 - b;
        return a * f[i] + b * f[i + 1] + ((a * a * a - a) * f2[i] + (b * b * b - b) * f2[i + 1]) * deltasq6;
    }
}
