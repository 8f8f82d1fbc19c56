package org.dendrite.partition.hazelcast;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;

/**
 * A standalone Hazelcast member for decomposed runs, from a YAML file such as
 * {@code conf/hazelcast.yaml}: {@code HazelcastMemberMain <config.yaml> [port]}. The optional port
 * overrides the file's (several members of one machine share one file). It waits for
 * {@value HazelcastCluster#EXPECTED_MEMBERS} members at most {@value HazelcastCluster#JOIN_TIMEOUT}
 * seconds (exit code 2 with the reason otherwise), then runs until stopped.
 */
public final class HazelcastMemberMain {
    private HazelcastMemberMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: HazelcastMemberMain <hazelcast.yaml> [port]");
            System.exit(64);
        }
        Config config = HazelcastCluster.load(Path.of(args[0]));
        if (args.length == 2) {
            config.getNetworkConfig().setPort(Integer.parseInt(args[1]));
        }
        int expected = HazelcastCluster.expectedMembers(config, 1);
        Duration joinTimeout = HazelcastCluster.seconds(config, HazelcastCluster.JOIN_TIMEOUT, Duration.ofSeconds(60));
        HazelcastInstance hz;
        try {
            hz = HazelcastCluster.join(config, expected, joinTimeout);
        } catch (HazelcastCluster.ClusterFormationException e) {
            System.err.println("dendrite member: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("dendrite member up: cluster '" + config.getClusterName() + "', "
                + hz.getCluster().getLocalMember().getAddress() + ", " + hz.getCluster().getMembers().size() + " members");
        CountDownLatch down = new CountDownLatch(1);
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                down.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> hz.getLifecycleService().shutdown()));
        down.await();
    }
}
