package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code output.analyses} in {@code dendrite run}: each entry writes its tables and plots into the
 * run directory and its headline numbers into metrics.json; a bad key fails at its file:line with
 * exit 2; on several domains the analyses see the gathered state and give the same tables.
 */
class AnalysesRunCommandTest {

    private static Path config(Path dir, String structure, String analyses) throws IOException {
        Path cfg = dir.resolve("an.yaml");
        Files.writeString(cfg, String.join("\n",
                "structure: " + structure,
                "forcefield: " + CliRunner.DU_TETER,
                "threads: 2",
                "seed: 11",
                "output:",
                "  thermo_every_steps: 10",
                "  trajectory: {format: none}",
                "  analyses:",
                analyses,
                "stages:",
                "  - {type: velocity, temperature_K: 600}",
                "  - {type: nvt, steps: 20, timestep_fs: 1.0, temperature_K: 600, tdamp_ps: 0.05}",
                ""), StandardCharsets.UTF_8);
        return cfg;
    }

    @Test
    @DisplayName("an rdf analysis writes rdf.csv, rdf_cutoffs.csv and rdf.png, and its Li-O first minimum "
            + "(between 2.3 and 3.3 Å in LLZO) lands in metrics.json")
    void rdfAnalysisWritesTablesPlotAndMetrics(@TempDir Path tmp) throws IOException {
        Path cfg = config(tmp, "{file: " + CliRunner.LLZO_192 + "}",
                "    - {type: rdf, every_steps: 5, pairs: [Li-O, Li-Li], r_max_A: 6, bins: 60}");
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : new String[] {"rdf.csv", "rdf_cutoffs.csv", "rdf.png", "metrics.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.readAllLines(out.resolve("rdf.csv")).get(0).equals("r_A,g_Li-O,n_Li-O,g_Li-Li,n_Li-Li"));
        String metrics = Files.readString(out.resolve("metrics.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"rdf_rmin_Li-O_A\": ([0-9.eE+-]+)").matcher(metrics);
        assertTrue(m.find(), metrics);
        double rmin = Double.parseDouble(m.group(1));
        assertTrue(rmin > 2.3 && rmin < 3.3, "Li-O first minimum " + rmin);
    }

    @Test
    @DisplayName("msd with per_stage over two NVT stages opens one window per stage (each starting at time 0 "
            + "at the stage's first step, ending at its last), fits D in each and an Arrhenius Ea across them")
    void msdPerStageWindowsThroughTheRun(@TempDir Path tmp) throws IOException {
        Path cfg = tmp.resolve("ps.yaml");
        Files.writeString(cfg, String.join("\n",
                "structure: {file: " + CliRunner.LLZO_192 + "}",
                "forcefield: " + CliRunner.DU_TETER,
                "threads: 2",
                "output:",
                "  trajectory: {format: none}",
                "  analyses:",
                "    - {type: msd, every_steps: 10, per_stage: true, stages: [1, 2]}",
                "stages:",
                "  - {type: velocity, temperature_K: 900}",
                "  - {type: nvt, steps: 60, timestep_fs: 1.0, temperature_K: 900, tdamp_ps: 0.05}",
                "  - {type: nvt, steps: 65, timestep_fs: 1.0, temperature_K: 1500, tdamp_ps: 0.05}",
                ""), StandardCharsets.UTF_8);
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("msd.csv"));
        // window 0: steps 0..60 (7 samples); window 1: steps 60..125 (60, 70, ..., 120, and the stage end 125).
        List<String> w0 = rows.stream().filter(l -> l.startsWith("0,")).toList();
        List<String> w1 = rows.stream().filter(l -> l.startsWith("1,")).toList();
        assertEquals(7, w0.size(), rows.toString());
        assertEquals(8, w1.size(), rows.toString());
        assertTrue(w1.get(0).startsWith("1,2,60,0,"), w1.get(0));
        assertTrue(w1.get(w1.size() - 1).startsWith("1,2,125,"), w1.get(w1.size() - 1));
        String metrics = Files.readString(out.resolve("metrics.json"));
        for (String key : List.of("D_Li_cm2_per_s_w0", "D_Li_cm2_per_s_w1", "T_mean_K_w1", "sigma_NE_Li_S_per_m")) {
            assertTrue(metrics.contains("\"" + key + "\""), key + " in " + metrics);
        }
        assertTrue(metrics.contains("\"Ea_Li_eV\"") || metrics.contains("\"Ea_Li_status\""), metrics);
    }

    @Test
    @DisplayName("an unknown analysis key fails before the run with file:line and the key path, exit 2, no directory")
    void unknownAnalysisKeyIsAConfigError(@TempDir Path tmp) throws IOException {
        Path cfg = config(tmp, "{file: " + CliRunner.LLZO_192 + "}",
                "    - {type: rdf, every_steps: 10, r_maxx_A: 6}");
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", cfg.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("an.yaml:9") && r.err().contains("output.analyses[0].r_maxx_A"), r.err());
        assertTrue(!Files.exists(out));
        CliRunner.Result t = CliRunner.run("run", config(tmp, "{file: " + CliRunner.LLZO_192 + "}",
                "    - {type: rdff}").toString(), "--out", out.toString());
        assertEquals(2, t.exitCode());
        assertTrue(t.err().contains("unknown analysis type 'rdff'"), t.err());
    }

    @Test
    @Tag("long")
    @DisplayName("on 2x1x1 in-process domains an rdf analysis sees the gathered state: rdf.csv equals the "
            + "one-domain table to 1e-6 relative")
    void decomposedRunGivesTheSameRdf(@TempDir Path tmp) throws IOException {
        Path cfg = config(tmp, "{file: " + CliRunner.LLZO_192 + ", replicate: [2, 2, 2]}",
                "    - {type: rdf, every_steps: 10, pairs: [Li-O], r_max_A: 5, bins: 50}");
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        CliRunner.Result r1 = CliRunner.run("run", cfg.toString(), "--out", one.toString());
        assertEquals(0, r1.exitCode(), r1.err());
        CliRunner.Result r2 = CliRunner.run("run", cfg.toString(), "--out", two.toString(),
                "--set", "partition.domains=2x1x1");
        assertEquals(0, r2.exitCode(), r2.err());
        var a = Files.readAllLines(one.resolve("rdf.csv"));
        var b = Files.readAllLines(two.resolve("rdf.csv"));
        assertEquals(a.size(), b.size());
        for (int i = 1; i < a.size(); i++) {
            String[] x = a.get(i).split(",");
            String[] y = b.get(i).split(",");
            for (int k = 0; k < x.length; k++) {
                double u = Double.parseDouble(x[k]);
                double v = Double.parseDouble(y[k]);
                assertTrue(Math.abs(u - v) <= 1e-6 * Math.max(1, Math.abs(u)), "row " + i + ": " + a.get(i) + " vs " + b.get(i));
            }
        }
    }

    @Test
    @DisplayName("analyze arrhenius: three runs with D = 1e-3·exp(−0.30 eV/kT) at 800, 1000, 1200 K give Ea = 0.300 eV "
            + "(1e-6); per-window metrics of one run are one fit; one point alone is a bad-input error")
    void arrheniusCommandFitsRunsMetrics(@TempDir Path tmp) throws IOException {
        double k = 8.617343e-5;
        List<String> dirs = new java.util.ArrayList<>(List.of("arrhenius"));
        for (double t : new double[] {800, 1000, 1200}) {
            Path run = tmp.resolve("run" + (int) t);
            Files.createDirectories(run);
            double d = 1e-3 * Math.exp(-0.30 / (k * t));
            Files.writeString(run.resolve("metrics.json"), String.format(java.util.Locale.ROOT,
                    "{\"T_mean_K\": %.1f, \"D_Li_cm2_per_s\": %.10e, \"D_Li_err_cm2_per_s\": %.10e}", t, d, 0.05 * d));
            dirs.add(run.toString());
        }
        dirs.add("--out");
        dirs.add(tmp.resolve("fit").toString());
        CliRunner.Result r = CliRunner.run(prepend("analyze", dirs));
        assertEquals(0, r.exitCode(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Ea_eV\":([0-9.eE+-]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(0.30, Double.parseDouble(m.group(1)), 1e-6);
        assertTrue(Files.isRegularFile(tmp.resolve("fit/arrhenius.png")));

        Path windows = tmp.resolve("series");
        Files.createDirectories(windows);
        StringBuilder json = new StringBuilder("{");
        double[] temps = {900, 1200, 1500};
        for (int w = 0; w < 3; w++) {
            double d = 2e-3 * Math.exp(-0.25 / (k * temps[w]));
            json.append(String.format(java.util.Locale.ROOT, "\"T_mean_K_w%d\": %.1f, \"D_Li_cm2_per_s_w%d\": %.10e, ",
                    w, temps[w], w, d));
        }
        json.append("\"T_mean_K\": 1500.0}");
        Files.writeString(windows.resolve("metrics.json"), json.toString());
        CliRunner.Result s = CliRunner.run("analyze", "arrhenius", windows.toString(), "--out", tmp.resolve("fit2").toString());
        assertEquals(0, s.exitCode(), s.err());
        assertTrue(s.out().contains("\"group\":\"series\"") && s.out().contains("\"points\":3"), s.out());
        Matcher2.check(s.out(), 0.25);

        CliRunner.Result bad = CliRunner.run("analyze", "arrhenius", tmp.resolve("run800").toString(), "--out",
                tmp.resolve("fit3").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("at least two temperatures"), bad.err());
    }

    private static String[] prepend(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(new String[0]);
    }

    private static final class Matcher2 {
        static void check(String out, double ea) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Ea_eV\":([0-9.eE+-]+)").matcher(out);
            assertTrue(m.find(), out);
            assertEquals(ea, Double.parseDouble(m.group(1)), 1e-6);
        }
    }
}
