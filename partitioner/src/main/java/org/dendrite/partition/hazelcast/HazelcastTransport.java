package org.dendrite.partition.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dendrite.partition.comm.MessageBuffer;
import org.dendrite.partition.comm.Phase;
import org.dendrite.partition.comm.PointToPointTransport;
import org.dendrite.partition.comm.Transport;
import org.dendrite.partition.comm.TransportException;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;

/**
 * {@link Transport} between ranks hosted on the members of a Hazelcast cluster (any number of
 * ranks per member, members in one JVM or in several).
 *
 * <p>Point-to-point delivery: one {@link IQueue} of byte[] per ordered pair of ranks and
 * {@linkplain Phase#lane lane}, FIFO because one thread offers to it: each transport hands its
 * encoded messages to its own sender thread, so {@link #send} returns at once instead of waiting out
 * the offer's round trip to the receiver's member (a few ms for the 0.2 MB of a ghost layer), and
 * the rank computes while the message travels; a failed offer fails the rank's next send or
 * receive. Every queue addressed to rank r lives in a partition owned by r's member (queue name {@code ...@key}, with a partition key r chose among those its member owns), so a send
 * is one network hop (offer to the receiver's member) and a receive is a local poll. The queues keep
 * no backup: halo data is transient and a lost member fails the run (recovery is by checkpoint).
 *
 * <p>Payloads are byte[] encoded with Kryo 5 ({@link HaloWire}) rather than objects with a
 * Hazelcast {@code StreamSerializer}: Hazelcast writes a byte[] with one array copy, a standalone
 * member that merely hosts a queue partition needs no serializer configuration, and the encoder
 * reuses its buffers per rank thread (a StreamSerializer would go through Hazelcast's own
 * ObjectDataOutput plus a Kryo buffer: one more copy).
 *
 * <p>Rendezvous: each rank registers (member, partition key) in an IMap of the run and waits, at
 * most the receive timeout, for all {@code size} ranks. {@link #abort} publishes to a topic of the
 * run; a member leaving the cluster also fails every waiting receive at once.
 */
public final class HazelcastTransport extends PointToPointTransport {
    private static final long SLICE_MILLIS = 100;
    private static final long CLOSE_DRAIN_SECONDS = 10;

    private final HazelcastInstance hz;
    private final String run;
    private final int rank;
    private final int size;
    private final long timeoutNanos;
    private final HaloWire wire = new HaloWire();
    private final HaloWire.Message header = new HaloWire.Message();
    /** Queues by lane and peer rank. */
    private final IQueue<byte[]>[][] sendQueue;
    private final IQueue<byte[]>[][] receiveQueue;
    private final ITopic<String> abortTopic;
    private final UUID abortListener;
    private final UUID membershipListener;
    private volatile String failure;
    private final ExecutorService sender;

    /**
     * Joins run {@code run} as {@code rank} of {@code size} ranks on member {@code hz}; returns
     * once every rank has registered.
     *
     * @param timeout bound on the rendezvous and on every receive
     */
    @SuppressWarnings("unchecked")
    public HazelcastTransport(HazelcastInstance hz, String run, int rank, int size, Duration timeout) {
        if (size < 1 || rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " of " + size + " ranks is impossible");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("transport timeout must be positive, got " + timeout);
        }
        this.hz = hz;
        this.run = run;
        this.rank = rank;
        this.size = size;
        this.timeoutNanos = timeout.toNanos();
        sendQueue = new IQueue[Phase.LANES][size];
        receiveQueue = new IQueue[Phase.LANES][size];
        sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dendrite-halo-send-" + run + "-rank-" + rank);
            t.setDaemon(true);
            return t;
        });

        abortTopic = hz.getTopic("dendrite-abort-" + run);
        abortListener = abortTopic.addMessageListener(m -> {
            if (failure == null) {
                failure = m.getMessageObject();
            }
        });
        membershipListener = hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                // A member joining does not disturb a run: its queues stay where they are.
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                if (failure == null) {
                    failure = "Hazelcast member " + e.getMember().getAddress() + " left the cluster";
                }
            }
        });

        String key = localPartitionKey();
        IMap<Integer, String> registry = hz.getMap("dendrite-ranks-" + run);
        String previous = registry.putIfAbsent(rank, key);
        if (previous != null) {
            close();
            throw new TransportException("rank " + rank + " of run '" + run + "' is already registered (partition key "
                    + previous + "): two processes claim the same rank, or the run name is reused");
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (registry.size() < size) {
            if (System.nanoTime() > deadline) {
                int n = registry.size();
                close();
                throw new TransportException(String.format("rank %d of run '%s': only %d of %d ranks registered within "
                        + "%.1f s", rank, run, n, size, timeoutNanos * 1e-9));
            }
            checkFailure("registering", -1);
            HazelcastCluster.sleep(10);
        }
        for (int lane = 0; lane < Phase.LANES; lane++) {
            for (int r = 0; r < size; r++) {
                sendQueue[lane][r] = hz.getQueue(queueName(rank, r, lane) + "@" + registry.get(r));
                receiveQueue[lane][r] = hz.getQueue(queueName(r, rank, lane) + "@" + key);
            }
        }
    }

    /**
     * The transports of run {@code run} for the ranks this process hosts: rank r on member
     * {@code memberOfRank[r]}, null where another process hosts the rank. Each constructor waits at
     * the rendezvous for all ranks, so they are created concurrently; if one fails, those made are
     * closed and the failure is thrown.
     */
    public static Transport[] group(String run, HazelcastInstance[] memberOfRank, Duration timeout) {
        int ranks = memberOfRank.length;
        ExecutorService pool = Executors.newFixedThreadPool(ranks, r -> {
            Thread t = new Thread(r, "hazelcast-rank");
            t.setDaemon(true);
            return t;
        });
        Transport[] t = new Transport[ranks];
        try {
            List<Future<HazelcastTransport>> f = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                int rank = r;
                HazelcastInstance m = memberOfRank[r];
                f.add(m == null ? null : pool.submit(() -> new HazelcastTransport(m, run, rank, ranks, timeout)));
            }
            for (int r = 0; r < ranks; r++) {
                t[r] = f.get(r) == null ? null : f.get(r).get();
            }
            return t;
        } catch (InterruptedException | ExecutionException e) {
            Transport.closeAll(t);
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Hazelcast transports of run " + run + " did not start: " + c.getMessage(), c);
        } finally {
            pool.shutdown();
        }
    }

    private String queueName(int from, int to, int lane) {
        return "dendrite-halo-" + run + "-" + from + "-" + to + (lane == 0 ? "" : "-lane" + lane);
    }

    /** A partition key whose partition this member owns, so messages to this rank are stored here. */
    private String localPartitionKey() {
        Member local = hz.getCluster().getLocalMember();
        for (int k = 0; k < 100_000; k++) {
            String key = "r" + rank + "-" + k;
            Member owner = hz.getPartitionService().getPartition(key).getOwner();
            if (owner != null && owner.getUuid().equals(local.getUuid())) {
                return key;
            }
        }
        throw new TransportException("member " + local.getAddress() + " owns no partition; has the cluster formed?");
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void send(int to, Phase phase, int step, MessageBuffer msg) {
        checkPeer(to, phase, "send to");
        checkFailure(phase.toString(), step);
        byte[] bytes = wire.encode(rank, phase, step, msg);
        IQueue<byte[]> queue = sendQueue[phase.lane()][to];
        sender.execute(() -> {
            if (failure != null) {
                return;
            }
            try {
                if (!queue.offer(bytes)) {
                    failure = "the halo queue to rank " + to + " refused a " + phase + " message of step " + step
                            + " (queue full)";
                }
            } catch (RuntimeException e) {
                failure = "sending a " + phase + " message of step " + step + " to rank " + to + " failed: " + e;
            }
        });
    }

    @Override
    public void receive(int from, Phase phase, int step, MessageBuffer into) {
        checkPeer(from, phase, "receive from");
        long deadline = System.nanoTime() + timeoutNanos;
        byte[] bytes;
        try {
            while (true) {
                checkFailure(phase + " step " + step + " from rank " + from, step);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TransportException(String.format(
                            "rank %d: no %s message (step %d) from rank %d within %.1f s; that rank is stuck, "
                                    + "dead or out of step", rank, phase, step, from, timeoutNanos * 1e-9));
                }
                bytes = receiveQueue[phase.lane()][from].poll(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, SLICE_MILLIS),
                        TimeUnit.MILLISECONDS);
                if (bytes != null) {
                    break;
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new TransportException("rank " + rank + " interrupted while waiting for " + phase + " step " + step
                    + " from rank " + from, ie);
        }
        wire.decode(bytes, header, into);
        if (header.source != from || header.phase != phase || header.step != step) {
            throw new TransportException("rank " + rank + " expected " + phase + " step " + step + " from rank " + from
                    + " but received " + header.phase + " step " + header.step + " from rank " + header.source
                    + ": the domains are out of step");
        }
    }

    @Override
    public void abort(Throwable cause) {
        String why = "rank " + rank + " failed: " + cause;
        if (failure == null) {
            failure = why;
        }
        try {
            abortTopic.publish(why);
        } catch (RuntimeException e) {
            // The cluster itself is going away; the other ranks notice the member loss instead.
        }
    }

    /**
     * Fails every rank of run {@code run} with {@code why}, from a process that has no transport of
     * the run (a rank host that could not start its ranks).
     */
    public static void abortRun(HazelcastInstance hz, String run, String why) {
        hz.getTopic("dendrite-abort-" + run).publish(why);
    }

    private void checkFailure(String waitingFor, int step) {
        String f = failure;
        if (f != null) {
            throw new TransportException("rank " + rank + " stopped (" + waitingFor + ") because " + f);
        }
    }

    @Override
    public void close() {
        // Messages still queued (e.g. the last sum's result) must reach their ranks before the queues
        // go: wait for them, but not for ever when the cluster is failing.
        sender.shutdown();
        try {
            if (!sender.awaitTermination(CLOSE_DRAIN_SECONDS, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (!hz.getLifecycleService().isRunning()) {
            return;
        }
        hz.getCluster().removeMembershipListener(membershipListener);
        abortTopic.removeMessageListener(abortListener);
        for (IQueue<byte[]>[] lane : receiveQueue) {
            for (IQueue<byte[]> q : lane) {
                if (q != null) {
                    q.destroy();
                }
            }
        }
        hz.getMap("dendrite-ranks-" + run).remove(rank);
    }

    private void checkPeer(int peer, Phase phase, String what) {
        if (peer < 0 || peer >= size) {
            throw new IllegalArgumentException("rank " + rank + ": cannot " + what + " rank " + peer + " in " + phase
                    + "; ranks are 0.." + (size - 1));
        }
    }
}
