package org.dendrite.md.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.engine.BuildReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartFileTest {
    @TempDir
    Path dir;

    static SimulationState sample() {
        Species sp = new Species(List.of("Li", "La", "Zr", "O"), new double[] {6.941, 138.905, 91.224, 15.999},
                new double[] {0.6, 1.8, 2.4, -1.2});
        int n = 37;
        Atoms a = new Atoms(sp, n);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                a.x[3 * i + c] = r.nextDouble(-5, 20);
                a.v[3 * i + c] = r.nextGaussian();
                a.f[3 * i + c] = r.nextGaussian() * 1e-3;
                a.image[3 * i + c] = r.nextInt(-3, 4);
            }
            a.id[i] = 100 + 3 * i;
            a.type[i] = i % 4;
            a.q[i] = sp.charge(a.type[i]) + r.nextDouble() * 1e-9;
        }
        Box box = new Box(-1.5, 0.25, 3.0, 13.1, 12.9, 12.7, 0.3, -0.2, 0.1);
        box.setPeriodic(true, true, false);
        SimulationState s = new SimulationState(a, box, 0x1234_5678_9ABCL);
        s.step = 123456789L;
        s.timePs = 123.456789;
        s.beginStage(4);
        s.stageStep = 777;
        s.stageStartTimePs = 122.679789;
        s.forcesValid = true;
        s.lastForces.pairEnergy = -1234.5678;
        s.lastForces.coulombEnergy = -9876.54321;
        s.lastForces.manyBodyEnergy = 1.0 / 3.0;
        s.lastForces.globalEnergy = Math.PI;
        for (int k = 0; k < 9; k++) {
            s.lastForces.virial[k] = k * 1.1 - 3;
        }
        s.lastForces.hasEnergyAndVirial = true;
        double[] eta = s.var("nh.eta", 3);
        eta[0] = 0.1;
        eta[2] = -Double.MIN_VALUE;
        s.var("nh.omega_dot", 3)[1] = 1e-300;
        s.deformReferenceBox = Box.orthorhombic(10, 11, 12);
        s.deformOriginStep = 123000000L;
        s.groupIds = new int[] {100, 106, 190};
        s.neighborReference = new BuildReference(Arrays.copyOf(a.x, 3 * n), box.copy());
        return s;
    }

    @Test
    @DisplayName("a written and re-read restart holds every field of the state bit for bit")
    void roundTripIsLossless() throws IOException {
        SimulationState s = sample();
        Path f = dir.resolve("run/restart.bin");
        RestartFile.write(s, f);
        SimulationState r = RestartFile.read(f);
        int n = s.atoms.nlocal;
        assertEquals(n, r.atoms.nlocal);
        assertArrayEquals(Arrays.copyOf(s.atoms.x, 3 * n), Arrays.copyOf(r.atoms.x, 3 * n), 0.0);
        assertArrayEquals(Arrays.copyOf(s.atoms.v, 3 * n), Arrays.copyOf(r.atoms.v, 3 * n), 0.0);
        assertArrayEquals(Arrays.copyOf(s.atoms.f, 3 * n), Arrays.copyOf(r.atoms.f, 3 * n), 0.0);
        assertArrayEquals(Arrays.copyOf(s.atoms.image, 3 * n), Arrays.copyOf(r.atoms.image, 3 * n));
        assertArrayEquals(Arrays.copyOf(s.atoms.id, n), Arrays.copyOf(r.atoms.id, n));
        assertArrayEquals(Arrays.copyOf(s.atoms.type, n), Arrays.copyOf(r.atoms.type, n));
        assertArrayEquals(Arrays.copyOf(s.atoms.q, n), Arrays.copyOf(r.atoms.q, n), 0.0);
        assertEquals(s.atoms.species.names(), r.atoms.species.names());
        assertEquals(s.atoms.species.mass(2), r.atoms.species.mass(2), 0.0);
        assertArrayEquals(s.box.matrix(), r.box.matrix(), 0.0);
        assertEquals(s.box.xlo(), r.box.xlo(), 0.0);
        assertFalse(r.box.periodic(2));
        assertTrue(r.box.periodic(1));
        assertEquals(s.step, r.step);
        assertEquals(s.timePs, r.timePs, 0.0);
        assertEquals(s.stageIndex, r.stageIndex);
        assertEquals(s.stageStep, r.stageStep);
        assertEquals(s.stageStartTimePs, r.stageStartTimePs, 0.0);
        assertTrue(r.stageStarted);
        assertEquals(s.seed, r.seed);
        assertTrue(r.forcesValid);
        assertEquals(s.lastForces.potentialEnergy(), r.lastForces.potentialEnergy(), 0.0);
        assertArrayEquals(s.lastForces.virial, r.lastForces.virial, 0.0);
        assertEquals(s.vars().keySet(), r.vars().keySet());
        for (String k : s.vars().keySet()) {
            assertArrayEquals(s.vars().get(k), r.vars().get(k), 0.0, k);
        }
        assertEquals(-Double.MIN_VALUE, r.vars().get("nh.eta")[2], 0.0);
        assertArrayEquals(s.deformReferenceBox.matrix(), r.deformReferenceBox.matrix(), 0.0);
        assertEquals(s.deformOriginStep, r.deformOriginStep);
        assertArrayEquals(s.groupIds, r.groupIds);
        assertArrayEquals(s.neighborReference.positions(), r.neighborReference.positions(), 0.0);
        assertArrayEquals(s.neighborReference.box().matrix(), r.neighborReference.box().matrix(), 0.0);
        assertFalse(Files.exists(dir.resolve("run/restart.bin.tmp")), "the temporary file must be renamed");
    }

    @Test
    @DisplayName("a state without optional parts (no group, no deformation, no neighbour reference) round-trips")
    void optionalPartsMayBeAbsent() throws IOException {
        SimulationState s = sample();
        s.groupIds = null;
        s.deformReferenceBox = null;
        s.neighborReference = null;
        Path f = dir.resolve("r.bin");
        RestartFile.write(s, f);
        SimulationState r = RestartFile.read(f);
        assertNull(r.groupIds);
        assertNull(r.deformReferenceBox);
        assertNull(r.neighborReference);
    }

    @Test
    @DisplayName("rewriting a restart replaces it atomically and keeps it readable")
    void rewriteReplaces() throws IOException {
        SimulationState s = sample();
        Path f = dir.resolve("r.bin");
        RestartFile.write(s, f);
        s.step = 42;
        RestartFile.write(s, f);
        assertEquals(42, RestartFile.read(f).step);
    }

    @Test
    @DisplayName("a truncated restart fails with one line that names the file")
    void truncatedFileIsReported() throws IOException {
        Path f = dir.resolve("r.bin");
        RestartFile.write(sample(), f);
        long size = Files.size(f);
        for (long cut : new long[] {5, 30, size / 2, size - 1}) {
            Path g = dir.resolve("cut" + cut + ".bin");
            Files.write(g, Arrays.copyOf(Files.readAllBytes(f), (int) cut));
            RestartFileException e = assertThrows(RestartFileException.class, () -> RestartFile.read(g));
            assertTrue(e.getMessage().contains(g.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    @DisplayName("a flipped byte, a wrong magic number or an unknown version fail with one line naming the file")
    void corruptFileIsReported() throws IOException {
        Path f = dir.resolve("r.bin");
        RestartFile.write(sample(), f);
        long size = Files.size(f);
        for (long pos : new long[] {0, 9, 40, size / 2, size - 2}) {
            Path g = dir.resolve("bad" + pos + ".bin");
            Files.copy(f, g);
            try (RandomAccessFile raf = new RandomAccessFile(g.toFile(), "rw")) {
                raf.seek(pos);
                int b = raf.read();
                raf.seek(pos);
                raf.write(b ^ 0x5A);
            }
            RestartFileException e = assertThrows(RestartFileException.class, () -> RestartFile.read(g));
            assertTrue(e.getMessage().startsWith("restart file " + g + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        Path none = dir.resolve("missing.bin");
        assertTrue(assertThrows(RestartFileException.class, () -> RestartFile.read(none)).getMessage()
                .contains("no such file"));
    }

    @Test
    @DisplayName("the bytes that travel (IMap checkpoint, remote ranks' start state) equal the file and are checked alike")
    void bytesEqualTheFileAndAreChecked() throws IOException {
        Path f = dir.resolve("r.bin");
        SimulationState s = sample();
        RestartFile.write(s, f);
        byte[] b = RestartFile.toBytes(s);
        assertArrayEquals(Files.readAllBytes(f), b);
        assertEquals(s.step, RestartFile.fromBytes(b, "imap/latest").step);
        b[b.length / 2] ^= 0x5A;
        byte[] bad = b;
        RestartFileException e = assertThrows(RestartFileException.class, () -> RestartFile.fromBytes(bad, "imap/latest"));
        assertTrue(e.getMessage().startsWith("restart file imap/latest: "), e.getMessage());
    }
}
