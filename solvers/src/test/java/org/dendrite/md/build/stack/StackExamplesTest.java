package org.dendrite.md.build.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dendrite.config.Params;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilders;
import org.dendrite.md.io.ExtXyzWriter;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceFieldLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The stack examples shipped in conf/structures (stack-*.yaml) build on their force field's species
 * with the documented lateral matching, and are written as extended XYZ to
 * solvers/target/stack-examples/ (for a look with ASE or OVITO).
 */
class StackExamplesTest {
    static Path structures() {
        for (Path p : new Path[] {Path.of("..", "conf", "structures"), Path.of("conf", "structures")}) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("conf/structures not found");
    }

    static Map<String, Object> build(Path config, Path out) throws IOException {
        Map<String, Object> top = new Yaml().load(Files.readString(config));
        Path ff = config.getParent().resolve((String) top.get("forcefield"));
        BuildContext ctx = BuildContext.forSpecies(config.getParent(), 1, ForceFieldLoader.species(ff));
        Structure s = StructureBuilders.buildStructure(Params.of("structure", top.get("structure")), ctx);
        Files.createDirectories(out.getParent());
        ExtXyzWriter.writeFile(out, s, Double.NaN, null, false);
        return ctx.report().sections().get("structure");
    }

    @Test
    @DisplayName("every conf/structures/stack-*.yaml builds on its force field's species and is written as extended XYZ")
    void examplesBuild() throws IOException {
        List<Path> configs;
        try (Stream<Path> files = Files.list(structures())) {
            configs = files.filter(p -> p.getFileName().toString().matches("stack-.*\\.yaml")).sorted().toList();
        }
        assertFalse(configs.isEmpty());
        for (Path c : configs) {
            String name = c.getFileName().toString().replace(".yaml", "");
            Map<String, Object> rep = build(c, Path.of("target", "stack-examples", name + ".extxyz"));
            System.out.println(name + ": " + rep);
            assertTrue(((Number) rep.get("atoms")).intValue() > 0, name);
            if (name.equals("stack-li-llzo")) {
                assertEquals("11x11x6", rep.get("slab0_repeats"));
                assertEquals("3x3x2", rep.get("slab1_repeats"));
            }
            if (name.equals("stack-li-llzo-lzo")) {
                assertEquals("15x15x4", rep.get("slab0_repeats"));
                assertEquals("4x4x1", rep.get("slab1_repeats"));
                assertEquals("6x6x2", rep.get("slab2_repeats"));
            }
        }
    }
}
