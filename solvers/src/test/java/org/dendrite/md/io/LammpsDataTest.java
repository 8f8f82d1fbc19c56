package org.dendrite.md.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.dendrite.md.Atoms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LammpsDataTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String CHARGE = """
            LLZO fragment (test)

            3 atoms
            2 atom types

            0.0 10.0 xlo xhi
            0.0 11.0 ylo yhi
            0.0 12.0 zlo zhi
            1.5 -0.5 0.25 xy xz yz

            Masses

            1 6.941 # Li
            2 15.999 # O

            Atoms # charge

            1 1 0.6 1.0 2.0 3.0 0 0 0
            2 2 -1.2 4.0 5.0 6.0 1 0 -1
            3 1 0.6 7.0 8.0 9.0 0 0 0

            Velocities

            2 0.1 0.2 0.3
            1 -1 -2 -3
            3 0 0 0
            """;

    private static InputException fails(Path p, List<String> types) {
        return assertThrows(InputException.class, () -> LammpsDataReader.read(p, types));
    }

    @Test
    @DisplayName("atom_style charge with a triclinic box, Masses comments, image flags and velocities is read")
    void readsChargeTriclinic() throws IOException {
        Structure s = LammpsDataReader.read(file("c.data", CHARGE), null);
        Atoms a = s.atoms();
        assertEquals(3, a.nlocal);
        assertEquals(List.of("Li", "O"), s.species().names());
        assertEquals(15.999, s.species().mass(1));
        assertEquals(1.5, s.box().xy());
        assertEquals(-0.5, s.box().xz());
        assertEquals(0.25, s.box().yz());
        assertEquals(12.0, s.box().lz());
        assertEquals(1, a.type[1]);
        assertEquals(-1.2, a.q[1]);
        assertArrayEquals(new double[] {4, 5, 6}, new double[] {a.x[3], a.x[4], a.x[5]});
        assertArrayEquals(new int[] {1, 0, -1}, new int[] {a.image[3], a.image[4], a.image[5]});
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, new double[] {a.v[3], a.v[4], a.v[5]});
        assertArrayEquals(new double[] {-1, -2, -3}, new double[] {a.v[0], a.v[1], a.v[2]});
        assertTrue(s.hasVelocities());
    }

    @Test
    @DisplayName("atom_style atomic without a hint is recognised by its column count and named by --types")
    void readsAtomicWithTypes() throws IOException {
        Path p = file("a.data", """
                bcc Li

                2 atoms
                1 atom types
                0 3.5 xlo xhi
                0 3.5 ylo yhi
                0 3.5 zlo zhi

                Atoms

                1 1 0 0 0
                2 1 1.75 1.75 1.75
                """);
        Structure s = LammpsDataReader.read(p, List.of("Li"));
        assertEquals("Li", s.species().name(0));
        assertEquals(6.94, s.species().mass(0), "element mass when the file has no Masses");
        assertEquals(1.75, s.atoms().x[5]);
        assertEquals(0.0, s.atoms().q[1]);
    }

    @Test
    @DisplayName("--types overrides Masses comments; types sharing a name become one species")
    void typesListOverridesAndMerges() throws IOException {
        Structure s = LammpsDataReader.read(file("c.data", CHARGE.replace("2 15.999 # O", "2 6.941 # O")),
                List.of("Li", "Li"));
        assertEquals(List.of("Li"), s.species().names());
        assertEquals(0, s.atoms().type[1]);
    }

    @Test
    @DisplayName("without --types and without Masses comments the error says how to name the types")
    void noNamesIsAClearError() throws IOException {
        Path p = file("n.data", CHARGE.replace(" # Li", "").replace(" # O", ""));
        assertEquals(p + ": atom type 1 has no species name: give --types (e.g. --types Li,La,Zr,O) or name it in "
                + "the Masses section ('1 6.941 # Li')", fails(p, null).getMessage());
    }

    @Test
    @DisplayName("a --types list of the wrong length is an error")
    void typesCountMismatch() throws IOException {
        Path p = file("c.data", CHARGE);
        assertEquals(p + ": --types gives 3 names (Li,La,Zr) but the file has 2 atom types",
                fails(p, List.of("Li", "La", "Zr")).getMessage());
    }

    @Test
    @DisplayName("malformed Atoms lines are errors naming file and line: column count, non-numeric, NaN, bad type, duplicate id")
    void atomLineErrors() throws IOException {
        Path a = file("cols.data", CHARGE.replace("2 2 -1.2 4.0 5.0 6.0 1 0 -1", "2 2 -1.2 4.0 5.0"));
        assertEquals(a + ":19: Atoms line has 5 columns; atom_style charge needs 6 or 9 (id type q x y z [ix iy iz])",
                fails(a, null).getMessage());
        Path b = file("num.data", CHARGE.replace("2 2 -1.2 4.0 5.0 6.0", "2 2 -1.2 4.0 5.0a 6.0"));
        assertEquals(b + ":19: coordinate: '5.0a' is not a number", fails(b, null).getMessage());
        Path c = file("nan.data", CHARGE.replace("2 2 -1.2 4.0 5.0 6.0", "2 2 -1.2 4.0 NaN 6.0"));
        assertEquals(c + ":19: coordinate: non-finite value 'NaN'", fails(c, null).getMessage());
        Path d = file("type.data", CHARGE.replace("3 1 0.6 7.0", "3 3 0.6 7.0"));
        assertEquals(d + ":20: atom type 3 is outside 1..2 (the header declares 2 atom types)", fails(d, null).getMessage());
        Path e = file("dup.data", CHARGE.replace("3 1 0.6 7.0", "2 1 0.6 7.0"));
        assertEquals(e + ":20: atom id 2 appears twice", fails(e, null).getMessage());
    }

    @Test
    @DisplayName("an Atoms section shorter or longer than the header's count is an error naming the line")
    void countMismatch() throws IOException {
        Path a = file("short.data", CHARGE.replace("3 atoms", "4 atoms"));
        assertEquals(a + ":21: Atoms section ends after 3 of 4 lines", fails(a, null).getMessage());
        Path b = file("long.data", CHARGE.replace("3 atoms", "2 atoms"));
        assertEquals(b + ":20: expected a section name (Masses, Atoms, Velocities), found '3 1 0.6 7.0 8.0 9.0 0 0 0' "
                + "(too many lines in the previous section?)", fails(b, null).getMessage());
        Path c = file("eof.data", CHARGE.substring(0, CHARGE.indexOf("3 1 0.6")));
        assertEquals(c + ":19: Atoms section ends after 2 of 3 lines (end of file)", fails(c, null).getMessage());
    }

    @Test
    @DisplayName("header and section errors: missing box line, molecular topology, unsupported style hint, unknown header")
    void headerErrors() throws IOException {
        Path a = file("nobox.data", CHARGE.replace("0.0 12.0 zlo zhi\n", ""));
        assertEquals(a + ": header has no 'zlo zhi' line", fails(a, null).getMessage());
        Path b = file("bonds.data", CHARGE.replace("2 atom types\n", "2 atom types\n4 bonds\n"));
        assertEquals(b + ":5: molecular topology (bonds) is not supported (atom_style atomic or charge)",
                fails(b, null).getMessage());
        Path c = file("full.data", CHARGE.replace("Atoms # charge", "Atoms # full"));
        assertEquals(c + ":16: atom_style 'full' is not supported (atomic or charge)", fails(c, null).getMessage());
        Path d = file("junk.data", CHARGE.replace("2 atom types", "2 atom kinds"));
        assertEquals(d + ":4: unrecognized header line '2 atom kinds'", fails(d, null).getMessage());
        Path e = file("vel.data", CHARGE.replace("2 0.1 0.2 0.3", "7 0.1 0.2 0.3"));
        assertEquals(e + ":24: Velocities: atom id 7 is not in the Atoms section", fails(e, null).getMessage());
    }

    @Test
    @DisplayName("write then read is exact for charge and atomic styles, with velocities and image flags")
    void roundTrip() throws IOException {
        Structure s = ExtXyzTest.sample(new Random(4), 23);
        Atoms a = s.atoms();
        for (int i = 0; i < a.nlocal; i++) {
            a.q[i] = i % 2 == 0 ? 0.6 : -1.2;
            a.image[3 * i + 2] = i % 3 - 1;
        }
        for (String style : new String[] {"charge", "atomic"}) {
            Path p = dir.resolve(style + ".data");
            LammpsDataWriter.write(p, s, style, true);
            Structure r = LammpsDataReader.read(p, null);
            assertEquals(s.species().names(), r.species().names());
            assertArrayEquals(s.box().matrix(), r.box().matrix());
            for (int i = 0; i < a.nlocal; i++) {
                assertEquals(a.id[i], r.atoms().id[i]);
                assertEquals(a.type[i], r.atoms().type[i]);
                assertEquals(style.equals("charge") ? a.q[i] : 0.0, r.atoms().q[i]);
                for (int d = 0; d < 3; d++) {
                    assertEquals(a.x[3 * i + d], r.atoms().x[3 * i + d]);
                    assertEquals(a.v[3 * i + d], r.atoms().v[3 * i + d]);
                    assertEquals(a.image[3 * i + d], r.atoms().image[3 * i + d]);
                }
            }
        }
    }
}
