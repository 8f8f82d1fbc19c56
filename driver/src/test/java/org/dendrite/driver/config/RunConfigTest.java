package org.dendrite.driver.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RunConfigTest {
    private static final Path FILE = Path.of("/tmp/cfg/job.yaml");

    private static String config(String extra) {
        return String.join("\n",
                "structure: {file: s.extxyz, types: [Li, La, Zr, O], replicate: [2, 2, 1]}",
                "forcefield: ../ff/llzo.yaml",
                "neighbor: {skin_A: 1.5}",
                "threads: 2",
                "seed: 42",
                "output:",
                "  thermo_every_steps: 10",
                "  trajectory: {format: [extxyz, lammps-dump], every_steps: 50}",
                "  restart_every_steps: 100",
                extra,
                "stages:",
                "  - {type: velocity, temperature_K: 600}",
                "");
    }

    @Test
    @DisplayName("the top-level keys are read with their units, and relative paths resolve against the config file")
    void readsTypedValues() {
        RunConfig c = RunConfig.read(ConfigTree.parse(FILE, config("")));
        assertEquals(Path.of("/tmp/cfg/s.extxyz"), c.structure().file());
        assertEquals(List.of("Li", "La", "Zr", "O"), c.structure().types());
        assertArrayEquals(new int[] {2, 2, 1}, c.structure().replicate());
        assertEquals(Path.of("/tmp/ff/llzo.yaml"), c.forcefield());
        assertEquals(1.5, c.skinAngstrom());
        assertEquals(2, c.threads());
        assertEquals(42L, c.seed());
        assertEquals(10, c.output().thermoEverySteps());
        assertEquals(List.of("extxyz", "lammps-dump"), c.output().trajectoryFormats());
        assertEquals(50, c.output().trajectoryEverySteps());
        assertEquals(100, c.output().restartEverySteps());
        assertEquals(1, c.stages().size());
        assertEquals("stages[0]", c.stages().get(0).path());
    }

    @Test
    @DisplayName("an unknown top-level key is an error naming the config file, the key's line and the key")
    void unknownTopLevelKeyReportsFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> RunConfig.read(ConfigTree.parse(FILE, config("temprature_K: 300"))));
        assertEquals(FILE + ":10", e.location());
        assertTrue(e.getMessage().startsWith(FILE + ":10: key 'temprature_K': unknown key"), e.getMessage());
    }

    @Test
    @DisplayName("an unknown nested key is an error at its own line")
    void unknownNestedKeyReportsFileAndLine() {
        String text = config("").replace("restart_every_steps: 100", "restart_every_steps: 100\n  restart_evry: 5");
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfig.read(ConfigTree.parse(FILE, text)));
        assertEquals(FILE + ":10", e.location());
        assertTrue(e.getMessage().contains("output.restart_evry"), e.getMessage());
    }

    @Test
    @DisplayName("a wrong value from --set is reported at the --set option, not at a file line")
    void badOverrideReportsOption() {
        ConfigTree t = ConfigTree.parse(FILE, config(""));
        t.set("neighbor.skin_A=-1");
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfig.read(t));
        assertEquals("--set neighbor.skin_A=-1", e.location());
        assertTrue(e.getMessage().contains("must be >= 0"), e.getMessage());
    }

    @Test
    @DisplayName("missing required keys (structure, forcefield, stages) are errors naming the key")
    void missingRequiredKeys() {
        ConfigException s = assertThrows(ConfigException.class,
                () -> RunConfig.read(ConfigTree.parse(FILE, "forcefield: f.yaml\nstages: [{type: nve}]\n")));
        assertTrue(s.getMessage().contains("'structure'"), s.getMessage());
        ConfigException f = assertThrows(ConfigException.class,
                () -> RunConfig.read(ConfigTree.parse(FILE, "structure: {file: a}\nstages: [{type: nve}]\n")));
        assertTrue(f.getMessage().contains("'forcefield'"), f.getMessage());
        ConfigException st = assertThrows(ConfigException.class,
                () -> RunConfig.read(ConfigTree.parse(FILE, "structure: {file: a}\nforcefield: b\n")));
        assertTrue(st.getMessage().contains("'stages'"), st.getMessage());
    }

    @Test
    @DisplayName("replicate must be three whole numbers >= 1; the trajectory format must be a known one")
    void checksValues() {
        ConfigTree t = ConfigTree.parse(FILE, config(""));
        t.set("structure.replicate=[1, 0, 1]");
        assertThrows(ConfigException.class, () -> RunConfig.read(t));
        ConfigTree u = ConfigTree.parse(FILE, config(""));
        u.set("output.trajectory.format=pdb");
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfig.read(u));
        assertTrue(e.getMessage().contains("output.trajectory.format"), e.getMessage());
        ConfigTree v = ConfigTree.parse(FILE, config(""));
        v.set("output.trajectory.format=none");
        assertEquals(List.of(), RunConfig.read(v).output().trajectoryFormats());
    }
}
