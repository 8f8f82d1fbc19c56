package org.dendrite.driver.config;

import java.nio.file.Path;

/**
 * Where a configuration value came from: a line of a YAML file, or a {@code --set} option. Relative
 * paths in a value are resolved against {@link #baseDirectory()}: the config file's directory for
 * file values (so a config can be moved together with its inputs), the working directory for
 * command-line values (as a shell user expects).
 */
public record Origin(Path file, int line, String override) {

    public static Origin fileLine(Path file, int line) {
        return new Origin(file, line, null);
    }

    public static Origin override(String option) {
        return new Origin(null, 0, option);
    }

    public boolean isOverride() {
        return override != null;
    }

    public Path baseDirectory() {
        if (isOverride() || file == null) {
            return Path.of("").toAbsolutePath();
        }
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** {@code file:line} or {@code --set key=value}. */
    @Override
    public String toString() {
        return isOverride() ? override : file + ":" + line;
    }
}
