package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConductionJobCommandTest {
    @TempDir
    Path tmp;

    Path config(String layers) throws IOException {
        Path c = tmp.resolve("cond.yaml");
        Files.writeString(c, String.join("\n",
                "job: conduction",
                "geometry: {width_um: 20, thickness_um: 10, grain_size_um: 5, seed: 1}",
                "mesh: {element_size_um: 1}",
                "materials: {sigma_grain_S_per_m: 0.1, sigma_gb_S_per_m: 1.0e-6, gb_thickness_nm: 5}",
                layers,
                "voltage_V: 0.1", ""));
        return c;
    }

    @Test
    @DisplayName("a layer without a conductivity is a config error naming layers.bottom.sigma_S_per_m, before any directory exists")
    void layerWithoutConductivityNamesTheKey() throws IOException {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", config("layers: {bottom: {thickness_um: 2}}").toString(),
                "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("layers.bottom.sigma_S_per_m"), r.err());
        assertTrue(r.err().contains("cond.yaml"), "the error points at the config file: " + r.err());
        assertFalse(Files.exists(tmp.resolve("run.partial")));
        assertFalse(Files.exists(out));
    }

    @Test
    @DisplayName("a conduction run writes run.json, summary, VTU, interface_current.csv and PNG plots into the completed directory")
    void conductionRunWritesOutputs() throws IOException {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", config("layers: {top: {thickness_um: 2, sigma_S_per_m: 0.01}}").toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : new String[] {"run.json", "summary.json", "mesh.vtu", "interface_current.csv",
            "grain_boundaries.csv", "interface_current.png", "field_abs_j.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(out.resolve("interface_current.csv"));
        assertEquals("position_um,j_A_per_m2,j_over_mean", csv.get(0));
        assertEquals(21, csv.size(), "one row per electrode facet (20 µm / 1 µm)");
        assertTrue(r.out().contains("hot_spot_ratio"), r.out());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"hot_spot_ratio_window\""),
                "summary.json reports the windowed (mesh-independent) hot-spot ratio beside the facet one");
    }

    @Test
    @DisplayName("a hot_spot_window_um wider than the box is a config error naming the key")
    void windowWiderThanBoxNamesTheKey() throws IOException {
        CliRunner.Result r = CliRunner.run("run", config("hot_spot_window_um: 500").toString(),
                "--out", tmp.resolve("run").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("hot_spot_window_um"), r.err());
    }
}
