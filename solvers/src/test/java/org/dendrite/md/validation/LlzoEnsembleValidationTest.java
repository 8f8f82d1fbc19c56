package org.dendrite.md.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.integrate.LjSystems;
import org.dendrite.md.integrate.Protocol;
import org.dendrite.md.integrate.Stage;
import org.dendrite.md.integrate.Stages;
import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;
import org.dendrite.md.io.Structure;
import org.dendrite.md.io.StructureFiles;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.ForceFieldLoader;
import org.dendrite.md.state.SimulationState;
import org.dendrite.md.thermo.ThermoSnapshot;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Long validations on LLZO with the Du/Teter force field + DSF Coulomb (conf/forcefields):
 * NVE energy drift on the 5184-atom cell, and NVT/NPT runs on a 1536-atom cell (2×2×2 conventional
 * cells) whose thermo tables tools/lammps-ensembles/compare.py sets beside LAMMPS runs of the same
 * settings. Tables go to solvers/target/lammps-ensembles/. Run with
 * {@code mvn -o -pl solvers test -Plong -Dtest=LlzoEnsembleValidationTest}.
 */
@Tag("long")
class LlzoEnsembleValidationTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path OUT = Path.of("target", "lammps-ensembles").toAbsolutePath();
    static final int THREADS = Integer.getInteger("dendrite.threads", 1);

    static ForceField forceField() {
        return ForceFieldLoader.load(ROOT.resolve("conf/forcefields/llzo-du-teter.yaml"));
    }

    static SimulationState llzo(String file, int replicate, ForceField ff, long seed) {
        Structure s = StructureFiles.read(ROOT.resolve("conf/structures").resolve(file), null, ff.species());
        if (replicate > 1) {
            s = s.replicate(replicate, replicate, replicate);
        }
        return new SimulationState(s.atoms(), s.box(), seed);
    }

    /** Writes step, time, T, PE, KE, Etot, econserve, P, V every {@code every} steps to a CSV file. */
    static final class CsvThermo implements StepObserver {
        private final long every;
        private final PrintWriter out;
        final List<double[]> rows = new ArrayList<>();

        CsvThermo(Path file, long every) throws IOException {
            Files.createDirectories(file.getParent());
            this.every = every;
            this.out = new PrintWriter(Files.newBufferedWriter(file));
            out.println("step,time_ps,temp_K,pe_eV,ke_eV,etotal_eV,econserve_eV,press_bar,volume_A3,stage");
        }

        @Override
        public long interval() {
            return every;
        }

        @Override
        public void stageStarted(StepInfo info) {
            if (info.stageIndex() == 0) {
                observe(info);
            }
        }

        @Override
        public void observe(StepInfo info) {
            ThermoSnapshot t = info.thermo();
            double[] row = {t.step, t.timePs, t.tempK, t.peEv, t.keEv, t.etotalEv, t.econserveEv, t.pressBar,
                    t.volumeA3, info.stageIndex()};
            rows.add(row);
            out.printf(Locale.ROOT, "%d,%.6f,%.6f,%.10f,%.10f,%.10f,%.10f,%.6f,%.6f,%d%n", t.step, t.timePs, t.tempK,
                    t.peEv, t.keEv, t.etotalEv, t.econserveEv, t.pressBar, t.volumeA3, info.stageIndex());
        }

        void close() {
            out.close();
        }
    }

    static CsvThermo run(SimulationState s, ForceField ff, Path csv, long every, List<Stage> stages) throws IOException {
        CsvThermo obs = new CsvThermo(csv, every);
        long t0 = System.nanoTime();
        try (ForceEngine engine = new ForceEngine(ff, 2.0, THREADS)) {
            Protocol p = new Protocol(stages, engine);
            p.addObserver(obs);
            p.run(s);
        } finally {
            obs.close();
        }
        System.out.printf("%s: %d atoms, %d steps in %.0f s%n", csv.getFileName(), s.atoms.nlocal, s.step,
                (System.nanoTime() - t0) * 1e-9);
        return obs;
    }

    @Test
    @DisplayName("NVE on 5184-atom LLZO at 600 K, 1 fs, 10 ps: total-energy drift below 1e-4 eV/atom")
    void nveDriftOnLlzo5184() throws IOException {
        ForceField ff = forceField();
        SimulationState s = llzo("llzo-tetragonal-5184.data", 1, ff, 20261121L);
        CsvThermo t = run(s, ff, OUT.resolve("dendrite-nve-5184.csv"), 10, List.of(
                Stages.create(LjSystems.params("type", "velocity", "temperature_K", 600.0, "seed", 4928459)),
                Stages.create(LjSystems.params("type", "nvt", "temperature_K", 600.0, "tdamp_ps", 0.1,
                        "duration_ps", 2.0, "timestep_fs", 1.0)),
                Stages.create(LjSystems.params("type", "nve", "duration_ps", 10.0, "timestep_fs", 1.0))));
        List<double[]> nve = t.rows.stream().filter(r -> r[9] == 2).toList();
        int n = s.atoms.nlocal;
        double e0 = nve.get(0)[5];
        double e1 = nve.get(nve.size() - 1)[5];
        // Least-squares slope of E(t) over the NVE part, times its length.
        double st = 0, se = 0, stt = 0, ste = 0;
        for (double[] r : nve) {
            st += r[1];
            se += r[5];
            stt += r[1] * r[1];
            ste += r[1] * r[5];
        }
        int m = nve.size();
        double slope = (m * ste - st * se) / (m * stt - st * st);
        double span = nve.get(m - 1)[1] - nve.get(0)[1];
        double maxDev = 0;
        double tsum = 0;
        for (double[] r : nve) {
            maxDev = Math.max(maxDev, Math.abs(r[5] - e0));
            tsum += r[2];
        }
        System.out.printf(Locale.ROOT, "NVE 5184 LLZO: <T> = %.1f K over %.1f ps; E(end) - E(start) = %.3e eV/atom;"
                + " fitted drift = %.3e eV/atom over the run (%.3e eV/atom/ps); max |E - E0| = %.3e eV/atom%n",
                tsum / m, span, (e1 - e0) / n, slope * span / n, slope / n, maxDev / n);
        assertTrue(Math.abs(e1 - e0) / n < 1e-4, "end-to-end drift " + (e1 - e0) / n);
        assertTrue(Math.abs(slope * span) / n < 1e-4, "fitted drift " + slope * span / n);
    }

    @Test
    @DisplayName("NVT (Nosé–Hoover chain) on 1536-atom LLZO at 600 K: thermo table for the LAMMPS comparison,"
            + " mean temperature at the target")
    void nvtOnLlzo1536() throws IOException {
        ForceField ff = forceField();
        SimulationState s = llzo("llzo-tetragonal-192.extxyz", 2, ff, 1L);
        CsvThermo t = run(s, ff, OUT.resolve("dendrite-nvt-1536.csv"), 10, List.of(
                Stages.create(LjSystems.params("type", "velocity", "temperature_K", 600.0, "seed", 4928459)),
                Stages.create(LjSystems.params("type", "nvt", "temperature_K", 600.0, "tdamp_ps", 0.1,
                        "duration_ps", 20.0, "timestep_fs", 1.0))));
        double[] temp = t.rows.stream().filter(r -> r[1] >= 5.0).mapToDouble(r -> r[2]).toArray();
        double m = LjSystems.mean(temp);
        double se = LjSystems.blockStdError(temp, 10);
        System.out.printf(Locale.ROOT, "NVT 1536 LLZO: <T> = %.2f +- %.2f K%n", m, se);
        assertEquals(600.0, m, Math.max(3 * se, 1.0));
    }

    @Test
    @DisplayName("NPT (MTK iso, 0 bar) on 1536-atom LLZO at 600 K: thermo table for the LAMMPS comparison, mean"
            + " pressure at the target")
    void nptOnLlzo1536() throws IOException {
        ForceField ff = forceField();
        SimulationState s = llzo("llzo-tetragonal-192.extxyz", 2, ff, 1L);
        CsvThermo t = run(s, ff, OUT.resolve("dendrite-npt-1536.csv"), 10, List.of(
                Stages.create(LjSystems.params("type", "velocity", "temperature_K", 600.0, "seed", 4928459)),
                Stages.create(LjSystems.params("type", "npt", "temperature_K", 600.0, "tdamp_ps", 0.1,
                        "pressure_bar", 0.0, "pdamp_ps", 1.0, "couple", "iso", "duration_ps", 20.0,
                        "timestep_fs", 1.0))));
        double[] p = t.rows.stream().filter(r -> r[1] >= 5.0).mapToDouble(r -> r[7]).toArray();
        double m = LjSystems.mean(p);
        double se = LjSystems.blockStdError(p, 10);
        System.out.printf(Locale.ROOT, "NPT 1536 LLZO: <P> = %.1f +- %.1f bar%n", m, se);
        assertEquals(0.0, m, 3 * se + 50);
    }
}
