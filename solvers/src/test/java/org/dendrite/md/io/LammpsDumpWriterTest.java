package org.dendrite.md.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LammpsDumpWriterTest {
    private static Atoms twoAtoms() {
        Atoms a = new Atoms(new Species(List.of("Li", "O"), new double[] {6.941, 15.999}, new double[] {0.6, -1.2}), 2);
        double[] x = {1, 2, 3, 4, 5, 1.5};
        System.arraycopy(x, 0, a.x, 0, 6);
        a.type[1] = 1;
        a.id[0] = 1;
        a.id[1] = 2;
        a.f[0] = 0.5;
        a.f[5] = -0.25;
        return a;
    }

    @Test
    @DisplayName("a triclinic dump header is digit for digit what LAMMPS writes (ITEM: BOX BOUNDS xy xz yz with bounding-box extents)")
    void triclinicHeaderMatchesLammps() throws IOException {
        StringWriter w = new StringWriter();
        try (LammpsDumpWriter d = new LammpsDumpWriter(w, false, false)) {
            d.writeFrame(0, twoAtoms(), new Box(0, 0, 0, 7.1, 6.3, 5.9, 1.2, -0.7, 0.4));
        }
        // Written by lmp (29 Sep 2021) for the same box: read_data + dump custom id type element x y z.
        assertEquals("""
                ITEM: TIMESTEP
                0
                ITEM: NUMBER OF ATOMS
                2
                ITEM: BOX BOUNDS xy xz yz pp pp pp
                -6.9999999999999996e-01 8.2999999999999989e+00 1.2000000000000000e+00
                0.0000000000000000e+00 6.7000000000000002e+00 -6.9999999999999996e-01
                0.0000000000000000e+00 5.9000000000000004e+00 4.0000000000000002e-01
                ITEM: ATOMS id type element x y z
                1 1 Li 1.0 2.0 3.0
                2 2 O 4.0 5.0 1.5
                """, w.toString());
    }

    @Test
    @DisplayName("an orthogonal dump has 'lo hi' bounds, non-periodic axes as ff, and the requested force columns")
    void orthogonalWithForces() throws IOException {
        StringWriter w = new StringWriter();
        Box box = Box.orthorhombic(10, 11, 12);
        box.setPeriodic(true, true, false);
        try (LammpsDumpWriter d = new LammpsDumpWriter(w, false, true)) {
            d.writeFrame(7, twoAtoms(), box);
        }
        assertEquals("""
                ITEM: TIMESTEP
                7
                ITEM: NUMBER OF ATOMS
                2
                ITEM: BOX BOUNDS pp pp ff
                0.0000000000000000e+00 1.0000000000000000e+01
                0.0000000000000000e+00 1.1000000000000000e+01
                0.0000000000000000e+00 1.2000000000000000e+01
                ITEM: ATOMS id type element x y z fx fy fz
                1 1 Li 1.0 2.0 3.0 0.5 0.0 0.0
                2 2 O 4.0 5.0 1.5 0.0 0.0 -0.25
                """, w.toString());
    }

    @Test
    @DisplayName("box numbers are formatted as C's %-1.16e of the exact binary value (strings from Python's printf)")
    void e16MatchesC() {
        Object[][] cases = {
            {1e-300, "1.0000000000000000e-300"}, {-2.5e-07, "-2.4999999999999999e-07"},
            {123456.789, "1.2345678900000000e+05"}, {0.1, "1.0000000000000001e-01"},
            {1.0 / 3.0, "3.3333333333333331e-01"}, {-7.1 + 1.2, "-5.8999999999999995e+00"},
            {1e23, "9.9999999999999992e+22"}, {Double.MIN_VALUE, "4.9406564584124654e-324"},
            {Double.MAX_VALUE, "1.7976931348623157e+308"}, {0.0, "0.0000000000000000e+00"},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], LammpsDumpWriter.e16((Double) c[0]));
        }
    }
}
