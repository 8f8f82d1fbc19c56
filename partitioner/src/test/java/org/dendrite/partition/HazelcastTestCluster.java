package org.dendrite.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dendrite.partition.comm.Transport;
import org.dendrite.partition.hazelcast.HazelcastCluster;
import org.dendrite.partition.hazelcast.HazelcastTransport;

import com.hazelcast.core.HazelcastInstance;

/**
 * Embedded Hazelcast members on 127.0.0.1 for tests, on free ports (other sessions on this machine
 * may run Hazelcast too, so fixed ports could collide).
 */
final class HazelcastTestCluster implements AutoCloseable {
    final String name;
    final List<Integer> ports;
    final HazelcastInstance[] members;

    /** Starts {@code n} members of cluster {@code name}, all started concurrently, each waiting for all. */
    HazelcastTestCluster(String name, int n) {
        this.name = name;
        this.ports = freePorts(n);
        this.members = new HazelcastInstance[n];
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<HazelcastInstance>> f = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int port = ports.get(i);
                f.add(pool.submit(() -> HazelcastCluster.join(
                        HazelcastCluster.config(name, "127.0.0.1", port, memberList(ports)), n, Duration.ofSeconds(30))));
            }
            for (int i = 0; i < n; i++) {
                members[i] = f.get(i).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            close();
            throw new IllegalStateException("test cluster did not start: " + e, e);
        } finally {
            pool.shutdown();
        }
    }

    static List<String> memberList(List<Integer> ports) {
        List<String> m = new ArrayList<>();
        for (int p : ports) {
            m.add("127.0.0.1:" + p);
        }
        return m;
    }

    static List<Integer> freePorts(int n) {
        return HazelcastCluster.freePorts("127.0.0.1", n);
    }

    /**
     * One transport per rank of run {@code run}; rank r on member r mod (members used). The
     * constructors wait for each other (rendezvous), so they are created concurrently.
     */
    Transport[] transports(String run, int ranks, int membersUsed, Duration timeout) {
        HazelcastInstance[] on = new HazelcastInstance[ranks];
        for (int r = 0; r < ranks; r++) {
            on[r] = members[r % membersUsed];
        }
        return HazelcastTransport.group(run, on, timeout);
    }

    @Override
    public void close() {
        for (HazelcastInstance m : members) {
            if (m != null) {
                m.getLifecycleService().terminate();
            }
        }
    }
}
