package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mechanical analyses in {@code dendrite run}: {@code tension} and {@code bonds} write their
 * tables, plots and metrics during a deform stage; the scenario youngs-modulus-100 agrees with the
 * same protocol run in LAMMPS (tools/mechanics/lammps_tension.py, committed numbers).
 */
class TensionRunCommandTest {

    private static double metric(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\": ([0-9.eE+-]+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    @DisplayName("tension and bonds analyses of a short deform stage write tension.csv, tension_summary.csv, bonds.csv, "
            + "their PNGs and E_GPa, G_c_J_per_m2, K_Ic_MPa_m0.5 and bond metrics into metrics.json")
    void tensionAndBondsWriteTablesPlotsMetrics(@TempDir Path tmp) throws IOException {
        Path cfg = tmp.resolve("pull.yaml");
        Files.writeString(cfg, String.join("\n",
                "structure: {file: " + CliRunner.LLZO_192 + "}",
                "forcefield: " + CliRunner.DU_TETER,
                "threads: 2",
                "seed: 11",
                "output:",
                "  thermo_every_steps: 10",
                "  trajectory: {format: none}",
                "  analyses:",
                "    - {type: tension, every_steps: 2, axis: z, fit_strain: [0, 0.01], poisson_ratio: 0.25}",
                "    - {type: bonds, every_steps: 10, pairs: [Zr-O, La-O], cutoffs_A: {Zr-O: 2.6, La-O: auto}}",
                "stages:",
                "  - {type: velocity, temperature_K: 300}",
                "  - {type: nvt, steps: 20, timestep_fs: 1.0, temperature_K: 300, tdamp_ps: 0.05}",
                "  - {type: deform, axis: z, strain_rate_per_ps: 0.5, steps: 60, timestep_fs: 1.0, temperature_K: 300,",
                "     tdamp_ps: 0.05, pdamp_ps: 0.2}",
                ""), StandardCharsets.UTF_8);
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : new String[] {"tension.csv", "tension_summary.csv", "tension_stress_strain.png",
            "tension_energy.png", "tension_lateral.png", "bonds.csv", "bonds_cutoffs.csv", "bonds.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        // one row per 2 steps of the 60-step deform stage, from its first step: 31 + header
        assertEquals(32, Files.readAllLines(out.resolve("tension.csv")).size());
        String metrics = Files.readString(out.resolve("metrics.json"));
        double e = metric(metrics, "E_GPa");
        assertTrue(e > 0 && e < 1000, "E " + e);
        assertTrue(metric(metrics, "G_c_J_per_m2") > 0);
        assertTrue(metric(metrics, "K_Ic_MPa_m0.5") > 0);
        assertEquals(2.6, metric(metrics, "bonds_cutoff_Zr-O_A"), 0);
        double laO = metric(metrics, "bonds_cutoff_La-O_A");
        assertTrue(laO > 2.5 && laO < 4.5, "La-O cut-off " + laO);
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"E_GPa\""));
    }

    @Test
    @Tag("long")
    @DisplayName("E along [100] at 300 K from conf/scenarios/youngs-modulus-100.yaml lies within 3 standard deviations "
            + "of the LAMMPS runs of the same protocol (tools/mechanics/results/lammps_tension_100.json)")
    void youngsModulus100AgreesWithLammps(@TempDir Path tmp) throws IOException {
        String ref = Files.readString(CliRunner.ROOT.resolve("tools/mechanics/results/lammps_tension_100.json"));
        double mean = metric(ref, "E_mean_GPa");
        double sd = metric(ref, "E_sd_GPa");
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", CliRunner.ROOT.resolve("conf/scenarios/youngs-modulus-100.yaml")
                .toString(), "--set", "threads=2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        double e = metric(Files.readString(out.resolve("metrics.json")), "E_GPa");
        assertEquals(mean, e, 3 * sd, "dendrite E[100] " + e + " GPa, LAMMPS " + mean + " ± " + sd + " GPa");
    }
    @Test
    @Tag("long")
    @DisplayName("tension.csv and bonds.csv are the same on 1 domain and on 2 in-process domains (the analyses see the "
            + "gathered state, whose virial and energy are the global sums)")
    void sameTablesOnOneAndTwoDomains(@TempDir Path tmp) throws IOException {
        Path cfg = tmp.resolve("dd.yaml");
        Files.writeString(cfg, String.join("\n",
                "structure: {file: " + CliRunner.LLZO_192 + ", replicate: [3, 1, 1]}",
                "forcefield: " + CliRunner.DU_TETER,
                "threads: 2",
                "seed: 11",
                "output:",
                "  thermo_every_steps: 10",
                "  trajectory: {format: none}",
                "  analyses:",
                "    - {type: tension, every_steps: 5, axis: z, fit_strain: [0, 0.01], poisson_ratio: 0.25}",
                "    - {type: bonds, every_steps: 10, pairs: [Zr-O, La-O], cutoffs_A: {Zr-O: 2.6, La-O: 3.0}}",
                "stages:",
                "  - {type: velocity, temperature_K: 300}",
                "  - {type: deform, axis: z, strain_rate_per_ps: 0.5, steps: 40, timestep_fs: 1.0, temperature_K: 300,",
                "     tdamp_ps: 0.05, pdamp_ps: 0.2}",
                ""), StandardCharsets.UTF_8);
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        CliRunner.Result r1 = CliRunner.run("run", cfg.toString(), "--out", one.toString());
        assertEquals(0, r1.exitCode(), r1.err());
        CliRunner.Result r2 = CliRunner.run("run", cfg.toString(), "--set", "partition.domains=2x1x1", "--out",
                two.toString());
        assertEquals(0, r2.exitCode(), r2.err());
        List<String> a = Files.readAllLines(one.resolve("tension.csv"));
        List<String> b = Files.readAllLines(two.resolve("tension.csv"));
        assertEquals(a.size(), b.size());
        for (int i = 1; i < a.size(); i++) {
            String[] x = a.get(i).split(",");
            String[] y = b.get(i).split(",");
            for (int k = 0; k < x.length; k++) {
                // summation order differs between domain counts: compare numbers to 1e-6 relative
                double u = Double.parseDouble(x[k]);
                double v = Double.parseDouble(y[k]);
                assertEquals(u, v, 1e-6 * Math.max(1, Math.abs(u)), "row " + i + " column " + k);
            }
        }
        assertEquals(Files.readAllLines(one.resolve("bonds.csv")), Files.readAllLines(two.resolve("bonds.csv")));
    }
}
