package org.dendrite.md;

/**
 * A periodic simulation cell in the LAMMPS convention: origin (xlo, ylo, zlo) and edge vectors
 * a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz). Orthorhombic boxes have zero tilts.
 * Each axis is periodic or not (a non-periodic axis is a fixed, shrink-free boundary).
 *
 * <p>The box is mutable because barostats and deformation change it during a run; copy it with
 * {@link #copy()} where a snapshot is needed.
 */
public final class Box {
    private double xlo, ylo, zlo;
    private double lx, ly, lz;
    private double xy, xz, yz;
    private final boolean[] periodic = {true, true, true};

    public Box(double xlo, double ylo, double zlo, double lx, double ly, double lz,
               double xy, double xz, double yz) {
        set(xlo, ylo, zlo, lx, ly, lz, xy, xz, yz);
    }

    /** Orthorhombic box from (0,0,0) to (lx, ly, lz), periodic in all three directions. */
    public static Box orthorhombic(double lx, double ly, double lz) {
        return new Box(0, 0, 0, lx, ly, lz, 0, 0, 0);
    }

    public void set(double xlo, double ylo, double zlo, double lx, double ly, double lz,
                    double xy, double xz, double yz) {
        if (!(lx > 0) || !(ly > 0) || !(lz > 0)) {
            throw new IllegalArgumentException("box lengths must be positive and finite: lx=" + lx
                    + " ly=" + ly + " lz=" + lz);
        }
        if (!Double.isFinite(xy) || !Double.isFinite(xz) || !Double.isFinite(yz)
                || !Double.isFinite(xlo) || !Double.isFinite(ylo) || !Double.isFinite(zlo)
                || !Double.isFinite(lx) || !Double.isFinite(ly) || !Double.isFinite(lz)) {
            throw new IllegalArgumentException("box has a non-finite component");
        }
        this.xlo = xlo;
        this.ylo = ylo;
        this.zlo = zlo;
        this.lx = lx;
        this.ly = ly;
        this.lz = lz;
        this.xy = xy;
        this.xz = xz;
        this.yz = yz;
    }

    /**
     * Rounds origin, lengths and tilts to multiples of a power-of-two {@code spacing} (see {@code
     * InvariantArithmetic}), so image shifts added to lattice coordinates are exact.
     */
    public void snap(double spacing) {
        set(InvariantArithmetic.snap(xlo, spacing), InvariantArithmetic.snap(ylo, spacing),
                InvariantArithmetic.snap(zlo, spacing), InvariantArithmetic.snap(lx, spacing),
                InvariantArithmetic.snap(ly, spacing), InvariantArithmetic.snap(lz, spacing),
                InvariantArithmetic.snap(xy, spacing), InvariantArithmetic.snap(xz, spacing),
                InvariantArithmetic.snap(yz, spacing));
    }

    /**
     * Changes the cell and carries the first {@code n} positions of {@code x} (3 per atom) along so
     * that their fractional coordinates stay the same: the affine remap of LAMMPS' fix deform
     * {@code remap x} and of barostats ({@code dilate all}).
     */
    public void reshape(double[] x, int n, double xlo, double ylo, double zlo, double lx, double ly, double lz,
                        double xy, double xz, double yz) {
        for (int i = 0; i < n; i++) {
            toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], x, 3 * i);
        }
        set(xlo, ylo, zlo, lx, ly, lz, xy, xz, yz);
        for (int i = 0; i < n; i++) {
            fromFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], x, 3 * i);
        }
    }

    /**
     * The box of an na × nb × nc supercell, as LAMMPS {@code replicate}: edges na·a, nb·b, nc·c, so
     * the tilt xy (x-component of b) scales with nb and xz, yz (of c) with nc; same origin and
     * periodicity.
     */
    public Box replicated(int na, int nb, int nc) {
        Box b = new Box(xlo, ylo, zlo, na * lx, nb * ly, nc * lz, nb * xy, nc * xz, nc * yz);
        b.setPeriodic(periodic(0), periodic(1), periodic(2));
        return b;
    }

    public void setPeriodic(boolean px, boolean py, boolean pz) {
        periodic[0] = px;
        periodic[1] = py;
        periodic[2] = pz;
    }

    public boolean periodic(int axis) {
        return periodic[axis];
    }

    public Box copy() {
        Box b = new Box(xlo, ylo, zlo, lx, ly, lz, xy, xz, yz);
        b.setPeriodic(periodic[0], periodic[1], periodic[2]);
        return b;
    }

    public void copyFrom(Box o) {
        set(o.xlo, o.ylo, o.zlo, o.lx, o.ly, o.lz, o.xy, o.xz, o.yz);
        setPeriodic(o.periodic[0], o.periodic[1], o.periodic[2]);
    }

    public double xlo() { return xlo; }
    public double ylo() { return ylo; }
    public double zlo() { return zlo; }
    public double xhi() { return xlo + lx; }
    public double yhi() { return ylo + ly; }
    public double zhi() { return zlo + lz; }
    public double lx() { return lx; }
    public double ly() { return ly; }
    public double lz() { return lz; }
    public double xy() { return xy; }
    public double xz() { return xz; }
    public double yz() { return yz; }

    public boolean isTriclinic() {
        return xy != 0 || xz != 0 || yz != 0;
    }

    public double volume() {
        return lx * ly * lz;
    }

    /**
     * Cell matrix H with the edge vectors as columns, row-major: H = [[lx, xy, xz], [0, ly, yz], [0, 0, lz]].
     */
    public double[] matrix() {
        return new double[] {lx, xy, xz, 0, ly, yz, 0, 0, lz};
    }

    /** Edge vector k (0 = a, 1 = b, 2 = c) into out[0..2]. */
    public void edge(int k, double[] out) {
        switch (k) {
            case 0 -> { out[0] = lx; out[1] = 0; out[2] = 0; }
            case 1 -> { out[0] = xy; out[1] = ly; out[2] = 0; }
            case 2 -> { out[0] = xz; out[1] = yz; out[2] = lz; }
            default -> throw new IllegalArgumentException("edge index " + k);
        }
    }

    /**
     * Distance between the two faces of the cell normal to reciprocal direction k, i.e. V/|b×c|,
     * V/|c×a|, V/|a×b|. A cutoff sphere fits in n images along k when cutoff ≤ n·width.
     */
    public double perpendicularWidth(int k) {
        double v = volume();
        return switch (k) {
            // |b × c| for b = (xy, ly, 0), c = (xz, yz, lz)
            case 0 -> v / norm(ly * lz, -xy * lz, xy * yz - ly * xz);
            // |c × a| for a = (lx, 0, 0)
            case 1 -> v / norm(0, lz * lx, -yz * lx);
            case 2 -> lz;
            default -> throw new IllegalArgumentException("axis " + k);
        };
    }

    private static double norm(double a, double b, double c) {
        return Math.sqrt(a * a + b * b + c * c);
    }

    /** Fractional coordinates of (x, y, z) into s[off..off+2]. */
    public void toFractional(double x, double y, double z, double[] s, int off) {
        double sz = (z - zlo) / lz;
        double sy = (y - ylo - yz * sz) / ly;
        double sx = (x - xlo - xy * sy - xz * sz) / lx;
        s[off] = sx;
        s[off + 1] = sy;
        s[off + 2] = sz;
    }

    /**
     * The first non-periodic axis (0, 1, 2) whose bounds the point (x, y, z) lies outside, or -1
     * when it is inside along every non-periodic axis. An atom there is lost (LAMMPS boundary f).
     */
    public int nonPeriodicAxisOutside(double x, double y, double z) {
        double sz = (z - zlo) / lz;
        double sy = (y - ylo - yz * sz) / ly;
        double sx = (x - xlo - xy * sy - xz * sz) / lx;
        if (!periodic[0] && (sx < 0 || sx >= 1)) {
            return 0;
        }
        if (!periodic[1] && (sy < 0 || sy >= 1)) {
            return 1;
        }
        if (!periodic[2] && (sz < 0 || sz >= 1)) {
            return 2;
        }
        return -1;
    }

    /** Cartesian coordinates of fractional (sx, sy, sz) into r[off..off+2]. */
    public void fromFractional(double sx, double sy, double sz, double[] r, int off) {
        r[off] = xlo + lx * sx + xy * sy + xz * sz;
        r[off + 1] = ylo + ly * sy + yz * sz;
        r[off + 2] = zlo + lz * sz;
    }

    /** Cartesian displacement of an image shift of (na, nb, nc) cells into d[off..off+2]. */
    public void imageShift(int na, int nb, int nc, double[] d, int off) {
        d[off] = lx * na + xy * nb + xz * nc;
        d[off + 1] = ly * nb + yz * nc;
        d[off + 2] = lz * nc;
    }

    /**
     * Replaces the displacement d[off..off+2] by its minimum image along the periodic axes.
     * Exact for displacements shorter than half the smallest perpendicular width.
     */
    public void minimumImage(double[] d, int off) {
        if (periodic[2]) {
            double n = Math.rint(d[off + 2] / lz);
            d[off] -= n * xz;
            d[off + 1] -= n * yz;
            d[off + 2] -= n * lz;
        }
        if (periodic[1]) {
            double n = Math.rint(d[off + 1] / ly);
            d[off] -= n * xy;
            d[off + 1] -= n * ly;
        }
        if (periodic[0]) {
            double n = Math.rint(d[off] / lx);
            d[off] -= n * lx;
        }
    }

    /**
     * Maps the position r[off..off+2] into the primary cell along periodic axes and adds the number
     * of cells moved to image[off..off+2] (LAMMPS image flags), so that unwrapped = wrapped + H·image.
     */
    public void wrap(double[] r, int off, int[] image) {
        if (periodic[2]) {
            double s = Math.floor((r[off + 2] - zlo) / lz);
            if (s != 0) {
                r[off] -= s * xz;
                r[off + 1] -= s * yz;
                r[off + 2] -= s * lz;
                image[off + 2] += (int) s;
            }
        }
        if (periodic[1]) {
            double sz = (r[off + 2] - zlo) / lz;
            double s = Math.floor((r[off + 1] - ylo - yz * sz) / ly);
            if (s != 0) {
                r[off] -= s * xy;
                r[off + 1] -= s * ly;
                image[off + 1] += (int) s;
            }
        }
        if (periodic[0]) {
            double sz = (r[off + 2] - zlo) / lz;
            double sy = (r[off + 1] - ylo - yz * sz) / ly;
            double s = Math.floor((r[off] - xlo - xy * sy - xz * sz) / lx);
            if (s != 0) {
                r[off] -= s * lx;
                image[off] += (int) s;
            }
        }
    }

    @Override
    public String toString() {
        return String.format("Box[lo=(%g,%g,%g) l=(%g,%g,%g) tilt=(%g,%g,%g)]", xlo, ylo, zlo, lx, ly, lz, xy, xz, yz);
    }
}
