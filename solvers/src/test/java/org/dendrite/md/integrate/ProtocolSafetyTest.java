package org.dendrite.md.integrate;

import static org.dendrite.md.integrate.LjSystems.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.md.Atoms;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.state.AtomGroup;
import org.dendrite.md.state.SimulationState;
import org.dendrite.md.thermo.Thermo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Blow-up detection, configuration checks and velocity creation. */
class ProtocolSafetyTest {

    static SimulationException runExpectingFailure(SimulationState s, Protocol.Options o, Object[]... stages) {
        List<Stage> list = java.util.Arrays.stream(stages).map(kv -> Stages.create(params(kv))).toList();
        try (ForceEngine engine = LjSystems.engine()) {
            Protocol p = new Protocol(list, engine, o);
            return assertThrows(SimulationException.class, () -> p.run(s));
        }
    }

    @Test
    @DisplayName("two overlapping atoms blow up into a one-line error naming the step and an atom that moved too far")
    void overlappingAtomsAreReported() {
        SimulationState s = LjSystems.fcc(3, 5.30, 0.0, 1);
        s.atoms.x[3] = s.atoms.x[0] + 1.2;
        s.atoms.x[4] = s.atoms.x[1];
        s.atoms.x[5] = s.atoms.x[2];
        SimulationException e = runExpectingFailure(s, new Protocol.Options(),
                new Object[] {"type", "nve", "steps", 100, "timestep_fs", 2.0});
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().matches("step \\d+, atom id [12]: moved .* more than half the neighbour skin.*"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.step() >= 1 && e.step() <= 3);
    }

    @Test
    @DisplayName("a non-finite coordinate is reported with the atom's id")
    void nanPositionIsReported() {
        SimulationState s = LjSystems.fcc(3, 5.30, 0.0, 1);
        s.atoms.x[3 * 7 + 1] = Double.NaN;
        SimulationException e = runExpectingFailure(s, new Protocol.Options(),
                new Object[] {"type", "nve", "steps", 10});
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().contains("atom id 8"), e.getMessage());
        assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
    }

    @Test
    @DisplayName("an atom leaving through a non-periodic boundary is reported as lost")
    void lostAtomIsReported() {
        SimulationState s = LjSystems.fcc(3, 5.30, 0.0, 1);
        s.box.setPeriodic(true, true, false);
        s.box.set(0, 0, -1, s.box.lx(), s.box.ly(), s.box.lz() + 2, 0, 0, 0);
        s.atoms.v[3 * 4 + 2] = -300;
        SimulationException e = runExpectingFailure(s, new Protocol.Options(),
                new Object[] {"type", "nve", "steps", 100, "timestep_fs", 1.0});
        System.out.println(e.getMessage());
        // The fast atom knocks the bottom-layer atom below it out of the slab first.
        assertTrue(e.getMessage().matches("step \\d+, atom id \\d+: lost atom: it left the box through the"
                + " non-periodic z boundary .*"), e.getMessage());
    }

    @Test
    @DisplayName("a potential-energy jump above the configured limit stops the run")
    void energyJumpIsReported() {
        SimulationState s = LjSystems.fcc(3, 5.30, 0.0, 1);
        Protocol.Options o = new Protocol.Options();
        o.energyCheckEvery = 10;
        o.energyJumpEvPerAtom = 1e-7;
        SimulationException e = runExpectingFailure(s, o,
                new Object[] {"type", "velocity", "temperature_K", 100.0},
                new Object[] {"type", "nve", "steps", 100, "timestep_fs", 2.0});
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().startsWith("step 10: potential energy jumped"), e.getMessage());
    }

    @Test
    @DisplayName("stage configs with unknown keys, conflicting or missing lengths, or impossible options are rejected"
            + " with the key path")
    void badStageConfigsAreRejected() {
        ParamException e = assertThrows(ParamException.class, () -> Stages.create(params("type", "nvt",
                "temperature_K", 300.0, "steps", 10, "tdamp", 0.1)));
        assertTrue(e.getMessage().contains("stage.tdamp") && e.getMessage().contains("unknown key"), e.getMessage());
        e = assertThrows(ParamException.class, () -> Stages.create(params("type", "nvtt")));
        assertTrue(e.getMessage().contains("known: amorphize, berendsen, csvr, deform"), e.getMessage());
        assertThrows(ParamException.class, () -> Stages.create(params("type", "nve", "steps", 10, "duration_ps", 1.0)));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "nve")));
        e = assertThrows(ParamException.class, () -> Stages.create(params("type", "nve", "duration_ps", 1.0005,
                "timestep_fs", 1.0)));
        assertTrue(e.getMessage().contains("whole number of time steps"), e.getMessage());
        assertEquals(1000, Stages.create(params("type", "nve", "duration_ps", 2.0, "timestep_fs", 2.0)).steps());
        assertThrows(ParamException.class, () -> Stages.create(params("type", "nvt", "steps", 10)));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "nvt", "steps", 10,
                "temperature_K", 300.0, "temperature_start_K", 100.0, "temperature_stop_K", 200.0)));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "nve", "steps", 10,
                "region", Map.of("axis", "z", "min_A", 0.0, "max_A", 5.0))));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "npt", "steps", 10,
                "temperature_K", 300.0, "region", Map.of("axis", "z", "min_A", 0.0, "max_A", 5.0))));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "nvt", "steps", 10,
                "temperature_K", 300.0, "freeze_outside", true)));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "nvt", "steps", 10,
                "temperature_K", 300.0, "region", Map.of("axis", "w", "min_A", 0.0, "max_A", 5.0))));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "npt", "steps", 10,
                "temperature_K", 300.0, "axes", List.of("x", "x"))));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "deform", "steps", 10,
                "temperature_K", 300.0, "axis", "x", "strain_rate_per_ps", 0.0)));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "nvt", "steps", 10,
                "temperature_K", 300.0, "tdamp_ps", -1.0)));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "nvt", "steps", 10,
                "temperature_start_K", 0.0, "temperature_stop_K", 300.0)));
        Stages.create(params("type", "langevin", "steps", 10, "temperature_start_K", 0.0, "temperature_stop_K", 300.0));
    }

    @Test
    @DisplayName("velocity creation gives exactly the target temperature, zero momentum, and the same velocity per"
            + " atom id whatever the storage order")
    void velocityCreationIsExactAndOrderIndependent() throws Exception {
        SimulationState s = LjSystems.fcc(3, 5.30, 0.0, 1);
        SimulationState t = LjSystems.fcc(3, 5.30, 0.0, 1);
        // Store t's atoms in reverse order.
        Atoms a = t.atoms;
        int n = a.nlocal;
        for (int i = 0; i < n / 2; i++) {
            int j = n - 1 - i;
            for (int c = 0; c < 3; c++) {
                double tmp = a.x[3 * i + c];
                a.x[3 * i + c] = a.x[3 * j + c];
                a.x[3 * j + c] = tmp;
            }
            int id = a.id[i];
            a.id[i] = a.id[j];
            a.id[j] = id;
        }
        for (SimulationState st : List.of(s, t)) {
            try (ForceEngine engine = LjSystems.engine()) {
                new Protocol(List.of(Stages.create(params("type", "velocity", "temperature_K", 123.0, "seed", 5))),
                        engine).run(st);
            }
        }
        assertEquals(123.0, Thermo.temperature(s.atoms, AtomGroup.all(n)), 1e-10);
        double px = 0, py = 0, pz = 0;
        for (int i = 0; i < n; i++) {
            px += s.atoms.v[3 * i];
            py += s.atoms.v[3 * i + 1];
            pz += s.atoms.v[3 * i + 2];
        }
        assertEquals(0.0, px, 1e-12);
        assertEquals(0.0, py, 1e-12);
        assertEquals(0.0, pz, 1e-12);
        for (int i = 0; i < n; i++) {
            int j = t.atoms.indexOfId(s.atoms.id[i]);
            for (int c = 0; c < 3; c++) {
                assertEquals(s.atoms.v[3 * i + c], t.atoms.v[3 * j + c], 1e-12);
            }
        }
    }
}
