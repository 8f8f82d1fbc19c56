package org.dendrite.md.region;

import org.dendrite.config.ParamException;
import org.dendrite.md.Box;

/**
 * A bounded or partly unbounded shape (slab, block, sphere, cylinder, ellipsoid) in one frame:
 * Cartesian Å or fractional coordinates of the box. A point is tested on its periodic image in
 * the cell-sized window centred at the shape's centre (minimum image about the centre, taken in
 * fractional coordinates so that it holds in triclinic cells too); along an axis where the shape
 * is unbounded the window is centred at the box centre.
 */
final class ShapeRegion implements Region {
    /** Membership in frame coordinates (absolute Å, or fractions of the box). */
    @FunctionalInterface
    interface Shape {
        boolean inside(double x, double y, double z);
    }

    private final Shape shape;
    private final double[] center;
    private final double[] lo;
    private final double[] hi;
    private final boolean fractional;
    private final String description;
    private final String placeKey;

    /**
     * @param center window centre in frame coordinates; NaN along axes where the shape is unbounded
     * @param lo     lower corner of the shape's bounding box in frame coordinates (−∞ if unbounded)
     * @param hi     upper corner (+∞ if unbounded)
     * @param placeKey config path of the key that places the shape (named when it lies outside the box)
     */
    ShapeRegion(Shape shape, double[] center, double[] lo, double[] hi, boolean fractional, String description,
                String placeKey) {
        this.shape = shape;
        this.center = center.clone();
        this.lo = lo.clone();
        this.hi = hi.clone();
        this.fractional = fractional;
        this.description = description;
        this.placeKey = placeKey;
    }

    @Override
    public PlacedRegion place(Box box) {
        checkOverlap(box);
        double[] sc = new double[3];
        if (fractional) {
            for (int k = 0; k < 3; k++) {
                sc[k] = Double.isNaN(center[k]) ? 0.5 : center[k];
            }
        } else {
            double[] c = new double[3];
            box.fromFractional(0.5, 0.5, 0.5, c, 0);
            for (int k = 0; k < 3; k++) {
                if (!Double.isNaN(center[k])) {
                    c[k] = center[k];
                }
            }
            box.toFractional(c[0], c[1], c[2], sc, 0);
        }
        return new Placed(box, sc, shape, fractional);
    }

    private void checkOverlap(Box box) {
        double[] blo = new double[3];
        double[] bhi = new double[3];
        String unit;
        if (fractional) {
            bhi[0] = bhi[1] = bhi[2] = 1.0;
            unit = " (fractions of the box)";
        } else {
            Regions.boundingBox(box, blo, bhi);
            unit = " Å";
        }
        for (int k = 0; k < 3; k++) {
            if (!(lo[k] < bhi[k] && hi[k] > blo[k])) {
                throw new ParamException(placeKey, description + " lies wholly outside the box along "
                        + "xyz".charAt(k) + ": the box spans [" + fmt(blo[k]) + ", " + fmt(bhi[k]) + ")" + unit
                        + ", the region [" + fmt(lo[k]) + ", " + fmt(hi[k]) + ")");
            }
        }
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }

    /** The shape in one box: the box is copied, so later changes of the box do not move it. */
    private static final class Placed implements PlacedRegion {
        private final double xlo, ylo, zlo, lx, ly, lz, xy, xz, yz;
        private final boolean px, py, pz;
        private final double sc0, sc1, sc2;
        private final Shape shape;
        private final boolean fractional;

        Placed(Box b, double[] sc, Shape shape, boolean fractional) {
            xlo = b.xlo();
            ylo = b.ylo();
            zlo = b.zlo();
            lx = b.lx();
            ly = b.ly();
            lz = b.lz();
            xy = b.xy();
            xz = b.xz();
            yz = b.yz();
            px = b.periodic(0);
            py = b.periodic(1);
            pz = b.periodic(2);
            sc0 = sc[0];
            sc1 = sc[1];
            sc2 = sc[2];
            this.shape = shape;
            this.fractional = fractional;
        }

        @Override
        public boolean contains(double x, double y, double z) {
            double sz = (z - zlo) / lz;
            double sy = (y - ylo - yz * sz) / ly;
            double sx = (x - xlo - xy * sy - xz * sz) / lx;
            // Image index of the window [c − ½, c + ½) holding the point, per periodic axis.
            double n0 = px ? Math.floor(sx - sc0 + 0.5) : 0.0;
            double n1 = py ? Math.floor(sy - sc1 + 0.5) : 0.0;
            double n2 = pz ? Math.floor(sz - sc2 + 0.5) : 0.0;
            if (fractional) {
                return shape.inside(sx - n0, sy - n1, sz - n2);
            }
            if (n0 != 0 || n1 != 0 || n2 != 0) {
                // Shift only when needed, so that a point already in the window is tested exactly.
                x -= n0 * lx + n1 * xy + n2 * xz;
                y -= n1 * ly + n2 * yz;
                z -= n2 * lz;
            }
            return shape.inside(x, y, z);
        }
    }
}
