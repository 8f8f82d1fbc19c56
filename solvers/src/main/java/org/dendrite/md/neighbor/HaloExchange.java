package org.dendrite.md.neighbor;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.ExactSum;

/**
 * What a solver needs from its surroundings to see atoms beyond its own domain. The single-domain
 * implementation {@link PeriodicImages} makes ghosts from periodic images; the partitioner module
 * provides implementations whose ghosts come from other domains, in-process or over Hazelcast. The
 * engine never knows which it talks to.
 */
public interface HaloExchange {
    /**
     * Wraps owned atoms into the box (updating image flags), migrates atoms that left the domain,
     * and rebuilds the ghost layer so that every atom within {@code ghostCutoff} of the domain is
     * present as a ghost. Called when the neighbour list is rebuilt.
     */
    void borders(Atoms atoms, Box box, double ghostCutoff);

    /** Refreshes ghost positions from their owners after atoms moved or the box changed. */
    void forwardPositions(Atoms atoms, Box box);

    /**
     * True when the exchange gains from overlapping communication with computation, i.e. it has
     * other domains to wait for. The engine then splits {@link #forwardPositions} and
     * {@link #reverseVector} into start and finish and evaluates pairs among owned atoms in between.
     */
    default boolean overlapsCommunication() {
        return false;
    }

    /**
     * First half of {@link #forwardPositions}: sends what other domains need and returns without
     * waiting for theirs. Owned positions must not change until {@link #forwardPositionsFinish}.
     * Ghost positions are valid only after it.
     */
    default void forwardPositionsStart(Atoms atoms, Box box) {
        forwardPositions(atoms, box);
    }

    /** Second half of {@link #forwardPositions}: receives and completes the ghost positions. */
    default void forwardPositionsFinish(Atoms atoms, Box box) {
    }

    /**
     * First half of {@link #reverseVector}: sends the ghost entries (after folding those that are
     * this domain's own images) as far as possible without waiting for the last messages, which add
     * onto owned atoms only. Until {@link #reverseVectorFinish} the caller may add to owned entries
     * but must not touch ghost entries.
     */
    default void reverseVectorStart(Atoms atoms, double[] perAtom3) {
    }

    /** Second half of {@link #reverseVector}: receives, adds onto owners and zeroes the ghost entries. */
    default void reverseVectorFinish(Atoms atoms, double[] perAtom3) {
        reverseVector(atoms, perAtom3);
    }

    /** Copies a per-atom scalar from owners to ghosts (e.g. the EAM embedding derivative). */
    void forwardScalar(Atoms atoms, double[] perAtom);

    /** Adds ghost entries of a 3-per-atom array onto their owners and zeroes the ghost entries. */
    void reverseVector(Atoms atoms, double[] perAtom3);

    /** Sum of a value over all domains. */
    double sum(double localValue);

    /** Sum of a small array over all domains, in place. */
    void sum(double[] values);

    /**
     * First half of {@link #sum(double[])}: sends without waiting, so the caller can compute while
     * the other domains catch up. {@code values} must not change until {@link #finishSum}.
     */
    default void startSum(double[] values) {
    }

    /** Second half of {@link #sum(double[])}: the global sum lands in {@code values}. */
    default void finishSum(double[] values) {
        sum(values);
    }

    /**
     * Adds exact sums over all domains in place: every domain gets the same total, with the same bits
     * as one domain holding all the terms. Collective, like {@link #sum(double[])}, which carries
     * them (each packed as integer-valued doubles, whose addition is exact).
     */
    default void sum(ExactSum[] sums) {
        double[] packed = new double[4 * sums.length];
        for (int k = 0; k < sums.length; k++) {
            sums[k].pack(packed, 4 * k);
        }
        sum(packed);
        for (int k = 0; k < sums.length; k++) {
            sums[k].unpack(packed, 4 * k);
        }
    }

    /**
     * Largest value over all domains (every domain gets the same result). Needed where a global
     * extent cannot be formed from sums, e.g. the largest atom id that sizes per-id group tables.
     */
    double max(double localValue);
}
