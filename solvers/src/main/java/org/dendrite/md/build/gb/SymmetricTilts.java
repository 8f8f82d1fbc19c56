package org.dendrite.md.build.gb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Coincidence-site-lattice (CSL) symmetric tilt boundaries of a cubic lattice about the axes
 * [100], [001], [110] and [210].
 *
 * <p>The plane perpendicular to a tilt axis o holds a rectangular lattice of integer directions
 * with an orthogonal basis e₁, e₂ ([100]: [010], [001]; [001]: [100], [010]; [110]: [001], [1̄10];
 * [210]: [001], [1̄20]). A symmetric tilt boundary is fixed by coprime p, q ≥ 0: grain A has the
 * in-boundary direction t = p·e₁ + q·e₂ along lab y, grain B its mirror image t′ = −p·e₁ + q·e₂, and
 * both have o along lab x; the boundary plane is (o × t) in A and (o × t′) in B, and the
 * misorientation is the rotation by θ = 2·atan(p|e₁| / (q|e₂|)) about o that takes t to t′.
 *
 * <p>Σ is computed from its definition as the index of the coincidence lattice: the rotation R that
 * maps (o, t, o×t) onto (o, t′, o×t′) is rational for a cubic lattice, and Σ is the least common
 * denominator of its entries (Grimmer, Acta Cryst. A30, 685 (1974); equal for P, I and F cubic
 * lattices). Ranganathan's relation (Acta Cryst. 21, 197 (1966)) tan(θ/2) = (n/m)√N with
 * Σ = m² + N n² (halved while even) gives the same values. Equivalent boundaries are listed once:
 * about a four-fold axis ([100], [001]) θ and 180° − θ give the same boundary, so θ ≤ 90°; about
 * [110] and [210] θ runs over (0°, 180°], and θ and 180° − θ are different boundaries (Σ3 {112} at
 * 70.53° and Σ3 {111} at 109.47° about [110]).
 *
 * <p>Enumeration bound: with D = q²M + p² (M = |e₂|²/|e₁|²) the trace 1 + 2cos θ = 1 + 2(q²M − p²)/D
 * has denominator at least D/(4M), so Σ ≥ D/(4M) and every Σ ≤ Σmax has q ≤ 2√Σmax and
 * p ≤ 2√(MΣmax).
 */
public final class SymmetricTilts {
    /** Σ listed in error messages and searched by default. */
    public static final int LIST_LIMIT = 51;

    private static final int[][][] AXES = {
        {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
        {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}},
        {{1, 1, 0}, {0, 0, 1}, {-1, 1, 0}},
        {{2, 1, 0}, {0, 0, 1}, {-1, 2, 0}},
    };
    private static final int[] FOLD = {4, 4, 2, 1};

    private SymmetricTilts() {
    }

    /** One symmetric tilt boundary: Σ, grain A's and B's in-boundary direction (lab y) and plane. */
    public record Boundary(int sigma, int[] axis, int[] yA, int[] yB, int[] planeA, int[] planeB, double angleDeg) {
        /** "Σ5 (0 -3 1) 36.870°". */
        public String describe() {
            return String.format(Locale.ROOT, "Σ%d (%s) %.3f°", sigma, OrientedCrystal.indices(planeA), angleDeg);
        }
    }

    /** The supported axes, as "[1 0 0]", … */
    public static List<String> supportedAxes() {
        List<String> out = new ArrayList<>();
        for (int[][] a : AXES) {
            out.add("[" + OrientedCrystal.indices(a[0]) + "]");
        }
        return out;
    }

    /** True when the axis is one of {@link #supportedAxes()}. */
    public static boolean supports(int[] axis) {
        return axisIndex(axis) >= 0;
    }

    private static int axisIndex(int[] axis) {
        for (int k = 0; k < AXES.length; k++) {
            if (java.util.Arrays.equals(AXES[k][0], axis)) {
                return k;
            }
        }
        return -1;
    }

    /** All distinct symmetric tilt boundaries about {@code axis} with 1 &lt; Σ ≤ maxSigma, by Σ then angle. */
    public static List<Boundary> list(int[] axis, int maxSigma) {
        int a = axisIndex(axis);
        if (a < 0) {
            throw new IllegalArgumentException("unsupported tilt axis [" + OrientedCrystal.indices(axis) + "]");
        }
        int[] o = AXES[a][0];
        int[] e1 = AXES[a][1];
        int[] e2 = AXES[a][2];
        double len1 = Math.sqrt(dot(e1, e1));
        double len2 = Math.sqrt(dot(e2, e2));
        double m = dot(e2, e2) / (double) dot(e1, e1);
        int qMax = (int) Math.ceil(2 * Math.sqrt(maxSigma)) + 1;
        int pMax = (int) Math.ceil(2 * Math.sqrt(m * maxSigma)) + 1;
        List<Boundary> out = new ArrayList<>();
        for (int p = 1; p <= pMax; p++) {
            for (int q = 0; q <= qMax; q++) {
                if (OrientedCrystal.gcd(p, q) != 1) {
                    continue;
                }
                double theta = Math.toDegrees(2 * Math.atan2(p * len1, q * len2));
                if (FOLD[a] == 4 && theta > 90 + 1e-9) {
                    continue;
                }
                int[] t = {p * e1[0] + q * e2[0], p * e1[1] + q * e2[1], p * e1[2] + q * e2[2]};
                int[] tb = {-p * e1[0] + q * e2[0], -p * e1[1] + q * e2[1], -p * e1[2] + q * e2[2]};
                int sigma = sigma(o, t, tb);
                if (sigma <= 1 || sigma > maxSigma) {
                    continue;
                }
                out.add(new Boundary(sigma, o.clone(), t, tb, OrientedCrystal.cross(o, t), OrientedCrystal.cross(o, tb),
                        theta));
            }
        }
        out.sort(Comparator.comparingInt(Boundary::sigma).thenComparingDouble(Boundary::angleDeg));
        return out;
    }

    /**
     * Σ of the rotation R (cubic metric) with R·o = o, R·t = t′, R·(o×t) = o×t′: the least common
     * denominator of R = B·adj(A)/det(A), A = [o | t | o×t], B = [o | t′ | o×t′] (columns).
     */
    static int sigma(int[] o, int[] t, int[] tb) {
        long[][] a = columns(o, t, crossRaw(o, t));
        long[][] b = columns(o, tb, crossRaw(o, tb));
        long det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        long[][] adj = new long[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // adj(A)[i][j] = cofactor of A[j][i]
                int r1 = (j + 1) % 3, r2 = (j + 2) % 3, c1 = (i + 1) % 3, c2 = (i + 2) % 3;
                adj[i][j] = a[r1][c1] * a[r2][c2] - a[r1][c2] * a[r2][c1];
            }
        }
        long lcm = 1;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                long num = 0;
                for (int k = 0; k < 3; k++) {
                    num += b[i][k] * adj[k][j];
                }
                long g = gcdLong(Math.abs(num), Math.abs(det));
                long den = Math.abs(det) / g;
                lcm = lcm / gcdLong(lcm, den) * den;
            }
        }
        return Math.toIntExact(lcm);
    }

    private static long[][] columns(int[] c0, int[] c1, int[] c2) {
        long[][] m = new long[3][3];
        for (int r = 0; r < 3; r++) {
            m[r][0] = c0[r];
            m[r][1] = c1[r];
            m[r][2] = c2[r];
        }
        return m;
    }

    private static int[] crossRaw(int[] a, int[] b) {
        return new int[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static int dot(int[] a, int[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static long gcdLong(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
