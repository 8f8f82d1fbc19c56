package org.dendrite.md.potential;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shipped force-field files under the repository's conf/forcefields from a module test. */
public final class ConfFiles {
    private ConfFiles() {
    }

    public static Path forcefield(String name) {
        for (Path base : new Path[] {Path.of("..", "conf", "forcefields"), Path.of("conf", "forcefields")}) {
            Path p = base.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("conf/forcefields/" + name + " not found from " + Path.of("").toAbsolutePath());
    }
}
