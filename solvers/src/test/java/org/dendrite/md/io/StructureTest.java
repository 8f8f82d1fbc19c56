package org.dendrite.md.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StructureTest {
    @Test
    @DisplayName("replicate numbers ids and orders copies as LAMMPS replicate: id + maxId·(i + na·(j + nb·k)), k outermost")
    void replicateFollowsLammps() {
        Structure s = ExtXyzTest.sample(new Random(5), 4);
        Structure r = s.replicate(2, 3, 2);
        Atoms a = r.atoms();
        assertEquals(48, a.nlocal);
        Box b = s.box();
        assertEquals(2 * b.lx(), r.box().lx());
        assertEquals(3 * b.ly(), r.box().ly());
        assertEquals(2 * b.lz(), r.box().lz());
        assertEquals(3 * b.xy(), r.box().xy());
        assertEquals(2 * b.xz(), r.box().xz());
        assertEquals(2 * b.yz(), r.box().yz());
        double[] shift = new double[3];
        int m = 0;
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    b.imageShift(i, j, k, shift, 0);
                    for (int t = 0; t < 4; t++, m++) {
                        assertEquals(t + 1 + 4 * (i + 2 * (j + 3 * k)), a.id[m]);
                        assertEquals(s.atoms().type[t], a.type[m]);
                        for (int d = 0; d < 3; d++) {
                            assertEquals(s.atoms().x[3 * t + d] + shift[d], a.x[3 * m + d], 1e-12);
                            assertEquals(s.atoms().v[3 * t + d], a.v[3 * m + d]);
                        }
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("a replicated cell has no atoms closer than the original's closest pair")
    void replicateKeepsDistances() {
        Structure s = ExtXyzTest.sample(new Random(6), 30);
        double d1 = StructureValidator.closestPair(s.atoms(), s.box(), 3.0, "x").distance();
        Structure r = s.replicate(2, 2, 2);
        double d8 = StructureValidator.closestPair(r.atoms(), r.box(), 3.0, "x").distance();
        assertEquals(d1, d8, 1e-9);
    }

    @Test
    @DisplayName("mapping onto a force field's species renumbers types by name and sets charges")
    void onSpeciesMapsByName() {
        Structure s = ExtXyzTest.sample(new Random(7), 6);
        Species ff = new Species(List.of("O", "Zr", "Li"), new double[] {15.999, 91.224, 6.941},
                new double[] {-1.2, 2.4, 0.6});
        Structure m = s.onSpecies(ff);
        for (int i = 0; i < 6; i++) {
            String name = s.species().name(s.atoms().type[i]);
            assertEquals(name, ff.name(m.atoms().type[i]));
            assertEquals(ff.charge(ff.typeOf(name)), m.atoms().q[i]);
        }
        Species noO = new Species(List.of("Li"), new double[] {6.941}, new double[] {1});
        InputException e = assertThrows(InputException.class, () -> s.onSpecies(noO));
        assertEquals("sample: atom 2: species 'O' is not in the force field (it has Li)", e.getMessage());
    }

    @Test
    @DisplayName("the validator names both atoms and the distance of a pair closer than 0.5 Å across a periodic boundary")
    void closePairAcrossBoundary() {
        Structure s = ExtXyzTest.sample(new Random(8), 40);
        Atoms a = s.atoms();
        // Put atom 7 just across the a-face from atom 31 (0.3 Å apart through the periodic boundary).
        double[] f = new double[3];
        s.box().toFractional(a.x[3 * 30], a.x[3 * 30 + 1], a.x[3 * 30 + 2], f, 0);
        s.box().fromFractional(0.0, f[1], f[2], a.x, 3 * 30);
        s.box().fromFractional(1.0, f[1], f[2], a.x, 3 * 6);
        a.x[3 * 6] -= 0.3;
        InputException e = assertThrows(InputException.class, () -> StructureValidator.validate(s));
        assertTrue(e.getMessage().startsWith("sample: atom 7: 0.3000 Å from atom 31, closer than the minimum 0.50 Å"),
                e.getMessage());
    }

    @Test
    @DisplayName("the validator rejects NaN coordinates naming the atom")
    void nanCoordinateNamesAtom() {
        Structure s = ExtXyzTest.sample(new Random(9), 10);
        s.atoms().x[3 * 4 + 1] = Double.NaN;
        InputException e = assertThrows(InputException.class, () -> StructureValidator.validate(s));
        assertEquals("sample: atom 5: non-finite coordinate y = NaN", e.getMessage());
    }

    @Test
    @DisplayName("the cell-list closest pair equals the brute-force minimum-image search on small triclinic cells")
    void cellListEqualsBruteForce() {
        Random rnd = new Random(10);
        for (int trial = 0; trial < 20; trial++) {
            Structure s = ExtXyzTest.sample(rnd, 5 + rnd.nextInt(60));
            double within = 0.3 + 2.5 * rnd.nextDouble();
            StructureValidator.ClosePair p = StructureValidator.closestPair(s.atoms(), s.box(), within, "x");
            double best = bruteForce(s, within);
            if (best >= within) {
                assertNull(p);
            } else {
                assertEquals(best, p.distance(), 1e-12);
            }
        }
    }

    @Test
    @DisplayName("the validator handles 41 472 atoms in well under a second (cell list, not O(N²))")
    void validatorScales() {
        Structure s = ExtXyzTest.sample(new Random(11), 1);
        // A 0.1 atoms/Å³ random gas would have close pairs; use a simple cubic lattice of 41 472 points.
        int nx = 36, ny = 36, nz = 32;
        Species sp = s.species();
        Atoms a = new Atoms(sp, nx * ny * nz);
        int m = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, m++) {
                    a.x[3 * m] = 2.2 * i;
                    a.x[3 * m + 1] = 2.2 * j;
                    a.x[3 * m + 2] = 2.2 * k;
                    a.id[m] = m + 1;
                }
            }
        }
        Structure big = new Structure(a, Box.orthorhombic(2.2 * nx, 2.2 * ny, 2.2 * nz), "big");
        long t0 = System.nanoTime();
        StructureValidator.validate(big);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertTrue(seconds < 2.0, "validation took " + seconds + " s");
        a.x[3 * 1000] += 1.9;
        InputException e = assertThrows(InputException.class, () -> StructureValidator.validate(big));
        assertTrue(e.getMessage().startsWith("big: atom 1001: 0.3000 Å from atom 1002"), e.getMessage());
    }

    private static double bruteForce(Structure s, double within) {
        Atoms a = s.atoms();
        Box b = s.box();
        double best = Double.POSITIVE_INFINITY;
        double[] sh = new double[3];
        for (int i = 0; i < a.nlocal; i++) {
            for (int j = i; j < a.nlocal; j++) {
                for (int p = -3; p <= 3; p++) {
                    for (int q = -3; q <= 3; q++) {
                        for (int r = -3; r <= 3; r++) {
                            if (i == j && p == 0 && q == 0 && r == 0) {
                                continue;
                            }
                            b.imageShift(p, q, r, sh, 0);
                            double dx = a.x[3 * j] + sh[0] - a.x[3 * i];
                            double dy = a.x[3 * j + 1] + sh[1] - a.x[3 * i + 1];
                            double dz = a.x[3 * j + 2] + sh[2] - a.x[3 * i + 2];
                            best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
                        }
                    }
                }
            }
        }
        return best;
    }
}
