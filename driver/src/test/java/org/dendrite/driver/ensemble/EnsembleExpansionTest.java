package org.dendrite.driver.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dendrite.driver.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleExpansionTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("product of two axes with 2 repeats gives 3x2x2 members with distinct stable ids and distinct seeds")
    void productWithRepeatsGivesStableDistinctIds() throws Exception {
        Path base = EnsembleFixtures.member(dir, "m.yaml", new int[] {3, 3, 3}, 10, "");
        Path cfg = EnsembleFixtures.temperatureSweep(dir, "e.yaml", base, "[300, 600, 900]",
                "repeats: 2\n");
        EnsembleConfig c = EnsembleConfig.load(cfg, List.of("axes[1]={name: tdamp_ps, key: 'stages[1].tdamp_ps', values: [0.1, 0.2]}"));
        List<Member> a = EnsembleExpansion.expand(c, "inv1");
        List<Member> b = EnsembleExpansion.expand(c, "inv2");
        assertEquals(12, a.size());
        Set<String> ids = new HashSet<>();
        Set<String> seeds = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).id, b.get(i).id, "ids do not depend on the invocation");
            ids.add(a.get(i).id);
            seeds.add(a.get(i).paramValues[3]);
        }
        assertEquals(12, ids.size());
        assertEquals(12, seeds.size());
        assertTrue(a.get(0).id.startsWith("temperature_K=300_tdamp_ps=0.1_repeat=0-"), a.get(0).id);
        assertTrue(List.of(a.get(0).overrides).contains("stages[0].temperature_K=300"));
        assertTrue(List.of(a.get(0).overrides).contains("stages[1].temperature_K=300"));
        assertTrue(List.of(a.get(0).overrides).contains("threads=1"));
    }

    @Test
    @DisplayName("zip pairs the i-th values; a changed common override changes every id")
    void zipAndCommonOverridesEnterTheId() throws Exception {
        Path base = EnsembleFixtures.member(dir, "m.yaml", new int[] {3, 3, 3}, 10, "");
        Path cfg = EnsembleFixtures.temperatureSweep(dir, "e.yaml", base, "[300, 600]", "combine: zip");
        List<String> axis = List.of("axes[1]={name: steps, key: 'stages[1].steps', values: [10, 20]}");
        List<Member> z = EnsembleExpansion.expand(EnsembleConfig.load(cfg, axis), "i");
        assertEquals(2, z.size());
        assertTrue(z.get(1).id.startsWith("temperature_K=600_steps=20-"), z.get(1).id);
        List<Member> other = EnsembleExpansion.expand(EnsembleConfig.load(cfg,
                List.of(axis.get(0), "set=['output.thermo_every_steps=5']")), "i");
        assertNotEquals(z.get(0).id, other.get(0).id);
    }

    @Test
    @DisplayName("bad ensemble keys fail with the key named: zip of unequal axes, unknown key, missing base")
    void badEnsembleConfigNamesTheKey() throws Exception {
        Path base = EnsembleFixtures.member(dir, "m.yaml", new int[] {3, 3, 3}, 10, "");
        Path cfg = EnsembleFixtures.temperatureSweep(dir, "e.yaml", base, "[300, 600]", "combine: zip");
        ConfigException zip = assertThrows(ConfigException.class, () -> EnsembleConfig.load(cfg,
                List.of("axes[1]={name: steps, key: 'stages[1].steps', values: [10]}")));
        assertTrue(zip.getMessage().contains("combine"), zip.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> EnsembleConfig.load(cfg, List.of("retries=3")));
        assertTrue(unknown.getMessage().contains("retries"), unknown.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> EnsembleConfig.load(cfg, List.of("base=nothing.yaml")));
        assertTrue(missing.getMessage().contains("base"), missing.getMessage());
    }
}
