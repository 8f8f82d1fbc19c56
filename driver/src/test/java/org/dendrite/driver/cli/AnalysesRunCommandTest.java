package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
