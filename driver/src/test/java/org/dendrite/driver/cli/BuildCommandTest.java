package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dendrite.md.io.ExtXyzReader;
import org.dendrite.md.io.Structure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

    @Test
    @DisplayName("every example in conf/structures builds, and each extended XYZ reads back with the atom count and cell of its build.json")
    void everyExampleBuildsAndReadsBack(@TempDir Path tmp) throws IOException {
        List<String> args = new ArrayList<>(List.of("build", "--out", tmp.toString()));
        List<Path> examples;
        try (Stream<Path> s = Files.list(CliRunner.ROOT.resolve("conf/structures"))) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(examples.isEmpty(), "no example structure configs");
        examples.forEach(p -> args.add(p.toString()));
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.err());
        for (Path example : examples) {
            String name = example.getFileName().toString().replace(".yaml", "");
            Structure s = ExtXyzReader.read(tmp.resolve(name + ".extxyz"), null);
            String json = Files.readString(tmp.resolve(name + ".build.json"));
            assertEquals(number(json, "atoms"), s.atomCount(), name);
            assertTrue(s.atomCount() > 0, name);
            Matcher cell = Pattern.compile("\"cell_A\": \\[([^,]+),([^,]+),([^,]+),").matcher(json);
            assertTrue(cell.find(), name + ": no cell_A in build.json");
            assertEquals(Double.parseDouble(cell.group(1)), s.box().lx(), 1e-9, name);
            assertEquals(Double.parseDouble(cell.group(2)), s.box().ly(), 1e-9, name);
            assertEquals(Double.parseDouble(cell.group(3)), s.box().lz(), 1e-9, name);
        }
    }

    @Test
    @DisplayName("an unknown structure type is one error line naming the config file, line and key, exit code 2, nothing written")
    void unknownTypeNamesKey(@TempDir Path tmp) throws IOException {
        Path cfg = tmp.resolve("bad.yaml");
        Files.writeString(cfg, "description: x\nstructure:\n  type: tilted-boundary\n");
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("build", cfg.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: " + cfg + ":3: key 'structure.type': unknown structure type"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    @DisplayName("a run config whose structure is a builder runs, and run.json records the build report")
    void runBuildsItsStructure(@TempDir Path tmp) throws IOException {
        Path cfg = tmp.resolve("built.yaml");
        Files.writeString(cfg, String.join("\n",
                "structure: {type: crystal, phase: llzo-tetragonal, cells: [1, 1, 1]}",
                "forcefield: " + CliRunner.DU_TETER,
                "threads: 1",
                "stages:",
                "  - {type: nve, steps: 3, timestep_fs: 0.5}", ""));
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String runJson = Files.readString(out.resolve("run.json"));
        assertTrue(runJson.contains("\"composition\": \"Li56La24Zr16O96\""), runJson);
    }

    private static int number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (\\d+)").matcher(json);
        assertTrue(m.find(), key + " missing in " + json);
        return Integer.parseInt(m.group(1));
    }
}
