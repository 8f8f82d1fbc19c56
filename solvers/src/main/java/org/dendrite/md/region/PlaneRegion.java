package org.dendrite.md.region;

import java.util.Locale;

import org.dendrite.config.ParamException;
import org.dendrite.md.Box;

/**
 * Points within a distance of a plane, |n̂·r − d| < w (a slab of any orientation, e.g. the atoms
 * near a grain-boundary plane). The plane is n̂·r = d with d given in Å, or the plane through a
 * point given in fractions of the box (resolved when placed). In a periodic cell a point is inside
 * when any of its images is: the point is wrapped into the cell and its images one cell away along
 * each periodic axis are tried, which finds every image within w of a plane that crosses the cell
 * when w is below half the cell's widths.
 */
final class PlaneRegion implements Region {
    private final double[] normal;
    private final double offset;
    private final double[] pointFrac;
    private final double halfWidth;
    private final String description;
    private final String placeKey;

    /**
     * @param normal    plane normal (any length, not zero)
     * @param offset    d of n̂·r = d, Å (ignored when {@code pointFrac} is given)
     * @param pointFrac a point of the plane in fractions of the box, or null
     */
    PlaneRegion(double[] normal, double offset, double[] pointFrac, double halfWidth, String placeKey) {
        double len = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        if (!(len > 0) || !Double.isFinite(len)) {
            throw new IllegalArgumentException("plane normal must be a non-zero finite vector");
        }
        if (!(halfWidth > 0)) {
            throw new IllegalArgumentException("half width must be > 0, got " + halfWidth);
        }
        this.normal = new double[] {normal[0] / len, normal[1] / len, normal[2] / len};
        this.offset = offset;
        this.pointFrac = pointFrac == null ? null : pointFrac.clone();
        this.halfWidth = halfWidth;
        this.placeKey = placeKey;
        String where = pointFrac == null ? String.format(Locale.ROOT, "n·r = %.6g Å", offset)
                : String.format(Locale.ROOT, "through the fractional point (%.6g, %.6g, %.6g)", pointFrac[0],
                pointFrac[1], pointFrac[2]);
        this.description = String.format(Locale.ROOT, "within %.6g Å of the plane with normal (%.4g, %.4g, %.4g) %s",
                halfWidth, this.normal[0], this.normal[1], this.normal[2], where);
    }

    @Override
    public PlacedRegion place(Box box) {
        double d = offset;
        if (pointFrac != null) {
            double[] p = new double[3];
            box.fromFractional(pointFrac[0], pointFrac[1], pointFrac[2], p, 0);
            d = normal[0] * p[0] + normal[1] * p[1] + normal[2] * p[2];
        }
        // The slab must meet the cell: the corners' signed distances must reach into (−w, w).
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[] c = new double[3];
        for (int corner = 0; corner < 8; corner++) {
            box.fromFractional(corner & 1, (corner >> 1) & 1, (corner >> 2) & 1, c, 0);
            double u = normal[0] * c[0] + normal[1] * c[1] + normal[2] * c[2] - d;
            min = Math.min(min, u);
            max = Math.max(max, u);
        }
        if (min >= halfWidth || max <= -halfWidth) {
            throw new ParamException(placeKey, description + " lies wholly outside the box: the box's corners are"
                    + String.format(Locale.ROOT, " %.6g to %.6g Å from the plane", min, max));
        }
        double[] proj = new double[3];
        double[] e = new double[3];
        for (int k = 0; k < 3; k++) {
            box.edge(k, e);
            proj[k] = box.periodic(k) ? normal[0] * e[0] + normal[1] * e[1] + normal[2] * e[2] : 0.0;
        }
        return new Placed(box.copy(), normal, d, halfWidth, proj);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }

    private static final class Placed implements PlacedRegion {
        private final Box box;
        private final double nx, ny, nz, d, w;
        private final double p0, p1, p2;
        private final int r0, r1, r2;

        Placed(Box box, double[] n, double d, double w, double[] proj) {
            this.box = box;
            nx = n[0];
            ny = n[1];
            nz = n[2];
            this.d = d;
            this.w = w;
            p0 = proj[0];
            p1 = proj[1];
            p2 = proj[2];
            r0 = box.periodic(0) ? 1 : 0;
            r1 = box.periodic(1) ? 1 : 0;
            r2 = box.periodic(2) ? 1 : 0;
        }

        @Override
        public boolean contains(double x, double y, double z) {
            // Signed distance of the point wrapped into the cell: u = n̂·(r − H·floor(s)) − d.
            double sz = (z - box.zlo()) / box.lz();
            double sy = (y - box.ylo() - box.yz() * sz) / box.ly();
            double sx = (x - box.xlo() - box.xy() * sy - box.xz() * sz) / box.lx();
            double m0 = r0 == 1 ? Math.floor(sx) : 0.0;
            double m1 = r1 == 1 ? Math.floor(sy) : 0.0;
            double m2 = r2 == 1 ? Math.floor(sz) : 0.0;
            double u0 = nx * x + ny * y + nz * z - d - m0 * p0 - m1 * p1 - m2 * p2;
            for (int a = -r0; a <= r0; a++) {
                for (int b = -r1; b <= r1; b++) {
                    for (int c = -r2; c <= r2; c++) {
                        if (Math.abs(u0 + a * p0 + b * p1 + c * p2) < w) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
