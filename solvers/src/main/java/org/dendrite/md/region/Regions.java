package org.dendrite.md.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Box;

/**
 * Regions from config mappings and in code. Coordinates are absolute Å in the LAMMPS frame
 * ({@code units: box}, the default; keys end in {@code _A}) or fractions of the box
 * ({@code units: fraction}; keys end in {@code _frac}, and the shape is defined in fractional
 * coordinates, so a sphere of radius 0.1 is an ellipsoid with semi-axes 0.1·a, 0.1·b, 0.1·c in an
 * orthorhombic box). A {@code units} key may be left out: keys ending in {@code _frac} imply it.
 *
 * <pre>
 * {shape: slab, axis: z, min_A: 40, max_A: 52}             min ≤ z &lt; max (shape may be omitted when axis is given)
 * {shape: block, min_A: [x, y, z], max_A: [x, y, z]}       min ≤ r &lt; max per axis (shape may be omitted)
 * {shape: sphere, center_A: [x, y, z], radius_A: 8}        |r − c| &lt; R
 * {shape: cylinder, axis: x, center_A: [x, y, z], radius_A: 5}             infinite along axis
 * {shape: cylinder, axis: x, center_A: [..], semi_axes_A: [10, 5]}   elliptic section: ((y−cy)/10)² + ((z−cz)/5)² &lt; 1
 * {shape: ellipsoid, center_A: [..], semi_axes_A: [a, b, c]}          Σ ((r_k − c_k)/s_k)² &lt; 1
 * {shape: plane, normal: [0, 0, 1], offset_A: 20, half_width_A: 6}   |n̂·r − d| &lt; w
 * {shape: plane, axis: z, position_frac: 0.5, half_width_A: 6}       plane through the fractional point (f, f, f)
 * {shape: plane, normal: [1, 1, 0], point_frac: [0.5, 0.5, 0.5], half_width_A: 6}
 * {shape: union, regions: [{…}, {…}]}     {shape: intersection, regions: [{…}, {…}]}
 * any region: invert: true                (the complement, LAMMPS side out)
 * </pre>
 *
 * The semi-axes of an elliptic cylinder are the two axes other than {@code axis}, in x, y, z
 * order. Every shape is tested on the periodic image of a point nearest its centre (see
 * {@link ShapeRegion}); placing a shape that lies wholly outside the box is an error naming the
 * key that places it.
 */
public final class Regions {
    /** Shape names accepted by {@link #parse}. */
    public static final List<String> SHAPES = List.of("slab", "block", "sphere", "cylinder", "ellipsoid", "plane",
            "union", "intersection");

    private Regions() {
    }

    /** Parses a region mapping (see the class comment) and checks that no unknown key is left. */
    public static Region parse(Params p) {
        boolean invert = p.getBoolean("invert", false);
        String shape = p.getString("shape", null);
        if (shape == null) {
            if (p.has("axis") && !p.has("center_A") && !p.has("center_frac")) {
                shape = "slab";
            } else if (p.has("min_A") || p.has("min_frac")) {
                shape = "block";
            } else {
                throw new ParamException(p.pathOf("shape"), "is required (one of " + String.join(", ", SHAPES)
                        + "); a slab may be given as {axis, min_A, max_A}, a block as {min_A: [x, y, z], max_A: [x, y, z]}");
            }
        } else if (!SHAPES.contains(shape)) {
            throw new ParamException(p.pathOf("shape"), "unknown region shape '" + shape + "' (known: "
                    + String.join(", ", SHAPES) + ")");
        }
        Region r = switch (shape) {
            case "union", "intersection" -> composite(p, shape.equals("union"));
            case "plane" -> parsePlane(p);
            default -> parseShape(p, shape, fractionalUnits(p));
        };
        p.finish();
        return invert ? invert(r) : r;
    }

    private static boolean fractionalUnits(Params p) {
        boolean fracKeys = false;
        boolean angstromKeys = false;
        for (String k : p.keys()) {
            fracKeys |= k.endsWith("_frac");
            angstromKeys |= k.endsWith("_A");
        }
        String units = p.getChoice("units", fracKeys ? "fraction" : "box", "box", "fraction");
        boolean fractional = units.equals("fraction");
        if (fractional && angstromKeys) {
            throw new ParamException(p.pathOf("units"), "is 'fraction', so give lengths and positions as *_frac keys"
                    + " (fractions of the box), not *_A");
        }
        if (!fractional && fracKeys) {
            throw new ParamException(p.pathOf("units"), "is 'box' (Å), so give lengths and positions as *_A keys,"
                    + " not *_frac");
        }
        return fractional;
    }

    private static Region parseShape(Params p, String shape, boolean fractional) {
        String s = fractional ? "_frac" : "_A";
        String unit = fractional ? "" : " Å";
        switch (shape) {
            case "slab": {
                int axis = axis(p, "axis");
                double min = p.requireDouble("min" + s);
                double max = p.requireDouble("max" + s);
                if (!(max > min)) {
                    throw new ParamException(p.pathOf("max" + s), "must exceed min" + s + " (" + min + "), got " + max);
                }
                return slab(axis, min, max, fractional, p.pathOf("min" + s));
            }
            case "block": {
                double[] min = requireVector(p, "min" + s);
                double[] max = requireVector(p, "max" + s);
                for (int k = 0; k < 3; k++) {
                    if (!(max[k] > min[k])) {
                        throw new ParamException(p.pathOf("max" + s), "must exceed min" + s + " along " + "xyz".charAt(k)
                                + " (" + min[k] + "), got " + max[k]);
                    }
                }
                return block(min, max, fractional, p.pathOf("min" + s));
            }
            case "sphere": {
                double[] c = requireVector(p, "center" + s);
                double r = p.requirePositive("radius" + s);
                return ellipsoid(c, new double[] {r, r, r}, fractional, p.pathOf("center" + s),
                        String.format(Locale.ROOT, "sphere centre %s%s radius %.6g%s", vec(c), unit, r, unit));
            }
            case "cylinder": {
                int axis = axis(p, "axis");
                double[] c = requireVector(p, "center" + s);
                double a;
                double b;
                if (p.has("radius" + s) == p.has("semi_axes" + s)) {
                    throw new ParamException(p.pathOf("radius" + s), "give exactly one of radius" + s + " (circular) and"
                            + " semi_axes" + s + " (elliptic section, two numbers)");
                }
                if (p.has("radius" + s)) {
                    a = p.requirePositive("radius" + s);
                    b = a;
                } else {
                    double[] ab = p.getDoubles("semi_axes" + s, 2);
                    for (int k = 0; k < 2; k++) {
                        if (!(ab[k] > 0)) {
                            throw new ParamException(p.pathOf("semi_axes" + s) + "[" + k + "]", "must be > 0, got " + ab[k]);
                        }
                    }
                    a = ab[0];
                    b = ab[1];
                }
                return cylinder(axis, c, a, b, fractional, p.pathOf("center" + s));
            }
            case "ellipsoid": {
                double[] c = requireVector(p, "center" + s);
                double[] semi = requireVector(p, "semi_axes" + s);
                for (int k = 0; k < 3; k++) {
                    if (!(semi[k] > 0)) {
                        throw new ParamException(p.pathOf("semi_axes" + s) + "[" + k + "]", "must be > 0, got " + semi[k]);
                    }
                }
                return ellipsoid(c, semi, fractional, p.pathOf("center" + s),
                        String.format(Locale.ROOT, "ellipsoid centre %s%s semi-axes %s%s", vec(c), unit, vec(semi), unit));
            }
            default:
                throw new IllegalStateException(shape);
        }
    }

    private static Region parsePlane(Params p) {
        if (p.has("units") && !"box".equals(p.getString("units", "box"))) {
            throw new ParamException(p.pathOf("units"), "a plane takes half_width_A and offset_A in Å; place it in"
                    + " fractions of the box with position_frac or point_frac");
        }
        p.getChoice("units", "box", "box");
        double[] n;
        if (p.has("normal") == p.has("axis")) {
            throw new ParamException(p.pathOf("normal"), "give exactly one of normal: [nx, ny, nz] and axis: x|y|z");
        }
        if (p.has("normal")) {
            n = p.getDoubles("normal", 3);
            if (n[0] == 0 && n[1] == 0 && n[2] == 0) {
                throw new ParamException(p.pathOf("normal"), "must not be the zero vector");
            }
        } else {
            n = new double[3];
            n[axis(p, "axis")] = 1.0;
        }
        int given = (p.has("offset_A") ? 1 : 0) + (p.has("position_frac") ? 1 : 0) + (p.has("point_frac") ? 1 : 0);
        if (given != 1) {
            throw new ParamException(p.pathOf("offset_A"), "give exactly one of offset_A (n̂·r = d, Å),"
                    + " position_frac (the plane through the fractional point (f, f, f)) and point_frac: [a, b, c]");
        }
        double w = p.requirePositive("half_width_A");
        if (p.has("offset_A")) {
            return new PlaneRegion(n, p.requireDouble("offset_A"), null, w, p.pathOf("offset_A"));
        }
        if (p.has("position_frac")) {
            double f = p.requireDouble("position_frac");
            return new PlaneRegion(n, 0.0, new double[] {f, f, f}, w, p.pathOf("position_frac"));
        }
        return new PlaneRegion(n, 0.0, p.getDoubles("point_frac", 3), w, p.pathOf("point_frac"));
    }

    private static Region composite(Params p, boolean union) {
        List<Params> list = p.children("regions");
        if (list.isEmpty()) {
            throw new ParamException(p.pathOf("regions"), "is required: a list of at least one region mapping");
        }
        List<Region> parts = new ArrayList<>();
        for (Params c : list) {
            parts.add(parse(c));
        }
        return union ? union(parts) : intersection(parts);
    }

    /** A required axis key ({@code x}, {@code y} or {@code z}) as 0, 1 or 2. */
    public static int axis(Params p, String key) {
        String a = p.getChoice(key, null, "x", "y", "z");
        if (a == null) {
            throw new ParamException(p.pathOf(key), "is required (x, y or z)");
        }
        return a.charAt(0) - 'x';
    }

    private static double[] requireVector(Params p, String key) {
        double[] v = p.getDoubles(key, 3);
        if (v == null) {
            throw new ParamException(p.pathOf(key), "is required: [x, y, z]");
        }
        return v;
    }

    // ---- regions in code (Å unless a flag says fractions) ----

    /** Slab min ≤ r_axis &lt; max, Å. */
    public static Region slab(int axis, double min, double max) {
        return slab(axis, min, max, false, "region.min_A");
    }

    static Region slab(int axis, double min, double max, boolean fractional, String key) {
        double[] c = {Double.NaN, Double.NaN, Double.NaN};
        double[] lo = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] hi = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        c[axis] = 0.5 * (min + max);
        lo[axis] = min;
        hi[axis] = max;
        ShapeRegion.Shape s = switch (axis) {
            case 0 -> (x, y, z) -> x >= min && x < max;
            case 1 -> (x, y, z) -> y >= min && y < max;
            default -> (x, y, z) -> z >= min && z < max;
        };
        return new ShapeRegion(s, c, lo, hi, fractional, String.format(Locale.ROOT, "slab %s in [%.6g, %.6g)%s",
                "xyz".charAt(axis), min, max, fractional ? " (fractions of the box)" : " Å"), key);
    }

    /** Axis-aligned block min ≤ r &lt; max, Å. */
    public static Region block(double[] min, double[] max) {
        return block(min, max, false, "region.min_A");
    }

    static Region block(double[] min, double[] max, boolean fractional, String key) {
        double[] lo = min.clone();
        double[] hi = max.clone();
        double[] c = {0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1]), 0.5 * (lo[2] + hi[2])};
        ShapeRegion.Shape s = (x, y, z) -> x >= lo[0] && x < hi[0] && y >= lo[1] && y < hi[1] && z >= lo[2] && z < hi[2];
        return new ShapeRegion(s, c, lo, hi, fractional, String.format(Locale.ROOT, "block %s .. %s%s", vec(lo),
                vec(hi), fractional ? " (fractions of the box)" : " Å"), key);
    }

    /** Sphere |r − c| &lt; radius, Å. */
    public static Region sphere(double[] center, double radius) {
        return ellipsoid(center, new double[] {radius, radius, radius}, false, "region.center_A",
                String.format(Locale.ROOT, "sphere centre %s Å radius %.6g Å", vec(center), radius));
    }

    /** Ellipsoid Σ ((r_k − c_k)/s_k)² &lt; 1, Å. */
    public static Region ellipsoid(double[] center, double[] semiAxes) {
        return ellipsoid(center, semiAxes, false, "region.center_A",
                String.format(Locale.ROOT, "ellipsoid centre %s Å semi-axes %s Å", vec(center), vec(semiAxes)));
    }

    static Region ellipsoid(double[] center, double[] semi, boolean fractional, String key, String description) {
        double cx = center[0], cy = center[1], cz = center[2];
        double ia = 1.0 / semi[0], ib = 1.0 / semi[1], ic = 1.0 / semi[2];
        ShapeRegion.Shape s = (x, y, z) -> {
            double u = (x - cx) * ia, v = (y - cy) * ib, w = (z - cz) * ic;
            return u * u + v * v + w * w < 1.0;
        };
        double[] lo = {cx - semi[0], cy - semi[1], cz - semi[2]};
        double[] hi = {cx + semi[0], cy + semi[1], cz + semi[2]};
        return new ShapeRegion(s, center, lo, hi, fractional, description, key);
    }

    /**
     * Cylinder infinite along {@code axis} with an elliptic section: semi-axis {@code a} along the
     * first and {@code b} along the second of the other two axes (x, y, z order), Å. The centre's
     * component along {@code axis} is not used.
     */
    public static Region cylinder(int axis, double[] center, double a, double b) {
        return cylinder(axis, center, a, b, false, "region.center_A");
    }

    static Region cylinder(int axis, double[] center, double a, double b, boolean fractional, String key) {
        int i = axis == 0 ? 1 : 0;
        int j = axis == 2 ? 1 : 2;
        double ci = center[i], cj = center[j];
        double ia = 1.0 / a, ib = 1.0 / b;
        ShapeRegion.Shape s = switch (axis) {
            case 0 -> (x, y, z) -> sq((y - ci) * ia) + sq((z - cj) * ib) < 1.0;
            case 1 -> (x, y, z) -> sq((x - ci) * ia) + sq((z - cj) * ib) < 1.0;
            default -> (x, y, z) -> sq((x - ci) * ia) + sq((y - cj) * ib) < 1.0;
        };
        double[] c = {Double.NaN, Double.NaN, Double.NaN};
        double[] lo = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] hi = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        c[i] = ci;
        c[j] = cj;
        lo[i] = ci - a;
        hi[i] = ci + a;
        lo[j] = cj - b;
        hi[j] = cj + b;
        String unit = fractional ? " (fractions of the box)" : " Å";
        String section = a == b ? String.format(Locale.ROOT, "radius %.6g", a)
                : String.format(Locale.ROOT, "semi-axes %.6g (%s), %.6g (%s)", a, "xyz".charAt(i), b, "xyz".charAt(j));
        return new ShapeRegion(s, c, lo, hi, fractional, String.format(Locale.ROOT,
                "cylinder along %s through (%s, %s) = (%.6g, %.6g) %s%s", "xyz".charAt(axis), "xyz".charAt(i),
                "xyz".charAt(j), ci, cj, section, unit), key);
    }

    /** Points within {@code halfWidth} Å of the plane n̂·r = offset (Å). */
    public static Region plane(double[] normal, double offset, double halfWidth) {
        return new PlaneRegion(normal, offset, null, halfWidth, "region.offset_A");
    }

    /** Points within {@code halfWidth} Å of the plane with that normal through a point given in fractions of the box. */
    public static Region planeThrough(double[] normal, double[] pointFrac, double halfWidth) {
        return new PlaneRegion(normal, 0.0, pointFrac, halfWidth, "region.point_frac");
    }

    /** Points in any of the regions. */
    public static Region union(List<Region> parts) {
        return combine(parts, false, "union");
    }

    /** Points in every one of the regions. */
    public static Region intersection(List<Region> parts) {
        return combine(parts, true, "intersection");
    }

    /**
     * A union ({@code all} false: inside as soon as one part contains the point) or an intersection
     * ({@code all} true: outside as soon as one part does not).
     */
    private static Region combine(List<Region> parts, boolean all, String name) {
        List<Region> list = List.copyOf(parts);
        return new Region() {
            @Override
            public PlacedRegion place(Box box) {
                PlacedRegion[] placed = placeAll(list, box);
                return (x, y, z) -> {
                    for (PlacedRegion r : placed) {
                        if (r.contains(x, y, z) != all) {
                            return !all;
                        }
                    }
                    return all;
                };
            }

            @Override
            public String describe() {
                return name + " of [" + String.join("; ", list.stream().map(Region::describe).toList()) + "]";
            }

            @Override
            public String toString() {
                return describe();
            }
        };
    }

    /** The complement of a region (LAMMPS {@code side out}). */
    public static Region invert(Region r) {
        return new Region() {
            @Override
            public PlacedRegion place(Box box) {
                return r.place(box).inverted();
            }

            @Override
            public String describe() {
                return "outside " + r.describe();
            }

            @Override
            public String toString() {
                return describe();
            }
        };
    }

    private static PlacedRegion[] placeAll(List<Region> list, Box box) {
        PlacedRegion[] placed = new PlacedRegion[list.size()];
        for (int k = 0; k < placed.length; k++) {
            placed[k] = list.get(k).place(box);
        }
        return placed;
    }

    /** Axis-aligned bounding box of the cell, Å, into lo[0..2] and hi[0..2]. */
    static void boundingBox(Box box, double[] lo, double[] hi) {
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) {
            lo[k] = Double.POSITIVE_INFINITY;
            hi[k] = Double.NEGATIVE_INFINITY;
        }
        for (int corner = 0; corner < 8; corner++) {
            box.fromFractional(corner & 1, (corner >> 1) & 1, (corner >> 2) & 1, c, 0);
            for (int k = 0; k < 3; k++) {
                lo[k] = Math.min(lo[k], c[k]);
                hi[k] = Math.max(hi[k], c[k]);
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    private static String vec(double[] v) {
        return String.format(Locale.ROOT, "(%.6g, %.6g, %.6g)", v[0], v[1], v[2]);
    }
}
