package org.dendrite.driver.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;

import org.dendrite.driver.config.RunConfig;
import org.dendrite.driver.run.RunJob;
import org.dendrite.partition.hazelcast.HazelcastCluster;
import org.dendrite.partition.hazelcast.HazelcastTransport;
import org.dendrite.partition.hazelcast.RankHosts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dendrite member}: a standalone Hazelcast member (what {@code submit-scripts/hazelcast-member.sh}
 * starts) that also hosts ranks of decomposed runs, as an MPI process does: a {@code dendrite run}
 * with {@code partition.rank_hosts} places ranks on it and publishes a ticket ({@link RankHosts}); the
 * member builds the run from the same config path and runs its ranks until the run ends, then waits
 * for the next one. It runs until stopped (SIGTERM / Ctrl-C: graceful shutdown).
 */
@Command(name = "member", mixinStandardHelpOptions = true,
        description = {"Starts a Hazelcast member from a YAML file (conf/hazelcast.yaml is the template),",
            "waits for dendrite.expected.members to join (at most dendrite.join.timeout.seconds),",
            "then hosts ranks of decomposed runs that ask for rank hosts (partition.rank_hosts)",
            "until stopped. The run configs and their input files must be readable at the same",
            "paths as on the machine that runs `dendrite run`."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:bad configuration, or the cluster did not form in time"})
public final class MemberCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Parameters(index = "0", paramLabel = "HAZELCAST.yaml", description = "Member configuration (conf/hazelcast.yaml).")
    Path config;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port of this member (overrides the file's; several members of one machine share one file).")
    Integer port;

    @Option(names = "--no-ranks", description = "Only store data (checkpoint backups, queues); host no ranks.")
    boolean noRanks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HazelcastInstance hz;
        try {
            Config c = HazelcastCluster.load(config);
            if (port != null) {
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("--port must be from 1 to 65535, got " + port);
                }
                c.getNetworkConfig().setPort(port);
            }
            int expected = HazelcastCluster.expectedMembers(c, 1);
            Duration join = HazelcastCluster.seconds(c, HazelcastCluster.JOIN_TIMEOUT, Duration.ofSeconds(60));
            hz = HazelcastCluster.join(c, expected, join);
        } catch (RuntimeException e) {
            throw new CliFailure(CliFailure.BAD_INPUT, "member: " + Main.oneLine(e.getMessage()), e);
        }
        String self = String.valueOf(hz.getCluster().getLocalMember().getAddress());
        out.println("dendrite member up: cluster '" + hz.getConfig().getClusterName() + "', " + self + ", "
                + hz.getCluster().getMembers().size() + " members" + (noRanks ? "" : "; hosting ranks"));
        out.flush();
        ExecutorService runs = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dendrite-hosted-run");
            t.setDaemon(true);
            return t;
        });
        if (!noRanks) {
            RankHosts.listen(hz, ticket -> runs.submit(() -> host(ticket, hz, self, out, err)));
            RankHosts.register(hz);
        }
        CountDownLatch down = new CountDownLatch(1);
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                down.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> hz.getLifecycleService().shutdown()));
        down.await();
        runs.shutdownNow();
        return 0;
    }

    /** Runs this member's ranks of one ticket; a failure is logged and aborts the run for every rank. */
    private static void host(RankHosts.Ticket ticket, HazelcastInstance hz, String self, PrintWriter out,
                             PrintWriter err) {
        int[] mine = ticket.ranksOf(hz.getCluster().getLocalMember().getUuid());
        String what = "ranks " + Arrays.toString(mine) + " of " + ticket.memberOfRank().length + " of run "
                + ticket.run() + " (" + ticket.configPath() + ")";
        log(out, what + ": started");
        long t0 = System.nanoTime();
        try {
            RunConfig cfg = RunCommand.loadConfig(Path.of(ticket.configPath()), ticket.overrides());
            try (RunJob job = new RunJob(cfg, null, List.of("dendrite", "member", "(hosted ranks)"), out, err)) {
                job.hostRanks(ticket, hz);
            }
            log(out, String.format(java.util.Locale.ROOT, "%s: finished in %.1f s", what, (System.nanoTime() - t0) * 1e-9));
        } catch (Throwable e) {
            String reason = Errors.describe(e);
            log(err, what + ": failed: " + reason);
            try {
                HazelcastTransport.abortRun(hz, ticket.run(), "rank host " + self + ": " + reason);
            } catch (RuntimeException gone) {
                // The cluster is going away; the coordinator sees the member loss instead.
            }
        }
    }

    private static void log(PrintWriter w, String line) {
        synchronized (w) {
            w.println(LocalTime.now().format(CLOCK) + " " + line);
            w.flush();
        }
    }
}
