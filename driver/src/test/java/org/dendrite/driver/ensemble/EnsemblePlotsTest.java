package org.dendrite.driver.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.md.Units;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsemblePlotsTest {
    @TempDir
    Path dir;

    private static Map<String, Object> row(String status, Object x, Double y) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", status);
        r.put("temperature_K", x);
        if (y != null) {
            r.put("D_cm2_per_s", y);
        }
        return r;
    }

    @Test
    @DisplayName("the Arrhenius fit recovers E_a = 0.35 eV from D = D0 exp(-E_a / k_B T); failed members are left out")
    void arrheniusFitRecoversActivationEnergy() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (double t : new double[] {300, 500, 700, 900, 1100, 1800}) {
            rows.add(row("completed", t, 1e-3 * Math.exp(-0.35 / (Units.BOLTZMANN_EV_PER_K * t))));
        }
        rows.add(row("failed", 400.0, 1.0));
        ResultsTable t = ResultsTable.of(List.of("status", "temperature_K", "D_cm2_per_s"), rows);
        EnsemblePlots.Outcome o = EnsemblePlots.plot(
                new EnsembleConfig.PlotSpec("arrhenius", "D_cm2_per_s", "temperature_K", "a.png"), t,
                List.of("temperature_K"), dir);
        assertEquals(0.35, o.activationEnergyEv(), 1e-9);
        assertTrue(Files.size(dir.resolve("a.png")) > 1000);
    }

    @Test
    @DisplayName("a categorical axis is plotted by position; a metric no completed member has is skipped with a note")
    void categoricalAxisAndMissingMetric() throws Exception {
        List<Map<String, Object>> rows = List.of(row("completed", "crystal", 150.0),
                row("completed", "interface", 120.0), row("completed", "amorphous", 90.0));
        ResultsTable t = ResultsTable.of(List.of("status", "temperature_K", "D_cm2_per_s"), rows);
        EnsemblePlots.Outcome o = EnsemblePlots.plot(
                new EnsembleConfig.PlotSpec("parameter", "D_cm2_per_s", "temperature_K", "p.png"), t,
                List.of("temperature_K"), dir);
        assertEquals("p.png", o.file());
        EnsemblePlots.Outcome missing = EnsemblePlots.plot(
                new EnsembleConfig.PlotSpec("parameter", "E_GPa", "temperature_K", "m.png"), t,
                List.of("temperature_K"), dir);
        assertNull(missing.file());
        assertTrue(missing.note().contains("E_GPa"), missing.note());
        assertTrue(Files.notExists(dir.resolve("m.png")));
    }
}
