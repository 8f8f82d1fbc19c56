package org.dendrite.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sums over atoms must give the same bits in any order and any split over domains (InvariantArithmetic). */
class ExactSumTest {

    private static double[] terms(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            // Mixed signs and 12 decades of magnitude: plain double sums of these depend on order.
            t[k] = (rng.nextDouble() - 0.4) * Math.pow(10, rng.nextInt(-6, 6));
        }
        return t;
    }

    private static double sum(double[] t, int[] order) {
        ExactSum s = new ExactSum();
        for (int k : order) {
            s.add(t[k]);
        }
        return s.value();
    }

    @Test
    @DisplayName("the value is the same bits in every order and within 2^-52 per term of the exact sum")
    void orderFreeAndAccurate() {
        double[] t = terms(20000, 1);
        int[] order = new int[t.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        double first = sum(t, order);
        SplittableRandom rng = new SplittableRandom(2);
        boolean plainDiffers = false;
        for (int trial = 0; trial < 5; trial++) {
            for (int k = order.length - 1; k > 0; k--) {
                int j = rng.nextInt(k + 1);
                int tmp = order[k];
                order[k] = order[j];
                order[j] = tmp;
            }
            assertEquals(Double.doubleToRawLongBits(first), Double.doubleToRawLongBits(sum(t, order)),
                    "shuffle " + trial);
            double plain = 0;
            for (int k : order) {
                plain += t[k];
            }
            double straight = 0;
            for (double x : t) {
                straight += x;
            }
            plainDiffers |= plain != straight;
        }
        assertTrue(plainDiffers, "the terms must be ones whose plain double sum depends on order");
        BigDecimal exact = BigDecimal.ZERO;
        for (double x : t) {
            exact = exact.add(new BigDecimal(x));
        }
        double err = Math.abs(exact.subtract(new BigDecimal(first)).doubleValue());
        assertTrue(err <= t.length * 0x1p-52 + Math.ulp(first), "error " + err);
    }

    @Test
    @DisplayName("sums of parts combined through packed doubles (as a reduction over domains) equal the whole sum")
    void partsCombineExactly() {
        double[] t = terms(9999, 3);
        int[] all = new int[t.length];
        for (int k = 0; k < all.length; k++) {
            all[k] = k;
        }
        double whole = sum(t, all);
        for (int parts : new int[] {2, 3, 8, 64}) {
            double[] reduced = new double[4];
            double[] packed = new double[4];
            for (int p = parts - 1; p >= 0; p--) {
                ExactSum s = new ExactSum();
                for (int k = p; k < t.length; k += parts) {
                    s.add(t[k]);
                }
                s.pack(packed, 0);
                for (int c = 0; c < 4; c++) {
                    reduced[c] += packed[c];
                }
            }
            ExactSum total = new ExactSum();
            total.unpack(reduced, 0);
            assertEquals(Double.doubleToRawLongBits(whole), Double.doubleToRawLongBits(total.value()), parts + " parts");
        }
    }

    @Test
    @DisplayName("a non-finite or huge term makes the sum NaN, also after a reduction over domains")
    void invalidTermsAreNeverHidden() {
        ExactSum s = new ExactSum();
        s.add(1.0);
        s.add(Double.NaN);
        assertTrue(Double.isNaN(s.value()));
        ExactSum big = new ExactSum();
        big.add(1e300);
        assertTrue(Double.isNaN(big.value()));
        double[] a = new double[4];
        double[] b = new double[4];
        s.pack(a, 0);
        ExactSum fine = new ExactSum();
        fine.add(2.5);
        fine.pack(b, 0);
        for (int c = 0; c < 4; c++) {
            a[c] += b[c];
        }
        ExactSum total = new ExactSum();
        total.unpack(a, 0);
        assertTrue(Double.isNaN(total.value()));
        assertEquals(2.5, fine.value(), 0.0);
    }

    @Test
    @DisplayName("force rounding is symmetric (Newton's third law exact) and lattice coordinates add exactly")
    void roundingAndLattice() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int k = 0; k < 100000; k++) {
            double v = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-8, 3));
            double r = InvariantArithmetic.roundForce(v);
            assertEquals(-r, InvariantArithmetic.roundForce(-v), 0.0);
            assertTrue(Math.abs(r - v) <= 0x1p-41, "rounding error of " + v);
            assertEquals(0.0, r % 0x1p-40, 0.0);
        }
        Box box = new Box(-3.1, 0.7, 2.2, 26.17, 25.9, 30.3, 1.3, -0.4, 0.9);
        double spacing = InvariantArithmetic.latticeSpacing(box, 14.0);
        box.snap(spacing);
        double[] x = new double[3 * 1000];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble() * 40 - 5;
        }
        InvariantArithmetic.snapPositions(x, 1000, spacing);
        for (int k = 0; k < x.length; k++) {
            double img = x[k] + box.lx();
            // Exact: subtracting the shift back gives the coordinate, and the difference of two
            // images is the difference of the coordinates.
            assertEquals(x[k], img - box.lx(), 0.0);
            assertEquals(x[k] - x[(k + 3) % x.length], img - (x[(k + 3) % x.length] + box.lx()), 0.0);
        }
    }
}
