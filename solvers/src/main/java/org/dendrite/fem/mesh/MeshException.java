package org.dendrite.fem.mesh;

import org.dendrite.fem.FemException;

/** A mesh that cannot be used: an inverted or degenerate element, a node index out of range, a
 *  malformed mesh file. The message names the element (0-based index and its nodes) or the file. */
public final class MeshException extends FemException {
    private static final long serialVersionUID = 1L;

    public MeshException(String message) {
        super(message);
    }

    public MeshException(String message, Throwable cause) {
        super(message, cause);
    }
}
