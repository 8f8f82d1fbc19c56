package org.dendrite.md.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.region.PlacedRegion;
import org.dendrite.md.region.Regions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RdfTest {
    static final Species AB = new Species(List.of("A", "B"), new double[] {1, 1}, new double[] {0, 0});

    /** n uniformly random points in the box, type = i % types. */
    static Atoms random(Box box, int n, int types, SplittableRandom rng) {
        Atoms a = new Atoms(AB, n);
        for (int i = 0; i < n; i++) {
            box.fromFractional(rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), a.x, 3 * i);
            a.type[i] = i % types;
            a.id[i] = i + 1;
        }
        return a;
    }

    /** Lattice points: basis (fractions of the cubic cell a) repeated n×n×n times, all type A. */
    static Atoms lattice(double a, int n, double[][] basis) {
        Atoms at = new Atoms(AB, basis.length * n * n * n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (double[] b : basis) {
                        at.x[3 * k] = (i + b[0]) * a;
                        at.x[3 * k + 1] = (j + b[1]) * a;
                        at.x[3 * k + 2] = (l + b[2]) * a;
                        at.id[k] = k + 1;
                        k++;
                    }
                }
            }
        }
        return at;
    }

    static double mean(double[] r, double[] g, double from, double to) {
        double s = 0;
        int n = 0;
        for (int k = 0; k < r.length; k++) {
            if (r[k] >= from && r[k] <= to) {
                s += g[k];
                n++;
            }
        }
        return s / n;
    }

    @Test
    @DisplayName("uniformly random points (ideal gas) give g(r) = 1 within the counting noise for every partial, in"
            + " orthorhombic and triclinic cells, with r_max beyond half the cell")
    void idealGasIsFlat() {
        SplittableRandom rng = new SplittableRandom(11);
        for (Box box : new Box[] {Box.orthorhombic(30, 30, 30), new Box(2, -3, 1, 16, 18, 30, 4, -3, 5)}) {
            Rdf rdf = new Rdf(AB, List.of("A-A", "A-B", "B-A", "B-B"), 12.0, 60);
            int n = (int) Math.round(0.05 * box.volume());
            for (int f = 0; f < 10; f++) {
                rdf.sample(random(box, n, 2, rng), box, null);
            }
            double[] r = rdf.r();
            for (int p = 0; p < 4; p++) {
                double[] g = rdf.g(p);
                double m = mean(r, g, 2.0, 12.0);
                double rms = Rdf.rmsDeviationFromOne(r, g, 3.0, 12.0);
                System.out.printf("ideal gas %s in %s: <g>(2..12 Å) = %.4f, rms(g − 1)(3..12 Å) = %.4f%n",
                        rdf.pairs().get(p), box, m, rms);
                assertEquals(1.0, m, 0.01, rdf.pairs().get(p));
                assertTrue(rms < 0.04, rdf.pairs().get(p) + " rms " + rms);
            }
        }
    }

    @Test
    @DisplayName("the A-A density excludes the centre itself (N − 1): a 20-point ideal gas still averages g = 1")
    void smallSystemNormalisation() {
        SplittableRandom rng = new SplittableRandom(5);
        Box box = Box.orthorhombic(10, 10, 10);
        Rdf rdf = new Rdf(AB, List.of("A-A"), 5.0, 25);
        for (int f = 0; f < 4000; f++) {
            rdf.sample(random(box, 20, 1, rng), box, null);
        }
        double m = mean(rdf.r(), rdf.g(0), 1.0, 5.0);
        System.out.printf("20-point gas: <g>(1..5 Å) = %.4f (with N instead of N − 1 it would be 0.95)%n", m);
        assertEquals(1.0, m, 0.01);
    }

    @Test
    @DisplayName("simple cubic and fcc lattices give their coordination shells: sc 6, 12, 8 at a, √2a, √3a; fcc 12,"
            + " 6, 24 at a/√2, a, √1.5a (also in a cell smaller than 2 r_max)")
    void latticeShells() {
        double a = 3.0;
        Rdf sc = new Rdf(AB, List.of("A-A"), 6.5, 650);
        sc.sample(lattice(a, 6, new double[][] {{0, 0, 0}}), Box.orthorhombic(6 * a, 6 * a, 6 * a), null);
        assertEquals(6.0, sc.coordination(0, 3.5), 1e-12);
        assertEquals(18.0, sc.coordination(0, 4.6), 1e-12);
        assertEquals(26.0, sc.coordination(0, 5.5), 1e-12);
        assertEquals(32.0, sc.coordination(0, 6.2), 1e-12);
        // The first peak sits in the bin holding r = a, and g vanishes between the shells.
        double[] r = sc.r();
        double[] g = sc.g(0);
        assertTrue(Rdf.maxIn(r, g, 2.99, 3.01) > 10);
        assertEquals(0.0, Rdf.maxIn(r, g, 3.1, 4.1), 0.0);

        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        double b = 4.0;
        Rdf small = new Rdf(AB, List.of("A-A"), 6.0, 600);
        small.sample(lattice(b, 2, fcc), Box.orthorhombic(2 * b, 2 * b, 2 * b), null);
        assertEquals(12.0, small.coordination(0, 3.4), 1e-12);
        assertEquals(18.0, small.coordination(0, 4.4), 1e-12);
        assertEquals(42.0, small.coordination(0, 5.2), 1e-12);
        assertEquals(54.0, small.coordination(0, 5.9), 1e-12);
    }

    @Test
    @DisplayName("a centre region restricts the centres, not the neighbours: a crystal half keeps sharp shells while"
            + " a gas half of the same density is flat")
    void regionRestrictsCentres() {
        double a = 3.0;
        int n = 8;
        Box box = Box.orthorhombic(n * a, n * a, 2 * n * a);
        Atoms crystal = lattice(a, n, new double[][] {{0, 0, 0}});
        SplittableRandom rng = new SplittableRandom(3);
        Atoms all = new Atoms(AB, 2 * crystal.nlocal);
        System.arraycopy(crystal.x, 0, all.x, 0, 3 * crystal.nlocal);
        for (int i = crystal.nlocal; i < all.nlocal; i++) {
            all.x[3 * i] = rng.nextDouble() * n * a;
            all.x[3 * i + 1] = rng.nextDouble() * n * a;
            all.x[3 * i + 2] = n * a + rng.nextDouble() * n * a;
        }
        for (int i = 0; i < all.nlocal; i++) {
            all.id[i] = i + 1;
        }
        PlacedRegion inCrystal = Regions.slab(2, 6.0, n * a - 6.0).place(box);
        PlacedRegion inGas = Regions.slab(2, n * a + 6.0, 2 * n * a - 6.0).place(box);
        Rdf c = new Rdf(AB, List.of("A-A"), 5.0, 50);
        Rdf gas = new Rdf(AB, List.of("A-A"), 5.0, 50);
        c.sample(all, box, inCrystal);
        gas.sample(all, box, inGas);
        int expectedCentres = 0;
        for (int i = 0; i < crystal.nlocal; i++) {
            expectedCentres += crystal.x[3 * i + 2] >= 6.0 && crystal.x[3 * i + 2] < n * a - 6.0 ? 1 : 0;
        }
        assertEquals(expectedCentres, c.meanCentres(0), 0.0);
        assertEquals(6.0, c.coordination(0, 3.5), 1e-12);
        double rmsCrystal = Rdf.rmsDeviationFromOne(c.r(), c.g(0), 2.0, 5.0);
        double rmsGas = Rdf.rmsDeviationFromOne(gas.r(), gas.g(0), 2.0, 5.0);
        System.out.printf("region RDF: rms(g − 1) crystal half %.2f, gas half %.2f%n", rmsCrystal, rmsGas);
        assertTrue(rmsCrystal > 5 * rmsGas, rmsCrystal + " vs " + rmsGas);
        assertTrue(rmsGas < 0.3, "gas " + rmsGas);
    }
}
