package org.dendrite.md.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.potential.CoulombKernel;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.PairEvaluator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The engine's neighbour machinery (ghost images, half list, threads, virial) must give exactly the
 * energy, forces and virial of an explicit sum over all pairs and all periodic images — the oracle
 * here, independent of any cell list.
 */
class ForceEngineTest {

    /** Soft LJ-like pair with a per-pair parameter so type mixing errors show. */
    record Lj(double eps, double sigma, double rc) implements PairEvaluator {
        public double cutoff() { return rc; }
        public double energy(double rsq) {
            double s6 = Math.pow(sigma * sigma / rsq, 3);
            return 4 * eps * (s6 * s6 - s6);
        }
        public double forceOverR(double rsq) {
            double s6 = Math.pow(sigma * sigma / rsq, 3);
            return 24 * eps * (2 * s6 * s6 - s6) / rsq;
        }
    }

    /** Plain cut Coulomb for the test, so charges go through the kernel path. */
    record CutCoulomb(double rc) implements CoulombKernel {
        public double cutoff() { return rc; }
        public double energyPerQQ(double rsq) { return 14.399645 / Math.sqrt(rsq); }
        public double forceOverRPerQQ(double rsq) { return 14.399645 / (rsq * Math.sqrt(rsq)); }
        public double selfEnergy(double q) { return 0; }
    }

    static ForceField forceField(double rc) {
        Species sp = new Species(List.of("A", "B"), new double[] {10, 20}, new double[] {0.5, -0.5});
        return ForceField.builder(sp)
                .pair(0, 0, new Lj(0.02, 2.2, rc), true)
                .pair(0, 1, new Lj(0.05, 2.0, rc - 0.5), false)
                .pair(1, 1, new Lj(0.01, 2.6, rc), true)
                .coulomb(new CutCoulomb(rc))
                .build();
    }

    /** Random atoms with a minimum separation, in a possibly triclinic box. */
    static Atoms randomAtoms(Species sp, Box box, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Atoms a = new Atoms(sp, n);
        double[] s = new double[3];
        int placed = 0;
        while (placed < n) {
            box.fromFractional(rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), s, 0);
            boolean ok = true;
            double[] d = new double[3];
            for (int j = 0; j < placed && ok; j++) {
                d[0] = s[0] - a.x[3 * j];
                d[1] = s[1] - a.x[3 * j + 1];
                d[2] = s[2] - a.x[3 * j + 2];
                box.minimumImage(d, 0);
                ok = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] > 1.9 * 1.9;
            }
            if (ok) {
                a.x[3 * placed] = s[0];
                a.x[3 * placed + 1] = s[1];
                a.x[3 * placed + 2] = s[2];
                a.type[placed] = placed % 2;
                a.id[placed] = placed + 1;
                placed++;
            }
        }
        a.chargesFromSpecies();
        return a;
    }

    /** Explicit sum over pairs and images; returns energy, forces and virial. */
    static double bruteForce(ForceField ff, Atoms a, Box box, double[] f, double[] w) {
        int n = a.nlocal;
        double rc = ff.maxCutoff();
        int[] reach = new int[3];
        for (int k = 0; k < 3; k++) {
            reach[k] = (int) Math.ceil(rc / box.perpendicularWidth(k)) + 1;
        }
        double e = 0;
        double[] sh = new double[3];
        java.util.Arrays.fill(f, 0);
        java.util.Arrays.fill(w, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int ma = -reach[0]; ma <= reach[0]; ma++) {
                    for (int mb = -reach[1]; mb <= reach[1]; mb++) {
                        for (int mc = -reach[2]; mc <= reach[2]; mc++) {
                            if (i == j && ma == 0 && mb == 0 && mc == 0) {
                                continue;
                            }
                            box.imageShift(ma, mb, mc, sh, 0);
                            double dx = a.x[3 * i] - a.x[3 * j] - sh[0];
                            double dy = a.x[3 * i + 1] - a.x[3 * j + 1] - sh[1];
                            double dz = a.x[3 * i + 2] - a.x[3 * j + 2] - sh[2];
                            double rsq = dx * dx + dy * dy + dz * dz;
                            double fpair = 0, ep = 0;
                            PairEvaluator p = ff.pair(a.type[i], a.type[j]);
                            if (p != null && rsq < p.cutoff() * p.cutoff()) {
                                fpair += p.forceOverR(rsq);
                                ep += p.energy(rsq) - ff.energyShift(a.type[i], a.type[j]);
                            }
                            CoulombKernel c = ff.coulomb();
                            if (rsq < c.cutoff() * c.cutoff()) {
                                double qq = a.q[i] * a.q[j];
                                fpair += qq * c.forceOverRPerQQ(rsq);
                                ep += qq * c.energyPerQQ(rsq);
                            }
                            // Each ordered (i, j, image) visits the pair from i's side: half of it.
                            e += 0.5 * ep;
                            f[3 * i] += dx * fpair;
                            f[3 * i + 1] += dy * fpair;
                            f[3 * i + 2] += dz * fpair;
                            double[] r = {dx, dy, dz};
                            for (int u = 0; u < 3; u++) {
                                for (int v = 0; v < 3; v++) {
                                    w[3 * u + v] += 0.5 * r[u] * r[v] * fpair;
                                }
                            }
                        }
                    }
                }
            }
        }
        return e;
    }

    @DisplayName("energy, forces and virial equal the explicit image sum for any box shape, cut-off and thread count")
    @ParameterizedTest(name = "box {0}x{1}x{2} tilt ({3},{4},{5}) rc {6} threads {7}")
    @CsvSource({
        "20, 21, 22, 0, 0, 0, 6.0, 1",
        "20, 21, 22, 0, 0, 0, 6.0, 3",
        "14, 15, 16, 3.0, -2.0, 1.5, 6.0, 2",
        // Cut-off larger than the cell: several images of every atom interact.
        "7, 8, 9, 1.0, 0.5, -1.0, 8.5, 2",
    })
    void matchesExplicitImageSum(double lx, double ly, double lz, double xy, double xz, double yz,
                                 double rc, int threads) {
        ForceField ff = forceField(rc);
        Box box = new Box(-1, 2, 0.5, lx, ly, lz, xy, xz, yz);
        int n = (int) (box.volume() / 40);
        Atoms atoms = randomAtoms(ff.species(), box, n, 7);
        double[] fRef = new double[3 * n];
        double[] wRef = new double[9];
        double eRef = bruteForce(ff, atoms, box, fRef, wRef);

        try (ForceEngine engine = new ForceEngine(ff, 1.0, threads)) {
            ForceResult r = new ForceResult();
            engine.compute(atoms, box, true, r);
            assertEquals(eRef, r.potentialEnergy(), 1e-10 * Math.abs(eRef) + 1e-12);
            double wNorm = 0;
            for (double v : wRef) {
                wNorm += v * v;
            }
            for (int k = 0; k < 9; k++) {
                assertEquals(wRef[k], r.virial[k], 1e-10 * Math.sqrt(wNorm), "virial component " + k);
            }
            // Positions may have been wrapped into the box; forces do not depend on that.
            for (int k = 0; k < 3 * n; k++) {
                assertEquals(fRef[k], atoms.f[k], 1e-9, "force component " + k);
            }
        }
    }

    @Test
    @DisplayName("the list is rebuilt only after an atom moves more than half the skin, and forces stay exact")
    void rebuildsOnlyWhenNeeded() {
        ForceField ff = forceField(6.0);
        Box box = Box.orthorhombic(18, 18, 18);
        Atoms atoms = randomAtoms(ff.species(), box, 120, 3);
        try (ForceEngine engine = new ForceEngine(ff, 1.0, 2)) {
            ForceResult r = new ForceResult();
            engine.compute(atoms, box, true, r);
            assertEquals(1, engine.timings().rebuilds);
            atoms.x[0] += 0.4;
            engine.compute(atoms, box, true, r);
            assertEquals(1, engine.timings().rebuilds, "0.4 Å < skin/2 must not trigger a rebuild");
            double[] f = new double[3 * atoms.nlocal];
            double eRef = bruteForce(ff, atoms, box, f, new double[9]);
            assertEquals(eRef, r.potentialEnergy(), 1e-10 * Math.abs(eRef));
            atoms.x[0] += 0.2;
            engine.compute(atoms, box, true, r);
            assertEquals(2, engine.timings().rebuilds, "0.6 Å > skin/2 must trigger a rebuild");
        }
    }

    @Test
    @DisplayName("a box change counts against the skin: images may move |ΔH·n| without any atom moving")
    void boxChangeCountsAgainstTheSkin() {
        ForceField ff = forceField(6.0);
        Box box = Box.orthorhombic(18, 18, 18);
        Atoms atoms = randomAtoms(ff.species(), box, 120, 3);
        double[] f = new double[3 * atoms.nlocal];
        try (ForceEngine engine = new ForceEngine(ff, 1.0, 2)) {
            ForceResult r = new ForceResult();
            engine.compute(atoms, box, true, r);
            assertEquals(1, engine.timings().rebuilds);
            // Images one cell away come 0.8 Å closer: within the 1 Å skin, so the list still holds.
            box.set(0, 0, 0, 17.2, 18, 18, 0, 0, 0);
            engine.compute(atoms, box, true, r);
            assertEquals(1, engine.timings().rebuilds, "an image drift of 0.8 Å < skin needs no rebuild");
            double eRef = bruteForce(ff, atoms, box, f, new double[9]);
            assertEquals(eRef, r.potentialEnergy(), 1e-10 * Math.abs(eRef));
            // The drift leaves (1 − 0.8)/2 = 0.1 Å for each atom of a pair.
            atoms.x[0] += 0.15;
            engine.compute(atoms, box, true, r);
            assertEquals(2, engine.timings().rebuilds, "0.15 Å > (skin − drift)/2 must trigger a rebuild");
            // A drift beyond the skin alone forces a rebuild, and the forces stay those of all images.
            box.set(0, 0, 0, 17.2, 18, 16.9, 0, 0, 0);
            engine.compute(atoms, box, true, r);
            assertEquals(3, engine.timings().rebuilds, "an image drift of 1.1 Å > skin must trigger a rebuild");
            eRef = bruteForce(ff, atoms, box, f, new double[9]);
            assertEquals(eRef, r.potentialEnergy(), 1e-10 * Math.abs(eRef));
            for (int k = 0; k < 3 * atoms.nlocal; k++) {
                assertEquals(f[k], atoms.f[k], 1e-9 * Math.max(1, Math.abs(f[k])), "force component " + k);
            }
        }
    }

    @Test
    @DisplayName("importing the build reference reproduces forces bit for bit after a restart")
    void buildReferenceMakesRestartBitIdentical() {
        ForceField ff = forceField(6.0);
        Box box = new Box(0, 0, 0, 16, 17, 18, 2, 1, -1);
        Atoms atoms = randomAtoms(ff.species(), box, 150, 11);
        try (ForceEngine a = new ForceEngine(ff, 1.0, 2); ForceEngine b = new ForceEngine(ff, 1.0, 2)) {
            ForceResult r = new ForceResult();
            a.compute(atoms, box, true, r);
            BuildReference ref = a.exportBuildReference(atoms);
            SplittableRandom rng = new SplittableRandom(5);
            for (int k = 0; k < 3 * atoms.nlocal; k++) {
                atoms.x[k] += 0.3 * (rng.nextDouble() - 0.5);
            }
            a.compute(atoms, box, true, r);
            double[] fa = java.util.Arrays.copyOf(atoms.f, 3 * atoms.nlocal);
            Atoms copy = atoms.copyLocal();
            b.importBuildReference(ref);
            ForceResult rb = new ForceResult();
            b.compute(copy, box.copy(), true, rb);
            assertArrayEquals(fa, java.util.Arrays.copyOf(copy.f, 3 * copy.nlocal));
            assertEquals(r.potentialEnergy(), rb.potentialEnergy());
            assertTrue(a.timings().rebuilds == 1 && b.timings().rebuilds == 1);
        }
    }

    @Test
    @DisplayName("forces and virial are the same bits for any atom order and thread count (order-free sums)")
    void forcesDoNotDependOnAtomOrderOrThreads() {
        ForceField ff = forceField(7.0);
        Box box = new Box(0, 0, 0, 17.3, 18.1, 16.7, 1.1, -0.6, 0.8);
        Atoms a = randomAtoms(ff.species(), box, 240, 77);
        int n = a.nlocal;
        double[] fRef = new double[3 * (n + 1)];
        double[] wRef = new double[9];
        try (ForceEngine e = new ForceEngine(ff, 1.0, 1)) {
            ForceResult r = new ForceResult();
            Atoms c = a.copyLocal();
            e.compute(c, box.copy(), true, r);
            for (int i = 0; i < n; i++) {
                System.arraycopy(c.f, 3 * i, fRef, 3 * c.id[i], 3);
            }
            System.arraycopy(r.virial, 0, wRef, 0, 9);
        }
        SplittableRandom rng = new SplittableRandom(5);
        for (int threads : new int[] {1, 2, 3}) {
            // Reverse, then shuffle: the list rows and the scatter order both change.
            Atoms p = new Atoms(a.species, n);
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = n - 1 - i;
            }
            for (int i = n - 1; i > 0 && threads > 1; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int i = 0; i < n; i++) {
                int s = perm[i];
                System.arraycopy(a.x, 3 * s, p.x, 3 * i, 3);
                p.type[i] = a.type[s];
                p.id[i] = a.id[s];
                p.q[i] = a.q[s];
            }
            p.nlocal = n;
            try (ForceEngine e = new ForceEngine(ff, 1.0, threads)) {
                ForceResult r = new ForceResult();
                e.compute(p, box.copy(), true, r);
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(fRef[3 * p.id[i] + c], p.f[3 * i + c], 0.0,
                                "threads " + threads + ", atom id " + p.id[i] + " component " + c);
                    }
                }
                assertArrayEquals(wRef, r.virial, 0.0, "virial, threads " + threads);
            }
        }
    }
}
