package org.dendrite.partition.comm;

/**
 * What a message is for. Every message carries its phase and a step number within the phase (the
 * swap or hop), and the receiver checks both, so domains that fall out of step fail with a message
 * naming what each expected instead of silently mixing up data.
 */
public enum Phase {
    /** Atoms that left a domain, sent at neighbour-list rebuilds. */
    MIGRATE,
    /** Ghost atoms (position, id, type, charge, image) sent at rebuilds. */
    BORDERS,
    /** Ghost positions refreshed every step. */
    FORWARD,
    /** A per-atom scalar copied to ghosts (EAM embedding derivative). */
    FORWARD_SCALAR,
    /** Ghost contributions (forces, EAM densities) returned to owners. */
    REVERSE,
    /** Global sums. */
    SUM,
    /** Owned atoms sent to rank 0 to be written in atom-id order (trajectory frames, restart files). */
    GATHER;

    /** Number of lanes: independent FIFO channels between each ordered pair of ranks. */
    public static final int LANES = 2;

    /**
     * The lane of this phase. Global sums travel apart from halo data, because a split sum and a
     * split exchange overlap: one rank may send its vote before its ghost positions while its
     * neighbour sends them the other way round. Within a lane all ranks send and receive in the same
     * order, so FIFO per lane and the phase/step check still hold.
     */
    public int lane() {
        return this == SUM ? 1 : 0;
    }
}
