package org.dendrite.md.integrate;

/**
 * A run that cannot continue: non-finite positions or forces, an atom that moved more than half
 * the neighbour skin in one step, a lost atom, a potential-energy jump. The message is one line:
 * step, atom id (when one is to blame) and reason.
 */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long step;
    private final int atomId;

    public SimulationException(long step, int atomId, String reason) {
        super(atomId > 0 ? "step " + step + ", atom id " + atomId + ": " + reason : "step " + step + ": " + reason);
        this.step = step;
        this.atomId = atomId;
    }

    public long step() {
        return step;
    }

    /** Global id of the atom to blame, or 0 when the failure is not tied to one atom. */
    public int atomId() {
        return atomId;
    }
}
