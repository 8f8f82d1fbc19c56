package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.partition.hazelcast.HazelcastCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dendrite run} on several domains (issue 5, item 5): the same config on 1 domain, on
 * 2x2x1 in-process domains and over Hazelcast gives the same thermo.csv and trajectory (frames in
 * atom-id order), a decomposed restart continues on one domain, and bad partition settings fail
 * with one line and exit 2.
 */
class DecomposedRunCommandTest {

    /** LLZO 192-atom cell replicated 2x2x2 (1536 atoms, 26.5 x 26.5 x 25.4 Å): velocity + 20 NVT steps. */
    static Path config(Path dir, String stagesExtra) throws IOException {
        Path cfg = dir.resolve(stagesExtra.isEmpty() ? "dd.yaml" : "dd-extra.yaml");
        Files.writeString(cfg, String.join("\n",
                "structure: {file: " + CliRunner.LLZO_192 + ", replicate: [2, 2, 2]}",
                "forcefield: " + CliRunner.DU_TETER,
                "threads: 2",
                "seed: 11",
                "output:",
                "  thermo_every_steps: 5",
                "  trajectory: {format: [extxyz], every_steps: 10}",
                "  restart_every_steps: 10",
                "stages:",
                "  - {type: velocity, temperature_K: 600}",
                "  - {type: nvt, steps: 20, timestep_fs: 1.0, temperature_K: 600, tdamp_ps: 0.05}",
                stagesExtra,
                ""), StandardCharsets.UTF_8);
        return cfg;
    }

    static List<double[]> thermoRows(Path run) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(run.resolve("thermo.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] r = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                r[k] = Double.parseDouble(f[k]);
            }
            rows.add(r);
        }
        return rows;
    }

    /** Species and positions of the last frame of an extended XYZ file, as lines split on blanks. */
    static List<String[]> lastFrame(Path xyz) throws IOException {
        List<String> lines = Files.readAllLines(xyz);
        int start = 0;
        int last = -1;
        while (start < lines.size() && !lines.get(start).isBlank()) {
            last = start;
            start += Integer.parseInt(lines.get(start).trim()) + 2;
        }
        int n = Integer.parseInt(lines.get(last).trim());
        List<String[]> atoms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            atoms.add(lines.get(last + 2 + i).trim().split("\\s+"));
        }
        return atoms;
    }

    /** Largest relative thermo difference (all columns, all rows); the step columns must match exactly. */
    static double compareThermo(Path a, Path b) throws IOException {
        List<double[]> ra = thermoRows(a);
        List<double[]> rb = thermoRows(b);
        assertEquals(ra.size(), rb.size(), "thermo.csv row count");
        double worst = 0;
        for (int i = 0; i < ra.size(); i++) {
            assertEquals(ra.get(i)[0], rb.get(i)[0], "step of row " + i);
            for (int k = 1; k < ra.get(i).length; k++) {
                double x = ra.get(i)[k], y = rb.get(i)[k];
                double scale = Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
                worst = Math.max(worst, Math.abs(x - y) / scale);
            }
        }
        return worst;
    }

    /** Largest position difference of the last frames, Å; species per line must agree (same atom order). */
    static double comparePositions(Path a, Path b) throws IOException {
        return comparePositions(a, b, null);
    }

    /** Diagonal of the (orthorhombic) Lattice of the last frame. */
    static double[] lastLattice(Path xyz) throws IOException {
        List<String> lines = Files.readAllLines(xyz);
        String info = null;
        for (String l : lines) {
            if (l.startsWith("Lattice=")) {
                info = l;
            }
        }
        String[] v = info.substring(9, info.indexOf('"', 9)).trim().split("\\s+");
        return new double[] {Double.parseDouble(v[0]), Double.parseDouble(v[4]), Double.parseDouble(v[8])};
    }

    /**
     * As above; with {@code period} non-null differences are taken modulo the cell (minimum image):
     * frames hold positions as the run keeps them (wrapped at neighbour-list rebuilds), so a run
     * continued from a restart, which rebuilds at other steps, may hold an atom one lattice vector away.
     */
    static double comparePositions(Path a, Path b, double[] period) throws IOException {
        List<String[]> fa = lastFrame(a.resolve("traj.extxyz"));
        List<String[]> fb = lastFrame(b.resolve("traj.extxyz"));
        assertEquals(fa.size(), fb.size());
        double worst = 0;
        for (int i = 0; i < fa.size(); i++) {
            assertEquals(fa.get(i)[0], fb.get(i)[0], "species of atom line " + i);
            for (int c = 1; c <= 3; c++) {
                double d = Double.parseDouble(fa.get(i)[c]) - Double.parseDouble(fb.get(i)[c]);
                if (period != null) {
                    d -= period[c - 1] * Math.rint(d / period[c - 1]);
                }
                worst = Math.max(worst, Math.abs(d));
            }
        }
        return worst;
    }

    @Test
    @DisplayName("1 domain, 2x2x1 in-process and 2x1x1 over Hazelcast (2 embedded members) give the same thermo.csv "
            + "(1e-10 relative) and final extxyz positions (1e-8 Å, atom-id order); run.json records the decomposition")
    void decomposedRunsMatchOneDomain(@TempDir Path tmp) throws IOException {
        Path cfg = config(tmp, "");
        Path one = tmp.resolve("one");
        Path four = tmp.resolve("four");
        Path hz = tmp.resolve("hz");
        CliRunner.Result r1 = CliRunner.run("run", cfg.toString(), "--out", one.toString());
        assertEquals(0, r1.exitCode(), r1.err());
        CliRunner.Result r4 = CliRunner.run("run", cfg.toString(), "--out", four.toString(),
                "--set", "partition.domains=2x2x1", "--set", "partition.transport=local");
        assertEquals(0, r4.exitCode(), r4.err());
        CliRunner.Result rh = CliRunner.run("run", cfg.toString(), "--out", hz.toString(),
                "--set", "partition.domains=2x1x1", "--set", "partition.transport=hazelcast",
                "--set", "partition.members=2");
        assertEquals(0, rh.exitCode(), rh.err());

        double thermo4 = compareThermo(one, four);
        double pos4 = comparePositions(one, four);
        double thermoHz = compareThermo(one, hz);
        double posHz = comparePositions(one, hz);
        System.out.printf("1 vs 2x2x1 local: thermo %.3g rel, positions %.3g A; 1 vs 2x1x1 hazelcast: thermo %.3g, "
                + "positions %.3g A%n", thermo4, pos4, thermoHz, posHz);
        assertTrue(thermo4 < 1e-10, "thermo 1 vs 2x2x1: " + thermo4);
        assertTrue(pos4 < 1e-8, "positions 1 vs 2x2x1: " + pos4);
        assertTrue(thermoHz < 1e-10, "thermo 1 vs hazelcast: " + thermoHz);
        assertTrue(posHz < 1e-8, "positions 1 vs hazelcast: " + posHz);

        String json = Files.readString(four.resolve("run.json"));
        for (String key : List.of("\"decomposition\"", "\"grid\": \"2x2x1\"", "\"transport\": \"local\"",
                "\"atoms_per_rank_start\"", "\"atoms_per_rank_end\"", "\"exchange_share_per_rank\"", "\"exchange_s\"")) {
            assertTrue(json.contains(key), "run.json lacks " + key);
        }
        assertTrue(Files.readString(hz.resolve("run.json")).contains("\"members\": 2"));
        assertTrue(r4.err().contains("Exchange"), r4.err());
        assertTrue(Files.isRegularFile(four.resolve("restart/step-20.restart")));
    }

    @Test
    @DisplayName("a 2-domain run's restart (step 10) continued on 1 domain ends where the straight 2-domain and "
            + "1-domain runs end (positions 1e-8 Å modulo the cell, thermo 1e-10 relative)")
    void decomposedRestartContinuesOnOneDomain(@TempDir Path tmp) throws IOException {
        Path cfg = config(tmp, "");
        Path two = tmp.resolve("two");
        CliRunner.Result r2 = CliRunner.run("run", cfg.toString(), "--out", two.toString(),
                "--set", "partition.domains=2x1x1");
        assertEquals(0, r2.exitCode(), r2.err());
        Path cont = tmp.resolve("cont");
        CliRunner.Result rc = CliRunner.run("run", cfg.toString(), "--out", cont.toString(),
                "--restart", two.resolve("restart/step-10.restart").toString());
        assertEquals(0, rc.exitCode(), rc.err());
        Path one = tmp.resolve("one");
        assertEquals(0, CliRunner.run("run", cfg.toString(), "--out", one.toString()).exitCode());

        // The continuation's thermo.csv starts at step 10; compare its rows with the straight runs' rows.
        List<double[]> c = thermoRows(cont);
        for (Path straight : List.of(two, one)) {
            List<double[]> s = thermoRows(straight);
            double worst = 0;
            for (double[] row : c) {
                double[] match = s.stream().filter(x -> x[0] == row[0]).findFirst().orElseThrow();
                // Pressure components (columns 7..13) relative to the largest of them: an off-diagonal
                // component near zero carries the rounding of the whole tensor (~1e-9 bar here).
                double pressScale = 1;
                for (int k = 7; k <= 13; k++) {
                    pressScale = Math.max(pressScale, Math.abs(match[k]));
                }
                for (int k = 1; k < row.length; k++) {
                    double scale = k >= 7 && k <= 13 ? pressScale : Math.max(1, Math.abs(match[k]));
                    worst = Math.max(worst, Math.abs(row[k] - match[k]) / scale);
                }
            }
            double pos = comparePositions(straight, cont, lastLattice(cont.resolve("traj.extxyz")));
            System.out.printf("restart from 2 domains continued on 1 vs straight %s: thermo %.3g rel, positions %.3g A%n",
                    straight.getFileName(), worst, pos);
            assertTrue(worst < 1e-10, "thermo " + worst);
            assertTrue(pos < 1e-8, "positions " + pos);
        }
    }

    static void assertOneLineBadInput(CliRunner.Result r, String... fragments) {
        assertEquals(2, r.exitCode(), r.err());
        String msg = r.err().trim();
        assertFalse(msg.contains("\n"), "one line expected: " + msg);
        for (String f : fragments) {
            assertTrue(msg.contains(f), "'" + f + "' missing from: " + msg);
        }
    }

    @Test
    @DisplayName("bad partition settings exit 2 with one line naming the key: thin bricks, malformed grid, "
            + "minimize on 2 domains, Hazelcast peers that never join and rank hosts that never register (within the "
            + "join timeout), more rank hosts than ranks")
    void badPartitionSettingsFailClearly(@TempDir Path tmp) throws IOException {
        Path cfg = config(tmp, "");
        Path out = tmp.resolve("x");
        assertOneLineBadInput(CliRunner.run("run", cfg.toString(), "--out", out.toString(),
                "--set", "partition.domains=4x1x1"), "partition.domains", "thinner than cut-off + skin");
        assertOneLineBadInput(CliRunner.run("run", cfg.toString(), "--out", out.toString(),
                "--set", "partition.domains=2x2"), "partition.domains", "AxBxC");
        assertOneLineBadInput(CliRunner.run("run", cfg.toString(), "--out", out.toString(),
                "--set", "partition.domains=auto", "--set", "partition.count=64"), "partition.count", "cannot split");
        assertOneLineBadInput(CliRunner.run("run", cfg.toString(), "--out", out.toString(),
                "--set", "partition.members=2"), "partition.members", "hazelcast");
        Path min = config(tmp, "  - {type: minimize, max_steps: 5}");
        assertOneLineBadInput(CliRunner.run("run", min.toString(), "--out", out.toString(),
                "--set", "partition.domains=2x1x1"), "stages[2].type", "minimize", "partition.domains");
        long t0 = System.nanoTime();
        CliRunner.Result never = CliRunner.run("run", cfg.toString(), "--out", out.toString(),
                "--set", "partition.domains=2x1x1", "--set", "partition.transport=hazelcast",
                "--set", "partition.members=1", "--set", "partition.peers=[127.0.0.1:"
                        + HazelcastCluster.freePorts("127.0.0.1", 1).get(0) + "]",
                "--set", "partition.join_timeout_s=3");
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertOneLineBadInput(never, "partition.transport=hazelcast", "1 of 2");
        assertTrue(seconds < 30, "join failure took " + seconds + " s");
        assertFalse(Files.exists(out) || Files.exists(tmp.resolve("x.partial")) || Files.exists(tmp.resolve("x.failed")),
                "bad input must leave no run directory");
        long t1 = System.nanoTime();
        CliRunner.Result noHost = CliRunner.run("run", cfg.toString(), "--out", out.toString(),
                "--set", "partition.domains=2x1x1", "--set", "partition.transport=hazelcast",
                "--set", "partition.rank_hosts=1", "--set", "partition.join_timeout_s=2");
        double noHostSeconds = (System.nanoTime() - t1) * 1e-9;
        assertOneLineBadInput(noHost, "only 0 of 1 rank hosts registered", "hazelcast-member.sh");
        assertTrue(noHostSeconds < 30, "rank-host wait took " + noHostSeconds + " s");
        assertOneLineBadInput(CliRunner.run("run", cfg.toString(), "--out", out.toString(),
                "--set", "partition.domains=2x1x1", "--set", "partition.transport=hazelcast",
                "--set", "partition.rank_hosts=2"), "partition.rank_hosts", "rank 0 stays in this JVM");
    }
}
