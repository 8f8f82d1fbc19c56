package org.dendrite.md.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The automatic first-minimum cut-off of g(r) and the running coordination number at it. */
class FirstMinimumTest {

    /** Jitters every coordinate by a Gaussian of standard deviation sigma (a thermally broadened crystal). */
    static void jitter(Atoms a, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 3 * a.nlocal; i++) {
            double u = rng.nextDouble(), v = rng.nextDouble();
            a.x[i] += sigma * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        }
    }

    @Test
    @DisplayName("a thermally broadened bcc crystal (σ = 0.05 Å) has its first g minimum between the first shell "
            + "(√3/2 a) and the second (a), where the running coordination number is 8 (±0.1)")
    void bccFirstMinimumBetweenTheFirstTwoShells() {
        double a = 3.5;
        double[][] bcc = {{0, 0, 0}, {0.5, 0.5, 0.5}};
        Atoms at = RdfTest.lattice(a, 6, bcc);
        jitter(at, 0.05, 7);
        Rdf rdf = new Rdf(RdfTest.AB, List.of("A-A"), 7.0, 350);
        rdf.sample(at, Box.orthorhombic(6 * a, 6 * a, 6 * a), null);
        // bcc shells: 8 at √3/2 a = 3.03 Å and 6 at a = 3.5 Å (0.47 Å apart: resolved), 12 at √2 a = 4.95 Å.
        assertEquals(8.0, rdf.coordination(0, 3.27), 0.1);
        FirstMinimum.Result m = FirstMinimum.find(rdf.r(), rdf.g(0));
        assertTrue(m.found());
        assertEquals(0.866 * a, m.peakA(), 0.05, "first peak at √3/2 a");
        assertTrue(m.minimumA() > 0.866 * a && m.minimumA() < a, "first minimum between the 1st and 2nd shell: "
                + m.minimumA());
        assertEquals(8.0, rdf.coordination(0, m.minimumA()), 0.1);
    }

    @Test
    @DisplayName("fcc (σ = 0.1 Å): first minimum between a/√2 and a, 12 neighbours within it (±0.05)")
    void fccFirstMinimum() {
        double a = 4.0;
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        Atoms at = RdfTest.lattice(a, 5, fcc);
        jitter(at, 0.1, 3);
        Rdf rdf = new Rdf(RdfTest.AB, List.of("A-A"), 6.0, 300);
        rdf.sample(at, Box.orthorhombic(5 * a, 5 * a, 5 * a), null);
        FirstMinimum.Result m = FirstMinimum.find(rdf.r(), rdf.g(0));
        assertTrue(m.minimumA() > a / Math.sqrt(2) + 0.2 && m.minimumA() < a - 0.2, "minimum " + m.minimumA());
        assertEquals(12.0, rdf.coordination(0, m.minimumA()), 0.05);
        double[] n = rdf.runningCoordination(0);
        assertEquals(18.0, n[(int) Math.round(4.4 / rdf.binWidth()) - 1], 0.05, "12 + 6 within 4.4 Å");
    }

    @Test
    @DisplayName("an analytic g with a peak at 1 and a minimum at 1.5 (plus ±0.05 noise) gives the minimum within "
            + "one bin; an ideal gas (no peak above 1) has none")
    void analyticCurveAndIdealGas() {
        int n = 400;
        double dr = 0.01;
        double[] r = new double[n];
        double[] g = new double[n];
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 0; k < n; k++) {
            r[k] = (k + 0.5) * dr;
            // 1 + 2 cos(2π(r − 1)) inside [0.5, 2.5], 0 before: peak at r = 1, minimum at r = 1.5.
            g[k] = r[k] < 0.5 ? 0 : 1 + 2 * Math.exp(-(r[k] - 1) * 0.5) * Math.cos(2 * Math.PI * (r[k] - 1))
                    + 0.05 * (rng.nextDouble() - 0.5);
        }
        FirstMinimum.Result m = FirstMinimum.find(r, g);
        assertEquals(1.0, m.peakA(), 0.03);
        assertEquals(1.5, m.minimumA(), 0.03);
        double[] flat = new double[n];
        for (int k = 0; k < n; k++) {
            flat[k] = 1 + 0.02 * (rng.nextDouble() - 0.5) - (r[k] < 0.3 ? 1 : 0);
        }
        assertFalse(FirstMinimum.find(r, flat).found());
    }
}
