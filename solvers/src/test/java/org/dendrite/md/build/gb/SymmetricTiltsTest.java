package org.dendrite.md.build.gb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SymmetricTiltsTest {

    private static List<String> described(int[] axis, int maxSigma) {
        List<String> out = new ArrayList<>();
        for (SymmetricTilts.Boundary b : SymmetricTilts.list(axis, maxSigma)) {
            out.add(b.describe());
        }
        return out;
    }

    @Test
    @DisplayName("the [100] list up to Σ29 is the textbook one: Σ5 36.87°/53.13°, Σ13 22.62°/67.38°, Σ17 28.07°/61.93°, "
            + "Σ25 16.26°/73.74°, Σ29 43.60°/46.40°")
    void axis100() {
        assertEquals(List.of("Σ5 (0 -3 1) 36.870°", "Σ5 (0 -2 1) 53.130°", "Σ13 (0 -5 1) 22.620°",
                "Σ13 (0 -3 2) 67.380°", "Σ17 (0 -4 1) 28.072°", "Σ17 (0 -5 3) 61.928°", "Σ25 (0 -7 1) 16.260°",
                "Σ25 (0 -4 3) 73.740°", "Σ29 (0 -5 2) 43.603°", "Σ29 (0 -7 3) 46.397°"), described(new int[] {1, 0, 0}, 29));
    }

    @Test
    @DisplayName("the [110] list up to Σ19 is the textbook one: Σ3 (112) 70.53° and (111) 109.47°, Σ9 38.94°/141.06°, "
            + "Σ11 50.48°/129.52°, Σ17 86.63°/93.37°, Σ19 26.53°/153.47°")
    void axis110() {
        assertEquals(List.of("Σ3 (1 -1 2) 70.529°", "Σ3 (1 -1 1) 109.471°", "Σ9 (1 -1 4) 38.942°",
                "Σ9 (2 -2 1) 141.058°", "Σ11 (1 -1 3) 50.479°", "Σ11 (3 -3 2) 129.521°", "Σ17 (2 -2 3) 86.628°",
                "Σ17 (3 -3 4) 93.372°", "Σ19 (1 -1 6) 26.525°", "Σ19 (3 -3 1) 153.475°"), described(new int[] {1, 1, 0}, 19));
    }

    @Test
    @DisplayName("about [210], Σ3 is 131.81°, Σ5 180°, Σ9 96.38° and Σ15 48.19° (the equivalent descriptions of "
            + "Σ3 60°[111], Σ5 36.87°[100], Σ9 38.94°[110], Σ15 in the CSL tables)")
    void axis210() {
        List<String> d = described(new int[] {2, 1, 0}, 15);
        assertEquals(List.of("Σ3 (1 -2 1) 131.810°", "Σ5 (1 -2 0) 180.000°", "Σ7 (1 -2 3) 73.398°",
                "Σ9 (1 -2 2) 96.379°", "Σ15 (1 -2 5) 48.190°"), d);
    }

    /**
     * Σ from its definition, independently of the denominator rule: the index of the coincidence
     * lattice {n ∈ Z³ : R·n ∈ Z³} in Z³. With R = K/D (K integer), n is a coincidence site iff
     * K·n ≡ 0 (mod D), a condition on n mod D, so Σ = D³ / #{n ∈ (Z/D)³ : K·n ≡ 0 (mod D)}.
     */
    private static long sigmaByCounting(SymmetricTilts.Boundary b) {
        int[] o = b.axis();
        double[][] ra = frame(o, b.yA());
        double[][] rb = frame(o, b.yB());
        // R = Σ_k rb_k ⊗ ra_k (maps A's frame onto B's); entries rational with denominator |o|²|t|²·… — find D
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    r[i][j] += rb[k][i] * ra[k][j];
                }
            }
        }
        int d = 1;
        search:
        for (; d <= 2000; d++) {
            for (double[] row : r) {
                for (double v : row) {
                    if (Math.abs(v * d - Math.rint(v * d)) > 1e-9) {
                        continue search;
                    }
                }
            }
            break;
        }
        long[][] k = new long[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                k[i][j] = Math.round(r[i][j] * d);
            }
        }
        long count = 0;
        for (int a = 0; a < d; a++) {
            for (int bb = 0; bb < d; bb++) {
                for (int c = 0; c < d; c++) {
                    boolean ok = true;
                    for (int i = 0; i < 3 && ok; i++) {
                        ok = Math.floorMod(k[i][0] * a + k[i][1] * bb + k[i][2] * c, d) == 0;
                    }
                    if (ok) {
                        count++;
                    }
                }
            }
        }
        return (long) d * d * d / count;
    }

    private static double[][] frame(int[] o, int[] t) {
        double[] x = {o[0], o[1], o[2]};
        double[] y = {t[0], t[1], t[2]};
        double[] z = GbTestSupport.cross(x, y);
        return new double[][] {unit(x), unit(y), unit(z)};
    }

    private static double[] unit(double[] v) {
        double n = GbTestSupport.norm(v);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    @Test
    @DisplayName("every listed Σ ≤ 27 about [100], [110] and [210] equals the index of the coincidence lattice counted site by site")
    void sigmaIsTheCoincidenceIndex() {
        int checked = 0;
        for (int[] axis : new int[][] {{1, 0, 0}, {1, 1, 0}, {2, 1, 0}}) {
            for (SymmetricTilts.Boundary b : SymmetricTilts.list(axis, 27)) {
                assertEquals(b.sigma(), sigmaByCounting(b), b.describe());
                checked++;
            }
        }
        assertTrue(checked >= 20, "checked " + checked);
    }

    @Test
    @DisplayName("in every listed boundary grain B's direction along y is grain A's rotated by the listed angle about the axis, "
            + "and both lie in their boundary planes")
    void geometryIsConsistent() {
        for (int[] axis : new int[][] {{1, 0, 0}, {0, 0, 1}, {1, 1, 0}, {2, 1, 0}}) {
            for (SymmetricTilts.Boundary b : SymmetricTilts.list(axis, 51)) {
                double[] ya = {b.yA()[0], b.yA()[1], b.yA()[2]};
                double[] yb = {b.yB()[0], b.yB()[1], b.yB()[2]};
                double cos = GbTestSupport.dot(ya, yb) / (GbTestSupport.norm(ya) * GbTestSupport.norm(yb));
                assertEquals(b.angleDeg(), Math.toDegrees(Math.acos(cos)), 1e-9, b.describe());
                assertEquals(0, dot(b.planeA(), b.yA()), b.describe());
                assertEquals(0, dot(b.planeA(), b.axis()), b.describe());
                assertEquals(0, dot(b.planeB(), b.yB()), b.describe());
            }
        }
    }

    private static int dot(int[] a, int[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
