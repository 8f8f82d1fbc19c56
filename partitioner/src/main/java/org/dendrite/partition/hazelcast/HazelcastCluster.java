package org.dendrite.partition.hazelcast;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.QueueConfig;
import com.hazelcast.config.YamlConfigBuilder;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Starting Hazelcast members for a decomposed run, with the rules of issue 5: cluster name from the
 * configuration; bind only to the configured interface; TCP-IP join with an explicit member list
 * (multicast and auto-detection off); no phone-home; and a bounded wait for the expected number of
 * members that ends in an error naming how many joined, never a hang.
 *
 * <p>Dendrite's own settings travel as Hazelcast {@code properties} (Hazelcast ignores unknown
 * ones), so {@code conf/hazelcast.yaml} stays a plain Hazelcast file:
 * {@value #EXPECTED_MEMBERS}, {@value #JOIN_TIMEOUT} (s) and {@value #RECEIVE_TIMEOUT} (s).
 */
public final class HazelcastCluster {
    /** IMaps holding a run's checkpoints (whole state as restart-file bytes), one synchronous backup. */
    public static final String CHECKPOINT_MAPS = "dendrite-checkpoint-*";
    public static final String EXPECTED_MEMBERS = "dendrite.expected.members";
    public static final String JOIN_TIMEOUT = "dendrite.join.timeout.seconds";
    public static final String RECEIVE_TIMEOUT = "dendrite.receive.timeout.seconds";
    /** Queues of halo messages: transient (a lost member fails the run), so no backups. */
    static final String HALO_QUEUES = "dendrite-halo-*";

    private HazelcastCluster() {
    }

    /**
     * A member configuration on one interface: {@code port} for this member and the full member
     * list {@code host:port} (Hazelcast rejects port ranges in member strings).
     */
    public static Config config(String clusterName, String bindInterface, int port, List<String> members) {
        Config c = new Config();
        c.setClusterName(clusterName);
        NetworkConfig net = c.getNetworkConfig();
        net.setPort(port).setPortAutoIncrement(false);
        net.getInterfaces().setEnabled(true).addInterface(bindInterface);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(new ArrayList<>(members)).setConnectionTimeoutSeconds(2);
        return enforce(c);
    }

    /** Reads a Hazelcast YAML configuration (e.g. {@code conf/hazelcast.yaml}) and applies {@link #enforce}. */
    public static Config load(Path yaml) {
        if (!Files.isRegularFile(yaml)) {
            throw new IllegalArgumentException("Hazelcast configuration " + yaml + " does not exist");
        }
        try {
            Config c = new YamlConfigBuilder(yaml.toString()).build();
            JoinConfig join = c.getNetworkConfig().getJoin();
            if (join.getMulticastConfig().isEnabled() || !join.getTcpIpConfig().isEnabled()) {
                throw new IllegalArgumentException(yaml + ": network.join must use tcp-ip with an explicit member list "
                        + "and multicast disabled");
            }
            if (!c.getNetworkConfig().getInterfaces().isEnabled()
                    || c.getNetworkConfig().getInterfaces().getInterfaces().isEmpty()) {
                throw new IllegalArgumentException(yaml + ": network.interfaces must be enabled and name the interface "
                        + "the members bind to");
            }
            return enforce(c);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read Hazelcast configuration " + yaml + ": " + e.getMessage(), e);
        }
    }

    /** The settings every dendrite member gets whatever the file says. */
    static Config enforce(Config c) {
        // Bind only to the configured interface; never report home; do not wait 5 s before joining.
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        c.getJetConfig().setEnabled(false);
        c.addQueueConfig(new QueueConfig(HALO_QUEUES).setBackupCount(0).setAsyncBackupCount(0));
        // Checkpoints must outlive one member: one synchronous backup (a put returns once the backup
        // member has it), no asynchronous one.
        c.addMapConfig(new MapConfig(CHECKPOINT_MAPS).setBackupCount(1).setAsyncBackupCount(0));
        return c;
    }

    /** {@value #EXPECTED_MEMBERS} from the configuration, else {@code fallback}. */
    public static int expectedMembers(Config c, int fallback) {
        String v = c.getProperty(EXPECTED_MEMBERS);
        return v == null ? fallback : Integer.parseInt(v.trim());
    }

    /** A duration property in seconds, else {@code fallback}. */
    public static Duration seconds(Config c, String key, Duration fallback) {
        String v = c.getProperty(key);
        return v == null ? fallback : Duration.ofMillis(Math.round(1000 * Double.parseDouble(v.trim())));
    }

    /**
     * Starts a member and waits until the cluster has {@code expected} members and its partitions
     * are assigned and safe. On timeout the member is shut down and a {@link ClusterFormationException}
     * says how many of how many joined and, when a listed address answers without having joined,
     * that it is probably a member with another cluster name.
     */
    public static HazelcastInstance join(Config config, int expected, Duration timeout) {
        if (expected < 1) {
            throw new IllegalArgumentException("expected members must be >= 1, got " + expected);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        try {
            while (hz.getCluster().getMembers().size() < expected) {
                if (System.nanoTime() > deadline) {
                    throw formationError(hz, config, expected, timeout);
                }
                sleep(20);
            }
            // Partition owners must be settled before ranks pick the partitions of their queues.
            while (!hz.getPartitionService().isClusterSafe()) {
                if (System.nanoTime() > deadline) {
                    throw new ClusterFormationException(String.format("cluster '%s' has %d members but its partitions "
                            + "were not safe within %.1f s", config.getClusterName(), expected, seconds(timeout)));
                }
                sleep(20);
            }
            hz.getPartitionService().getPartition("warm-up").getOwner();
            return hz;
        } catch (RuntimeException e) {
            hz.getLifecycleService().terminate();
            throw e;
        }
    }

    private static ClusterFormationException formationError(HazelcastInstance hz, Config config, int expected,
            Duration timeout) {
        Set<String> joined = new TreeSet<>();
        for (Member m : hz.getCluster().getMembers()) {
            joined.add(m.getAddress().getHost() + ":" + m.getAddress().getPort());
        }
        StringBuilder sb = new StringBuilder(String.format(
                "only %d of %d expected members joined cluster '%s' within %.1f s (joined: %s)",
                joined.size(), expected, config.getClusterName(), seconds(timeout), joined));
        List<String> strangers = new ArrayList<>();
        for (String listed : config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()) {
            int colon = listed.lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            String host = listed.substring(0, colon).trim();
            int port = Integer.parseInt(listed.substring(colon + 1).trim());
            if (!joined.contains(host + ":" + port) && answers(host, port)) {
                strangers.add(host + ":" + port);
            }
        }
        if (!strangers.isEmpty()) {
            sb.append("; ").append(strangers).append(" accept connections but did not join: members of another "
                    + "cluster (check that every member's cluster-name is '").append(config.getClusterName())
                    .append("'), or members that formed their own cluster before this one answered (start members "
                    + "together, or raise the join timeout)");
        } else {
            sb.append("; no other listed member answers: start them, or check the member list and interface");
        }
        return new ClusterFormationException(sb.toString());
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /**
     * {@code n} ports free on {@code iface} now (other sessions on a machine may run Hazelcast on
     * the default ports). Throws IllegalArgumentException "cannot bind to IFACE: reason".
     */
    public static List<Integer> freePorts(String iface, int n) {
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
            throw new IllegalArgumentException("cannot bind to " + iface + ": " + e.getMessage(), e);
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

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterFormationException("interrupted while waiting for the Hazelcast cluster to form");
        }
    }

    /** The cluster did not form as configured within the join timeout. */
    public static final class ClusterFormationException extends RuntimeException {
        public ClusterFormationException(String message) {
            super(message);
        }
    }
}
