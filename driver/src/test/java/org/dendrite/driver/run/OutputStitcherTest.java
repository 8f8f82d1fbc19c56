package org.dendrite.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputStitcherTest {
    private static String csv(long... steps) {
        StringBuilder sb = new StringBuilder("step,temp_K\n");
        for (long s : steps) {
            sb.append(s).append(',').append(300 + s).append('\n');
        }
        return sb.toString();
    }

    private static String xyz(long... steps) {
        StringBuilder sb = new StringBuilder();
        for (long s : steps) {
            sb.append("2\nLattice=\"1 0 0 0 1 0 0 0 1\" Properties=species:S:1:pos:R:3 step=").append(s)
                    .append(" time_ps=0.1\nLi 0 0 ").append(s).append("\nLi 0.5 0.5 ").append(s).append('\n');
        }
        return sb.toString();
    }

    private static String dump(long... steps) {
        StringBuilder sb = new StringBuilder();
        for (long s : steps) {
            sb.append("ITEM: TIMESTEP\n").append(s).append("\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n")
                    .append("0 1\n0 1\n0 1\nITEM: ATOMS id type x y z\n1 1 0 0 ").append(s).append('\n');
        }
        return sb.toString();
    }

    @Test
    @DisplayName("after two member losses thermo.csv, extxyz and LAMMPS dump read as one run: each step once, the "
            + "repeated steps from the later attempt")
    void twoLossesJoinIntoOneRun(@TempDir Path dir) throws IOException {
        Path a1 = Files.createDirectories(dir.resolve("before-loss-1"));
        Path a2 = Files.createDirectories(dir.resolve("before-loss-2"));
        // Attempt 1 ran to 35 (rows to 30), restored at 20; attempt 2 ran 20..58, restored at 40; attempt 3 ran 40..60.
        Files.writeString(a1.resolve("thermo.csv"), csv(0, 10, 20, 30));
        Files.writeString(a2.resolve("thermo.csv"), csv(20, 30, 40, 50));
        Files.writeString(dir.resolve("thermo.csv"), csv(40, 50, 60));
        Files.writeString(a1.resolve("traj.extxyz"), xyz(0, 20));
        Files.writeString(a2.resolve("traj.extxyz"), xyz(20, 40));
        Files.writeString(dir.resolve("traj.extxyz"), xyz(40, 60));
        Files.writeString(a1.resolve("traj.lammpstrj"), dump(0, 20));
        Files.writeString(a2.resolve("traj.lammpstrj"), dump(20, 40));
        Files.writeString(dir.resolve("traj.lammpstrj"), dump(40, 60));
        List<String> skipped = OutputStitcher.stitch(dir, List.of(a1, a2), List.of(20L, 40L));
        assertTrue(skipped.isEmpty(), skipped.toString());
        assertEquals(csv(0, 10, 20, 30, 40, 50, 60), Files.readString(dir.resolve("thermo.csv")));
        assertEquals(xyz(0, 20, 40, 60), Files.readString(dir.resolve("traj.extxyz")));
        assertEquals(dump(0, 20, 40, 60), Files.readString(dir.resolve("traj.lammpstrj")));
        // The rows of the repeated steps come from the later attempt: identical text here, so check the source.
        assertEquals(csv(0, 10, 20, 30), Files.readString(a1.resolve("thermo.csv")), "the record of attempt 1 is kept");
    }

    @Test
    @DisplayName("a row at the restored step that the later attempt does not write again is kept from the earlier one")
    void restoredStepRowIsKeptWhenNotRepeated(@TempDir Path dir) throws IOException {
        Path a1 = Files.createDirectories(dir.resolve("before-loss-1"));
        Files.writeString(a1.resolve("thermo.csv"), csv(0, 10, 20, 30));
        Files.writeString(dir.resolve("thermo.csv"), csv(30, 40));
        List<String> skipped = OutputStitcher.stitch(dir, List.of(a1), List.of(20L));
        assertTrue(skipped.isEmpty());
        List<String> steps = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("thermo.csv")).subList(1, 6)) {
            steps.add(l.split(",")[0]);
        }
        assertEquals(List.of("0", "10", "20", "30", "40"), steps);
    }

    @Test
    @DisplayName("tables whose columns changed between attempts are left as separate files and reported")
    void differentColumnsAreNotJoined(@TempDir Path dir) throws IOException {
        Path a1 = Files.createDirectories(dir.resolve("before-loss-1"));
        Files.writeString(a1.resolve("stress_strain.csv"), "step,strain\n0,0.0\n10,0.1\n");
        Files.writeString(dir.resolve("stress_strain.csv"), "step,stress_GPa\n10,1.0\n");
        List<String> skipped = OutputStitcher.stitch(dir, List.of(a1), List.of(10L));
        assertEquals(1, skipped.size());
        assertTrue(skipped.get(0).startsWith("stress_strain.csv: columns differ"), skipped.get(0));
        assertEquals("step,stress_GPa\n10,1.0\n", Files.readString(dir.resolve("stress_strain.csv")));
    }
}
