package org.dendrite.driver.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import org.dendrite.driver.config.RunConfig;
import org.dendrite.partition.comm.InProcessTransport;
import org.dendrite.partition.comm.Transport;
import org.dendrite.partition.hazelcast.HazelcastCluster;
import org.dendrite.partition.hazelcast.HazelcastTransport;
import org.dendrite.partition.hazelcast.RankHosts;

/**
 * The transports of a decomposed {@code dendrite run}: in-process queues, or Hazelcast members
 * started in this JVM ({@code partition.members}) that wait, bounded by
 * {@code partition.join_timeout_s}, for the expected members including any {@code partition.peers}
 * started elsewhere (submit-scripts/hazelcast-member.sh) and for {@code partition.rank_hosts} of
 * those to offer to host ranks ({@link RankHosts}). Ranks go round-robin over this JVM's members,
 * then the rank hosts.
 */
final class PartitionLaunch implements AutoCloseable {
    private final RunConfig.PartitionSpec spec;
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    /** Addresses of members that left the cluster while this job ran (seen by any local member). */
    private final Set<String> departed = ConcurrentHashMap.newKeySet();
    private final String job = UUID.randomUUID().toString().substring(0, 8);
    /** Member UUID of every rank in the last attempt (Hazelcast only). */
    private volatile String[] placement;
    /** This JVM's members by UUID. */
    private final java.util.Map<String, HazelcastInstance> byUuid = new ConcurrentHashMap<>();

    PartitionLaunch(RunConfig.PartitionSpec spec) {
        this.spec = spec;
    }

    /** Starts the embedded members and waits for the cluster to form; throws a one-line error otherwise. */
    void start() {
        if (!"hazelcast".equals(spec.transport())) {
            return;
        }
        int n = spec.members();
        if (spec.port() > 0) {
            ports.addAll(consecutive(spec.port(), n));
        } else {
            try {
                ports.addAll(HazelcastCluster.freePorts(spec.bindInterface(), n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("partition.interface: " + e.getMessage(), e);
            }
        }
        List<String> list = new ArrayList<>();
        for (int p : ports) {
            list.add(spec.bindInterface() + ":" + p);
        }
        list.addAll(spec.peers());
        Duration join = Duration.ofMillis(Math.round(spec.joinTimeoutSeconds() * 1000));
        ExecutorService pool = Executors.newFixedThreadPool(n, daemon("hazelcast-join"));
        try {
            // Every member waits for all the others, so they are started together.
            List<Future<HazelcastInstance>> f = new ArrayList<>();
            for (int p : ports) {
                Config c = HazelcastCluster.config(spec.clusterName(), spec.bindInterface(), p, list);
                if (System.getProperty("hazelcast.logging.type") == null) {
                    // The CLI reports formation problems itself, in one line; Hazelcast's INFO log would bury it.
                    c.setProperty("hazelcast.logging.type", "none");
                }
                f.add(pool.submit(() -> HazelcastCluster.join(c, spec.expectedMembers(), join)));
            }
            RuntimeException failure = null;
            for (Future<HazelcastInstance> x : f) {
                try {
                    members.add(x.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
            }
            for (HazelcastInstance m : members) {
                byUuid.put(m.getCluster().getLocalMember().getUuid().toString(), m);
                m.getCluster().addMembershipListener(new MembershipListener() {
                    @Override
                    public void memberAdded(MembershipEvent e) {
                        // A joining member changes nothing for a running job.
                    }

                    @Override
                    public void memberRemoved(MembershipEvent e) {
                        departed.add(String.valueOf(e.getMember().getAddress()));
                    }
                });
            }
            if (failure == null && spec.rankHosts() > 0) {
                try {
                    RankHosts.await(members.get(0), spec.rankHosts(), join);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                close();
                throw new IllegalArgumentException("partition.transport=hazelcast: " + failure.getMessage()
                        + " (partition.members=" + n + ", expected_members=" + spec.expectedMembers()
                        + ", rank_hosts=" + spec.rankHosts() + ", join_timeout_s=" + spec.joinTimeoutSeconds() + ")",
                        failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while the Hazelcast members were joining", e);
        } finally {
            pool.shutdown();
        }
    }

    /** Whether this job uses Hazelcast members. */
    boolean hazelcast() {
        return "hazelcast".equals(spec.transport());
    }

    /** Embedded members still running. */
    List<HazelcastInstance> live() {
        List<HazelcastInstance> l = new ArrayList<>();
        for (HazelcastInstance m : members) {
            if (m.getLifecycleService().isRunning()) {
                l.add(m);
            }
        }
        return l;
    }

    /** Embedded members started by this job (running or not). */
    int memberCount() {
        return members.size();
    }

    /** Addresses of the members that left the cluster so far. */
    List<String> departed() {
        return new ArrayList<>(departed);
    }

    /** The job's checkpoint IMap as seen by its first live member, or null (in-process, or no member left). */
    IMap<String, byte[]> checkpointMap() {
        List<HazelcastInstance> l = live();
        return l.isEmpty() ? null : l.get(0).getMap("dendrite-checkpoint-" + job);
    }

    /**
     * Fault injection ({@code partition.inject_member_loss_at_step}): terminates the last embedded
     * member at once (no graceful shutdown, as a crash), recording its address.
     */
    void terminateLast() {
        HazelcastInstance m = members.get(members.size() - 1);
        if (m.getLifecycleService().isRunning()) {
            departed.add(String.valueOf(m.getCluster().getLocalMember().getAddress()));
            m.getLifecycleService().terminate();
        }
    }

    /**
     * Ranks whose member is still in the cluster, for the placement of the last attempt (ranks
     * round-robin over this JVM's members, then the rank hosts).
     */
    int ranksOnLiveMembers(int ranks) {
        List<HazelcastInstance> l = live();
        if (placement == null || l.isEmpty()) {
            return 0;
        }
        Set<String> present = new java.util.HashSet<>();
        for (Member m : l.get(0).getCluster().getMembers()) {
            present.add(m.getUuid().toString());
        }
        int n = 0;
        for (String uuid : placement) {
            // An embedded member terminated here may linger in a survivor's view for a moment; its own
            // lifecycle is the truth. A member of another JVM is alive while the cluster lists it.
            HazelcastInstance own = byUuid.get(uuid);
            n += (own != null ? own.getLifecycleService().isRunning() : present.contains(uuid)) ? 1 : 0;
        }
        return n;
    }

    /** A fresh name for one attempt of the run: the namespace of its queues, rendezvous and ticket. */
    String newRunName() {
        return "run-" + job + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Places {@code ranks} ranks round-robin over this JVM's live members, then the live rank hosts
     * ({@code partition.rank_hosts}); returns the member UUID of every rank (null for in-process
     * runs). Rank 0 is always on this JVM's first live member: it writes the outputs.
     */
    String[] place(int ranks) {
        if (!hazelcast()) {
            return null;
        }
        List<HazelcastInstance> hosts = live();
        if (hosts.isEmpty()) {
            throw new IllegalStateException("no embedded Hazelcast member of this job is running");
        }
        List<String> uuids = new ArrayList<>();
        for (HazelcastInstance m : hosts) {
            uuids.add(m.getCluster().getLocalMember().getUuid().toString());
        }
        if (spec.rankHosts() > 0) {
            for (Member m : RankHosts.live(hosts.get(0))) {
                uuids.add(m.getUuid().toString());
            }
        }
        String[] p = new String[ranks];
        for (int r = 0; r < ranks; r++) {
            p[r] = uuids.get(r % uuids.size());
        }
        placement = p;
        return p;
    }

    /** Whether {@code placement} puts any rank on a member of another JVM. */
    boolean remote(String[] placement) {
        if (placement == null) {
            return false;
        }
        for (String uuid : placement) {
            if (embedded(uuid) == null) {
                return true;
            }
        }
        return false;
    }

    /** The first live embedded member (to publish tickets and read the checkpoint map). */
    HazelcastInstance firstLive() {
        List<HazelcastInstance> l = live();
        if (l.isEmpty()) {
            throw new IllegalStateException("no embedded Hazelcast member of this job is running");
        }
        return l.get(0);
    }

    /** The live embedded member with this UUID, or null (another JVM's member, or terminated). */
    private HazelcastInstance embedded(String uuid) {
        HazelcastInstance m = byUuid.get(uuid);
        return m != null && m.getLifecycleService().isRunning() ? m : null;
    }

    /**
     * One transport per rank (index = rank) for the ranks this JVM hosts, null for ranks hosted
     * elsewhere. In-process: every rank, {@code placement} null. Hazelcast transports meet at a
     * rendezvous, so they are made together.
     */
    Transport[] transports(String run, int ranks, String[] placement) {
        Duration timeout = Duration.ofMillis(Math.round(spec.timeoutSeconds() * 1000));
        if (!"hazelcast".equals(spec.transport())) {
            return InProcessTransport.group(ranks, timeout);
        }
        HazelcastInstance[] on = new HazelcastInstance[ranks];
        for (int r = 0; r < ranks; r++) {
            on[r] = embedded(placement[r]);
        }
        return HazelcastTransport.group(run, on, timeout);
    }

    /** Addresses of the embedded members (for run.json). */
    List<String> memberAddresses() {
        List<String> a = new ArrayList<>();
        for (int p : ports) {
            a.add(spec.bindInterface() + ":" + p);
        }
        return a;
    }

    @Override
    public void close() {
        for (HazelcastInstance m : members) {
            m.getLifecycleService().terminate();
        }
        members.clear();
    }

    private static List<Integer> consecutive(int first, int n) {
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add(first + i);
        }
        return p;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
