package org.dendrite.md.neighbor;

/** An atom left the simulated region or has a non-finite position; the message names the atom. */
public final class LostAtomException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LostAtomException(String message) {
        super(message);
    }
}
