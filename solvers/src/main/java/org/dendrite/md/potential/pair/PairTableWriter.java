package org.dendrite.md.potential.pair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.dendrite.md.potential.PairEvaluator;

/**
 * Writes a pair evaluator as a section of a LAMMPS pair table file ({@code N n R rlo rhi}, lines
 * {@code index r energy force}), so that styles LAMMPS lacks — e.g. Buckingham with the Du/Teter
 * core — can be run in LAMMPS with {@code pair_style table spline N} for comparisons. LAMMPS ignores
 * {@code pair_modify shift} for tables, so the energy shift is written into the table.
 */
public final class PairTableWriter {
    private PairTableWriter() {
    }

    /**
     * Appends a section to {@code out}.
     *
     * @param energyShift subtracted from every energy (pass V(r_c) for a shifted pair), eV
     * @param rlo first distance, Å (below it LAMMPS stops with an error)
     * @param points number of points, evenly spaced in r up to the evaluator's cut-off
     */
    public static void appendSection(Writer out, String keyword, PairEvaluator p, double energyShift, double rlo, int points)
            throws IOException {
        double rhi = p.cutoff();
        out.write(String.format(Locale.ROOT, "%s%nN %d R %.17g %.17g%n%n", keyword, points, rlo, rhi));
        for (int i = 0; i < points; i++) {
            // Same r as LAMMPS recomputes from the R keyword, so the file and LAMMPS agree exactly.
            double r = rlo + (rhi - rlo) * i / (points - 1);
            double rsq = r * r;
            out.write(String.format(Locale.ROOT, "%d %.17g %.17g %.17g%n", i + 1, r,
                    p.energy(rsq) - energyShift, p.forceOverR(rsq) * r));
        }
        out.write(System.lineSeparator());
    }

    /** Writes one file with one section per (keyword, evaluator, shift) triple. */
    public static void write(Path file, String[] keywords, PairEvaluator[] evaluators, double[] shifts, double rlo, int points) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Written by dendrite PairTableWriter (LAMMPS pair_style table format, metal units)" + System.lineSeparator()
                    + System.lineSeparator());
            for (int k = 0; k < keywords.length; k++) {
                appendSection(w, keywords[k], evaluators[k], shifts[k], rlo, points);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(file + ": cannot write pair table: " + ex.getMessage(), ex);
        }
    }
}
