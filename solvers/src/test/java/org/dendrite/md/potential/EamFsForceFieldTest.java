package org.dendrite.md.potential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.junit.jupiter.api.DisplayName;

@DisplayName("eam/fs (two-element test potential with asymmetric densities) satisfies the force-field contract")
class EamFsForceFieldTest extends ForceFieldContract {
    private static final ForceField FF = load();

    private static ForceField load() {
        try {
            Path dir = Files.createTempDirectory("eamfs");
            dir.toFile().deleteOnExit();
            Files.copy(ConfFiles.forcefield("LiX-test.eam.fs"), dir.resolve("LiX-test.eam.fs"));
            dir.resolve("LiX-test.eam.fs").toFile().deleteOnExit();
            Path yaml = dir.resolve("ff.yaml");
            yaml.toFile().deleteOnExit();
            Files.writeString(yaml, """
                    species:
                      X: {mass: 22.99}
                      Li: {mass: 6.941}
                    manybody:
                      - {style: eam/fs, file: LiX-test.eam.fs}
                    """);
            return ForceFieldLoader.load(yaml);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    protected ForceField forceField() {
        return FF;
    }

    @Override
    protected double boxEdge() {
        return 7.5;
    }

    @Override
    protected Atoms configuration(Box box, long seed) {
        return TestCells.random(FF.species(), new int[] {7, 9}, box, 2.4, seed);
    }
}
