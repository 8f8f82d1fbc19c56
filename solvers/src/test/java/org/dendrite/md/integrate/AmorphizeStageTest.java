package org.dendrite.md.integrate;

import static org.dendrite.md.integrate.LjSystems.mean;
import static org.dendrite.md.integrate.LjSystems.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.md.Atoms;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The amorphize stage's schedule, its two thermostat groups and its config checks, on Lennard-Jones argon. */
class AmorphizeStageTest {
    static final Map<String, Object> SLAB = Map.of("axis", "z", "min_frac", 0.35, "max_frac", 0.65);

    /** Extra-column rows (target_region, temp_region[, target_outside, temp_outside]) with step ≥ from and ≤ to. */
    static double[] column(LjSystems.Recorder rec, int c, long from, long to) {
        return java.util.stream.IntStream.range(0, rec.rows.size())
                .filter(i -> rec.rows.get(i)[0] >= from && rec.rows.get(i)[0] <= to)
                .mapToDouble(i -> rec.extra.get(i)[c]).toArray();
    }

    @Test
    @DisplayName("the schedule heats linearly, holds, quenches at the given rate and holds at the final temperature;"
            + " the stage lasts the sum of the phases")
    void schedule() {
        AmorphizeStage s = (AmorphizeStage) Stages.create(params("type", "amorphize", "start_temperature_K", 300.0,
                "heat_ps", 10.0, "hold_ps", 50.0, "quench_rate_K_per_ps", 10.0, "final_hold_ps", 5.0));
        assertArrayEquals(new long[] {10000, 50000, 270000, 5000}, s.phaseSteps());
        assertEquals(335000, s.steps());
        assertEquals(300.0, s.regionTargetK(0), 0.0);
        assertEquals(1650.0, s.regionTargetK(5000), 1e-9);
        assertEquals(3000.0, s.regionTargetK(10000), 0.0);
        assertEquals(3000.0, s.regionTargetK(60000), 0.0);
        assertEquals(3000.0 - 10.0 * 100.0, s.regionTargetK(60000 + 100000), 1e-9);
        assertEquals(300.0, s.regionTargetK(330000), 1e-9);
        assertEquals(300.0, s.regionTargetK(335000), 0.0);
        assertEquals(10.0, s.quenchRateKPerPs(), 1e-12);
        // Defaults: no heat ramp (seed 001 holds at 3000 K), 50 ps hold (seed 000), 300 K final.
        AmorphizeStage d = (AmorphizeStage) Stages.create(params("type", "amorphize", "quench_rate_K_per_ps", 27.0,
                "timestep_fs", 2.0));
        assertArrayEquals(new long[] {0, 25000, 50000, 0}, d.phaseSteps());
        assertEquals(3000.0, d.regionTargetK(0), 0.0);
        assertEquals(300.0, d.regionTargetK(75000), 1e-9);
    }

    @Test
    @DisplayName("bad amorphize input names the key: missing quench rate, final above melt, outside keys without a"
            + " region, outside temperature with a frozen outside, phases that are not whole steps, unknown keys")
    void badInput() {
        ParamException e = assertThrows(ParamException.class, () -> Stages.create(params("type", "amorphize")));
        assertEquals("stage.quench_rate_K_per_ps", e.path());
        e = assertThrows(ParamException.class, () -> Stages.create(params("type", "amorphize", "quench_rate_K_per_ps",
                10.0, "final_temperature_K", 3500.0)));
        assertEquals("stage.final_temperature_K", e.path());
        e = assertThrows(ParamException.class, () -> Stages.create(params("type", "amorphize", "quench_rate_K_per_ps",
                10.0, "outside", "freeze")));
        assertEquals("stage.outside", e.path());
        e = assertThrows(ParamException.class, () -> Stages.create(params("type", "amorphize", "quench_rate_K_per_ps",
                10.0, "outside_temperature_K", 500.0)));
        assertEquals("stage.outside_temperature_K", e.path());
        e = assertThrows(ParamException.class, () -> Stages.create(params("type", "amorphize", "quench_rate_K_per_ps",
                10.0, "region", SLAB, "outside", "freeze", "outside_temperature_K", 500.0)));
        assertEquals("stage.outside_temperature_K", e.path());
        e = assertThrows(ParamException.class, () -> Stages.create(params("type", "amorphize", "quench_rate_K_per_ps",
                10.0, "region", SLAB, "outside", "melt")));
        assertEquals("stage.outside", e.path());
        e = assertThrows(ParamException.class, () -> Stages.create(params("type", "amorphize", "quench_rate_K_per_ps",
                10.0, "hold_ps", 1.0005)));
        assertEquals("stage.hold_ps", e.path());
        e = assertThrows(ParamException.class, () -> Stages.create(params("type", "amorphize", "quench_rate_K_per_ps",
                10.0, "steps", 100)));
        assertEquals("stage.steps", e.path());
        e = assertThrows(ParamException.class, () -> Stages.create(params("type", "amorphize", "quench_rate_K_per_ps",
                10.0, "region", Map.of("shape", "sphere", "center_A", List.of(0.0, 0.0, 0.0)))));
        assertEquals("stage.region.radius_A", e.path());
    }

    @Test
    @DisplayName("a stage region that lies wholly outside the cell stops the run at the stage start, naming the"
            + " region key; a sphere region thermostats exactly the atoms within its radius")
    void stageRegionsOfAnyShape() throws Exception {
        SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 64);
        ParamException e = assertThrows(ParamException.class, () -> EnsembleTest.run(s, 0,
                new Object[] {"type", "langevin", "temperature_K", 50.0, "steps", 10, "region",
                        Map.of("shape", "sphere", "center_A", List.of(60.0, 5.0, 5.0), "radius_A", 4.0)}));
        assertEquals("stage.region.center_A", e.path(), e.getMessage());
        SimulationState t = LjSystems.fcc(4, 5.30, 0.0, 65);
        EnsembleTest.run(t, 0, new Object[] {"type", "nvt", "temperature_K", 50.0, "steps", 10, "region",
                Map.of("shape", "sphere", "center_A", List.of(0.0, 0.0, 0.0), "radius_A", 4.0), "freeze_outside", true});
        // fcc a = 5.30: the corner atom and its 12 neighbours at a/√2 = 3.75 Å, over the periodic corner.
        assertEquals(13, t.groupIds.length);
    }

    @Test
    @DisplayName("the region follows its heat/hold/quench targets while the rest stays at its own temperature")
    void twoThermostatGroups() throws Exception {
        SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 61);
        // 2 fs steps: heat 2 ps (20 -> 200 K), hold 6 ps, quench 2 ps (90 K/ps), final hold 2 ps.
        LjSystems.Recorder rec = EnsembleTest.run(s, 10,
                new Object[] {"type", "velocity", "temperature_K", 20.0, "seed", 8},
                new Object[] {"type", "amorphize", "region", SLAB, "start_temperature_K", 20.0, "heat_ps", 2.0,
                        "melt_temperature_K", 200.0, "hold_ps", 6.0, "quench_rate_K_per_ps", 90.0,
                        "final_temperature_K", 20.0, "final_hold_ps", 2.0, "outside_temperature_K", 20.0,
                        "timestep_fs", 2.0});
        assertEquals(6000, s.step);
        double[] target = column(rec, 0, 0, 6000);
        double[] steps = rec.rows.stream().mapToDouble(r -> r[0]).toArray();
        for (int i = 0; i < steps.length; i++) {
            long k = (long) steps[i];
            double expected = k <= 1000 ? 20 + 180 * k / 1000.0 : k <= 4000 ? 200 : k <= 5000 ? 200 - 180 * (k - 4000)
                    / 1000.0 : 20;
            assertEquals(expected, target[i], 1e-9, "target at step " + k);
        }
        double tIn = mean(column(rec, 1, 1500, 4000));
        double tOut = mean(column(rec, 3, 1500, 4000));
        double tInEnd = mean(column(rec, 1, 5200, 6000));
        double tOutEnd = mean(column(rec, 3, 5200, 6000));
        System.out.printf("amorphize LJ: hold <T_region> %.1f K (200), <T_outside> %.1f K (20); final hold <T_region>"
                + " %.1f K, <T_outside> %.1f K (20)%n", tIn, tOut, tInEnd, tOutEnd);
        assertEquals(200.0, tIn, 20.0);
        assertEquals(20.0, tOut, 8.0, "heat leaks into the grains but their bath holds them near 20 K");
        assertEquals(20.0, tInEnd, 6.0);
        assertEquals(20.0, tOutEnd, 6.0);
    }

    @Test
    @DisplayName("with outside: freeze the atoms outside the region do not move; without a region every atom is heated")
    void frozenOutsideAndWholeCell() throws Exception {
        SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 62);
        EnsembleTest.run(s, 0, new Object[] {"type", "velocity", "temperature_K", 20.0, "seed", 9});
        Atoms a = s.atoms;
        double[] x0 = Arrays.copyOf(a.x, 3 * a.nlocal);
        LjSystems.Recorder rec = EnsembleTest.run(s, 10,
                new Object[] {"type", "amorphize", "region", SLAB, "outside", "freeze", "melt_temperature_K", 150.0,
                        "hold_ps", 4.0, "quench_rate_K_per_ps", 130.0, "final_temperature_K", 20.0, "timestep_fs", 2.0});
        double lz = s.box.lz();
        int frozen = 0;
        for (int i = 0; i < a.nlocal; i++) {
            double z = x0[3 * i + 2];
            if (z < 0.35 * lz || z >= 0.65 * lz) {
                frozen++;
                for (int c = 0; c < 3; c++) {
                    assertEquals(x0[3 * i + c], a.x[3 * i + c], 0.0, "frozen atom moved");
                }
            }
        }
        assertTrue(frozen > 100);
        assertEquals(2, rec.extra.get(0).length, "no outside columns when the outside is frozen");
        double tHold = mean(column(rec, 1, 500, 2000));
        System.out.printf("amorphize LJ, frozen outside: hold <T_region> %.1f K (150)%n", tHold);
        assertEquals(150.0, tHold, 15.0);

        SimulationState all = LjSystems.fcc(4, 5.30, 0.0, 63);
        LjSystems.Recorder r2 = EnsembleTest.run(all, 10,
                new Object[] {"type", "velocity", "temperature_K", 20.0, "seed", 10},
                new Object[] {"type", "amorphize", "melt_temperature_K", 150.0, "hold_ps", 4.0,
                        "quench_rate_K_per_ps", 130.0, "final_temperature_K", 20.0, "timestep_fs", 2.0});
        double tAll = mean(r2.column(EnsembleTest.TEMP, 500));
        double[] hold = r2.rows.stream().filter(r -> r[0] >= 500 && r[0] <= 2000).mapToDouble(r -> r[2]).toArray();
        System.out.printf("amorphize LJ, whole cell: hold <T> %.1f K (150)%n", mean(hold));
        assertEquals(150.0, mean(hold), 12.0);
        assertTrue(tAll > 20);
    }
}
