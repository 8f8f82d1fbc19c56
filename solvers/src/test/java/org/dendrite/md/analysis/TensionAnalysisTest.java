package org.dendrite.md.analysis;

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
import org.dendrite.md.Species;
import org.dendrite.md.Units;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensionAnalysisTest {
    static final Species A = new Species(List.of("A"), new double[] {1}, new double[] {0});

    private static Analysis create(Path dir, RunMetrics metrics, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "tension");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        Box box = Box.orthorhombic(20, 20, 40);
        AnalysisContext ctx = new AnalysisContext(A, box, dir, metrics, null, Plotter.NONE);
        return Analyses.create(Params.of("output.analyses[0]", m), ctx);
    }

    /**
     * Frames of a deform stage (stage 3, from step 1000) of an isotropic solid pulled along z:
     * ε_zz = i·0.001, lateral strains −ν ε, stress σ = E ε up to the peak at ε_p then a linear drop
     * to zero at ε_f, written as the virial W_zz = −σ V / (eV/Å³ → bar) with atoms at rest.
     */
    private static void feed(Analysis a, double e, double nu, double epsPeak, double epsFail) throws Exception {
        Atoms atoms = new Atoms(A, 10);
        Box ref = Box.orthorhombic(20, 20, 40);
        SimulationState s = new SimulationState(atoms, ref.copy(), 1);
        s.deformReferenceBox = ref.copy();
        s.deformOriginStep = 1000;
        s.stageIndex = 3;
        for (int i = 0; i <= 150; i++) {
            double eps = 0.001 * i;
            double sigma = eps <= epsPeak ? e * eps : Math.max(0, e * epsPeak * (epsFail - eps) / (epsFail - epsPeak));
            s.step = 1000 + 10L * i;
            s.stageStep = 10L * i;
            s.box.set(0, 0, 0, 20 * (1 - nu * eps), 20 * (1 - nu * eps), 40 * (1 + eps), 0, 0, 0);
            s.lastForces.clear();
            s.lastForces.hasEnergyAndVirial = true;
            s.lastForces.pairEnergy = -50 + 10 * eps * eps;
            s.lastForces.virial[8] = -sigma * 1e4 * s.box.volume() / Units.EV_PER_A3_TO_BAR;
            a.sample(s, 3);
        }
        // A frame of a later nvt stage keeps the reference box but is not part of the curve.
        s.step = 3000;
        s.stageStep = 0;
        s.stageIndex = 4;
        s.lastForces.virial[8] = 1e9;
        a.sample(s, 4);
    }

    @Test
    @DisplayName("tension analysis of a synthetic deform stage gives back E, ν, the peak, G_c and K_Ic, into metrics and tension_summary.csv")
    void syntheticTensileTestIntoMetrics(@TempDir Path dir) throws Exception {
        RunMetrics metrics = new RunMetrics();
        try (Analysis a = create(dir, metrics, "fit_strain", List.of(0.0, 0.03), "failure_fraction", 0.0)) {
            feed(a, 120.0, 0.25, 0.08, 0.10);
            a.finish();
        }
        Map<String, Object> m = metrics.asMap();
        assertEquals(120.0, (double) m.get("E_GPa"), 1e-6);
        assertEquals(0.25, (double) m.get("nu"), 1e-3);
        assertEquals(9.6, (double) m.get("peak_stress_GPa"), 1e-6);
        assertEquals(0.08, (double) m.get("strain_at_peak"), 1e-9);
        // failure where σ first reaches 0 (ε = 0.10): ∫σ dε = ½ · 9.6 · 0.10 = 0.48 GPa; V/A = L0 = 40 Å
        // → G_c = 0.1 · 40 · 0.48 = 1.92 J/m²
        assertEquals(1.92, (double) m.get("G_c_J_per_m2"), 1e-6);
        double nu = (double) m.get("nu");
        assertEquals(Math.sqrt(1.92 * 120e9 / (1 - nu * nu)) / 1e6, (double) m.get("K_Ic_MPa_m0.5"), 1e-6);
        assertEquals("[0, 0.030000000]", m.get("E_fit_strain"));
        List<String> rows = Files.readAllLines(dir.resolve("tension.csv"));
        assertEquals(152, rows.size(), "header + 151 frames of the deform stage, none of the nvt stage");
        assertTrue(rows.get(0).startsWith("step,time_ps,stage,strain,stress_GPa"));
        String summary = Files.readString(dir.resolve("tension_summary.csv"));
        assertTrue(summary.contains("G_c,1.9200000,J/m^2"), summary);
    }

    @Test
    @DisplayName("a named tension analysis prefixes its metrics with the name")
    void namedAnalysisPrefixesMetrics(@TempDir Path dir) throws Exception {
        RunMetrics metrics = new RunMetrics();
        try (Analysis a = create(dir, metrics, "name", "pull", "poisson_ratio", 0.3)) {
            feed(a, 100.0, 0.2, 0.05, 0.06);
            a.finish();
        }
        assertEquals(100.0, (double) metrics.asMap().get("pull_E_GPa"), 1e-6);
        assertEquals(0.3, (double) metrics.asMap().get("pull_nu"), 0);
        assertTrue(Files.exists(dir.resolve("pull_summary.csv")));
    }

    @Test
    @DisplayName("a fit window beyond the strain reached leaves the run intact and records why E is missing")
    void fitWindowBeyondTheCurveIsReportedNotFatal(@TempDir Path dir) throws Exception {
        RunMetrics metrics = new RunMetrics();
        try (Analysis a = create(dir, metrics, "fit_strain", List.of(0.5, 0.6))) {
            feed(a, 100.0, 0.2, 0.05, 0.06);
            a.finish();
        }
        assertTrue(!metrics.asMap().containsKey("E_GPa"));
        assertTrue(String.valueOf(metrics.asMap().get("tension_status")).contains("[0.5, 0.6]"));
        assertTrue(Files.exists(dir.resolve("tension.csv")));
    }

    @Test
    @DisplayName("bad tension keys are refused naming the key: fit window, failure fraction, Poisson ratio, unknown key")
    void badKeysAreRefused() {
        RunMetrics m = new RunMetrics();
        assertEquals("output.analyses[0].fit_strain", assertThrows(ParamException.class,
                () -> create(null, m, "fit_strain", List.of(0.02, 0.01))).path());
        assertEquals("output.analyses[0].failure_fraction", assertThrows(ParamException.class,
                () -> create(null, m, "failure_fraction", 1.5)).path());
        assertEquals("output.analyses[0].poisson_ratio", assertThrows(ParamException.class,
                () -> create(null, m, "poisson_ratio", 0.7)).path());
        assertEquals("output.analyses[0].axes", assertThrows(ParamException.class,
                () -> create(null, m, "axes", "z")).path());
    }
}
