package org.dendrite.md.io;

/**
 * The rotation from a user's Cartesian frame into the LAMMPS frame of a {@link org.dendrite.md.Box}
 * (a along +x, b in the xy plane with positive y, c with positive z; LAMMPS Howto "triclinic").
 * A structure whose lattice is given in a general orientation (extended XYZ from ASE or OVITO) is
 * rotated into that frame for the engine; writers rotate positions, forces and the virial back, so the
 * user sees them in the frame of the file they gave.
 *
 * <p>r_lammps = R r_user, with R proper orthogonal; vectors go back with Rᵀ and the virial tensor
 * W_ab = Σ r_a f_b with Rᵀ W R. Immutable.
 */
public final class FrameRotation {
    /** The identity: the user frame already is the LAMMPS frame. */
    public static final FrameRotation IDENTITY = new FrameRotation(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, true);

    private final double[] r;
    private final boolean identity;

    private FrameRotation(double[] r, boolean identity) {
        this.r = r;
        this.identity = identity;
    }

    /** Rotation with matrix R (row-major 3×3, user → LAMMPS); R must be orthogonal with det +1. */
    public static FrameRotation of(double[] rowMajor) {
        if (rowMajor.length != 9) {
            throw new IllegalArgumentException("rotation needs 9 numbers, got " + rowMajor.length);
        }
        boolean id = true;
        for (int k = 0; k < 9; k++) {
            id &= rowMajor[k] == ((k % 4 == 0) ? 1.0 : 0.0);
        }
        return id ? IDENTITY : new FrameRotation(rowMajor.clone(), false);
    }

    public boolean isIdentity() {
        return identity;
    }

    /** R as row-major 3×3 (a copy). */
    public double[] matrix() {
        return r.clone();
    }

    /** v[off..off+2] ← R v (user frame → LAMMPS frame). */
    public void toLammps(double[] v, int off) {
        if (identity) {
            return;
        }
        double x = v[off], y = v[off + 1], z = v[off + 2];
        v[off] = r[0] * x + r[1] * y + r[2] * z;
        v[off + 1] = r[3] * x + r[4] * y + r[5] * z;
        v[off + 2] = r[6] * x + r[7] * y + r[8] * z;
    }

    /** out[o..o+2] ← Rᵀ v[off..off+2] (LAMMPS frame → user frame); out may be v. */
    public void toUser(double[] v, int off, double[] out, int o) {
        double x = v[off], y = v[off + 1], z = v[off + 2];
        if (identity) {
            out[o] = x;
            out[o + 1] = y;
            out[o + 2] = z;
            return;
        }
        out[o] = r[0] * x + r[3] * y + r[6] * z;
        out[o + 1] = r[1] * x + r[4] * y + r[7] * z;
        out[o + 2] = r[2] * x + r[5] * y + r[8] * z;
    }

    /** The tensor W (row-major 3×3, LAMMPS frame) in the user frame: Rᵀ W R. */
    public double[] tensorToUser(double[] w) {
        if (identity) {
            return w.clone();
        }
        double[] out = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        s += r[3 * i + a] * w[3 * i + j] * r[3 * j + b];
                    }
                }
                out[3 * a + b] = s;
            }
        }
        return out;
    }
}
