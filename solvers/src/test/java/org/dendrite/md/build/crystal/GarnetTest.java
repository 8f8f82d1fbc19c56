package org.dendrite.md.build.crystal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.dendrite.md.Atoms;
import org.dendrite.md.io.ExtXyzReader;
import org.dendrite.md.io.Structure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Garnet LLZO cells from the space-group engine: composition, density, geometry, provenance. */
class GarnetTest {
    private static final String[] ELEMENTS = {"Li", "La", "Zr", "O"};

    /** Minimum-image distance between atoms i and j of an orthogonal cell, Å. */
    static double distance(UnitCell u, int i, int j) {
        double s = 0;
        double[] edge = {u.a(), u.b(), u.c()};
        for (int d = 0; d < 3; d++) {
            double f = SymmetryOperation.wrapDifference(u.frac(i, d) - u.frac(j, d)) * edge[d];
            s += f * f;
        }
        return Math.sqrt(s);
    }

    /** Sorted distances from atom i to every other atom of an element (minimum image). */
    static double[] distancesTo(UnitCell u, int i, String element) {
        List<Double> out = new ArrayList<>();
        for (int j = 0; j < u.size(); j++) {
            if (j != i && u.element(j).equals(element)) {
                out.add(distance(u, i, j));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** Shortest distance between two elements over the cell. */
    static double minDistance(UnitCell u, String e1, String e2) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < u.size(); i++) {
            if (u.element(i).equals(e1)) {
                double[] d = distancesTo(u, i, e2);
                if (d.length > 0) {
                    best = Math.min(best, d[0]);
                }
            }
        }
        return best;
    }

    /** Cell joining a framework and candidate Li sites (site indices of the Li offset past the framework's). */
    private static UnitCell cubicWithAllLiSites(double a) {
        UnitCell f = Garnet.cubicFramework(a);
        UnitCell li = Garnet.cubicLithiumSites(a);
        UnitCell u = new UnitCell(a, a, a);
        for (int i = 0; i < f.size(); i++) {
            u.add(f.element(i), f.frac(i, 0), f.frac(i, 1), f.frac(i, 2), f.site(i));
        }
        for (int i = 0; i < li.size(); i++) {
            u.add(li.element(i), li.frac(i, 0), li.frac(i, 1), li.frac(i, 2), 3 + li.site(i));
        }
        return u;
    }

    @Test
    @DisplayName("tetragonal LLZO: each Wyckoff site expands to its ITA multiplicity (8/16/32 Li, 8/16 La, 16 Zr, 3x32 O) and the cell is Li56 La24 Zr16 O96")
    void tetragonalMultiplicitiesAndComposition() {
        UnitCell u = Garnet.tetragonal(13.236, 12.702);
        int[] perSite = new int[Garnet.tetragonalSites().size()];
        for (int i = 0; i < u.size(); i++) {
            perSite[u.site(i)]++;
        }
        assertEquals("[8, 16, 32, 8, 16, 16, 32, 32, 32]", Arrays.toString(perSite));
        for (int s = 0; s < perSite.length; s++) {
            assertEquals(Garnet.tetragonalSites().get(s).multiplicity(), perSite[s]);
        }
        assertEquals(Map.of("Li", 56, "La", 24, "Zr", 16, "O", 96), u.composition());
    }

    @Test
    @DisplayName("tetragonal LLZO density at the DFT cell a=13.236, c=12.702 A equals mass/volume, 5.01 g/cm3")
    void tetragonalDensity() {
        UnitCell u = Garnet.tetragonal(13.236, 12.702);
        double massAmu = 56 * 6.94 + 24 * 138.90547 + 16 * 91.224 + 96 * 15.999;
        double expected = massAmu * 1.66053906660e-24 / (13.236 * 13.236 * 12.702 * 1e-24);
        assertEquals(expected, u.densityGPerCm3(), 1e-12);
        assertEquals(5.013, u.densityGPerCm3(), 0.001);
    }

    @Test
    @DisplayName("tetragonal LLZO equals, atom for atom after the origin shift (0, 1/4, 3/8), the cell ASE expands from the CIF in origin choice 1")
    void tetragonalMatchesAseExpansionOfCif() {
        Structure s = ExtXyzReader.read(Path.of("..", "conf", "structures", "llzo-tetragonal-192.extxyz"));
        UnitCell u = Garnet.tetragonal(s.box().lx(), s.box().lz());
        Atoms a = s.atoms();
        assertEquals(u.size(), a.nlocal);
        double[] shift = {0, 0.25, 0.375};
        double[] edge = {s.box().lx(), s.box().ly(), s.box().lz()};
        boolean[] matched = new boolean[u.size()];
        for (int i = 0; i < a.nlocal; i++) {
            int hit = -1;
            for (int j = 0; j < u.size() && hit < 0; j++) {
                if (matched[j] || !u.element(j).equals(a.species.name(a.type[i]))) {
                    continue;
                }
                double d2 = 0;
                for (int d = 0; d < 3; d++) {
                    double f = SymmetryOperation.wrapDifference(a.x[3 * i + d] / edge[d] + shift[d] - u.frac(j, d));
                    d2 += f * f;
                }
                if (d2 < 1e-12) {
                    hit = j;
                }
            }
            assertTrue(hit >= 0, "atom " + i + " of the ASE cell has no counterpart");
            matched[hit] = true;
        }
    }

    @Test
    @DisplayName("tetragonal LLZO nearest distances are physical: Li-O 1.8, Zr-O 2.0, La-O 2.4, O-O 2.8, Li-Li 2.5, cation pairs 2.9+ A at least")
    void tetragonalMinimumDistances() {
        UnitCell u = Garnet.tetragonal(Garnet.TETRAGONAL_A_A, Garnet.TETRAGONAL_C_A);
        assertBounds(u, Map.of("Li-O", 1.8, "Zr-O", 2.0, "La-O", 2.4, "O-O", 2.8, "Li-Li", 2.5,
                "Li-Zr", 2.9, "Li-La", 3.0, "La-Zr", 3.5, "La-La", 3.9, "Zr-Zr", 5.6));
        assertEquals(1.895, minDistance(u, "Li", "O"), 0.001);
        assertEquals(2.129, minDistance(u, "Zr", "O"), 0.001);
    }

    @Test
    @DisplayName("cubic LLZO framework and Li sites: La24 Zr16 O96 + 24d + 96h; Li-O 1.8, Zr-O 2.0, La-O 2.4, O-O 2.8, Li-cation 2.9+ A at least")
    void cubicMinimumDistances() {
        assertEquals(Map.of("La", 24, "Zr", 16, "O", 96), Garnet.cubicFramework(12.97).composition());
        UnitCell u = cubicWithAllLiSites(12.97);
        assertEquals(Map.of("La", 24, "Zr", 16, "O", 96, "Li", 120), u.composition());
        assertBounds(u, Map.of("Li-O", 1.8, "Zr-O", 2.0, "La-O", 2.4, "O-O", 2.8,
                "Li-Zr", 2.9, "Li-La", 3.0, "La-Zr", 3.5, "La-La", 3.9, "Zr-Zr", 5.6));
    }

    @Test
    @DisplayName("coordination from the generated cells: Zr has 6 O (< 2.3 A), La 8 O (< 2.8 A), tetrahedral Li (8a, 24d) 4 O (< 2.0 A), in both phases")
    void coordination() {
        UnitCell t = Garnet.tetragonal(Garnet.TETRAGONAL_A_A, Garnet.TETRAGONAL_C_A);
        UnitCell c = cubicWithAllLiSites(Garnet.CUBIC_A_A);
        for (UnitCell u : List.of(t, c)) {
            for (int i = 0; i < u.size(); i++) {
                double[] o = distancesTo(u, i, "O");
                boolean tetLi = u == t ? u.site(i) == 0 : u.site(i) == 3;
                if (u.element(i).equals("Zr")) {
                    assertTrue(o[5] < 2.3 && o[6] > 3.5, "Zr " + i + ": " + o[5] + " " + o[6]);
                } else if (u.element(i).equals("La")) {
                    assertTrue(o[7] < 2.8 && o[8] > 3.5, "La " + i + ": " + o[7] + " " + o[8]);
                } else if (tetLi) {
                    assertTrue(o[3] < 2.0 && o[4] > 3.0, "Li " + i + ": " + o[3] + " " + o[4]);
                }
            }
        }
    }

    @Test
    @DisplayName("symmetry-equivalent atoms have identical neighbour shells: per Wyckoff site, every atom sees the same distances to Li, La, Zr and O")
    void equivalentAtomsHaveEqualEnvironments() {
        for (UnitCell u : List.of(Garnet.tetragonal(Garnet.TETRAGONAL_A_A, Garnet.TETRAGONAL_C_A), cubicWithAllLiSites(Garnet.CUBIC_A_A))) {
            for (int i = 0; i < u.size(); i++) {
                for (int j = i + 1; j < u.size(); j++) {
                    if (u.site(i) != u.site(j)) {
                        continue;
                    }
                    for (String e : ELEMENTS) {
                        double[] di = Arrays.copyOf(distancesTo(u, i, e), 12);
                        double[] dj = Arrays.copyOf(distancesTo(u, j, e), 12);
                        assertArrayEqualsTol(di, dj, 1e-9, "site " + u.site(i) + " atoms " + i + "/" + j + " to " + e);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("tetragonal fixed sites lie on the cubic ones: Zr on 16a and Li 8a on 24d exactly, La within 0.0025 of 24c")
    void tetragonalInCubicFrame() {
        UnitCell t = Garnet.tetragonal(1, 1);
        for (int i = 0; i < t.size(); i++) {
            String e = t.element(i);
            int s = t.site(i);
            if (e.equals("Zr")) {
                assertTrue(nearestImage(t, i, 0, 0, 0) < 1e-12);
            } else if (s == 0) {
                assertTrue(nearestImage(t, i, 0.375, 0, 0.25) < 1e-12);
            } else if (e.equals("La")) {
                assertTrue(nearestImage(t, i, 0.125, 0, 0.25) < 0.0025);
            }
        }
    }

    @Test
    @DisplayName("the cubic Li 96h and O 96h coordinates are the Ia-3d averages of the tetragonal octahedral Li and of the tetragonal O (reproduces the derivation)")
    void cubic96hDerivation() {
        UnitCell t = Garnet.tetragonal(1, 1);
        WyckoffSite li = Garnet.cubicLithiumSites().get(1);
        WyckoffSite o = Garnet.cubicFrameworkSites().get(2);
        double[] liAvg = average(t, new double[] {li.x(), li.y(), li.z()}, i -> t.site(i) == 1 || t.site(i) == 2);
        double[] oAvg = average(t, new double[] {o.x(), o.y(), o.z()}, i -> t.element(i).equals("O"));
        assertArrayEqualsTol(new double[] {li.x(), li.y(), li.z()}, liAvg, 5e-5, "Li 96h");
        assertArrayEqualsTol(new double[] {o.x(), o.y(), o.z()}, oAvg, 5e-5, "O 96h");
    }

    @Test
    @DisplayName("the ordered tetragonal Li map onto 56 distinct cubic sites, 8 of them 24d, closest pair 2.34 A at a = 12.97 A")
    void orderedPattern() {
        UnitCell li = Garnet.cubicLithiumSites(12.97);
        int[] p = Garnet.orderedLithiumPattern(li);
        assertEquals(56, Arrays.stream(p).distinct().count());
        assertEquals(8, Arrays.stream(p).filter(s -> li.site(s) == 0).count());
        assertEquals(2.34, orderedMinLiDistance(li), 0.01);
    }

    /** Closest Li–Li distance (Å, periodic images included) of the ordered pattern on the cubic sites. */
    private static double orderedMinLiDistance(UnitCell liSites) {
        int[] pat = Garnet.orderedLithiumPattern(liSites);
        double best = Double.MAX_VALUE;
        for (int x = 0; x < pat.length; x++) {
            for (int y = x + 1; y < pat.length; y++) {
                double d2 = 0;
                for (int d = 0; d < 3; d++) {
                    double f = SymmetryOperation.wrapDifference(liSites.frac(pat[x], d) - liSites.frac(pat[y], d)) * liSites.a();
                    d2 += f * f;
                }
                best = Math.min(best, d2);
            }
        }
        return Math.sqrt(best);
    }

    private static double nearestImage(UnitCell t, int i, double x, double y, double z) {
        double best = Double.MAX_VALUE;
        double[] p = {t.frac(i, 0), t.frac(i, 1), t.frac(i, 2)};
        double[] q = new double[3];
        for (SymmetryOperation op : SpaceGroup.IA_3D.operations()) {
            op.apply(p, q);
            double d2 = 0;
            d2 += Math.pow(SymmetryOperation.wrapDifference(q[0] - x), 2);
            d2 += Math.pow(SymmetryOperation.wrapDifference(q[1] - y), 2);
            d2 += Math.pow(SymmetryOperation.wrapDifference(q[2] - z), 2);
            best = Math.min(best, d2);
        }
        return Math.sqrt(best);
    }

    /** Mean over the selected atoms of their Ia-3d image nearest to {@code ref} (fractional). */
    private static double[] average(UnitCell t, double[] ref, java.util.function.IntPredicate select) {
        double[] sum = new double[3];
        int n = 0;
        double[] p = new double[3];
        double[] q = new double[3];
        for (int i = 0; i < t.size(); i++) {
            if (!select.test(i)) {
                continue;
            }
            for (int d = 0; d < 3; d++) {
                p[d] = t.frac(i, d);
            }
            double best = Double.MAX_VALUE;
            double[] bestD = new double[3];
            for (SymmetryOperation op : SpaceGroup.IA_3D.operations()) {
                op.apply(p, q);
                double[] dd = new double[3];
                double d2 = 0;
                for (int d = 0; d < 3; d++) {
                    dd[d] = SymmetryOperation.wrapDifference(q[d] - ref[d]);
                    d2 += dd[d] * dd[d];
                }
                if (d2 < best) {
                    best = d2;
                    bestD = dd;
                }
            }
            for (int d = 0; d < 3; d++) {
                sum[d] += ref[d] + bestD[d];
            }
            n++;
        }
        for (int d = 0; d < 3; d++) {
            sum[d] /= n;
        }
        return sum;
    }

    private static void assertBounds(UnitCell u, Map<String, Double> bounds) {
        for (Map.Entry<String, Double> b : bounds.entrySet()) {
            String[] pair = b.getKey().split("-");
            double d = minDistance(u, pair[0], pair[1]);
            assertTrue(d >= b.getValue(), b.getKey() + " minimum " + d + " Å < " + b.getValue() + " Å");
        }
    }

    private static void assertArrayEqualsTol(double[] a, double[] b, double tol, String what) {
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], tol, what + " [" + k + "]");
        }
    }
}
