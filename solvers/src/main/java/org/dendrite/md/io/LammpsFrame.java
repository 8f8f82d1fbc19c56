package org.dendrite.md.io;

import org.dendrite.md.Box;

/**
 * Conversion between a lattice in a general orientation (three edge vectors a, b, c, as the rows of
 * an extended XYZ {@code Lattice}) and a LAMMPS box plus the rotation between the two frames.
 * LAMMPS keeps a along +x and b in the xy plane (Howto "triclinic"): lx = |a|, xy = b·â,
 * ly = |â × b|, xz = c·â, yz = c·ê₂, lz = c·ê₃ with ê₂, ê₃ completing the right-handed basis.
 */
final class LammpsFrame {
    final double lx, ly, lz, xy, xz, yz;
    final FrameRotation rotation;

    private LammpsFrame(double lx, double ly, double lz, double xy, double xz, double yz, FrameRotation rotation) {
        this.lx = lx;
        this.ly = ly;
        this.lz = lz;
        this.xy = xy;
        this.xz = xz;
        this.yz = yz;
        this.rotation = rotation;
    }

    /**
     * The LAMMPS box of the lattice with edge vectors {@code abc} = (a_x, a_y, a_z, b_x, …, c_z).
     * A lattice that is already in LAMMPS form (a_y = a_z = b_z = 0, positive diagonal) keeps its
     * numbers exactly and gets the identity rotation.
     *
     * @throws IllegalArgumentException for a degenerate or left-handed lattice (the message is the
     *         reason only; readers add file and line)
     */
    static LammpsFrame of(double[] abc) {
        for (double v : abc) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Lattice has a non-finite component");
            }
        }
        double ax = abc[0], ay = abc[1], az = abc[2];
        double bx = abc[3], by = abc[4], bz = abc[5];
        double cx = abc[6], cy = abc[7], cz = abc[8];
        if (ay == 0 && az == 0 && bz == 0 && ax > 0 && by > 0 && cz > 0) {
            return new LammpsFrame(ax, by, cz, bx, cx, cy, FrameRotation.IDENTITY);
        }
        double la = Math.sqrt(ax * ax + ay * ay + az * az);
        if (!(la > 0)) {
            throw new IllegalArgumentException("Lattice vector a has zero length");
        }
        double e1x = ax / la, e1y = ay / la, e1z = az / la;
        double bDotE1 = bx * e1x + by * e1y + bz * e1z;
        double px = bx - bDotE1 * e1x, py = by - bDotE1 * e1y, pz = bz - bDotE1 * e1z;
        double lp = Math.sqrt(px * px + py * py + pz * pz);
        double lb = Math.sqrt(bx * bx + by * by + bz * bz);
        if (!(lp > 1e-12 * Math.max(lb, la))) {
            throw new IllegalArgumentException("Lattice vectors a and b are parallel");
        }
        double e2x = px / lp, e2y = py / lp, e2z = pz / lp;
        double e3x = e1y * e2z - e1z * e2y, e3y = e1z * e2x - e1x * e2z, e3z = e1x * e2y - e1y * e2x;
        double cz3 = cx * e3x + cy * e3y + cz * e3z;
        double lc = Math.sqrt(cx * cx + cy * cy + cz * cz);
        if (!(Math.abs(cz3) > 1e-12 * lc)) {
            throw new IllegalArgumentException("Lattice vectors a, b, c are coplanar");
        }
        if (cz3 < 0) {
            throw new IllegalArgumentException("Lattice is left-handed ((a × b)·c < 0); LAMMPS boxes need "
                    + "a right-handed cell: swap two lattice vectors");
        }
        FrameRotation rot = FrameRotation.of(new double[] {e1x, e1y, e1z, e2x, e2y, e2z, e3x, e3y, e3z});
        return new LammpsFrame(la, lp, cz3, bDotE1, cx * e1x + cy * e1y + cz * e1z,
                cx * e2x + cy * e2y + cz * e2z, rot);
    }

    /** Edge vectors a, b, c of the box in the user frame, as 9 numbers (rows a, b, c). */
    static double[] latticeRows(Box box, FrameRotation rotation) {
        double[] out = new double[9];
        double[] e = new double[3];
        for (int k = 0; k < 3; k++) {
            box.edge(k, e);
            rotation.toUser(e, 0, out, 3 * k);
        }
        return out;
    }
}
