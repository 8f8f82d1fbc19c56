package org.dendrite.partition.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.dendrite.partition.comm.TransportException;

import com.esotericsoftware.kryo.kryo5.Kryo;
import com.esotericsoftware.kryo.kryo5.KryoException;
import com.esotericsoftware.kryo.kryo5.Serializer;
import com.esotericsoftware.kryo.kryo5.io.Input;
import com.esotericsoftware.kryo.kryo5.io.Output;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;

/**
 * Ranks of a decomposed run hosted by members in other JVMs (started with
 * {@code submit-scripts/hazelcast-member.sh}), as MPI ranks live in other processes.
 *
 * <p>A member that can host ranks {@linkplain #register registers} in the IMap
 * {@value #HOSTS}. The JVM that runs {@code dendrite run} (the coordinator; it hosts rank 0 and
 * writes the outputs) places ranks round-robin over its own members and the live rank hosts and
 * {@linkplain #publish publishes} a {@link Ticket} per attempt in the IMap {@value #TICKETS}: the
 * run's name (the namespace of its halo queues), the config file and its {@code --set} overrides,
 * the brick grid, the member of every rank and the start state as restart-file bytes. A rank host
 * {@linkplain #listen listening} for tickets builds the same force field and stages from the config
 * (the config and its input files must be readable at the same path on every host, as with MPI),
 * splits the same state over the same grid and runs its ranks; the ranks meet through
 * {@link HazelcastTransport}'s rendezvous. Nothing is sent back: rank 0 gathers the state as on one
 * JVM. A host that cannot start its ranks {@linkplain HazelcastTransport#abortRun aborts} the run
 * with the reason.
 *
 * <p>The ticket is Kryo 5 with registration required (one class, fixed id).
 */
public final class RankHosts {
    /** IMap of rank hosts: member UUID → address. */
    public static final String HOSTS = "dendrite-rank-hosts";
    /** IMap of tickets: run name → encoded {@link Ticket}. */
    public static final String TICKETS = "dendrite-rank-tickets";
    static final int TICKET_ID = 21;
    /** A ticket outlives any reasonable rendezvous; the coordinator withdraws it when the attempt ends. */
    private static final long TICKET_TTL_HOURS = 12;

    private RankHosts() {
    }

    /**
     * What a rank host needs to run its ranks of one attempt of a run.
     *
     * @param run            the run's name: namespace of its halo queues, abort topic and rank registry
     * @param configPath     absolute path of the run config (readable on every host)
     * @param overrides      its {@code --set key=value} overrides, in order
     * @param grid           bricks along a, b, c
     * @param memberOfRank   UUID of the member hosting each rank
     * @param state          the whole start state (restart-file bytes, atoms in id order)
     * @param timeoutMillis  bound on the rendezvous and every receive
     */
    public record Ticket(String run, String configPath, List<String> overrides, int[] grid, String[] memberOfRank,
                         byte[] state, long timeoutMillis) {
        /** Ranks of this ticket hosted by member {@code uuid}, ascending. */
        public int[] ranksOf(UUID uuid) {
            String u = uuid.toString();
            int n = 0;
            for (String m : memberOfRank) {
                n += m.equals(u) ? 1 : 0;
            }
            int[] r = new int[n];
            n = 0;
            for (int k = 0; k < memberOfRank.length; k++) {
                if (memberOfRank[k].equals(u)) {
                    r[n++] = k;
                }
            }
            return r;
        }
    }

    /** Registers the member as a rank host. */
    public static void register(HazelcastInstance hz) {
        Member self = hz.getCluster().getLocalMember();
        IMap<String, String> hosts = hz.getMap(HOSTS);
        hosts.set(self.getUuid().toString(), String.valueOf(self.getAddress()));
    }

    /** Registered rank hosts that are members of the cluster now, ordered by address (stable placement). */
    public static List<Member> live(HazelcastInstance hz) {
        IMap<String, String> hosts = hz.getMap(HOSTS);
        Set<String> registered = hosts.keySet();
        List<Member> live = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            if (registered.contains(m.getUuid().toString())) {
                live.add(m);
            }
        }
        live.sort(Comparator.comparing(m -> String.valueOf(m.getAddress())));
        return live;
    }

    /**
     * Waits until at least {@code n} rank hosts are live, at most {@code timeout}; throws a
     * {@link HazelcastCluster.ClusterFormationException} saying how many registered otherwise.
     */
    public static List<Member> await(HazelcastInstance hz, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Member> live = live(hz);
            if (live.size() >= n) {
                return live;
            }
            if (System.nanoTime() > deadline) {
                throw new HazelcastCluster.ClusterFormationException(String.format(java.util.Locale.ROOT,
                        "only %d of %d rank hosts registered within %.1f s (start them with "
                                + "submit-scripts/hazelcast-member.sh, cluster '%s')", live.size(), n,
                        timeout.toMillis() / 1000.0, hz.getConfig().getClusterName()));
            }
            HazelcastCluster.sleep(50);
        }
    }

    /** Publishes the ticket of one attempt (hosts listening pick up their ranks at once). */
    public static void publish(HazelcastInstance hz, Ticket t) {
        IMap<String, byte[]> tickets = hz.getMap(TICKETS);
        tickets.set(t.run(), encode(t), TICKET_TTL_HOURS, TimeUnit.HOURS);
    }

    /** Removes the ticket of a finished or failed attempt. */
    public static void withdraw(HazelcastInstance hz, String run) {
        if (hz.getLifecycleService().isRunning()) {
            hz.getMap(TICKETS).delete(run);
        }
    }

    /**
     * Calls {@code handler} (on a Hazelcast event thread: hand the work off at once) for every new
     * ticket that places a rank on this member; returns the listener id.
     */
    public static UUID listen(HazelcastInstance hz, Consumer<Ticket> handler) {
        IMap<String, byte[]> tickets = hz.getMap(TICKETS);
        UUID self = hz.getCluster().getLocalMember().getUuid();
        return tickets.addEntryListener((EntryAddedListener<String, byte[]>) (EntryEvent<String, byte[]> e) -> {
            Ticket t = decode(e.getValue());
            if (t.ranksOf(self).length > 0) {
                handler.accept(t);
            }
        }, true);
    }

    static byte[] encode(Ticket t) {
        Kryo kryo = kryo();
        Output out = new Output(t.state().length + 4096, -1);
        kryo.writeObject(out, t);
        return out.toBytes();
    }

    static Ticket decode(byte[] bytes) {
        try (Input in = new Input(bytes)) {
            return kryo().readObject(in, Ticket.class);
        } catch (KryoException e) {
            throw new TransportException("undecodable rank ticket (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.register(Ticket.class, new TicketSerializer(), TICKET_ID);
        return kryo;
    }

    /** Field by field, so the wire does not depend on record reflection. */
    private static final class TicketSerializer extends Serializer<Ticket> {
        @Override
        public void write(Kryo kryo, Output out, Ticket t) {
            out.writeString(t.run());
            out.writeString(t.configPath());
            out.writeVarInt(t.overrides().size(), true);
            for (String o : t.overrides()) {
                out.writeString(o);
            }
            out.writeInts(t.grid(), 0, 3);
            out.writeVarInt(t.memberOfRank().length, true);
            for (String m : t.memberOfRank()) {
                out.writeString(m);
            }
            out.writeVarInt(t.state().length, true);
            out.writeBytes(t.state());
            out.writeVarLong(t.timeoutMillis(), true);
        }

        @Override
        public Ticket read(Kryo kryo, Input in, Class<? extends Ticket> type) {
            String run = in.readString();
            String config = in.readString();
            int n = in.readVarInt(true);
            List<String> overrides = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                overrides.add(in.readString());
            }
            int[] grid = in.readInts(3);
            String[] members = new String[in.readVarInt(true)];
            for (int k = 0; k < members.length; k++) {
                members[k] = in.readString();
            }
            byte[] state = in.readBytes(in.readVarInt(true));
            long timeout = in.readVarLong(true);
            return new Ticket(run, config, List.copyOf(overrides), grid, members, state, timeout);
        }
    }
}
