package org.dendrite.md.integrate;

import static org.dendrite.md.integrate.LjSystems.blockStdError;
import static org.dendrite.md.integrate.LjSystems.mean;
import static org.dendrite.md.integrate.LjSystems.params;
import static org.dendrite.md.integrate.LjSystems.std;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Statistical and conservation properties of the integrators on a 256-atom Lennard-Jones argon
 * crystal (fcc, a = 5.30 Å). Each test states the ensemble property it checks.
 */
class EnsembleTest {
    static final int THERMO = 0, TIME = 1, TEMP = 2, PE = 3, KE = 4, ETOT = 5, ECONS = 6, PRESS = 7;
    static final int PXX = 8, PYY = 9, PZZ = 10, VOL = 14, LX = 15, LY = 16, LZ = 17;

    static LjSystems.Recorder run(SimulationState s, long every, Object[]... stages) throws Exception {
        LjSystems.Recorder rec = new LjSystems.Recorder(every);
        org.dendrite.config.Params[] ps = new org.dendrite.config.Params[stages.length];
        for (int i = 0; i < stages.length; i++) {
            ps[i] = params(stages[i]);
        }
        // A state that finished one protocol starts the next one from its first stage.
        s.stageIndex = 0;
        s.stageStarted = false;
        try (ForceEngine engine = LjSystems.engine()) {
            Protocol p = new Protocol(LjSystems.stages(ps), engine);
            p.addObserver(rec);
            p.run(s);
        }
        return rec;
    }

    @Test
    @DisplayName("NVE conserves the total energy: drift and fluctuation below 2e-5 eV/atom over 4 ps at 2 fs")
    void nveConservesEnergy() throws Exception {
        SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 1);
        LjSystems.Recorder rec = run(s, 10,
                new Object[] {"type", "velocity", "temperature_K", 80.0, "seed", 7},
                new Object[] {"type", "nve", "steps", 2000, "timestep_fs", 2.0});
        double[] e = rec.column(ETOT, 1);
        double e0 = e[0];
        double worst = 0;
        for (double v : e) {
            worst = Math.max(worst, Math.abs(v - e0));
        }
        int n = s.atoms.nlocal;
        System.out.printf("NVE: max |E - E0| = %.3e eV/atom, <T> = %.2f K%n", worst / n, mean(rec.column(TEMP, 1)));
        assertTrue(worst / n < 2e-5, "energy deviation " + worst / n + " eV/atom");
        assertTrue(mean(rec.column(TEMP, 1)) > 20, "the crystal must actually move");
    }

    @Test
    @DisplayName("NVT (Nosé–Hoover chain) samples the canonical temperature: mean within 3 standard errors of the"
            + " target and relative fluctuation sqrt(2/dof) within 15 %; pe + ke + thermostat energy is conserved")
    void nvtIsCanonical() throws Exception {
        SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 2);
        double target = 60.0;
        LjSystems.Recorder rec = run(s, 5,
                new Object[] {"type", "velocity", "temperature_K", 2 * target, "seed", 11},
                new Object[] {"type", "nvt", "temperature_K", target, "tdamp_ps", 0.2, "steps", 25000,
                        "timestep_fs", 2.0});
        double[] t = rec.column(TEMP, 5000);
        double m = mean(t);
        double se = blockStdError(t, 20);
        double dof = 3.0 * s.atoms.nlocal - 3.0;
        double rel = std(t) / m;
        double expected = Math.sqrt(2.0 / dof);
        double[] ec = rec.column(ECONS, 1);
        double drift = Math.abs(ec[ec.length - 1] - ec[0]) / s.atoms.nlocal;
        System.out.printf("NVT: <T> = %.3f +- %.3f K (target %.1f), std/mean = %.4f (canonical %.4f), econserve drift"
                + " %.2e eV/atom%n", m, se, target, rel, expected, drift);
        assertEquals(target, m, Math.max(3 * se, 0.005 * target));
        assertEquals(expected, rel, 0.15 * expected);
        assertTrue(drift < 2e-5, "conserved quantity drifts by " + drift + " eV/atom");
    }

    @Test
    @DisplayName("NPT (MTK, iso) holds the mean pressure at the target within 3 standard errors and conserves its"
            + " extended energy")
    void nptIsoHoldsPressure() throws Exception {
        SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 3);
        double target = 500.0;
        LjSystems.Recorder rec = run(s, 5,
                new Object[] {"type", "velocity", "temperature_K", 120.0, "seed", 13},
                new Object[] {"type", "npt", "temperature_K", 60.0, "tdamp_ps", 0.2, "pressure_bar", target,
                        "pdamp_ps", 0.5, "steps", 14000, "timestep_fs", 2.0});
        double[] p = rec.column(PRESS, 4000);
        double m = mean(p);
        double se = blockStdError(p, 20);
        double[] ec = rec.column(ECONS, 1);
        double drift = Math.abs(ec[ec.length - 1] - ec[0]) / s.atoms.nlocal;
        double[] t = rec.column(TEMP, 4000);
        System.out.printf("NPT iso: <P> = %.1f +- %.1f bar (target %.0f), <T> = %.2f, <V> = %.2f, econserve drift"
                + " %.2e eV/atom%n", m, se, target, mean(t), mean(rec.column(VOL, 4000)), drift);
        assertEquals(target, m, 3 * se + 5);
        assertEquals(60.0, mean(t), 3 * blockStdError(t, 20) + 0.3);
        assertTrue(drift < 5e-5, "conserved quantity drifts by " + drift + " eV/atom");
    }

    @Test
    @DisplayName("NPT aniso on x and y only keeps z fixed and holds Pxx and Pyy at their target")
    void nptOnSelectedAxes() throws Exception {
        SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 4);
        double lz0 = s.box.lz();
        LjSystems.Recorder rec = run(s, 5,
                new Object[] {"type", "velocity", "temperature_K", 120.0, "seed", 17},
                new Object[] {"type", "npt", "temperature_K", 60.0, "tdamp_ps", 0.2, "pressure_bar", -300.0,
                        "pdamp_ps", 0.5, "couple", "aniso", "axes", List.of("x", "y"), "steps", 12000,
                        "timestep_fs", 2.0});
        double[] pxx = rec.column(PXX, 4000);
        double[] pyy = rec.column(PYY, 4000);
        double[] lz = rec.column(LZ, 1);
        double[] lx = rec.column(LX, 1);
        System.out.printf("NPT x,y: <Pxx> = %.1f +- %.1f, <Pyy> = %.1f +- %.1f bar, lx %.4f -> %.4f, lz %.6f%n",
                mean(pxx), blockStdError(pxx, 20), mean(pyy), blockStdError(pyy, 20), lx[0], lx[lx.length - 1],
                lz[lz.length - 1]);
        for (double v : lz) {
            assertEquals(lz0, v, 1e-9);
        }
        assertEquals(-300.0, mean(pxx), 3 * blockStdError(pxx, 20) + 5);
        assertEquals(-300.0, mean(pyy), 3 * blockStdError(pyy, 20) + 5);
    }

    @Test
    @DisplayName("Langevin, CSVR and Berendsen thermostats bring a crystal from 20 K to the 70 K target")
    void rescalingAndStochasticThermostatsReachTarget() throws Exception {
        for (String type : List.of("langevin", "csvr", "berendsen")) {
            SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 5);
            LjSystems.Recorder rec = run(s, 5,
                    new Object[] {"type", "velocity", "temperature_K", 20.0, "seed", 19},
                    new Object[] {"type", type, "temperature_K", 70.0, "tdamp_ps", 0.1, "steps", 7000,
                            "timestep_fs", 2.0});
            double[] t = rec.column(TEMP, 2000);
            double m = mean(t);
            double se = blockStdError(t, 10);
            double rel = std(t) / m;
            System.out.printf("%s: <T> = %.3f +- %.3f K, std/mean %.4f%n", type, m, se, rel);
            assertEquals(70.0, m, Math.max(3 * se, 0.7), type);
            if (!type.equals("berendsen")) {
                double canonical = Math.sqrt(2.0 / (3.0 * s.atoms.nlocal - 3.0));
                assertEquals(canonical, rel, 0.25 * canonical, type + " must sample canonical fluctuations");
            }
        }
    }

    @Test
    @DisplayName("CSVR and Berendsen tally the energy they exchange, so that econserve stays constant")
    void rescalingThermostatsConserveExtendedEnergy() throws Exception {
        for (String type : List.of("csvr", "berendsen")) {
            SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 6);
            LjSystems.Recorder rec = run(s, 10,
                    new Object[] {"type", "velocity", "temperature_K", 40.0, "seed", 23},
                    new Object[] {"type", type, "temperature_K", 70.0, "tdamp_ps", 0.1, "steps", 3000,
                            "timestep_fs", 2.0});
            double[] ec = rec.column(ECONS, 1);
            double[] et = rec.column(ETOT, 1);
            double drift = Math.abs(ec[ec.length - 1] - ec[0]) / s.atoms.nlocal;
            double heat = Math.abs(et[et.length - 1] - et[0]) / s.atoms.nlocal;
            System.out.printf("%s: econserve drift %.2e eV/atom while etotal changed %.2e eV/atom%n", type, drift, heat);
            assertTrue(heat > 1e-3, "the thermostat must have heated the crystal");
            assertTrue(drift < 1e-5, type + " econserve drifts by " + drift);
        }
    }

    @Test
    @DisplayName("NPT iso on a triclinic cell scales the tilt factors with their cell lengths and holds the pressure")
    void nptIsoOnTriclinicCell() throws Exception {
        SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 8);
        // Shear the crystal: x += 0.1·y, so that the cell has an xy tilt of 0.1·ly.
        double tilt = 0.1 * s.box.ly();
        for (int i = 0; i < s.atoms.nlocal; i++) {
            s.atoms.x[3 * i] += 0.1 * s.atoms.x[3 * i + 1];
        }
        s.box.set(0, 0, 0, s.box.lx(), s.box.ly(), s.box.lz(), tilt, 0, 0);
        LjSystems.Recorder rec = run(s, 5,
                new Object[] {"type", "velocity", "temperature_K", 120.0, "seed", 29},
                new Object[] {"type", "npt", "temperature_K", 60.0, "tdamp_ps", 0.2, "pressure_bar", 200.0,
                        "pdamp_ps", 0.5, "steps", 8000, "timestep_fs", 2.0});
        for (double[] r : rec.rows) {
            assertEquals(0.1, r[18] / r[LY], 1e-12, "xy/ly must stay constant");
        }
        double[] p = rec.column(PRESS, 3000);
        System.out.printf("NPT triclinic: <P> = %.1f +- %.1f bar, ly %.4f -> %.4f%n", mean(p), blockStdError(p, 10),
                rec.rows.get(0)[LY], rec.rows.get(rec.rows.size() - 1)[LY]);
        assertEquals(200.0, mean(p), 3 * blockStdError(p, 10) + 10);
    }
}
