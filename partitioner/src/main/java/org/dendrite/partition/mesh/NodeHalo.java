package org.dendrite.partition.mesh;

import org.dendrite.partition.comm.MessageBuffer;
import org.dendrite.partition.comm.Phase;
import org.dendrite.partition.comm.Transport;

/**
 * Forward halo exchange of one value per node for one rank: owners send the values of the nodes
 * their neighbours hold as ghosts, ghosts are overwritten with them. All sends go out before the
 * first receive (sends never wait), so no pair of ranks can deadlock; every receive is bounded by
 * the transport's timeout. Messages carry {@link Phase#FORWARD_SCALAR} and a running exchange count,
 * so ranks that fall out of step fail with a message instead of mixing iterations. Buffers are
 * kept: no allocation per exchange once sizes have settled.
 */
public final class NodeHalo {
    private final Subdomain d;
    private final Transport t;
    private final MessageBuffer out = new MessageBuffer();
    private final MessageBuffer in = new MessageBuffer();
    private int step;
    private long nanos;

    public NodeHalo(Subdomain d, Transport t) {
        if (t.rank() != d.rank()) {
            throw new IllegalArgumentException("transport of rank " + t.rank() + " given for subdomain " + d.rank());
        }
        this.d = d;
        this.t = t;
    }

    /** Copies the owners' values into the ghost entries of {@code x} (length ≥ local nodes). */
    public void forward(double[] x) {
        long t0 = System.nanoTime();
        int s = step++;
        int[] peers = d.sendPeers();
        int[][] lists = d.sendLists();
        for (int k = 0; k < peers.length; k++) {
            int[] list = lists[k];
            out.clear();
            out.reserve(0, list.length);
            double[] buf = out.doubles;
            for (int i = 0; i < list.length; i++) {
                buf[i] = x[list[i]];
            }
            out.nDoubles = list.length;
            t.send(peers[k], Phase.FORWARD_SCALAR, s, out);
        }
        int[] from = d.recvPeers();
        int[][] recv = d.recvLists();
        for (int k = 0; k < from.length; k++) {
            int[] list = recv[k];
            t.receive(from[k], Phase.FORWARD_SCALAR, s, in);
            if (in.nDoubles != list.length) {
                throw new IllegalStateException("rank " + d.rank() + ": halo from rank " + from[k] + " has "
                        + in.nDoubles + " values, expected " + list.length);
            }
            double[] buf = in.doubles;
            for (int i = 0; i < list.length; i++) {
                x[list[i]] = buf[i];
            }
        }
        nanos += System.nanoTime() - t0;
    }

    /** Wall time spent in {@link #forward} (including waiting for neighbours), seconds. */
    public double seconds() {
        return nanos * 1e-9;
    }

    public Subdomain domain() {
        return d;
    }

    public Transport transport() {
        return t;
    }
}
