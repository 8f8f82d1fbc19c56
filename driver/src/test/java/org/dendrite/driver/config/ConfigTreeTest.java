package org.dendrite.driver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dendrite.config.Params;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigTreeTest {
    private static final Path FILE = Path.of("/tmp/cfg/job.yaml");
    private static final String TEXT = String.join("\n",
            "structure:",
            "  file: s.extxyz",
            "  replicate: [1, 1, 1]",
            "forcefield: ff.yaml",
            "stages:",
            "  - {type: velocity, temperature_K: 600}",
            "  - type: nvt",
            "    steps: 2000",
            "    temperature_K: 600",
            "");

    @Test
    @DisplayName("--set replaces a key inside a list element addressed by index, parsing the value as a YAML number")
    void setOverridesListElementKey() {
        ConfigTree t = ConfigTree.parse(FILE, TEXT);
        t.set("stages[1].temperature_K=900");
        Params stage = t.params().children("stages").get(1);
        assertEquals(900.0, stage.requireDouble("temperature_K"));
        assertEquals(Long.valueOf(900), stage.raw("temperature_K"));
        assertEquals(600.0, t.params().children("stages").get(0).requireDouble("temperature_K"));
    }

    @Test
    @DisplayName("--set replaces nested mapping keys and whole lists, and creates missing mappings")
    void setOverridesNestedAndCreates() {
        ConfigTree t = ConfigTree.parse(FILE, TEXT);
        t.set("structure.file=x.extxyz");
        t.set("structure.replicate=[2, 3, 4]");
        t.set("output.trajectory.format=lammps-dump");
        t.set("stages[1].dry=true");
        Map<String, Object> root = t.root();
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) root.get("structure");
        assertEquals("x.extxyz", s.get("file"));
        assertEquals(List.of(2L, 3L, 4L), s.get("replicate"));
        assertEquals("lammps-dump", t.params().child("output").child("trajectory").getString("format", null));
        assertEquals(Boolean.TRUE, t.params().children("stages").get(1).raw("dry"));
    }

    @Test
    @DisplayName("--set with an index equal to the list size appends a stage; a larger index is an error")
    void setAppendsAtSize() {
        ConfigTree t = ConfigTree.parse(FILE, TEXT);
        t.set("stages[2]={type: nve, steps: 10}");
        assertEquals(3, t.params().children("stages").size());
        assertEquals("nve", t.params().children("stages").get(2).requireString("type"));
        ConfigException e = assertThrows(ConfigException.class, () -> t.set("stages[7].steps=1"));
        assertTrue(e.getMessage().startsWith("--set stages[7].steps=1: index 7 is out of range"), e.getMessage());
    }

    @Test
    @DisplayName("--set rejects malformed assignments and indexing into a mapping, naming the option")
    void setRejectsMalformed() {
        ConfigTree t = ConfigTree.parse(FILE, TEXT);
        assertThrows(ConfigException.class, () -> t.set("novalue"));
        assertThrows(ConfigException.class, () -> t.set("=3"));
        ConfigException e = assertThrows(ConfigException.class, () -> t.set("structure[0]=3"));
        assertEquals("--set structure[0]=3", e.location());
        assertThrows(ConfigException.class, () -> t.set("stages[x].steps=3"));
        assertThrows(ConfigException.class, () -> t.set("stages.[1]=3"));
    }

    @Test
    @DisplayName("every key's origin is its file and line; an overridden key's origin is the --set option")
    void originsFollowKeysAndOverrides() {
        ConfigTree t = ConfigTree.parse(FILE, TEXT);
        assertEquals(FILE + ":2", t.locate("structure.file").toString());
        assertEquals(FILE + ":6", t.locate("stages[0].temperature_K").toString());
        assertEquals(FILE + ":8", t.locate("stages[1].steps").toString());
        // A key that is absent is reported at the line of the mapping that should hold it.
        assertEquals(FILE + ":7", t.locate("stages[1].timestep_fs").toString());
        t.set("stages[1].steps=abc");
        assertEquals("--set stages[1].steps=abc", t.locate("stages[1].steps").toString());
    }

    @Test
    @DisplayName("paths written in the config resolve against its directory, paths given by --set against the working directory")
    void relativePathsResolveAgainstTheirOrigin() {
        ConfigTree t = ConfigTree.parse(FILE, TEXT);
        assertEquals(Path.of("/tmp/cfg/s.extxyz"), t.resolvePath("structure.file", "s.extxyz"));
        t.set("structure.file=y.extxyz");
        assertEquals(Path.of("").toAbsolutePath().resolve("y.extxyz"), t.resolvePath("structure.file", "y.extxyz"));
    }

    @Test
    @DisplayName("YAML syntax errors and duplicate keys are reported with file and line")
    void yamlErrorsHaveLines() {
        ConfigException dup = assertThrows(ConfigException.class,
                () -> ConfigTree.parse(FILE, "seed: 1\nthreads: 2\nseed: 3\n"));
        assertTrue(dup.location().startsWith(FILE + ":"), dup.getMessage());
        assertTrue(dup.getMessage().contains("seed"), dup.getMessage());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> ConfigTree.parse(FILE, "structure:\n  file: [a, b\nseed: 2\n"));
        assertTrue(bad.location().matches(".*job\\.yaml:\\d+"), bad.getMessage());
        ConfigException top = assertThrows(ConfigException.class, () -> ConfigTree.parse(FILE, "- a\n- b\n"));
        assertEquals(FILE + ":1", top.location());
    }

    @Test
    @DisplayName("YAML scalars keep their types: integers, floats, booleans, null and strings")
    void scalarsAreTyped() {
        ConfigTree t = ConfigTree.parse(FILE, "a: 3\nb: 2.5\nc: true\nd: ~\ne: Li\nf: 1.0e-3\n");
        Map<String, Object> r = t.root();
        assertEquals(3L, r.get("a"));
        assertEquals(2.5, r.get("b"));
        assertEquals(Boolean.TRUE, r.get("c"));
        assertNull(r.get("d"));
        assertEquals("Li", r.get("e"));
        assertEquals(1.0e-3, ((Number) r.get("f")).doubleValue());
    }
}
