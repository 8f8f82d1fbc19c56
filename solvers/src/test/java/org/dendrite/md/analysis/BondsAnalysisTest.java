package org.dendrite.md.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BondsAnalysisTest {

    private static BondsAnalysis create(Path dir, RunMetrics metrics, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "bonds");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        AnalysisContext ctx = new AnalysisContext(BondCountsTest.AB, Box.orthorhombic(12, 12, 12), dir, metrics, null,
                Plotter.NONE);
        return (BondsAnalysis) Analyses.create(Params.of("output.analyses[1]", m), ctx);
    }

    @Test
    @DisplayName("bonds analysis on rock salt: auto cut-offs inside the gap between the first two shells, N(0) = CN × N, and bonds lost when a deform stage stretches the cell")
    void rockSaltUnderStrain(@TempDir Path dir) throws Exception {
        double a = 4.0;
        Atoms atoms = BondCountsTest.rockSalt(a, 3);
        SimulationState s = new SimulationState(atoms, Box.orthorhombic(12, 12, 12), 1);
        s.deformReferenceBox = s.box.copy();
        s.deformOriginStep = 100;
        RunMetrics metrics = new RunMetrics();
        try (BondsAnalysis b = create(dir, metrics, "pairs", List.of("A-B", "A-A"), "rdf_r_max_A", 5.0)) {
            double[] x0 = atoms.x.clone();
            for (int i = 0; i <= 2; i++) {
                double eps = 0.25 * i;
                s.step = 100 + i;
                s.stageStep = i;
                s.box.set(0, 0, 0, 12, 12, 12 * (1 + eps), 0, 0, 0);
                for (int k = 0; k < atoms.nlocal; k++) {
                    atoms.x[3 * k + 2] = x0[3 * k + 2] * (1 + eps);
                }
                b.sample(s, 2);
            }
            b.finish();
            // A-B at a/2 = 2 Å, next at a·sqrt(3)/2 = 3.46 Å; A-A at 2.83 Å, next at 4 Å: cut-offs inside the gaps.
            double[] c = b.cutoffs();
            assertTrue(c[0] > 2.0 && c[0] < 3.46, "A-B cut-off " + c[0]);
            assertTrue(c[1] > 2.83 && c[1] < 4.0, "A-A cut-off " + c[1]);
            assertArrayEquals(new long[] {6L * 108, 12L * 108 / 2}, b.referenceCounts());
        }
        // The A-B cut-off is the middle of the 2-3.46 Å gap (≈ 2.75 Å): at 25 % strain the two A-B bonds
        // along z of each A (2 Å → 2.5 Å) are kept, at 50 % (3 Å) they are broken: N/N(0) = 4/6.
        List<String> rows = Files.readAllLines(dir.resolve("bonds.csv"));
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).equals("step,time_ps,stage,strain,bonds_A-B,bonds_A-A,rel_A-B,rel_A-A"), rows.get(0));
        assertTrue(rows.get(1).endsWith(",1,1"), rows.get(1));
        assertTrue(rows.get(2).split(",")[6].equals("1"), rows.get(2));
        assertEquals(4.0 / 6, Double.parseDouble(rows.get(3).split(",")[6]), 1e-7);
        assertTrue(metrics.asMap().containsKey("bonds_cutoff_A-B_A"));
        assertTrue(Files.exists(dir.resolve("bonds_cutoffs.csv")));
    }

    @Test
    @DisplayName("gap_middle moves a first minimum with g = 0 to the middle of the zero run; a non-zero minimum stays")
    void gapMiddleRule() {
        double[] r = new double[100];
        double[] g = new double[100];
        for (int k = 0; k < 100; k++) {
            r[k] = 0.05 * (k + 0.5);
            g[k] = r[k] > 1.9 && r[k] < 2.1 ? 5 : r[k] > 3.5 && r[k] < 3.7 ? 3 : 0;
        }
        FirstMinimum.Result m = FirstMinimum.find(r, g);
        double mid = BondsAnalysis.gapMiddle(r, g, m);
        assertTrue(m.minimumA() < 2.3, "FirstMinimum takes the start of the gap: " + m.minimumA());
        assertEquals(0.5 * (2.125 + 3.475), mid, 0.051);
        assertEquals(2.7, BondsAnalysis.gapMiddle(r, g, new FirstMinimum.Result(2.0, 2.7, 0.4)), 0);
    }

    @Test
    @DisplayName("bad bonds keys are refused naming the key: missing pairs, a pair without cut-off, unknown species, bad auto_rule")
    void badKeysAreRefused() {
        RunMetrics m = new RunMetrics();
        assertEquals("output.analyses[1].pairs", assertThrows(ParamException.class, () -> create(null, m)).path());
        assertEquals("output.analyses[1].cutoffs_A.A-A", assertThrows(ParamException.class,
                () -> create(null, m, "pairs", List.of("A-B", "A-A"), "cutoffs_A", Map.of("A-B", 2.5))).path());
        assertEquals("output.analyses[1].pairs", assertThrows(ParamException.class,
                () -> create(null, m, "pairs", List.of("A-O"))).path());
        assertEquals("output.analyses[1].auto_rule", assertThrows(ParamException.class,
                () -> create(null, m, "pairs", List.of("A-B"), "auto_rule", "median")).path());
    }
}
