package org.dendrite.md.state;

import java.io.IOException;
import java.nio.file.Path;

/** A restart file that cannot be read: wrong magic, unsupported version, truncated or corrupt. */
public final class RestartFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public RestartFileException(Path file, String reason) {
        super("restart file " + file + ": " + reason);
    }
}
