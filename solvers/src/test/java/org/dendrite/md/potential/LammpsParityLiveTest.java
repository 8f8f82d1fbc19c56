package org.dendrite.md.potential;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.potential.coulomb.CoulombCut;
import org.dendrite.md.potential.coulomb.CoulombDsf;
import org.dendrite.md.potential.coulomb.CoulombWolf;
import org.dendrite.md.potential.coulomb.ErfcMode;
import org.dendrite.md.potential.pair.BornMayerHuggins;
import org.dendrite.md.potential.pair.Buckingham;
import org.dendrite.md.potential.pair.LennardJones;
import org.dendrite.md.potential.pair.Morse;
import org.dendrite.md.potential.pair.MorseTableFile;
import org.dendrite.md.potential.pair.PairTableFile;
import org.dendrite.md.potential.pair.TablePair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single-point comparisons with the installed {@code lmp} for every style and Coulomb method:
 * energy and virial to 1e-6 relative, max |ΔF| to 1e-5·rms(F), using the reference evaluator.
 * Also measures what LAMMPS' polynomial erfc (coul/dsf, coul/long) does to the agreement of the
 * exact-erfc default on a 192-atom LLZO-composition cell. Needs lmp on the PATH.
 */
@Tag("lammps-live")
class LammpsParityLiveTest {
    @TempDir
    Path tmp;

    static final Species LLZO = new Species(List.of("Li", "La", "Zr", "O"),
            new double[] {6.941, 138.90547, 91.224, 15.999}, new double[] {0.6, 1.8, 2.4, -1.2});
    static final double[][] BUCK = { // type i, type j (0-based), A, rho, C
        {3, 3, 2029.2204, 0.343640, 192.580}, {0, 3, 41051.9380, 0.151160, 0.0},
        {1, 3, 4369.3900, 0.278600, 60.278}, {2, 3, 17943.3840, 0.226627, 127.650}};

    @BeforeAll
    static void needLammps() {
        assumeTrue(LammpsRunner.available(), "lmp not on the PATH");
    }

    record Diff(double energy, double virial, double force) {
    }

    static Diff compare(String name, ForceField ff, Atoms atoms, Box box, List<String> lammps) throws Exception {
        ReferenceEvaluator.Result ours = ReferenceEvaluator.evaluate(ff, atoms, box);
        LammpsRunner.Result ref = LammpsRunner.run(atoms, box, lammps);
        double de = Math.abs(ours.energy - ref.energy) / Math.abs(ref.energy);
        double wmax = 0, dw = 0;
        for (int k = 0; k < 9; k++) {
            wmax = Math.max(wmax, Math.abs(ref.virial[k]));
            dw = Math.max(dw, Math.abs(ours.virial[k] - ref.virial[k]));
        }
        double df = 0;
        for (int k = 0; k < ref.f.length; k++) {
            df = Math.max(df, Math.abs(ours.f[k] - ref.f[k]));
        }
        double rmsF = ForceFieldContract.rms(ref.f);
        Diff d = new Diff(de, dw / wmax, df / rmsF);
        System.out.printf("[lammps] %-34s N=%d E=%.10f (lmp %.10f) dE/E=%.2e dW/max|W|=%.2e max|dF|/rms(F)=%.2e (rms F %.3f)%n",
                name, atoms.nlocal, ours.energy, ref.energy, d.energy, d.virial, d.force, rmsF);
        return d;
    }

    static void assertParity(Diff d) {
        assertTrue(d.energy <= 1e-6, "energy relative difference " + d.energy);
        assertTrue(d.virial <= 1e-6, "virial relative difference " + d.virial);
        assertTrue(d.force <= 1e-5, "force difference / rms(F) " + d.force);
    }

    /** 192 atoms of Li56La24Zr16O96 (LLZO composition) at LLZO density, random with 1.8 Å minimum distance. */
    static Atoms llzoCell(Box box, long seed) {
        return TestCells.random(LLZO, new int[] {56, 24, 16, 96}, box, 1.8, seed);
    }

    static ForceField buckDsf(ErfcMode mode) {
        ForceField.Builder b = ForceField.builder(LLZO);
        for (double[] p : BUCK) {
            b.pair((int) p[0], (int) p[1], new Buckingham(p[2], p[3], p[4], 11.0), true);
        }
        return b.coulomb(new CoulombDsf(0.25, 8.0, mode)).build();
    }

    static List<String> lammpsBuck(String coulStyle) {
        List<String> c = new ArrayList<>();
        c.add("pair_style hybrid/overlay buck 11.0 " + coulStyle);
        c.add("pair_coeff * * " + coulStyle.split(" ")[0]);
        for (double[] p : BUCK) {
            int i = (int) p[0] + 1, j = (int) p[1] + 1;
            c.add(String.format(java.util.Locale.ROOT, "pair_coeff %d %d buck %.10g %.10g %.10g", Math.min(i, j), Math.max(i, j), p[2], p[3], p[4]));
        }
        c.add("pair_modify shift yes");
        return c;
    }

    @Test
    @DisplayName("Buckingham + coul/dsf on a 192-atom LLZO-composition cell: exact erfc vs LAMMPS, and with LAMMPS' polynomial erfc")
    void buckinghamDsfLlzo() throws Exception {
        Box box = Box.orthorhombic(13.1, 13.1, 12.7);
        Atoms atoms = llzoCell(box, 1);
        Diff exact = compare("buck+coul/dsf 192 ortho (exact erfc)", buckDsf(ErfcMode.EXACT), atoms, box, lammpsBuck("coul/dsf 0.25 8.0"));
        Diff poly = compare("buck+coul/dsf 192 ortho (poly erfc)", buckDsf(ErfcMode.LAMMPS_POLYNOMIAL), atoms, box, lammpsBuck("coul/dsf 0.25 8.0"));
        assertParity(poly);
        assertTrue(exact.energy < 1e-5 && exact.force < 1e-4, "exact-erfc difference is the polynomial's error");
        Box tri = new Box(0, 0, 0, 13.1, 13.0, 12.7, 2.1, -1.3, 0.9);
        Atoms ta = llzoCell(tri, 2);
        compare("buck+coul/dsf 192 triclinic (exact)", buckDsf(ErfcMode.EXACT), ta, tri, lammpsBuck("coul/dsf 0.25 8.0"));
        assertParity(compare("buck+coul/dsf 192 triclinic (poly)", buckDsf(ErfcMode.LAMMPS_POLYNOMIAL), ta, tri, lammpsBuck("coul/dsf 0.25 8.0")));
    }

    @Test
    @DisplayName("Born-Mayer-Huggins + coul/wolf agree with LAMMPS born + coul/wolf (orthorhombic and triclinic)")
    void bornWolf() throws Exception {
        Species s = new Species(List.of("Na", "Cl"), new double[] {22.99, 35.45}, new double[] {1, -1});
        ForceField ff = ForceField.builder(s)
                .pair(0, 0, new BornMayerHuggins(0.2637, 0.317, 2.340, 1.048553, -0.49935, 7.0), true)
                .pair(0, 1, new BornMayerHuggins(0.21096, 0.317, 2.755, 6.99055, -8.6757, 7.0), true)
                .pair(1, 1, new BornMayerHuggins(0.158221, 0.317, 3.170, 75.0544, -150.7325, 7.0), true)
                .coulomb(new CoulombWolf(0.3, 8.0)).build();
        List<String> c = List.of("pair_style hybrid/overlay born 7.0 coul/wolf 0.3 8.0", "pair_coeff * * coul/wolf",
                "pair_coeff 1 1 born 0.2637 0.317 2.340 1.048553 -0.49935",
                "pair_coeff 1 2 born 0.21096 0.317 2.755 6.99055 -8.6757",
                "pair_coeff 2 2 born 0.158221 0.317 3.170 75.0544 -150.7325", "pair_modify shift yes");
        for (boolean tilt : new boolean[] {false, true}) {
            Box box = TestCells.box(11.0, tilt, 5);
            Atoms atoms = TestCells.random(s, new int[] {32, 32}, box, 2.2, 6);
            assertParity(compare("born+coul/wolf 64 " + (tilt ? "triclinic" : "ortho"), ff, atoms, box, c));
        }
    }

    @Test
    @DisplayName("Morse, Lennard-Jones and coul/cut agree with LAMMPS morse + lj/cut + coul/cut")
    void morseLjCut() throws Exception {
        Species s = new Species(List.of("A", "B"), new double[] {10, 20}, new double[] {0.4, -0.4});
        // LAMMPS shifts per style (pair_modify pair morse shift yes), so every Morse and LJ pair is shifted here.
        ForceField ff = ForceField.builder(s)
                .pair(0, 0, new Morse(0.3, 1.4, 2.6, 6.5), true)
                .pair(1, 1, new Morse(0.2, 1.2, 3.0, 6.5), true)
                .pair(0, 1, new LennardJones(0.02, 2.4, 7.0), true)
                .coulomb(new CoulombCut(8.0)).build();
        List<String> c = List.of("pair_style hybrid/overlay morse 6.5 lj/cut 7.0 coul/cut 8.0", "pair_coeff * * coul/cut",
                "pair_coeff 1 1 morse 0.3 1.4 2.6", "pair_coeff 2 2 morse 0.2 1.2 3.0", "pair_coeff 1 2 lj/cut 0.02 2.4",
                "pair_modify pair morse shift yes", "pair_modify pair lj/cut shift yes");
        for (boolean tilt : new boolean[] {false, true}) {
            Box box = TestCells.box(10.0, tilt, 8);
            Atoms atoms = TestCells.random(s, new int[] {30, 30}, box, 2.1, 9);
            assertParity(compare("morse+lj/cut+coul/cut 60 " + (tilt ? "triclinic" : "ortho"), ff, atoms, box, c));
        }
    }

    @Test
    @DisplayName("pair_style table linear and spline agree with LAMMPS for an explicit-r table and an RSQ table")
    void table() throws Exception {
        Species s = new Species(List.of("A"), new double[] {40}, new double[] {0});
        Path file = MorseTableFile.write(500);
        Path rsq = tmp.resolve("rsq.table");
        StringBuilder sb = new StringBuilder("RSQTAB\nN 800 RSQ 1.5 7.0\n\n");
        for (int i = 0; i < 800; i++) {
            double r = Math.sqrt(1.5 * 1.5 + (49.0 - 2.25) * i / 799.0);
            sb.append(i + 1).append(' ').append(r).append(' ').append(MorseTableFile.energy(r)).append(' ')
                    .append(MorseTableFile.force(r)).append('\n');
        }
        Files.writeString(rsq, sb.toString());
        Box box = TestCells.box(10.0, true, 12);
        Atoms atoms = TestCells.random(s, new int[] {40}, box, 2.0, 13);
        Object[][] cases = {{"linear", 1000, file, "MORSE", Double.NaN}, {"spline", 1000, file, "MORSE", 6.5},
            {"linear", 800, rsq, "RSQTAB", Double.NaN}, {"spline", 300, rsq, "RSQTAB", Double.NaN}};
        for (Object[] k : cases) {
            String mode = (String) k[0];
            int n = (Integer) k[1];
            Path f = (Path) k[2];
            double cut = (Double) k[4];
            ForceField ff = ForceField.builder(s).pair(0, 0, new TablePair(PairTableFile.read(f, (String) k[3]),
                    mode.equals("linear") ? TablePair.Mode.LINEAR : TablePair.Mode.SPLINE, n, cut), false).build();
            List<String> c = List.of("pair_style table " + mode + " " + n,
                    "pair_coeff 1 1 " + f + " " + k[3] + (Double.isNaN(cut) ? "" : " " + cut));
            assertParity(compare("table " + mode + " " + n + " " + k[3], ff, atoms, box, c));
        }
    }

    static Atoms perturbedBcc(Species s, int cells, double a, double amplitude, long seed) {
        Atoms atoms = new Atoms(s, 2 * cells * cells * cells);
        Random rnd = new Random(seed);
        int i = 0;
        for (int x = 0; x < cells; x++) {
            for (int y = 0; y < cells; y++) {
                for (int z = 0; z < cells; z++) {
                    for (int b = 0; b < 2; b++) {
                        atoms.x[3 * i] = (x + 0.5 * b) * a + amplitude * (2 * rnd.nextDouble() - 1);
                        atoms.x[3 * i + 1] = (y + 0.5 * b) * a + amplitude * (2 * rnd.nextDouble() - 1);
                        atoms.x[3 * i + 2] = (z + 0.5 * b) * a + amplitude * (2 * rnd.nextDouble() - 1);
                        atoms.type[i] = s.count() == 1 ? 0 : rnd.nextInt(s.count());
                        atoms.id[i] = i + 1;
                        i++;
                    }
                }
            }
        }
        return atoms;
    }

    @Test
    @DisplayName("eam/alloy agrees with LAMMPS on perturbed bcc Li and a random triclinic cell; eam/fs on a two-element cell")
    void eam() throws Exception {
        Path alloy = ConfFiles.forcefield("Li-test.eam.alloy").toAbsolutePath();
        ForceField li = ForceFieldLoader.load(ConfFiles.forcefield("li-test-eam.yaml"));
        List<String> c = List.of("pair_style eam/alloy", "pair_coeff * * " + alloy + " Li");
        Box box = Box.orthorhombic(4 * 3.51, 4 * 3.51, 4 * 3.51);
        assertParity(compare("eam/alloy bcc Li 128 perturbed", li, perturbedBcc(li.species(), 4, 3.51, 0.15, 3), box, c));
        Box tri = new Box(0, 0, 0, 10.5, 10.2, 10.8, 1.7, -0.9, 1.1);
        assertParity(compare("eam/alloy Li 50 random triclinic", li,
                TestCells.random(li.species(), new int[] {50}, tri, 2.3, 4), tri, c));

        Path fs = ConfFiles.forcefield("LiX-test.eam.fs").toAbsolutePath();
        Species two = new Species(List.of("Li", "X"), new double[] {6.941, 22.99}, new double[] {0, 0});
        ForceField ffFs = ForceField.builder(two).manyBody(new org.dendrite.md.potential.eam.EamTerm(
                org.dendrite.md.potential.eam.SetflFile.read(fs, true), new int[] {0, 1})).build();
        List<String> cfs = List.of("pair_style eam/fs", "pair_coeff * * " + fs + " Li X");
        Box b2 = Box.orthorhombic(4 * 3.7, 4 * 3.7, 4 * 3.7);
        assertParity(compare("eam/fs Li-X 128 perturbed bcc", ffFs, perturbedBcc(two, 4, 3.7, 0.2, 5), b2, cfs));
    }

    @Test
    @DisplayName("Ewald (coul/long + kspace_style ewald 1e-6) agrees with LAMMPS: same alpha, same k-vectors, orthorhombic and triclinic")
    void ewald() throws Exception {
        Species s = new Species(List.of("Na", "Cl"), new double[] {22.99, 35.45}, new double[] {1, -1});
        Path dir = tmp;
        for (String erfc : new String[] {"exact", "lammps-polynomial"}) {
            Path yaml = dir.resolve("ewald-" + erfc + ".yaml");
            Files.writeString(yaml, "species: {Na: {mass: 22.99, charge: 1}, Cl: {mass: 35.45, charge: -1}}\n"
                    + "coulomb: {method: ewald, cutoff: 7.0, accuracy: 1.0e-6, erfc: " + erfc + "}\n");
            for (boolean tilt : new boolean[] {false, true}) {
                Box box = TestCells.box(12.0, tilt, 21);
                Atoms atoms = TestCells.random(s, new int[] {32, 32}, box, 2.3, 22);
                ForceField ff = ForceFieldLoader.load(yaml, atoms, box);
                List<String> c = List.of("pair_style coul/long 7.0", "pair_coeff * *", "pair_modify table 0",
                        "kspace_style ewald 1.0e-6");
                LammpsRunner.Result ref = LammpsRunner.run(atoms, box, c);
                double alphaLmp = Double.NaN;
                for (String line : ref.log.split("\n")) {
                    if (line.contains("G vector (1/distance)")) {
                        alphaLmp = Double.parseDouble(line.substring(line.indexOf('=') + 1).trim());
                    }
                }
                double alpha = ((org.dendrite.md.potential.coulomb.EwaldRealSpace) ff.coulomb()).alpha();
                System.out.printf("[lammps] ewald alpha ours %.12f lmp %.12f%n", alpha, alphaLmp);
                // the log prints 8 significant digits
                assertTrue(Math.abs(alpha - alphaLmp) < 1e-7 * alpha, "alpha differs");
                Diff d = compare("ewald 1e-6 64 " + (tilt ? "triclinic" : "ortho") + " (" + erfc + ")", ff, atoms, box, c);
                org.dendrite.md.potential.coulomb.EwaldSum sum = (org.dendrite.md.potential.coulomb.EwaldSum) ff.global().get(0);
                System.out.printf("[lammps] ewald k-vectors ours %d kmax %s%n", sum.kVectorCount(), java.util.Arrays.toString(sum.kmax()));
                if (erfc.equals("lammps-polynomial")) {
                    assertParity(d);
                }
            }
        }
    }

    @Test
    @DisplayName("Ewald on the 192-atom LLZO-composition cell: exact erfc vs LAMMPS' polynomial erfc in coul/long")
    void ewaldLlzo() throws Exception {
        Path dir = tmp;
        Box box = Box.orthorhombic(13.1, 13.1, 12.7);
        Atoms atoms = llzoCell(box, 1);
        List<String> c = List.of("pair_style coul/long 8.0", "pair_coeff * *", "pair_modify table 0", "kspace_style ewald 1.0e-6");
        for (String erfc : new String[] {"exact", "lammps-polynomial"}) {
            Path yaml = dir.resolve(erfc + ".yaml");
            Files.writeString(yaml, "species: {Li: {mass: 6.941, charge: 0.6}, La: {mass: 138.90547, charge: 1.8},"
                    + " Zr: {mass: 91.224, charge: 2.4}, O: {mass: 15.999, charge: -1.2}}\n"
                    + "coulomb: {method: ewald, cutoff: 8.0, accuracy: 1.0e-6, erfc: " + erfc + "}\n");
            Diff d = compare("ewald 1e-6 LLZO 192 (" + erfc + ")", ForceFieldLoader.load(yaml, atoms, box), atoms, box, c);
            if (erfc.equals("lammps-polynomial")) {
                assertParity(d);
            }
        }
    }

    @Test
    @DisplayName("the shipped Du/Teter file (cores, shift, DSF) agrees with LAMMPS table spline + coul/dsf on the 192-atom LLZO cell")
    void duTeterWithCoresViaLammpsTable() throws Exception {
        ForceField ff = ForceFieldLoader.load(ConfFiles.forcefield("llzo-du-teter.yaml"));
        Path table = tmp.resolve("du-teter.table");
        int[][] pairs = {{3, 3}, {0, 3}, {1, 3}, {2, 3}};
        String[] keys = new String[pairs.length];
        PairEvaluator[] ev = new PairEvaluator[pairs.length];
        double[] shifts = new double[pairs.length];
        List<String> c = new ArrayList<>();
        c.add("pair_style hybrid/overlay table spline 20000 coul/dsf 0.25 8.0");
        c.add("pair_coeff * * coul/dsf");
        for (int k = 0; k < pairs.length; k++) {
            keys[k] = ff.species().name(pairs[k][0]) + "_" + ff.species().name(pairs[k][1]);
            ev[k] = ff.pair(pairs[k][0], pairs[k][1]);
            shifts[k] = ff.energyShift(pairs[k][0], pairs[k][1]);
            c.add("pair_coeff " + (Math.min(pairs[k][0], pairs[k][1]) + 1) + " " + (Math.max(pairs[k][0], pairs[k][1]) + 1)
                    + " table " + table + " " + keys[k]);
        }
        org.dendrite.md.potential.pair.PairTableWriter.write(table, keys, ev, shifts, 0.5, 20000);
        Box box = Box.orthorhombic(13.1, 13.1, 12.7);
        Atoms atoms = llzoCell(box, 1);
        ForceField.Builder poly = ForceField.builder(ff.species());
        for (int k = 0; k < pairs.length; k++) {
            poly.pair(pairs[k][0], pairs[k][1], ev[k], true);
        }
        compare("du-teter yaml (exact erfc) vs table", ff, atoms, box, c);
        assertParity(compare("du-teter cores + poly erfc vs table", poly.coulomb(
                new CoulombDsf(0.25, 8.0, ErfcMode.LAMMPS_POLYNOMIAL)).build(), atoms, box, c));
    }
}
