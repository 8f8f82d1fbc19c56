package org.dendrite.md.integrate;

import static org.dendrite.md.integrate.LjSystems.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dendrite.config.Params;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.state.RestartFile;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restart: 2000 steps straight and 1000 steps + restart file + read + 1000 steps give bit-identical
 * positions, velocities and cell, for every integrator. The system is a 108-atom Lennard-Jones
 * argon liquid (150 K), so atoms diffuse and the neighbour list is rebuilt many times.
 */
class RestartReproducibilityTest {
    @TempDir
    Path dir;

    static Stream<Arguments> protocols() {
        Object[] velocity = {"type", "velocity", "temperature_K", 150.0, "seed", 99};
        return Stream.of(
                Arguments.of("nve", 1000L, List.of(velocity, new Object[] {"type", "nve", "steps", 2000, "timestep_fs", 2.0})),
                Arguments.of("nvt", 1000L, List.of(velocity, new Object[] {"type", "nvt", "temperature_start_K", 150.0,
                        "temperature_stop_K", 120.0, "steps", 2000, "timestep_fs", 2.0})),
                Arguments.of("npt iso", 1000L, List.of(velocity, new Object[] {"type", "npt", "temperature_K", 150.0,
                        "pressure_start_bar", 0.0, "pressure_stop_bar", 200.0, "pdamp_ps", 0.5, "steps", 2000,
                        "timestep_fs", 2.0})),
                Arguments.of("npt aniso", 1000L, List.of(velocity, new Object[] {"type", "npt", "temperature_K", 150.0,
                        "pressure_bar", 100.0, "couple", "aniso", "pdamp_ps", 0.5, "steps", 2000, "timestep_fs", 2.0})),
                Arguments.of("langevin", 1000L, List.of(velocity, new Object[] {"type", "langevin", "temperature_K", 150.0,
                        "steps", 2000, "timestep_fs", 2.0})),
                Arguments.of("csvr", 1000L, List.of(velocity, new Object[] {"type", "csvr", "temperature_K", 150.0,
                        "steps", 2000, "timestep_fs", 2.0})),
                Arguments.of("berendsen", 1000L, List.of(velocity, new Object[] {"type", "berendsen", "temperature_K",
                        150.0, "steps", 2000, "timestep_fs", 2.0})),
                Arguments.of("deform", 1000L, List.of(velocity, new Object[] {"type", "deform", "axis", "y",
                        "strain_rate_per_ps", 0.02, "temperature_K", 150.0, "pdamp_ps", 0.5, "steps", 2000,
                        "timestep_fs", 2.0})),
                Arguments.of("region nvt + frozen", 1000L, List.of(velocity, new Object[] {"type", "nvt", "temperature_K",
                        300.0, "region", Map.of("axis", "x", "min_A", 3.0, "max_A", 9.0), "freeze_outside", true,
                        "steps", 2000, "timestep_fs", 2.0})),
                Arguments.of("amorphize, restart mid quench", 1000L, List.of(velocity, new Object[] {"type",
                        "amorphize", "region", Map.of("shape", "plane", "axis", "z", "position_frac", 0.5,
                        "half_width_A", 4.0), "melt_temperature_K", 300.0, "final_temperature_K", 150.0,
                        "outside_temperature_K", 100.0, "heat_ps", 0.4, "hold_ps", 1.0, "quench_rate_K_per_ps", 75.0,
                        "final_hold_ps", 0.6, "timestep_fs", 2.0})),
                Arguments.of("amorphize with frozen outside, restart mid hold", 400L, List.of(velocity,
                        new Object[] {"type", "amorphize", "region", Map.of("axis", "x", "min_frac", 0.2, "max_frac",
                        0.7), "outside", "freeze", "melt_temperature_K", 300.0, "final_temperature_K", 150.0,
                        "hold_ps", 2.0, "quench_rate_K_per_ps", 75.0, "timestep_fs", 2.0})),
                Arguments.of("nvt then npt, restart mid second stage", 1000L, List.of(velocity,
                        new Object[] {"type", "nvt", "temperature_K", 150.0, "steps", 600, "timestep_fs", 2.0},
                        new Object[] {"type", "npt", "temperature_K", 150.0, "pressure_bar", 0.0, "steps", 1400,
                                "timestep_fs", 2.0})),
                Arguments.of("nvt then langevin, restart at the stage boundary", 600L, List.of(velocity,
                        new Object[] {"type", "nvt", "temperature_K", 150.0, "steps", 600, "timestep_fs", 2.0},
                        new Object[] {"type", "langevin", "temperature_K", 150.0, "steps", 1400, "timestep_fs", 2.0})));
    }

    static List<Stage> build(List<Object[]> spec) {
        return spec.stream().map(kv -> Stages.create(params(kv))).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void resumedRunIsBitIdenticalToStraightRun(String name, long at, List<Object[]> spec) throws Exception {
        SimulationState straight = LjSystems.fcc(3, 5.30, 0.0, 5);
        long rebuilds;
        try (ForceEngine engine = LjSystems.engine()) {
            new Protocol(build(spec), engine).run(straight);
            rebuilds = engine.timings().rebuilds;
        }

        Path file = dir.resolve("restart-" + at + ".bin");
        SimulationState first = LjSystems.fcc(3, 5.30, 0.0, 5);
        try (ForceEngine engine = LjSystems.engine()) {
            Protocol p = new Protocol(build(spec), engine);
            p.addObserver(new StepObserver() {
                @Override
                public long interval() {
                    return at;
                }

                @Override
                public void observe(StepInfo info) throws java.io.IOException {
                    if (info.step() == at) {
                        RestartFile.write(info.checkpoint(), file);
                        throw new StopHere();
                    }
                }
            });
            try {
                p.run(first);
            } catch (StopHere expected) {
                // the first half ends at the checkpoint
            }
        }
        assertEquals(at, first.step);

        SimulationState resumed = RestartFile.read(file);
        try (ForceEngine engine = LjSystems.engine()) {
            new Protocol(build(spec), engine).run(resumed);
        }
        int n = straight.atoms.nlocal;
        assertEquals(straight.step, resumed.step);
        assertArrayEquals(Arrays.copyOf(straight.atoms.x, 3 * n), Arrays.copyOf(resumed.atoms.x, 3 * n), 0.0,
                name + ": positions differ");
        assertArrayEquals(Arrays.copyOf(straight.atoms.v, 3 * n), Arrays.copyOf(resumed.atoms.v, 3 * n), 0.0,
                name + ": velocities differ");
        assertArrayEquals(straight.box.matrix(), resumed.box.matrix(), 0.0, name + ": cells differ");
        assertEquals(straight.timePs, resumed.timePs, 0.0);
        assertTrue(rebuilds > 5, name + ": the neighbour list must have been rebuilt during the run (" + rebuilds + ")");
    }

    /** Ends the first half of a split run right after its checkpoint. */
    static final class StopHere extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
