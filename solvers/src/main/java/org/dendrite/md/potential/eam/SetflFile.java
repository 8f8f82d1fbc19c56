package org.dendrite.md.potential.eam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.md.io.InputException;

/**
 * An EAM potential file in DYNAMO setfl format (LAMMPS {@code pair_style eam/alloy}) or its
 * Finnis–Sinclair variant ({@code eam/fs}), as described on the LAMMPS pair_eam doc page and in
 * shared/notes/forcefields.md §2.3: three comment lines; {@code Nelements El1 El2 …};
 * {@code Nrho drho Nr dr cutoff}; per element a line {@code Z mass a0 lattice} followed by F(ρ)
 * (Nrho values, eV) and ρ(r) (Nr values; for eam/fs Nelements blocks of Nr values); then r·φ(r)
 * (eV·Å, Nr values) for every pair i ≥ j in the order (1,1), (2,1), (2,2), (3,1) … Values may be
 * spread over lines freely. Grids: ρ_k = k·drho, r_k = k·dr for k = 0 … N−1.
 */
public final class SetflFile {
    public final String[] elements;
    public final double[] mass;
    public final int nrho;
    public final double drho;
    public final int nr;
    public final double dr;
    public final double cutoff;
    /** F_i(ρ) per element, eV. */
    public final double[][] frho;
    /**
     * Density tables: for eam/alloy rhor[i][0] is ρ_i(r); for eam/fs rhor[i][j] is the j-th density
     * block of element i.
     */
    public final double[][][] rhor;
    /** r·φ_ij(r) for i ≥ j, index i(i+1)/2 + j, eV·Å. */
    public final double[][] z2r;
    public final boolean finnisSinclair;
    public final Path path;

    private SetflFile(Path path, boolean fs, String[] elements, double[] mass, int nrho, double drho, int nr,
                      double dr, double cutoff, double[][] frho, double[][][] rhor, double[][] z2r) {
        this.path = path;
        this.finnisSinclair = fs;
        this.elements = elements;
        this.mass = mass;
        this.nrho = nrho;
        this.drho = drho;
        this.nr = nr;
        this.dr = dr;
        this.cutoff = cutoff;
        this.frho = frho;
        this.rhor = rhor;
        this.z2r = z2r;
    }

    /** Index of an element name, or −1. */
    public int indexOf(String element) {
        for (int i = 0; i < elements.length; i++) {
            if (elements[i].equals(element)) {
                return i;
            }
        }
        return -1;
    }

    /** Reads a setfl ({@code fs = false}) or Finnis–Sinclair ({@code fs = true}) file; errors name file and line. */
    public static SetflFile read(Path path, boolean fs) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw InputException.inFile(path.toString(), "cannot read EAM file: " + ex.getMessage(), ex);
        }
        Cursor c = new Cursor(path, lines);
        c.line = 3;
        String[] head = c.wordsOfLine("element line 'Nelements El1 El2 ...'");
        int ne = c.parseInt(head[0]);
        if (ne < 1 || head.length != ne + 1) {
            throw c.error("element line must be 'Nelements' followed by that many names, got '"
                    + String.join(" ", head) + "'");
        }
        String[] elements = new String[ne];
        System.arraycopy(head, 1, elements, 0, ne);
        String[] grid = c.wordsOfLine("grid line 'Nrho drho Nr dr cutoff'");
        if (grid.length < 5) {
            throw c.error("grid line must be 'Nrho drho Nr dr cutoff'");
        }
        int nrho = c.parseInt(grid[0]);
        double drho = c.parseDouble(grid[1]);
        int nr = c.parseInt(grid[2]);
        double dr = c.parseDouble(grid[3]);
        double cutoff = c.parseDouble(grid[4]);
        if (nrho < 5 || nr < 5 || !(drho > 0) || !(dr > 0) || !(cutoff > 0)) {
            throw c.error("grid needs Nrho, Nr >= 5 and positive drho, dr, cutoff");
        }
        double[] mass = new double[ne];
        double[][] frho = new double[ne][];
        double[][][] rhor = new double[ne][][];
        for (int i = 0; i < ne; i++) {
            String[] el = c.wordsOfLine("element header 'Z mass a0 lattice' of " + elements[i]);
            if (el.length < 2) {
                throw c.error("element header of " + elements[i] + " must be 'Z mass a0 lattice'");
            }
            mass[i] = c.parseDouble(el[1]);
            frho[i] = c.numbers(nrho, "F(rho) of " + elements[i]);
            int blocks = fs ? ne : 1;
            rhor[i] = new double[blocks][];
            for (int j = 0; j < blocks; j++) {
                rhor[i][j] = c.numbers(nr, "rho(r) of " + elements[i] + (fs ? " block " + (j + 1) : ""));
            }
        }
        double[][] z2r = new double[ne * (ne + 1) / 2][];
        for (int i = 0; i < ne; i++) {
            for (int j = 0; j <= i; j++) {
                z2r[i * (i + 1) / 2 + j] = c.numbers(nr, "r*phi(r) of " + elements[i] + "-" + elements[j]);
            }
        }
        return new SetflFile(path, fs, elements, mass, nrho, drho, nr, dr, cutoff, frho, rhor, z2r);
    }

    /** Reads numbers across line breaks and remembers the line for messages. */
    private static final class Cursor {
        final Path path;
        final List<String> lines;
        int line;
        String[] pending = new String[0];
        int pendingPos;

        Cursor(Path path, List<String> lines) {
            this.path = path;
            this.lines = lines;
        }

        InputException error(String reason) {
            return InputException.atLine(path.toString(), Math.max(line, 1), reason);
        }

        String[] wordsOfLine(String what) {
            if (pendingPos < pending.length) {
                throw error("extra values before " + what);
            }
            while (line < lines.size() && lines.get(line).isBlank()) {
                line++;
            }
            if (line >= lines.size()) {
                throw error("unexpected end of file, expected " + what);
            }
            String[] w = lines.get(line).strip().split("\\s+");
            line++;
            return w;
        }

        double[] numbers(int count, String what) {
            double[] out = new double[count];
            for (int k = 0; k < count; k++) {
                while (pendingPos >= pending.length) {
                    if (line >= lines.size()) {
                        throw error("unexpected end of file in " + what + " (read " + k + " of " + count + " values)");
                    }
                    String s = lines.get(line).strip();
                    line++;
                    pending = s.isEmpty() ? new String[0] : s.split("\\s+");
                    pendingPos = 0;
                }
                out[k] = parseDouble(pending[pendingPos++]);
            }
            return out;
        }

        int parseInt(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException ex) {
                throw error("expected an integer, got '" + s + "'");
            }
        }

        double parseDouble(String s) {
            try {
                double d = Double.parseDouble(s.replace('D', 'e').replace('d', 'e'));
                if (!Double.isFinite(d)) {
                    throw error("value is not finite: '" + s + "'");
                }
                return d;
            } catch (NumberFormatException ex) {
                throw error("expected a number, got '" + s + "'");
            }
        }
    }

    /** Element names as a list, for messages. */
    public List<String> elementList() {
        return new ArrayList<>(List.of(elements));
    }
}
