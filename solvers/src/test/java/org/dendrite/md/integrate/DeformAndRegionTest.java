package org.dendrite.md.integrate;

import static org.dendrite.md.integrate.EnsembleTest.LX;
import static org.dendrite.md.integrate.EnsembleTest.PYY;
import static org.dendrite.md.integrate.EnsembleTest.PZZ;
import static org.dendrite.md.integrate.EnsembleTest.TEMP;
import static org.dendrite.md.integrate.LjSystems.blockStdError;
import static org.dendrite.md.integrate.LjSystems.mean;
import static org.dendrite.md.integrate.LjSystems.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.dendrite.md.Atoms;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.state.AtomGroup;
import org.dendrite.md.state.SimulationState;
import org.dendrite.md.thermo.Thermo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Uniaxial deformation and region-restricted thermostats on a Lennard-Jones argon crystal. */
class DeformAndRegionTest {

    @Test
    @DisplayName("deform stretches the cell at the requested engineering strain rate, holds the lateral stress at"
            + " its target and records strain and tensile stress")
    void deformAppliesEngineeringStrainRate() throws Exception {
        SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 31);
        double lx0 = s.box.lx();
        double rate = 1.0; // % per ps: 10 % strain over the 10 ps of the stage
        long steps = 5000;
        double dt = 0.002;
        LjSystems.Recorder rec = EnsembleTest.run(s, 10,
                new Object[] {"type", "velocity", "temperature_K", 80.0, "seed", 3},
                new Object[] {"type", "nvt", "temperature_K", 40.0, "steps", 2000, "timestep_fs", 2.0},
                new Object[] {"type", "deform", "axis", "x", "strain_rate_per_ps", rate / 100, "temperature_K", 40.0,
                        "lateral_pressure_bar", 0.0, "pdamp_ps", 0.5, "steps", steps, "timestep_fs", 2.0});
        double expectedStrain = rate / 100 * steps * dt;
        double[] last = rec.extra.get(rec.extra.size() - 1);
        assertEquals(expectedStrain, (s.box.lx() - lx0) / lx0, 1e-12);
        assertEquals(expectedStrain, last[0], 1e-12);
        // Every recorded strain equals rate × elapsed time since the deformation started.
        for (int r = 0; r < rec.rows.size(); r++) {
            double step = rec.rows.get(r)[0];
            if (step > 2000) {
                assertEquals(rate / 100 * (step - 2000) * dt, rec.extra.get(r)[0], 1e-12);
                assertEquals(lx0 * (1 + rec.extra.get(r)[0]), rec.rows.get(r)[LX], 1e-9);
            }
        }
        double[] pyy = rec.column(PYY, 4000);
        double[] pzz = rec.column(PZZ, 4000);
        double[] stress = rec.extra.stream().skip(rec.extra.size() / 2).mapToDouble(e -> e[1]).toArray();
        System.out.printf("deform: strain %.4f, <Pyy> %.1f +- %.1f, <Pzz> %.1f +- %.1f bar, late stress %.0f bar%n",
                last[0], mean(pyy), blockStdError(pyy, 10), mean(pzz), blockStdError(pzz, 10), mean(stress));
        assertEquals(0.0, mean(pyy), 3 * blockStdError(pyy, 10) + 20);
        assertEquals(0.0, mean(pzz), 3 * blockStdError(pzz, 10) + 20);
        assertTrue(mean(stress) > 100, "a stretched crystal is under tension");
    }

    @Test
    @DisplayName("a region thermostat with freeze_outside heats only the slab; atoms outside do not move at all")
    void regionThermostatWithFrozenOutside() throws Exception {
        for (String type : new String[] {"nvt", "langevin", "csvr", "berendsen"}) {
            SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 41);
            EnsembleTest.run(s, 0, new Object[] {"type", "velocity", "temperature_K", 10.0, "seed", 5});
            Atoms a = s.atoms;
            double zlo = 7.0, zhi = 14.0;
            double[] x0 = Arrays.copyOf(a.x, 3 * a.nlocal);
            LjSystems.Recorder rec = EnsembleTest.run(s, 10,
                    new Object[] {"type", type, "temperature_K", 70.0, "tdamp_ps", 0.1, "steps", 4000,
                            "timestep_fs", 2.0, "region", Map.of("axis", "z", "min_A", zlo, "max_A", zhi),
                            "freeze_outside", true});
            int inside = 0;
            boolean[] in = new boolean[a.nlocal + 1];
            for (int i = 0; i < a.nlocal; i++) {
                double z = x0[3 * i + 2];
                if (z >= zlo && z < zhi) {
                    in[a.id[i]] = true;
                    inside++;
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    assertEquals(x0[3 * i + c], a.x[3 * i + c], 0.0, type + ": frozen atom moved");
                    assertEquals(0.0, a.v[3 * i + c], 0.0, type + ": frozen atom has a velocity");
                }
            }
            int[] ids = new int[inside];
            int k = 0;
            for (int id = 1; id <= a.nlocal; id++) {
                if (in[id]) {
                    ids[k++] = id;
                }
            }
            double tIn = Thermo.temperature(a, AtomGroup.ofIds(ids, a.nlocal));
            double[] t = rec.column(TEMP, 2000);
            System.out.printf("%s region: %d mobile atoms, reported <T> %.2f K, final T(slab) %.2f K%n", type, inside,
                    mean(t), tIn);
            // The reported temperature counts only mobile atoms (3n − 3 degrees of freedom).
            assertEquals(70.0, mean(t), 6.0, type);
        }
    }

    @Test
    @DisplayName("a region thermostat without freezing heats the slab well above the rest of the crystal")
    void regionThermostatHeatsOnlyTheSlab() throws Exception {
        SimulationState s = LjSystems.fcc(4, 5.30, 0.0, 43);
        EnsembleTest.run(s, 0, new Object[] {"type", "velocity", "temperature_K", 10.0, "seed", 5});
        Atoms a = s.atoms;
        int[] slab = org.dendrite.md.integrate.Region.slab(2, 0.0, 5.0).select(a, s.box);
        EnsembleTest.run(s, 10,
                new Object[] {"type", "langevin", "temperature_K", 80.0, "tdamp_ps", 0.05, "steps", 300,
                        "timestep_fs", 2.0, "region", Map.of("axis", "z", "min_A", 0.0, "max_A", 5.0)});
        boolean[] inSlab = new boolean[a.nlocal + 1];
        for (int id : slab) {
            inSlab[id] = true;
        }
        int[] rest = new int[a.nlocal - slab.length];
        int k = 0;
        for (int id = 1; id <= a.nlocal; id++) {
            if (!inSlab[id]) {
                rest[k++] = id;
            }
        }
        double tSlab = Thermo.temperature(a, AtomGroup.ofIds(slab, a.nlocal));
        double tRest = Thermo.temperature(a, AtomGroup.ofIds(rest, a.nlocal));
        System.out.printf("region without freeze: T(slab) %.1f K, T(rest) %.1f K%n", tSlab, tRest);
        assertTrue(tSlab > 40 && tSlab > 2 * tRest, "slab " + tSlab + " K vs rest " + tRest + " K");
        for (int i = 0; i < a.nlocal; i++) {
            assertTrue(a.v[3 * i] != 0 || a.v[3 * i + 1] != 0, "all atoms are integrated");
        }
    }
}
