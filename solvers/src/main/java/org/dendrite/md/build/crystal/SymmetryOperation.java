package org.dendrite.md.build.crystal;

import java.util.Arrays;

/**
 * One space-group operation (W, w) acting on fractional coordinates, x' = W·x + w, written as in
 * the International Tables' list of general positions ("-y+1/4,x+3/4,z+1/4"). The rotation part
 * is an integer matrix; the translation is reduced to [0, 1).
 */
public final class SymmetryOperation {
    private final int[] w = new int[9];
    private final double[] t = new double[3];

    private SymmetryOperation(int[] rotation, double[] translation) {
        System.arraycopy(rotation, 0, w, 0, 9);
        for (int d = 0; d < 3; d++) {
            t[d] = reduce(translation[d]);
        }
    }

    /**
     * Parses a general-position triplet such as {@code -x+1/2,y,-z+3/4}: each component is a sum of
     * signed terms, each term {@code x}, {@code y}, {@code z}, an integer or a fraction {@code p/q}.
     */
    public static SymmetryOperation parse(String triplet) {
        String[] comps = triplet.replace(" ", "").split(",");
        if (comps.length != 3) {
            throw new IllegalArgumentException("symmetry operation '" + triplet + "' must have 3 components");
        }
        int[] rot = new int[9];
        double[] tr = new double[3];
        for (int row = 0; row < 3; row++) {
            String c = comps[row];
            int i = 0;
            if (c.isEmpty()) {
                throw new IllegalArgumentException("symmetry operation '" + triplet + "': empty component");
            }
            while (i < c.length()) {
                int sign = 1;
                if (c.charAt(i) == '+' || c.charAt(i) == '-') {
                    sign = c.charAt(i) == '-' ? -1 : 1;
                    i++;
                }
                if (i >= c.length()) {
                    throw new IllegalArgumentException("symmetry operation '" + triplet + "': dangling sign");
                }
                char ch = c.charAt(i);
                if (ch == 'x' || ch == 'y' || ch == 'z') {
                    rot[3 * row + (ch - 'x')] += sign;
                    i++;
                } else if (Character.isDigit(ch)) {
                    int j = i;
                    while (j < c.length() && (Character.isDigit(c.charAt(j)) || c.charAt(j) == '/')) {
                        j++;
                    }
                    String num = c.substring(i, j);
                    int slash = num.indexOf('/');
                    double v = slash < 0 ? Integer.parseInt(num)
                            : Integer.parseInt(num.substring(0, slash)) / (double) Integer.parseInt(num.substring(slash + 1));
                    tr[row] += sign * v;
                    i = j;
                } else {
                    throw new IllegalArgumentException("symmetry operation '" + triplet + "': unexpected '" + ch + "'");
                }
            }
        }
        return new SymmetryOperation(rot, tr);
    }

    /** The operation followed by a pure translation (a centring vector). */
    public SymmetryOperation plus(double[] translation) {
        double[] tr = {t[0] + translation[0], t[1] + translation[1], t[2] + translation[2]};
        return new SymmetryOperation(w, tr);
    }

    /** This ∘ other: first {@code other}, then this. */
    public SymmetryOperation compose(SymmetryOperation other) {
        int[] rot = new int[9];
        double[] tr = new double[3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int s = 0;
                for (int k = 0; k < 3; k++) {
                    s += w[3 * r + k] * other.w[3 * k + c];
                }
                rot[3 * r + c] = s;
            }
            tr[r] = t[r] + w[3 * r] * other.t[0] + w[3 * r + 1] * other.t[1] + w[3 * r + 2] * other.t[2];
        }
        return new SymmetryOperation(rot, tr);
    }

    /** Applies the operation to fractional coordinates {@code in}, writing {@code out} reduced to [0, 1). */
    public void apply(double[] in, double[] out) {
        for (int r = 0; r < 3; r++) {
            out[r] = reduce(w[3 * r] * in[0] + w[3 * r + 1] * in[1] + w[3 * r + 2] * in[2] + t[r]);
        }
    }

    /** Same rotation and the same translation modulo lattice vectors (within {@code tol}). */
    public boolean sameAs(SymmetryOperation o, double tol) {
        if (!Arrays.equals(w, o.w)) {
            return false;
        }
        for (int d = 0; d < 3; d++) {
            if (Math.abs(wrapDifference(t[d] - o.t[d])) > tol) {
                return false;
            }
        }
        return true;
    }

    /** Determinant of the rotation part (+1 proper, −1 improper). */
    public int determinant() {
        return w[0] * (w[4] * w[8] - w[5] * w[7]) - w[1] * (w[3] * w[8] - w[5] * w[6]) + w[2] * (w[3] * w[7] - w[4] * w[6]);
    }

    static double reduce(double v) {
        double r = v - Math.floor(v);
        // values within rounding of 1 map to 0 so that 1 - 1e-17 and 0 are the same coordinate
        return r >= 1.0 - 1e-12 ? 0.0 : r;
    }

    /** A fractional difference mapped to [−1/2, 1/2). */
    static double wrapDifference(double d) {
        return d - Math.floor(d + 0.5);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            if (r > 0) {
                sb.append(',');
            }
            boolean first = true;
            for (int c = 0; c < 3; c++) {
                int v = w[3 * r + c];
                if (v != 0) {
                    sb.append(v < 0 ? "-" : first ? "" : "+");
                    if (Math.abs(v) != 1) {
                        sb.append(Math.abs(v));
                    }
                    sb.append((char) ('x' + c));
                    first = false;
                }
            }
            if (t[r] != 0) {
                sb.append(first ? "" : "+").append(t[r]);
            }
        }
        return sb.toString();
    }
}
