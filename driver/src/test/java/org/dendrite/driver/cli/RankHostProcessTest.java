package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dendrite.md.state.RestartFile;
import org.dendrite.partition.hazelcast.HazelcastCluster;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: ranks hosted by a member in another JVM ({@code dendrite member}, what
 * submit-scripts/hazelcast-member.sh starts), and the loss of that JVM by kill -9 in the middle of a
 * 4-domain, 2-JVM run.
 */
class RankHostProcessTest {

    /** A `dendrite member` JVM on loopback, hosting ranks; killed (SIGKILL) when closed. */
    static final class MemberJvm implements AutoCloseable {
        final Process process;
        final Path log;
        final int port;

        MemberJvm(Path dir, String cluster, int port, int coordinatorPort) throws IOException, InterruptedException {
            this.port = port;
            Path yaml = dir.resolve("member.yaml");
            Files.writeString(yaml, String.join("\n",
                    "hazelcast:",
                    "  cluster-name: " + cluster,
                    "  network:",
                    "    port: {port: " + port + ", auto-increment: false}",
                    "    interfaces: {enabled: true, interfaces: [127.0.0.1]}",
                    "    join:",
                    "      multicast: {enabled: false}",
                    "      auto-detection: {enabled: false}",
                    "      tcp-ip: {enabled: true, connection-timeout-seconds: 2, member-list: [127.0.0.1:" + port
                            + ", 127.0.0.1:" + coordinatorPort + "]}",
                    "  properties:",
                    "    dendrite.expected.members: 1",
                    "    dendrite.join.timeout.seconds: 30",
                    ""), StandardCharsets.UTF_8);
            log = dir.resolve("member.log");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx1g");
            for (String flag : System.getProperty("dendrite.test.jvm.flags", "").split("\\s+")) {
                if (!flag.isBlank()) {
                    cmd.add(flag);
                }
            }
            cmd.add("-Dhazelcast.phone.home.enabled=false");
            cmd.add("-Dhazelcast.logging.type=none");
            cmd.add("-cp");
            cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            cmd.add(Main.class.getName());
            cmd.add("member");
            cmd.add(yaml.toString());
            process = new ProcessBuilder(cmd).directory(new File(".")).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!logText().contains("dendrite member up")) {
                assertTrue(process.isAlive() && System.nanoTime() < deadline, "member JVM did not start: " + logText());
                Thread.sleep(50);
            }
        }

        String logText() throws IOException {
            return Files.exists(log) ? Files.readString(log) : "";
        }

        /** kill -9: no shutdown hook, no goodbye to the cluster. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            kill();
        }
    }

    static String[] coordinator(String cluster, int port, int memberPort) {
        return new String[] {"--set", "partition.domains=2x2x1", "--set", "partition.transport=hazelcast",
            "--set", "partition.rank_hosts=1", "--set", "partition.cluster_name=" + cluster,
            "--set", "partition.port=" + port, "--set", "partition.peers=[127.0.0.1:" + memberPort + "]",
            "--set", "partition.timeout_s=60"};
    }

    static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static double maxPositionDifference(SimulationState a, SimulationState b) {
        assertEquals(a.atoms.nlocal, b.atoms.nlocal, "atom count");
        double worst = 0;
        for (int i = 0; i < 3 * a.atoms.nlocal; i++) {
            assertEquals(a.atoms.id[i / 3], b.atoms.id[i / 3], "atom-id order");
            worst = Math.max(worst, Math.abs(a.atoms.x[i] - b.atoms.x[i]));
        }
        return worst;
    }

    @Test
    @DisplayName("4 domains with ranks 1 and 3 in a `dendrite member` JVM end where the same run on 4 in-process "
            + "domains ends (positions 1e-8 Å), with every atom")
    void ranksInAnotherJvmEqualInProcess(@TempDir Path tmp) throws Exception {
        Path cfg = MemberLossRecoveryTest.config(tmp);
        int[] ports = HazelcastCluster.freePorts("127.0.0.1", 2).stream().mapToInt(Integer::intValue).toArray();
        String cluster = "hosted-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path hosted = tmp.resolve("hosted");
        try (MemberJvm member = new MemberJvm(tmp, cluster, ports[0], ports[1])) {
            CliRunner.Result r = CliRunner.run(concat(new String[] {"run", cfg.toString(), "--out", hosted.toString()},
                    coordinator(cluster, ports[1], ports[0])));
            assertEquals(0, r.exitCode(), r.err() + "\nmember log:\n" + member.logText());
            assertTrue(member.logText().contains("ranks [1, 3] of 4"), member.logText());
            // The member logs after its ranks closed their transports, which may be just after rank 0 returned.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!member.logText().contains("finished") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(member.logText().contains("finished"), member.logText());
        }
        Path local = tmp.resolve("local");
        CliRunner.Result rl = CliRunner.run("run", cfg.toString(), "--out", local.toString(),
                "--set", "partition.domains=2x2x1");
        assertEquals(0, rl.exitCode(), rl.err());
        double worst = maxPositionDifference(RestartFile.read(local.resolve("restart/latest.restart")),
                RestartFile.read(hosted.resolve("restart/latest.restart")));
        System.out.printf("ranks in another JVM vs in-process, 60 steps on 2x2x1: max |dx| %.3g A%n", worst);
        assertTrue(worst <= 1e-8, "positions differ by " + worst + " A");
        assertEquals(Files.readAllLines(local.resolve("thermo.csv")), Files.readAllLines(hosted.resolve("thermo.csv")),
                "thermo rows");
    }

    @Test
    @DisplayName("kill -9 of the member JVM hosting ranks 1 and 3 of a 4-domain run: the run restores the last "
            + "checkpoint on the surviving JVM, finishes with every atom and the total charge, one thermo row per step, "
            + "and ends where a run restarted from that checkpoint on the same grid ends (1e-8 Å)")
    void killNineOfRankHostJvmRecovers(@TempDir Path tmp) throws Exception {
        Path cfg = MemberLossRecoveryTest.config(tmp);
        int[] ports = HazelcastCluster.freePorts("127.0.0.1", 2).stream().mapToInt(Integer::intValue).toArray();
        String cluster = "kill9-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path lost = tmp.resolve("lost");
        CliRunner.Result r;
        AtomicLong killedAfterCheckpoint = new AtomicLong(-1);
        try (MemberJvm member = new MemberJvm(tmp, cluster, ports[0], ports[1])) {
            // Kill the member as soon as the first checkpoint (step 20) is on disk: the run is then mid-way.
            Thread killer = new Thread(() -> {
                Path ck = tmp.resolve("lost.partial/checkpoint/latest.restart");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                try {
                    while (!Files.exists(ck) && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    if (Files.exists(ck)) {
                        member.kill();
                        killedAfterCheckpoint.set(20);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            r = CliRunner.run(concat(new String[] {"run", cfg.toString(), "--out", lost.toString()},
                    coordinator(cluster, ports[1], ports[0])));
            killer.join();
            assertEquals(0, r.exitCode(), r.err() + "\nmember log:\n" + member.logText());
        }
        assertEquals(20, killedAfterCheckpoint.get(), "the member JVM was killed after the first checkpoint");
        assertTrue(r.err().contains("Member loss"), r.err());
        String json = Files.readString(lost.resolve("run.json"));
        Matcher restored = Pattern.compile("\"restored_step\": ([0-9]+)").matcher(json);
        assertTrue(restored.find(), json);
        long from = Long.parseLong(restored.group(1));
        assertTrue(from == 20 || from == 40, "restored from step " + from);
        Matcher m = Pattern.compile("\"grid_after\": \"([0-9x]+)\"").matcher(json);
        assertTrue(m.find(), json);
        String gridAfter = m.group(1);
        assertTrue(json.contains("\"domains_after\": 2"), json);
        assertTrue(json.contains("\"outputs_joined_across_losses\": \"all\""), json);

        SimulationState start = RestartFile.read(lost.resolve("checkpoint/restored-step-" + from + ".restart"));
        SimulationState end = RestartFile.read(lost.resolve("restart/latest.restart"));
        assertEquals(60, end.step);
        assertEquals(start.atoms.nlocal, end.atoms.nlocal, "no atom lost");
        assertEquals(MemberLossRecoveryTest.sumCharge(start), MemberLossRecoveryTest.sumCharge(end), 1e-10, "charge");
        List<String> steps = new ArrayList<>();
        for (String row : Files.readAllLines(lost.resolve("thermo.csv")).subList(1,
                Files.readAllLines(lost.resolve("thermo.csv")).size())) {
            steps.add(row.split(",")[0]);
        }
        assertEquals(List.of("0", "10", "20", "30", "40", "50", "60"), steps, "thermo.csv reads as one run");

        Path straight = tmp.resolve("straight");
        CliRunner.Result rs = CliRunner.run("run", cfg.toString(), "--out", straight.toString(),
                "--restart", lost.resolve("checkpoint/restored-step-" + from + ".restart").toString(),
                "--set", "partition.domains=" + gridAfter);
        assertEquals(0, rs.exitCode(), rs.err());
        double worst = maxPositionDifference(RestartFile.read(straight.resolve("restart/latest.restart")), end);
        System.out.printf("kill -9 of the rank-host JVM: restored step %d, grid after %s; final positions vs restart "
                + "from that checkpoint: %.3g A%n", from, gridAfter, worst);
        assertTrue(worst <= 1e-8, "positions differ by " + worst + " A");
    }
}
