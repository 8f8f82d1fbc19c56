package org.dendrite.driver.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

/**
 * The transports of a decomposed {@code dendrite run}: in-process queues, or Hazelcast members
 * started in this JVM ({@code partition.members}, ranks spread over them round-robin) that wait,
 * bounded by {@code partition.join_timeout_s}, for the expected members including any
 * {@code partition.peers} started elsewhere (submit-scripts/hazelcast-member.sh).
 */
final class PartitionLaunch implements AutoCloseable {
    private final RunConfig.PartitionSpec spec;
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    /** Addresses of members that left the cluster while this job ran (seen by any local member). */
    private final Set<String> departed = ConcurrentHashMap.newKeySet();
    private final String job = UUID.randomUUID().toString().substring(0, 8);

    PartitionLaunch(RunConfig.PartitionSpec spec) {
        this.spec = spec;
    }

    /** Starts the embedded members and waits for the cluster to form; throws a one-line error otherwise. */
    void start() {
        if (!"hazelcast".equals(spec.transport())) {
            return;
        }
        int n = spec.members();
        ports.addAll(spec.port() > 0 ? consecutive(spec.port(), n) : freePorts(spec.bindInterface(), n));
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
            if (failure != null) {
                close();
                throw new IllegalArgumentException("partition.transport=hazelcast: " + failure.getMessage()
                        + " (partition.members=" + n + ", expected_members=" + spec.expectedMembers()
                        + ", join_timeout_s=" + spec.joinTimeoutSeconds() + ")", failure);
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

    /** Ranks that live members host when {@code ranks} ranks are spread over all members round-robin. */
    int ranksOnLiveMembers(int ranks) {
        int n = 0;
        for (int r = 0; r < ranks; r++) {
            if (members.get(r % members.size()).getLifecycleService().isRunning()) {
                n++;
            }
        }
        return n;
    }

    /**
     * One transport per rank (index = rank), ranks round-robin over the live members. Hazelcast
     * transports meet at a rendezvous, so they are made together.
     */
    Transport[] transports(int ranks) {
        Duration timeout = Duration.ofMillis(Math.round(spec.timeoutSeconds() * 1000));
        if (!"hazelcast".equals(spec.transport())) {
            return InProcessTransport.group(ranks, timeout);
        }
        String run = "run-" + UUID.randomUUID().toString().substring(0, 8);
        List<HazelcastInstance> hosts = live();
        if (hosts.isEmpty()) {
            throw new IllegalStateException("no embedded Hazelcast member of this job is running");
        }
        ExecutorService pool = Executors.newFixedThreadPool(ranks, daemon("hazelcast-rank"));
        Transport[] t = new Transport[ranks];
        try {
            List<Future<HazelcastTransport>> f = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                int rank = r;
                HazelcastInstance m = hosts.get(r % hosts.size());
                f.add(pool.submit(() -> new HazelcastTransport(m, run, rank, ranks, timeout)));
            }
            for (int r = 0; r < ranks; r++) {
                t[r] = f.get(r).get();
            }
            return t;
        } catch (InterruptedException | ExecutionException e) {
            closeAll(t);
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Hazelcast transports of run " + run + " did not start: " + c.getMessage(), c);
        } finally {
            pool.shutdown();
        }
    }

    /** Addresses of the embedded members (for run.json). */
    List<String> memberAddresses() {
        List<String> a = new ArrayList<>();
        for (int p : ports) {
            a.add(spec.bindInterface() + ":" + p);
        }
        return a;
    }

    static void closeAll(Transport[] t) {
        for (Transport x : t) {
            if (x != null) {
                x.close();
            }
        }
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

    /** Free ports on the interface: other sessions on the machine may run Hazelcast on the default ports. */
    private static List<Integer> freePorts(String iface, int n) {
        List<ServerSocket> held = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            InetAddress addr = InetAddress.getByName(iface);
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, addr);
                held.add(s);
                ports.add(s.getLocalPort());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("partition.interface: cannot bind to " + iface + ": " + e.getMessage(), e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // The port is released either way.
                }
            }
        }
        return ports;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
