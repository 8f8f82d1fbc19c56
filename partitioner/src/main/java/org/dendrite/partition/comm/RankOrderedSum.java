package org.dendrite.partition.comm;

/**
 * The global sum of every transport, built on its point-to-point messages: a binomial-tree reduce
 * to rank 0 and a broadcast down the same tree (2·⌈log2 P⌉ message hops on the critical path
 * instead of 2·(P−1) at rank 0; docs/benchmarks.md's 64-member estimate). The tree fixes the order of
 * the additions, so every rank gets the same bits whatever the transport, and in-process and
 * Hazelcast runs agree bit for bit. One instance per rank (it owns the message buffer).
 */
public final class RankOrderedSum {
    private final MessageBuffer buffer = new MessageBuffer();
    private boolean started;
    private boolean sentAtStart;

    /** Sums {@code values[0..n)} over the ranks of {@code t}, in place (see {@link Transport#sum}). */
    public void sum(Transport t, double[] values, int n) {
        start(t, values, n);
        finish(t, values, n);
    }

    /**
     * First half of {@link #sum}: an odd rank, a leaf of the tree's first level, sends its values to
     * its parent now; every other rank has to wait for children and so does all its work in
     * {@link #finish}. {@code values} must not change in between.
     */
    public void start(Transport t, double[] values, int n) {
        if (started) {
            throw new IllegalStateException("rank " + t.rank() + ": a global sum was started twice without finishing");
        }
        started = true;
        sentAtStart = t.size() > 1 && t.rank() % 2 == 1;
        if (sentAtStart) {
            fill(values, n);
            t.send(t.rank() - 1, Phase.SUM, 0, buffer);
        }
    }

    /** Second half of {@link #sum}: the rest of the reduce, then the broadcast; the total lands in {@code values}. */
    public void finish(Transport t, double[] values, int n) {
        if (!started) {
            throw new IllegalStateException("rank " + t.rank() + ": a global sum was finished without a start");
        }
        started = false;
        int size = t.size();
        if (size == 1) {
            return;
        }
        int rank = t.rank();
        // Reduce: at level s a rank that is a multiple of 2s adds its partner rank + s's partial sum;
        // the partner sends and leaves the reduce. Partial sums are added in a fixed order.
        int top = 1;
        while (top < size) {
            top <<= 1;
        }
        int s = 1;
        for (; s < top && !sentAtStart; s <<= 1) {
            if (rank % (2 * s) == 0) {
                int partner = rank + s;
                if (partner < size) {
                    t.receive(partner, Phase.SUM, 0, buffer);
                    checkLength(t, partner, n);
                    for (int k = 0; k < n; k++) {
                        values[k] += buffer.doubles[k];
                    }
                }
            } else {
                fill(values, n);
                t.send(rank - s, Phase.SUM, 0, buffer);
                break;
            }
        }
        // Broadcast down the same tree: receive from the parent of the reduce, pass on to the children.
        if (rank != 0) {
            t.receive(rank - s, Phase.SUM, 1, buffer);
            checkLength(t, rank - s, n);
            System.arraycopy(buffer.doubles, 0, values, 0, n);
        } else {
            fill(values, n);
        }
        for (int c = s >> 1; c >= 1; c >>= 1) {
            if (rank + c < size) {
                t.send(rank + c, Phase.SUM, 1, buffer);
            }
        }
    }

    private void fill(double[] values, int n) {
        buffer.clear();
        buffer.reserve(0, n);
        System.arraycopy(values, 0, buffer.doubles, 0, n);
        buffer.nDoubles = n;
    }

    private void checkLength(Transport t, int from, int n) {
        if (buffer.nDoubles != n) {
            throw new TransportException("rank " + t.rank() + ": global sum of " + n + " values met " + buffer.nDoubles
                    + " values from rank " + from + ": the domains are out of step");
        }
    }
}
