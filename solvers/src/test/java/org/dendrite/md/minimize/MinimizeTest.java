package org.dendrite.md.minimize;

import static org.dendrite.md.integrate.LjSystems.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Units;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.integrate.LjSystems;
import org.dendrite.md.integrate.Protocol;
import org.dendrite.md.integrate.Stage;
import org.dendrite.md.integrate.Stages;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** FIRE and CG find known minima, with and without box relaxation. */
class MinimizeTest {
    static MinimizeStage minimize(SimulationState s, Object... kv) throws Exception {
        Stage st = Stages.create(params(kv));
        try (ForceEngine engine = LjSystems.engine()) {
            new Protocol(List.of(st), engine).run(s);
        }
        return (MinimizeStage) st;
    }

    /** Potential energy of a perfect fcc crystal of 3×3×3 cells with lattice constant a. */
    static double latticeEnergy(double a) {
        SimulationState s = LjSystems.fcc(3, a, 0.0, 1);
        try (ForceEngine engine = LjSystems.engine()) {
            ForceResult r = new ForceResult();
            engine.compute(s.atoms, s.box, true, r);
            return r.potentialEnergy();
        }
    }

    /** The lattice constant of least energy, by golden-section search (the oracle for box relaxation). */
    static double bestLatticeConstant() {
        double lo = 5.0, hi = 5.6;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = hi - g * (hi - lo), d = lo + g * (hi - lo);
        double fc = latticeEnergy(c), fd = latticeEnergy(d);
        while (hi - lo > 1e-9) {
            if (fc < fd) {
                hi = d;
                d = c;
                fd = fc;
                c = hi - g * (hi - lo);
                fc = latticeEnergy(c);
            } else {
                lo = c;
                c = d;
                fc = fd;
                d = lo + g * (hi - lo);
                fd = latticeEnergy(d);
            }
        }
        return 0.5 * (lo + hi);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fire", "cg"})
    @DisplayName("an LJ dimer relaxes to the analytic bond length 2^(1/6) σ")
    void dimerReachesAnalyticMinimum(String algorithm) throws Exception {
        Atoms a = new Atoms(LjSystems.species(), 2);
        a.id[0] = 1;
        a.id[1] = 2;
        a.x[0] = 10;
        a.x[1] = 11;
        a.x[2] = 12;
        a.x[3] = 14.1;
        a.x[4] = 11.9;
        a.x[5] = 12.3;
        SimulationState s = new SimulationState(a, Box.orthorhombic(30, 30, 30), 1);
        MinimizeStage m = minimize(s, "type", "minimize", "algorithm", algorithm, "force_tolerance_eV_per_A", 1e-10,
                "max_steps", 5000);
        double dx = a.x[3] - a.x[0], dy = a.x[4] - a.x[1], dz = a.x[5] - a.x[2];
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        System.out.println("dimer " + m.summary() + ", r = " + r);
        assertTrue(m.stopReason().converged(), m.summary());
        assertEquals(Math.pow(2, 1.0 / 6) * LjSystems.SIGMA, r, 1e-8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fire", "cg"})
    @DisplayName("a perturbed fcc crystal in a fixed cell relaxes to the perfect-lattice energy")
    void perturbedCrystalReturnsToLattice(String algorithm) throws Exception {
        double a = 5.30;
        SimulationState s = LjSystems.fcc(3, a, 0.4, 7);
        MinimizeStage m = minimize(s, "type", "minimize", "algorithm", algorithm, "force_tolerance_eV_per_A", 1e-8,
                "max_steps", 20000);
        System.out.println("crystal " + m.summary());
        assertTrue(m.stopReason().converged(), m.summary());
        assertEquals(latticeEnergy(a), m.finalEnergy(), 1e-9 * Math.abs(latticeEnergy(a)));
        assertEquals(latticeEnergy(a), s.lastForces.potentialEnergy(), 1e-9 * Math.abs(latticeEnergy(a)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fire", "cg"})
    @DisplayName("box relaxation (iso) finds the lattice constant of least energy and zero pressure")
    void isoBoxRelaxFindsEquilibriumLattice(String algorithm) throws Exception {
        double best = bestLatticeConstant();
        SimulationState s = LjSystems.fcc(3, 5.45, 0.1, 9);
        MinimizeStage m = minimize(s, "type", "minimize", "algorithm", algorithm, "force_tolerance_eV_per_A", 1e-7,
                "max_steps", 20000, "box_relax", Map.of("pressure_bar", 0.0, "couple", "iso"));
        double pressure = virialPressure(s);
        System.out.printf("iso %s: a = %.8f (oracle %.8f), P = %.3g bar%n", m.summary(), s.box.lx() / 3, best,
                pressure);
        assertTrue(m.stopReason().converged(), m.summary());
        assertEquals(best, s.box.lx() / 3, 2e-6);
        assertEquals(s.box.lx(), s.box.lz(), 1e-12);
        assertEquals(0.0, pressure, 0.5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fire", "cg"})
    @DisplayName("box relaxation (aniso) makes a tetragonally strained cell cubic at zero stress on every axis")
    void anisoBoxRelaxRemovesStrain(String algorithm) throws Exception {
        double best = bestLatticeConstant();
        SimulationState s = LjSystems.fcc(3, 5.30, 0.05, 11);
        s.box.set(0, 0, 0, 3 * 5.40, 3 * 5.22, 3 * 5.30, 0, 0, 0);
        for (int i = 0; i < s.atoms.nlocal; i++) {
            s.atoms.x[3 * i] *= 5.40 / 5.30;
            s.atoms.x[3 * i + 1] *= 5.22 / 5.30;
        }
        MinimizeStage m = minimize(s, "type", "minimize", "algorithm", algorithm, "force_tolerance_eV_per_A", 1e-7,
                "max_steps", 20000, "box_relax", Map.of("pressure_bar", 0.0, "couple", "aniso"));
        double[] p = new double[3];
        for (int k = 0; k < 3; k++) {
            p[k] = s.lastForces.virial[4 * k] / s.box.volume() * Units.EV_PER_A3_TO_BAR;
        }
        System.out.printf("aniso %s: a = %.7f %.7f %.7f (oracle %.7f), P = %.2g %.2g %.2g bar%n", m.summary(),
                s.box.lx() / 3, s.box.ly() / 3, s.box.lz() / 3, best, p[0], p[1], p[2]);
        assertTrue(m.stopReason().converged(), m.summary());
        assertEquals(best, s.box.lx() / 3, 2e-6);
        assertEquals(best, s.box.ly() / 3, 2e-6);
        assertEquals(best, s.box.lz() / 3, 2e-6);
        for (double v : p) {
            assertEquals(0.0, v, 0.5);
        }
    }

    @Test
    @DisplayName("minimize rejects unknown keys, bad algorithms and tolerances that could never stop it")
    void badConfigIsRejected() {
        assertThrows(ParamException.class, () -> Stages.create(params("type", "minimize", "algoritm", "cg")));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "minimize", "algorithm", "bfgs")));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "minimize",
                "force_tolerance_eV_per_A", 0.0)));
        assertThrows(ParamException.class, () -> Stages.create(params("type", "minimize",
                "box_relax", Map.of("couple", "tri"))));
    }

    static double virialPressure(SimulationState s) {
        double[] w = s.lastForces.virial;
        return (w[0] + w[4] + w[8]) / (3 * s.box.volume()) * Units.EV_PER_A3_TO_BAR;
    }
}
