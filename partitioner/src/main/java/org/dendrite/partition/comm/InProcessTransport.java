package org.dendrite.partition.comm;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link Transport} between domains that are threads of one JVM. Each ordered pair of ranks has a
 * FIFO queue of envelopes per {@linkplain Phase#lane lane} and a free list of used envelopes, so once message sizes have settled a
 * send copies into a recycled envelope and a receive copies out of it: no allocation per step.
 * Receives block on the queue (no busy-wait), in slices so that an {@link #abort} by another rank
 * is noticed within a fraction of a second.
 */
public final class InProcessTransport extends PointToPointTransport {
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** One message in flight. */
    private static final class Envelope {
        Phase phase;
        int step;
        final MessageBuffer body = new MessageBuffer();
    }

    /** State shared by the ranks of one group. */
    private static final class Hub {
        final int size;
        final long timeoutNanos;
        final LinkedBlockingQueue<Envelope>[] queues;
        final ConcurrentLinkedQueue<Envelope>[] free;
        volatile String failure;

        @SuppressWarnings("unchecked")
        Hub(int size, long timeoutNanos) {
            this.size = size;
            this.timeoutNanos = timeoutNanos;
            queues = new LinkedBlockingQueue[size * size * Phase.LANES];
            free = new ConcurrentLinkedQueue[size * size * Phase.LANES];
            for (int k = 0; k < queues.length; k++) {
                queues[k] = new LinkedBlockingQueue<>();
                free[k] = new ConcurrentLinkedQueue<>();
            }
        }
    }

    private final Hub hub;
    private final int rank;

    private InProcessTransport(Hub hub, int rank) {
        this.hub = hub;
        this.rank = rank;
    }

    /**
     * The endpoints of {@code size} ranks, index = rank.
     *
     * @param timeout how long a receive may wait before it fails
     */
    public static InProcessTransport[] group(int size, Duration timeout) {
        if (size < 1) {
            throw new IllegalArgumentException("a transport group needs at least 1 rank, got " + size);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("transport timeout must be positive, got " + timeout);
        }
        Hub hub = new Hub(size, timeout.toNanos());
        InProcessTransport[] t = new InProcessTransport[size];
        for (int r = 0; r < size; r++) {
            t[r] = new InProcessTransport(hub, r);
        }
        return t;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return hub.size;
    }

    @Override
    public void send(int to, Phase phase, int step, MessageBuffer msg) {
        checkPeer(to, phase, "send to");
        int channel = (rank * hub.size + to) * Phase.LANES + phase.lane();
        Envelope e = hub.free[channel].poll();
        if (e == null) {
            e = new Envelope();
        }
        e.phase = phase;
        e.step = step;
        e.body.copyFrom(msg);
        hub.queues[channel].add(e);
    }

    @Override
    public void receive(int from, Phase phase, int step, MessageBuffer into) {
        checkPeer(from, phase, "receive from");
        int channel = (from * hub.size + rank) * Phase.LANES + phase.lane();
        LinkedBlockingQueue<Envelope> q = hub.queues[channel];
        long deadline = System.nanoTime() + hub.timeoutNanos;
        Envelope e;
        try {
            while (true) {
                String failure = hub.failure;
                if (failure != null) {
                    throw new TransportException("rank " + rank + " stopped while waiting for " + phase + " step "
                            + step + " from rank " + from + " because " + failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TransportException(String.format(
                            "rank %d: no %s message (step %d) from rank %d within %.1f s; that rank is stuck, "
                                    + "dead or out of step", rank, phase, step, from, hub.timeoutNanos * 1e-9));
                }
                e = q.poll(Math.min(left, SLICE_NANOS), TimeUnit.NANOSECONDS);
                if (e != null) {
                    break;
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new TransportException("rank " + rank + " interrupted while waiting for " + phase + " step " + step
                    + " from rank " + from, ie);
        }
        if (e.phase != phase || e.step != step) {
            throw new TransportException("rank " + rank + " expected " + phase + " step " + step + " from rank " + from
                    + " but received " + e.phase + " step " + e.step + ": the domains are out of step");
        }
        into.copyFrom(e.body);
        hub.free[channel].add(e);
    }

    @Override
    public void abort(Throwable cause) {
        if (hub.failure == null) {
            hub.failure = "rank " + rank + " failed: " + cause;
        }
    }

    @Override
    public void close() {
        // Queues are garbage once every endpoint is dropped; nothing to release.
    }

    private void checkPeer(int peer, Phase phase, String what) {
        if (peer < 0 || peer >= hub.size) {
            throw new IllegalArgumentException("rank " + rank + ": cannot " + what + " rank " + peer + " in " + phase
                    + "; ranks are 0.." + (hub.size - 1));
        }
    }
}
