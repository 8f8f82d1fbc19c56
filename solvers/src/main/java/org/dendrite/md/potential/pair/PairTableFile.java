package org.dendrite.md.potential.pair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.md.io.InputException;

/**
 * One section of a LAMMPS pair table file (format of the {@code pair_style table} doc page):
 * blank and {@code #} lines are skipped; a section starts with its keyword line, then a parameter
 * line {@code N n [R|RSQ lo hi] [FPRIME fplo fphi]}, a blank line, and N lines
 * {@code index r energy force} (Å, eV, eV/Å). With R or RSQ the r column is replaced by N points
 * evenly spaced in r or r² from lo to hi, as LAMMPS does. BITMAP sections are not supported.
 */
public final class PairTableFile {
    /** Distances, Å. */
    public final double[] r;
    /** Energies, eV. */
    public final double[] e;
    /** Forces −dV/dr, eV/Å. */
    public final double[] f;
    /** 0 = r from the file, 1 = R (linear in r), 2 = RSQ (linear in r²). */
    public final int rflag;
    public final double rlo;
    public final double rhi;
    public final boolean hasFprime;
    public final double fplo;
    public final double fphi;
    /** Where the section was read from, for messages. */
    public final String origin;

    static final int R_FROM_FILE = 0;
    static final int R_LINEAR = 1;
    static final int R_SQUARED = 2;

    private PairTableFile(double[] r, double[] e, double[] f, int rflag, double rlo, double rhi,
                          boolean hasFprime, double fplo, double fphi, String origin) {
        this.r = r;
        this.e = e;
        this.f = f;
        this.rflag = rflag;
        this.rlo = rlo;
        this.rhi = rhi;
        this.hasFprime = hasFprime;
        this.fplo = fplo;
        this.fphi = fphi;
        this.origin = origin;
    }

    /** Reads the section named {@code keyword}; errors name the file and line. */
    public static PairTableFile read(Path file, String keyword) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw InputException.inFile(file.toString(), "cannot read pair table file: " + ex.getMessage(), ex);
        }
        int i = 0;
        while (true) {
            if (i >= lines.size()) {
                throw InputException.inFile(file.toString(), "keyword '" + keyword + "' not found in pair table file");
            }
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                i++;
                continue;
            }
            String first = line.split("\\s+")[0];
            if (first.equals(keyword)) {
                break;
            }
            // Another section: skip its parameter line, the blank line and its N data lines.
            if (i + 1 >= lines.size()) {
                throw InputException.atLine(file.toString(), (i + 2), "missing parameter line of section " + first);
            }
            Params p = parseParams(file, i + 2, lines.get(i + 1));
            i += 3 + p.n;
        }
        int paramLine = i + 1;
        if (paramLine >= lines.size()) {
            throw InputException.atLine(file.toString(), (paramLine + 1), "missing parameter line of section " + keyword);
        }
        Params p = parseParams(file, paramLine + 1, lines.get(paramLine));
        if (p.n < 2) {
            throw InputException.atLine(file.toString(), (paramLine + 1), "table " + keyword + " needs N >= 2, got " + p.n);
        }
        double[] r = new double[p.n];
        double[] e = new double[p.n];
        double[] f = new double[p.n];
        int first = paramLine + 2;
        for (int k = 0; k < p.n; k++) {
            int ln = first + k;
            if (ln >= lines.size()) {
                throw InputException.atLine(file.toString(), (ln + 1), "premature end of table " + keyword
                        + " (expected " + p.n + " lines)");
            }
            String[] w = lines.get(ln).strip().split("\\s+");
            if (w.length < 4) {
                throw InputException.atLine(file.toString(), (ln + 1), "expected 'index r energy force', got '"
                        + lines.get(ln).strip() + "'");
            }
            double rfile;
            try {
                rfile = Double.parseDouble(w[1]);
                e[k] = Double.parseDouble(w[2]);
                f[k] = Double.parseDouble(w[3]);
            } catch (NumberFormatException ex) {
                throw InputException.atLine(file.toString(), (ln + 1), "not a number in '" + lines.get(ln).strip() + "'");
            }
            double rnew = rfile;
            if (p.rflag == R_LINEAR) {
                rnew = p.lo + (p.hi - p.lo) * k / (p.n - 1);
            } else if (p.rflag == R_SQUARED) {
                rnew = Math.sqrt(p.lo * p.lo + (p.hi * p.hi - p.lo * p.lo) * k / (p.n - 1));
            }
            r[k] = rnew;
        }
        for (int k = 1; k < p.n; k++) {
            if (!(r[k] > r[k - 1])) {
                throw InputException.atLine(file.toString(), (first + k + 1), "r values of table " + keyword
                        + " must increase");
            }
        }
        return new PairTableFile(r, e, f, p.rflag, p.lo, p.hi, p.fprime, p.fplo, p.fphi, file + " [" + keyword + "]");
    }

    private static final class Params {
        int n;
        int rflag;
        double lo;
        double hi;
        boolean fprime;
        double fplo;
        double fphi;
    }

    private static Params parseParams(Path file, int lineNo, String line) {
        Params p = new Params();
        String[] w = line.strip().split("\\s+");
        try {
            for (int k = 0; k < w.length; k++) {
                switch (w[k]) {
                    case "N" -> p.n = Integer.parseInt(w[++k]);
                    case "R", "RSQ" -> {
                        p.rflag = w[k].equals("R") ? R_LINEAR : R_SQUARED;
                        p.lo = Double.parseDouble(w[++k]);
                        p.hi = Double.parseDouble(w[++k]);
                    }
                    case "FPRIME" -> {
                        p.fprime = true;
                        p.fplo = Double.parseDouble(w[++k]);
                        p.fphi = Double.parseDouble(w[++k]);
                    }
                    case "BITMAP" -> throw InputException.atLine(file.toString(), lineNo,
                            "BITMAP tables are not supported (use R, RSQ or explicit r)");
                    default -> throw InputException.atLine(file.toString(), lineNo,
                            "unknown keyword '" + w[k] + "' in table parameter line");
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException ex) {
            throw InputException.atLine(file.toString(), lineNo, "malformed table parameter line '" + line.strip() + "'");
        }
        if (p.n == 0) {
            throw InputException.atLine(file.toString(), lineNo, "table parameter line does not set N");
        }
        return p;
    }
}
