package org.dendrite.driver.ensemble;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;

import org.apache.spark.BarrierTaskContext;
import org.dendrite.driver.cli.RunCommand;
import org.dendrite.driver.config.RunConfig;
import org.dendrite.driver.run.RunDirectory;
import org.dendrite.driver.run.RunJob;
import org.dendrite.partition.comm.Transport;
import org.dendrite.partition.hazelcast.HazelcastCluster;
import org.dendrite.partition.hazelcast.HazelcastTransport;

/**
 * One multi-domain member as a Spark barrier stage: task k hosts rank k. Each task starts an
 * embedded Hazelcast member on its executor's address and a free port, the tasks exchange their
 * {@code host:port} with {@link BarrierTaskContext#allGather} and form a cluster of their own (its
 * name is unique per member, sweep, stage attempt and attempt, so concurrent members never mix),
 * then every task runs its rank of {@link RunJob} over a {@link HazelcastTransport}; task 0 writes
 * the run directory. Attempts are agreed through allGather too: all tasks see every rank's outcome,
 * so they retry (or stop) together.
 */
public final class BarrierMember {
    /** Bound on the cluster formation of one attempt. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    private BarrierMember() {
    }

    /** The barrier task body: one element (the member) in, the result out of task 0 (others: nothing). */
    public static Iterator<MemberResult> run(Iterator<Member> in) throws Exception {
        Member m = in.next();
        BarrierTaskContext ctx = BarrierTaskContext.get();
        int rank = ctx.partitionId();
        int n = ctx.getTaskInfos().length;
        Path dir = Path.of(m.runDir);
        List<String> history = new ArrayList<>();
        String start = "";
        if (rank == 0) {
            start = MemberRunner.isComplete(dir, m.id) ? "reuse" : Integer.toString(
                    MemberRunner.priorAttempts(m, dir, history));
        }
        start = ctx.allGather(start)[0];
        if ("reuse".equals(start)) {
            return rank == 0 ? List.of(MemberRunner.run(m)).iterator() : Collections.emptyIterator();
        }
        MemberResult r = new MemberResult();
        r.id = m.id;
        r.host = MemberRunner.hostName();
        int attempts = Integer.parseInt(start);
        String iface = InetAddress.getByName(hostOf(ctx.getTaskInfos()[rank].address())).getHostAddress();
        while (attempts < m.maxAttempts) {
            attempts++;
            long t0 = System.nanoTime();
            int port = freePort(iface);
            String[] addresses = ctx.allGather(iface + ":" + port);
            String cluster = "dendrite-" + m.id.substring(m.id.length() - 8) + "-" + m.invocation + "-s"
                    + ctx.stageAttemptNumber() + "-a" + attempts;
            RunDirectory[] created = new RunDirectory[1];
            Throwable failure = null;
            HazelcastInstance hz = null;
            Transport transport = null;
            StringWriter logText = new StringWriter();
            PrintWriter log = new PrintWriter(logText);
            try {
                Config c = HazelcastCluster.config(cluster, iface, port, List.of(addresses));
                if (System.getProperty("hazelcast.logging.type") == null) {
                    c.setProperty("hazelcast.logging.type", "none");
                }
                hz = HazelcastCluster.join(c, n, JOIN_TIMEOUT);
                RunConfig cfg = RunCommand.loadConfig(Path.of(m.baseConfig), m.overrideList());
                Transport[] ts = new Transport[n];
                transport = new HazelcastTransport(hz, cluster, rank, n,
                        Duration.ofMillis(Math.round(cfg.partition().timeoutSeconds() * 1000)));
                ts[rank] = transport;
                try (RunJob job = new RunJob(cfg, null, MemberRunner.commandLine(m), log, log)) {
                    job.useTransports(ts);
                    job.prepare();
                    if (rank == 0) {
                        created[0] = RunDirectory.create(dir);
                        MemberRunner.writeMemberJson(m, created[0].path(), "running");
                    }
                    job.run(rank == 0 ? created[0] : null);
                }
            } catch (Throwable e) {
                failure = e;
            }
            FailureClass cls = failure == null ? null : FailureClass.of(failure);
            String[] outcomes = ctx.allGather(failure == null ? "ok"
                    : cls.name() + "|" + MemberRunner.describe(failure, cls));
            // Every rank is past its run now, so the cluster can go.
            if (transport != null) {
                transport.close();
            }
            if (hz != null) {
                hz.getLifecycleService().terminate();
            }
            FailureClass worst = null;
            String reason = "";
            for (String o : outcomes) {
                if (!"ok".equals(o)) {
                    FailureClass c = FailureClass.valueOf(o.substring(0, o.indexOf('|')));
                    // Report bad input over the consequences it has on the other ranks.
                    if (worst == null || (c == FailureClass.BAD_INPUT && worst != FailureClass.BAD_INPUT)) {
                        worst = c;
                        reason = o.substring(o.indexOf('|') + 1);
                    }
                }
            }
            r.wallSeconds = (System.nanoTime() - t0) * 1e-9;
            if (worst == null) {
                if (rank == 0) {
                    Path done = MemberRunner.finish(m, created[0], log);
                    MemberRunner.annotate(done, attempts, r.wallSeconds, history);
                    log.flush();
                    MemberRunner.writeLog(done, logText);
                }
                r.status = MemberResult.COMPLETED;
                r.failureClass = "";
                r.error = "";
                break;
            }
            r.status = MemberResult.FAILED;
            r.failureClass = worst.label();
            r.error = reason;
            history.add(worst.label());
            if (rank == 0) {
                log.flush();
                MemberRunner.writeLog(MemberRunner.setAside(m, dir, created[0], attempts, worst, reason,
                        failure != null ? failure : new IllegalStateException(reason)), logText);
            }
            if (!worst.retryable()) {
                break;
            }
        }
        r.attempts = attempts;
        r.history = String.join(";", history);
        if (r.status == null) {
            r.status = MemberResult.FAILED;
            r.failureClass = FailureClass.ERROR.label();
            r.error = "no attempt left (" + m.maxAttempts + " allowed)";
        }
        return rank == 0 ? List.of(r).iterator() : Collections.emptyIterator();
    }

    static String hostOf(String address) {
        int colon = address.lastIndexOf(':');
        return colon > 0 ? address.substring(0, colon) : address;
    }

    private static int freePort(String iface) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(iface))) {
            return s.getLocalPort();
        }
    }
}
