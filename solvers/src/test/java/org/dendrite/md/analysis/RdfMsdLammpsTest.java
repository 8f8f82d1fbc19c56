package org.dendrite.md.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rdf and msd analyses against LAMMPS 29 Sep 2021 {@code compute rdf} / {@code compute msd} on the
 * same frames (tools/lammps-reference/analyses/in.analyses): the committed reference in the default
 * suite, and a live run of {@code lmp} (tag lammps-live).
 */
class RdfMsdLammpsTest {
    static final Path REF = Path.of("src/test/resources/lammps-analyses").toAbsolutePath();
    static final Path INPUT = Path.of("..", "tools", "lammps-reference", "analyses", "in.analyses").toAbsolutePath();

    private static void check(double[] d) {
        System.out.printf("vs LAMMPS: max |Δg| %.3g, max |Δn| %.3g, max relative ΔMSD %.3g%n", d[0], d[1], d[2]);
        // Dump positions carry 15 significant digits; g and n are sums of integer counts.
        assertTrue(d[0] < 1e-9, "g: " + d[0]);
        assertTrue(d[1] < 1e-9, "n: " + d[1]);
        // Our msd.csv holds 8 significant digits.
        assertTrue(d[2] < 1e-7, "msd: " + d[2]);
    }

    @Test
    @DisplayName("g(r), running coordination (Li-Li, Li-O, O-O; 100 bins to 6 Å, 10 frames) and the Li MSD of 11 "
            + "frames equal the committed LAMMPS compute rdf / compute msd output (g, n within 1e-9; MSD 1e-7 relative)")
    void agreesWithCommittedLammpsReference(@TempDir Path work) throws IOException {
        check(LammpsAnalysisOracle.compare(REF, work));
    }

    @Test
    @Tag("lammps-live")
    @DisplayName("the same comparison on a fresh lmp run of in.analyses (same tolerances)")
    void agreesWithLiveLammps(@TempDir Path work) throws IOException, InterruptedException {
        Path run = work.resolve("lmp");
        Files.createDirectories(run);
        Files.copy(INPUT, run.resolve("in.analyses"));
        Process p = new ProcessBuilder(List.of("lmp", "-in", "in.analyses", "-screen", "none"))
                .directory(run.toFile()).redirectErrorStream(true).redirectOutput(run.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, Files.readString(run.resolve("out.txt")));
        Path ours = work.resolve("ours");
        Files.createDirectories(ours);
        check(LammpsAnalysisOracle.compare(run, ours));
    }
}
