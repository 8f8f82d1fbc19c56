package org.dendrite.md.potential.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.md.io.InputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairTableFileTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a section is found after skipping another; linear and spline tables reproduce the tabulated function")
    void readsSectionAndInterpolates() {
        Path f = MorseTableFile.write(2000);
        PairTableFile t = PairTableFile.read(f, "MORSE");
        assertEquals(2000, t.r.length);
        for (TablePair.Mode mode : TablePair.Mode.values()) {
            TablePair p = new TablePair(t, mode, 4000, Double.NaN);
            assertEquals(MorseTableFile.RC, p.cutoff());
            double worstE = 0;
            double worstF = 0;
            for (int k = 0; k < 500; k++) {
                double r = 1.6 + (MorseTableFile.RC - 1.7) * k / 499.0;
                worstE = Math.max(worstE, Math.abs(p.energy(r * r) - MorseTableFile.energy(r)));
                worstF = Math.max(worstF, Math.abs(p.forceOverR(r * r) * r - MorseTableFile.force(r)));
            }
            // linear in r² with Δ(r²) = 0.012 Å²: error ~ Δ²/8·d²V/d(r²)², large at the steep inner end
            double tol = mode == TablePair.Mode.LINEAR ? 3e-4 : 1e-8;
            assertTrue(worstE < tol && worstF < 10 * tol, mode + ": |dE| " + worstE + ", |dF| " + worstF);
        }
    }

    @Test
    @DisplayName("a distance below the inner table radius is an error naming the table")
    void belowInnerRadiusIsAnError() {
        TablePair p = new TablePair(PairTableFile.read(MorseTableFile.write(100), "MORSE"), TablePair.Mode.LINEAR, 100, Double.NaN);
        IllegalStateException ex = assertThrows(IllegalStateException.class, () -> p.energy(1.4 * 1.4));
        assertTrue(ex.getMessage().contains("[MORSE]") && ex.getMessage().contains("inner radius"), ex.getMessage());
    }

    @Test
    @DisplayName("missing keyword, BITMAP, short sections and a cut-off outside the table are errors with file and line")
    void errors() throws IOException {
        Path f = MorseTableFile.write(100);
        RuntimeException ex = assertThrows(InputException.class, () -> PairTableFile.read(f, "NOPE"));
        assertTrue(ex.getMessage().contains("keyword 'NOPE' not found"), ex.getMessage());

        Path bitmap = dir.resolve("b.table");
        Files.writeString(bitmap, "BM\nN 4 BITMAP 1.0 2.0\n\n1 1 1 1\n2 1 1 1\n3 1 1 1\n4 1 1 1\n");
        ex = assertThrows(InputException.class, () -> PairTableFile.read(bitmap, "BM"));
        assertTrue(ex.getMessage().startsWith(bitmap + ":2: BITMAP tables are not supported"), ex.getMessage());

        Path shortT = dir.resolve("s.table");
        Files.writeString(shortT, "S\nN 5\n\n1 1.0 1 1\n2 1.5 1 1\n");
        ex = assertThrows(InputException.class, () -> PairTableFile.read(shortT, "S"));
        assertTrue(ex.getMessage().startsWith(shortT + ":6: premature end of table S"), ex.getMessage());

        PairTableFile t = PairTableFile.read(f, "MORSE");
        ex = assertThrows(IllegalArgumentException.class, () -> new TablePair(t, TablePair.Mode.LINEAR, 100, 9.0));
        assertTrue(ex.getMessage().contains("cutoff 9.0 outside the table range"), ex.getMessage());
    }
}
