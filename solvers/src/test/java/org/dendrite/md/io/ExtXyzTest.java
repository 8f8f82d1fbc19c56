package org.dendrite.md.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtXyzTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static InputException fails(Path p) {
        return assertThrows(InputException.class, () -> ExtXyzReader.read(p));
    }

    /** A small triclinic structure in the LAMMPS frame with velocities and forces. */
    static Structure sample(Random rnd, int n) {
        Species sp = new Species(List.of("Li", "O"), new double[] {6.94, 15.999}, new double[] {0, 0});
        Atoms a = new Atoms(sp, n);
        Box box = new Box(0, 0, 0, 7.1, 6.3, 5.9, 1.2, -0.7, 0.4);
        for (int i = 0; i < n; i++) {
            box.fromFractional(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(), a.x, 3 * i);
            for (int d = 0; d < 3; d++) {
                a.v[3 * i + d] = rnd.nextGaussian();
                a.f[3 * i + d] = rnd.nextGaussian();
            }
            a.type[i] = i % 2;
            a.id[i] = i + 1;
        }
        return new Structure(a, box, Map.of("config_type", "test cell", "step", "12"), FrameRotation.IDENTITY,
                "sample", true);
    }

    @Test
    @DisplayName("a written frame reads back bit for bit: lattice, species, positions, velocities, forces, info, energy, virial")
    void roundTripIsExact() throws IOException {
        Structure s = sample(new Random(1), 17);
        double[] virial = {1.5, 0.25, -0.125, 0.25, 2.5, 0.5, -0.125, 0.5, 3.5};
        Path p = dir.resolve("rt.extxyz");
        ExtXyzWriter.writeFile(p, s, -123.456789012345, virial, true);
        Structure r = ExtXyzReader.read(p);
        assertEquals(17, r.atomCount());
        assertEquals(List.of("Li", "O"), r.species().names());
        assertTrue(r.rotation().isIdentity());
        assertArrayEquals(s.box().matrix(), r.box().matrix());
        for (int i = 0; i < 17; i++) {
            assertEquals(s.atoms().type[i], r.atoms().type[i]);
            for (int d = 0; d < 3; d++) {
                assertEquals(s.atoms().x[3 * i + d], r.atoms().x[3 * i + d]);
                assertEquals(s.atoms().v[3 * i + d], r.atoms().v[3 * i + d]);
                assertEquals(s.atoms().f[3 * i + d], r.atoms().f[3 * i + d]);
            }
        }
        assertEquals("test cell", r.info().get("config_type"));
        assertEquals("12", r.info().get("step"));
        assertEquals(-123.456789012345, Double.parseDouble(r.info().get("energy")));
        assertArrayEquals(virial, ExtXyzReader.numbers(r.info().get("virial"), 9, "virial", "x", 1));
        assertTrue(r.hasVelocities());
        assertFalse(Files.exists(dir.resolve("rt.extxyz.tmp")), "temporary file is renamed");
    }

    @Test
    @DisplayName("a species that is not an element (Lim) is written as its element with a type_name column, and reads back as Lim")
    void nonElementSpeciesKeepTheirNameAndGiveAseAnElement() throws IOException {
        Species sp = new Species(List.of("Lim", "O"), new double[] {6.94, 15.999}, new double[] {0, -1.2});
        Atoms a = new Atoms(sp, 2);
        a.type[0] = 0;
        a.type[1] = 1;
        a.id[0] = 1;
        a.id[1] = 2;
        a.x[3] = 1.5;
        Path p = dir.resolve("lim.extxyz");
        ExtXyzWriter.writeFile(p, new Structure(a, Box.orthorhombic(5, 5, 5), "test"), Double.NaN, null, false);
        List<String> lines = Files.readAllLines(p);
        assertTrue(lines.get(1).contains("Properties=species:S:1:pos:R:3:type_name:S:1"), lines.get(1));
        assertTrue(lines.get(2).startsWith("Li ") && lines.get(2).endsWith(" Lim"), lines.get(2));
        assertTrue(lines.get(3).startsWith("O ") && lines.get(3).endsWith(" O"), lines.get(3));
        Structure back = ExtXyzReader.read(p, null);
        assertEquals(List.of("Lim", "O"), back.species().names());
        assertEquals(0, back.atoms().type[0]);
    }

    @Test
    @DisplayName("the comment line parser handles quoted values with spaces and escaped quotes, brackets and bare flags")
    void commentLineSyntax() {
        Map<String, String> m = ExtXyzReader.parseInfo(
                "Lattice=\"1 0 0 0 1 0 0 0 1\" name=\"a \\\"quoted\\\" word\" arr=[1, 2, 3] flag \"odd key\"=5 x = 2",
                "f", 2);
        assertEquals("1 0 0 0 1 0 0 0 1", m.get("Lattice"));
        assertEquals("a \"quoted\" word", m.get("name"));
        assertEquals("[1, 2, 3]", m.get("arr"));
        assertEquals("T", m.get("flag"));
        assertEquals("5", m.get("odd key"));
        assertEquals("2", m.get("x"));
    }

    @Test
    @DisplayName("ASE-written frames are read: extra columns skipped, info kept, a rotated general cell mapped to LAMMPS form")
    void readsAseOutput() throws IOException {
        // Output of ase.io.write(format='extxyz'), ASE 3.22.1: a LiO cell with a single-point
        // calculator, then the same atoms in a general cell rotated 30° about z.
        Path p = file("ase.extxyz", """
                2
                Lattice="4.0 0.0 0.0 0.0 4.0 0.0 0.0 0.0 4.0" Properties=species:S:1:pos:R:3:initial_magmoms:R:1:forces:R:3 energy=-3.5 stress="0.1 0.0 0.0 0.0 0.1 0.0 0.0 0.0 0.1" pbc="T T T"
                Li       0.00000000       0.00000000       0.00000000       0.00000000       0.00000000       0.10000000       0.00000000
                O        2.00000000       2.00000000       2.00000000       0.00000000       0.00000000      -0.10000000       0.00000000
                2
                Lattice="3.464101615137755 1.9999999999999998 0.0 -1.033974596215561 3.790896534380867 0.2 0.009807621135331651 0.5830127018922193 3.9" Properties=species:S:1:pos:R:3:initial_magmoms:R:1 config_type="rotated cell" pbc="T T T"
                Li       0.00000000       0.00000000       0.00000000       0.00000000
                O        0.73205081       2.73205081       2.00000000       0.00000000
                """);
        List<Structure> frames = ExtXyzReader.readAll(p);
        Structure s = frames.get(0);
        assertEquals(2, s.atomCount());
        assertEquals("O", s.species().name(s.atoms().type[1]));
        assertEquals(2.0, s.atoms().x[3]);
        assertEquals(-0.1, s.atoms().f[4]);
        assertEquals("-3.5", s.info().get("energy"));
        assertEquals(15.999, s.species().mass(s.atoms().type[1]));
        Structure r = frames.get(1);
        assertEquals("rotated cell", r.info().get("config_type"));
        // The unrotated cell was a = (4, 0, 0), b = (1, 3.8, 0.2), c = (0.3, 0.5, 3.9).
        double ly = Math.sqrt(3.8 * 3.8 + 0.2 * 0.2);
        Box b = r.box();
        assertEquals(4.0, b.lx(), 1e-12);
        assertEquals(1.0, b.xy(), 1e-12);
        assertEquals(ly, b.ly(), 1e-12);
        assertEquals(0.3, b.xz(), 1e-12);
        assertEquals((0.3 * 1 + 0.5 * 3.8 + 3.9 * 0.2 - 1.0 * 0.3) / ly, b.yz(), 1e-12);
        assertEquals(4 * (3.8 * 3.9 - 0.2 * 0.5) / (4 * ly), b.lz(), 1e-12);
        // A rotation keeps the Li–O distance.
        double[] x = r.atoms().x;
        assertEquals(Math.sqrt(0.73205081 * 0.73205081 + 2.73205081 * 2.73205081 + 4.0),
                Math.sqrt(x[3] * x[3] + x[4] * x[4] + x[5] * x[5]), 1e-12);
    }

    @Test
    @DisplayName("a general lattice is rotated into the LAMMPS frame and positions, forces and virial come back in the user's frame")
    void generalLatticeIsRotatedAndBack() throws IOException {
        Structure lammps = sample(new Random(2), 11);
        double[] rot = randomRotation(new Random(3));
        // Build the same cell in a rotated user frame: user = Rᵀ-image of LAMMPS frame, i.e. apply Q = R.
        double[] abc = LammpsFrame.latticeRows(lammps.box(), FrameRotation.IDENTITY);
        StringBuilder sb = new StringBuilder("11\nLattice=\"");
        for (int k = 0; k < 3; k++) {
            double[] v = apply(rot, abc[3 * k], abc[3 * k + 1], abc[3 * k + 2]);
            sb.append(v[0]).append(' ').append(v[1]).append(' ').append(v[2]).append(k < 2 ? " " : "");
        }
        sb.append("\" Properties=species:S:1:pos:R:3:forces:R:3 pbc=\"T T T\"\n");
        Atoms a = lammps.atoms();
        for (int i = 0; i < 11; i++) {
            double[] x = apply(rot, a.x[3 * i], a.x[3 * i + 1], a.x[3 * i + 2]);
            double[] f = apply(rot, a.f[3 * i], a.f[3 * i + 1], a.f[3 * i + 2]);
            sb.append(a.species.name(a.type[i])).append(' ').append(x[0]).append(' ').append(x[1]).append(' ')
                    .append(x[2]).append(' ').append(f[0]).append(' ').append(f[1]).append(' ').append(f[2]).append('\n');
        }
        Structure r = ExtXyzReader.read(file("rot.extxyz", sb.toString()));
        assertFalse(r.rotation().isIdentity());
        Box b = r.box();
        assertEquals(7.1, b.lx(), 1e-12);
        assertEquals(6.3, b.ly(), 1e-12);
        assertEquals(5.9, b.lz(), 1e-12);
        assertEquals(1.2, b.xy(), 1e-12);
        assertEquals(-0.7, b.xz(), 1e-12);
        assertEquals(0.4, b.yz(), 1e-12);
        for (int k = 0; k < 33; k++) {
            assertEquals(a.x[k], r.atoms().x[k], 1e-12, "position in LAMMPS frame");
            assertEquals(a.f[k], r.atoms().f[k], 1e-12, "force in LAMMPS frame");
        }
        // A virial computed in the LAMMPS frame is written in the user's frame: W_user = Q W Qᵀ.
        double[] w = {1, 0.2, 0.3, 0.2, 2, 0.5, 0.3, 0.5, 3};
        Path out = dir.resolve("back.extxyz");
        ExtXyzWriter.writeFile(out, r, -1.0, w, true);
        String[] lines = Files.readAllLines(out).toArray(new String[0]);
        Map<String, String> info = ExtXyzReader.parseInfo(lines[1], "back", 2);
        double[] wu = ExtXyzReader.numbers(info.get("virial"), 9, "virial", "back", 2);
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                double e = 0;
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        e += rot[3 * p + i] * w[3 * i + j] * rot[3 * q + j];
                    }
                }
                assertEquals(e, wu[3 * p + q], 1e-12, "virial in user frame");
            }
        }
        double[] lat = ExtXyzReader.numbers(info.get("Lattice"), 9, "Lattice", "back", 2);
        for (int k = 0; k < 3; k++) {
            double[] v = apply(rot, abc[3 * k], abc[3 * k + 1], abc[3 * k + 2]);
            for (int d = 0; d < 3; d++) {
                assertEquals(v[d], lat[3 * k + d], 1e-12, "lattice in user frame");
            }
        }
        String[] atom0 = TextLines.fields(lines[2]);
        double[] x0 = apply(rot, a.x[0], a.x[1], a.x[2]);
        double[] f0 = apply(rot, a.f[0], a.f[1], a.f[2]);
        for (int d = 0; d < 3; d++) {
            assertEquals(x0[d], Double.parseDouble(atom0[1 + d]), 1e-12, "position in user frame");
            assertEquals(f0[d], Double.parseDouble(atom0[4 + d]), 1e-12, "force in user frame");
        }
    }

    @Test
    @DisplayName("frames appended to one file read back as a trajectory; read() returns the last frame")
    void multiFrameAppend() throws IOException {
        Path p = dir.resolve("traj.extxyz");
        for (int k = 0; k < 3; k++) {
            Structure s = sample(new Random(10 + k), 5);
            try (ExtXyzWriter w = ExtXyzWriter.open(p, true)) {
                w.writeFrame(s.atoms(), s.box(), s.rotation(), Map.of("step", Integer.toString(k)), -k, null, true, true);
            }
        }
        List<Structure> frames = ExtXyzReader.readAll(p);
        assertEquals(3, frames.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(Integer.toString(k), frames.get(k).info().get("step"));
        }
        assertEquals("2", ExtXyzReader.read(p).info().get("step"));
    }

    private static final String HEAD = "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n";

    @Test
    @DisplayName("a line with the wrong number of columns is an error naming file and line")
    void wrongColumnCount() throws IOException {
        Path p = file("cols.extxyz", HEAD + "Li 0 0 0\nO 1 1\n");
        InputException e = fails(p);
        assertEquals(p + ":4: expected 4 columns (Properties species:S:1:pos:R:3), found 3", e.getMessage());
    }

    @Test
    @DisplayName("a non-numeric coordinate is an error naming file and line")
    void nonNumeric() throws IOException {
        Path p = file("nn.extxyz", HEAD + "Li 0 0 0\nO 1 x1 1\n");
        assertEquals(p + ":4: coordinate: 'x1' is not a number", fails(p).getMessage());
    }

    @Test
    @DisplayName("a NaN or infinite coordinate is an error naming file and line")
    void nanCoordinate() throws IOException {
        Path p = file("nan.extxyz", HEAD + "Li nan 0 0\nO 1 1 1\n");
        assertEquals(p + ":3: coordinate: non-finite value 'nan'", fails(p).getMessage());
        Path q = file("inf.extxyz", HEAD + "Li 0 0 0\nO 1 -Infinity 1\n");
        assertEquals(q + ":4: coordinate: non-finite value '-Infinity'", fails(q).getMessage());
    }

    @Test
    @DisplayName("fewer atom lines than the count declares is an error naming the line where the file ends")
    void tooFewAtoms() throws IOException {
        Path p = file("few.extxyz", HEAD + "Li 0 0 0\n");
        assertEquals(p + ":3: frame declares 2 atoms but the file ends after 1", fails(p).getMessage());
    }

    @Test
    @DisplayName("more atom lines than the count declares is an error at the first extra line")
    void tooManyAtoms() throws IOException {
        Path p = file("many.extxyz", HEAD + "Li 0 0 0\nO 1 1 1\nO 2 2 2\n");
        assertEquals(p + ":5: expected the number of atoms of a frame, found 'O 2 2 2'", fails(p).getMessage());
    }

    @Test
    @DisplayName("missing Lattice, bad Properties, left-handed lattice, unclosed quote and unknown elements are errors naming the line")
    void headerErrors() throws IOException {
        Path a = file("nolat.extxyz", "1\nProperties=species:S:1:pos:R:3\nLi 0 0 0\n");
        assertTrue(fails(a).getMessage().startsWith(a + ":2: no Lattice="));
        Path b = file("props.extxyz", "1\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R\nLi 0 0 0\n");
        assertTrue(fails(b).getMessage().startsWith(b + ":2: Properties must be name:type:count triples"));
        Path c = file("left.extxyz", "1\nLattice=\"5 0 0 0 0 5 0 5 0\"\nLi 0 0 0\n");
        assertTrue(fails(c).getMessage().startsWith(c + ":2: Lattice is left-handed"));
        Path d = file("quote.extxyz", "1\nLattice=\"5 0 0 0 5 0 0 0 5\nLi 0 0 0\n");
        assertTrue(fails(d).getMessage().startsWith(d + ":2: comment line: quote opened at column 9 is not closed"));
        Path e = file("elem.extxyz", "1\nLattice=\"5 0 0 0 5 0 0 0 5\"\nQq 0 0 0\n");
        assertEquals(e + ":3: species 'Qq' does not start with an element symbol, so its mass is unknown",
                fails(e).getMessage());
        Path f = file("count.extxyz", "two\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 0 0 0\n");
        assertEquals(f + ":1: atom count: 'two' is not an integer", fails(f).getMessage());
        Path g = file("missing.extxyz", "");
        Files.delete(g);
        assertEquals(g + ": no such file", fails(g).getMessage());
    }

    @Test
    @DisplayName("a species the force field lacks is an error naming the atom (after reading) or the line (reading onto the force field)")
    void unknownSpeciesNamesAtom() throws IOException {
        Path p = file("xe.extxyz", "3\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 0 0 0\nXe 1 1 1\nO 2 2 2\n");
        Structure s = ExtXyzReader.read(p);
        Species ff = new Species(List.of("Li", "La", "Zr", "O"), new double[] {6.941, 138.9, 91.2, 15.999},
                new double[] {0.6, 1.8, 2.4, -1.2});
        InputException e = assertThrows(InputException.class, () -> s.onSpecies(ff));
        assertEquals(p + ": atom 2: species 'Xe' is not in the force field (it has Li, La, Zr, O)", e.getMessage());
        InputException atLine = assertThrows(InputException.class, () -> ExtXyzReader.read(p, ff));
        assertEquals(p + ":4: species 'Xe' is not in the force field (it has Li, La, Zr, O)", atLine.getMessage());
        Path okFile = file("ok.extxyz", "2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nO 0 0 0\nLi 1 1 1\n");
        Structure ok = ExtXyzReader.read(okFile).onSpecies(ff);
        Structure direct = ExtXyzReader.read(okFile, ff);
        assertEquals(3, direct.atoms().type[0]);
        assertEquals(-1.2, direct.atoms().q[0]);
        assertEquals(ff, direct.species());
        assertEquals(3, ok.atoms().type[0]);
        assertEquals(0, ok.atoms().type[1]);
        assertEquals(-1.2, ok.atoms().q[0]);
        assertEquals(6.941, ok.atoms().mass(1));
    }

    static double[] randomRotation(Random rnd) {
        // Normalised random quaternion -> proper rotation matrix.
        double q0 = rnd.nextGaussian(), q1 = rnd.nextGaussian(), q2 = rnd.nextGaussian(), q3 = rnd.nextGaussian();
        double n = Math.sqrt(q0 * q0 + q1 * q1 + q2 * q2 + q3 * q3);
        q0 /= n;
        q1 /= n;
        q2 /= n;
        q3 /= n;
        return new double[] {
            1 - 2 * (q2 * q2 + q3 * q3), 2 * (q1 * q2 - q0 * q3), 2 * (q1 * q3 + q0 * q2),
            2 * (q1 * q2 + q0 * q3), 1 - 2 * (q1 * q1 + q3 * q3), 2 * (q2 * q3 - q0 * q1),
            2 * (q1 * q3 - q0 * q2), 2 * (q2 * q3 + q0 * q1), 1 - 2 * (q1 * q1 + q2 * q2)};
    }

    static double[] apply(double[] m, double x, double y, double z) {
        return new double[] {m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z, m[6] * x + m[7] * y + m[8] * z};
    }
}
