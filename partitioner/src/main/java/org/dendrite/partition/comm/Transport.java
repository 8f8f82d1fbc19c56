package org.dendrite.partition.comm;

/**
 * Point-to-point messages between the ranks (domains) of one decomposed run, plus a global sum.
 * Messages between a pair of ranks arrive in the order they were sent. {@link #send} never waits
 * for the receiver; {@link #receive} waits at most the transport's timeout and then throws a
 * {@link TransportException} naming the rank, the peer and the phase, never hangs.
 *
 * <p>Payloads are two primitive arrays ({@link MessageBuffer}), so a transport between JVMs only
 * needs to serialize an int[] and a double[] (e.g. with Kryo) next to the phase and step.
 */
public interface Transport extends AutoCloseable {
    /** Closes every transport of {@code t} that exists (null array or entries: ranks hosted elsewhere). */
    static void closeAll(Transport[] t) {
        if (t == null) {
            return;
        }
        for (Transport x : t) {
            if (x != null) {
                x.close();
            }
        }
    }

    int rank();

    int size();

    /** Sends a copy of {@code msg} to rank {@code to}; returns without waiting for the receiver. */
    void send(int to, Phase phase, int step, MessageBuffer msg);

    /**
     * Receives the next message from rank {@code from} into {@code into}; it must carry
     * {@code phase} and {@code step}.
     */
    void receive(int from, Phase phase, int step, MessageBuffer into);

    /**
     * Sums {@code values[0..n)} over all ranks, in place. Every rank gets the same bits: the terms
     * are added in rank order. Called by every rank with the same {@code n}.
     */
    void sum(double[] values, int n);

    /**
     * First half of {@link #sum}, for overlapping it with computation: sends what this rank can send
     * without waiting. {@code values} must not change until {@link #finishSum}, which completes the
     * sum with the same bits as {@link #sum}.
     */
    default void startSum(double[] values, int n) {
    }

    /** Second half of {@link #sum}: waits for the other ranks and leaves the sum in {@code values}. */
    default void finishSum(double[] values, int n) {
        sum(values, n);
    }

    /**
     * Tells every rank that this one failed, so that ranks waiting for it stop at once with an
     * error naming the failed rank instead of waiting out their timeout.
     */
    void abort(Throwable cause);

    @Override
    void close();
}
