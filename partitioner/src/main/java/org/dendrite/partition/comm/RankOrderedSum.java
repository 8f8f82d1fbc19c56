package org.dendrite.partition.comm;

/**
 * The global sum of every transport, built on its point-to-point messages: gather to rank 0, add
 * in rank order, broadcast. Every rank gets the same bits, whatever the transport, so in-process
 * and Hazelcast runs agree bit for bit. One instance per rank (it owns the message buffer).
 */
public final class RankOrderedSum {
    private final MessageBuffer buffer = new MessageBuffer();

    /** Sums {@code values[0..n)} over the ranks of {@code t}, in place (see {@link Transport#sum}). */
    public void sum(Transport t, double[] values, int n) {
        int size = t.size();
        if (size == 1) {
            return;
        }
        if (t.rank() == 0) {
            for (int r = 1; r < size; r++) {
                t.receive(r, Phase.SUM, 0, buffer);
                checkLength(t, r, n);
                for (int k = 0; k < n; k++) {
                    values[k] += buffer.doubles[k];
                }
            }
            fill(values, n);
            for (int r = 1; r < size; r++) {
                t.send(r, Phase.SUM, 1, buffer);
            }
        } else {
            fill(values, n);
            t.send(0, Phase.SUM, 0, buffer);
            t.receive(0, Phase.SUM, 1, buffer);
            checkLength(t, 0, n);
            System.arraycopy(buffer.doubles, 0, values, 0, n);
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
