package org.dendrite.md.potential.eam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.md.potential.ConfFiles;
import org.dendrite.md.io.InputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetflFileTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the shipped Li test setfl file reads with its grid, mass and tables")
    void readsShippedSetfl() {
        SetflFile f = SetflFile.read(ConfFiles.forcefield("Li-test.eam.alloy"), false);
        assertArrayEquals(new String[] {"Li"}, f.elements);
        assertEquals(5000, f.nrho);
        assertEquals(5000, f.nr);
        assertEquals(5.5, f.cutoff);
        assertEquals(6.941, f.mass[0]);
        assertEquals(0.0, f.z2r[0][0], 0.0, "r·φ(0) = 0");
        assertTrue(f.frho[0][1] < 0);
    }

    @Test
    @DisplayName("the two-element eam/fs file has N density blocks per element and N(N+1)/2 pair tables")
    void readsFinnisSinclair() {
        SetflFile f = SetflFile.read(ConfFiles.forcefield("LiX-test.eam.fs"), true);
        assertEquals(List.of("Li", "X"), f.elementList());
        assertEquals(2, f.rhor[1].length);
        assertEquals(3, f.z2r.length);
        assertTrue(f.rhor[0][1][100] != f.rhor[1][0][100], "blocks are asymmetric");
    }

    @Test
    @DisplayName("the spline reproduces the samples and LAMMPS' end slopes, and is C1 at the samples")
    void splineIsHermiteThroughSamples() {
        double[] y = new double[50];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(0.3 * i) + 0.01 * i * i;
        }
        EamSpline s = new EamSpline(y, 0.1);
        for (int m = 1; m < y.length; m++) {
            assertEquals(y[m - 1], s.value(m, 0.0), 1e-14);
            assertEquals(y[m], s.value(m, 1.0), 1e-12);
            if (m > 1) {
                assertEquals(s.derivative(m - 1, 1.0), s.derivative(m, 0.0), 1e-11, "slope continuity at sample " + m);
            }
        }
        assertEquals((y[1] - y[0]) / 0.1, s.derivative(1, 0.0), 1e-12, "one-sided slope at the first sample");
        // sample m (1-based) is y[m-1]; interior slope at sample 3 uses samples 1..5
        assertEquals(((y[0] - y[4]) + 8 * (y[3] - y[1])) / 12 / 0.1, s.derivative(3, 0.0), 1e-12, "4th-order interior slope");
    }

    @Test
    @DisplayName("a truncated or malformed setfl file is an error naming file and line")
    void malformedFilesNameLine() throws IOException {
        List<String> lines = Files.readAllLines(ConfFiles.forcefield("Li-test.eam.alloy"));
        Path truncated = dir.resolve("t.eam.alloy");
        Files.write(truncated, lines.subList(0, 200));
        RuntimeException ex = assertThrows(InputException.class, () -> SetflFile.read(truncated, false));
        assertTrue(ex.getMessage().startsWith(truncated + ":200: unexpected end of file in F(rho) of Li"), ex.getMessage());

        Path bad = dir.resolve("b.eam.alloy");
        List<String> copy = new java.util.ArrayList<>(lines);
        copy.set(10, copy.get(10).replaceFirst("\\S+", "abc"));
        Files.write(bad, copy);
        ex = assertThrows(InputException.class, () -> SetflFile.read(bad, false));
        assertTrue(ex.getMessage().startsWith(bad + ":11: expected a number, got 'abc'"), ex.getMessage());

        Path header = dir.resolve("h.eam.alloy");
        Files.write(header, List.of("c", "c", "c", "2 Li", "10 0.1 10 0.1 5.0"));
        ex = assertThrows(InputException.class, () -> SetflFile.read(header, false));
        assertTrue(ex.getMessage().startsWith(header + ":4: element line"), ex.getMessage());
    }
}
