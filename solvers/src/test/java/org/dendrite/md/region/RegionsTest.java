package org.dendrite.md.region;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegionsTest {
    static Params params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new Params("region", m);
    }

    /** Whether any periodic image (shifts −2..2 cells) of r satisfies the absolute-space predicate. */
    interface Absolute {
        boolean inside(double x, double y, double z);
    }

    static boolean anyImage(Box box, double[] r, Absolute shape) {
        double[] d = new double[3];
        for (int a = -2; a <= 2; a++) {
            for (int b = -2; b <= 2; b++) {
                for (int c = -2; c <= 2; c++) {
                    box.imageShift(a, b, c, d, 0);
                    if (shape.inside(r[0] + d[0], r[1] + d[1], r[2] + d[2])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Random points over three cells along each axis (so many are periodic images outside the box). */
    static double[][] points(Box box, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] out = new double[n][3];
        for (int i = 0; i < n; i++) {
            box.fromFractional(rng.nextDouble(-1, 2), rng.nextDouble(-1, 2), rng.nextDouble(-1, 2), out[i], 0);
        }
        return out;
    }

    static void assertSameAsBruteForce(Region region, Box box, Absolute shape, int n, long seed) {
        PlacedRegion placed = region.place(box);
        int inside = 0;
        for (double[] r : points(box, n, seed)) {
            boolean expected = anyImage(box, r, shape);
            assertEquals(expected, placed.contains(r[0], r[1], r[2]), region.describe() + " at (" + r[0] + ", " + r[1]
                    + ", " + r[2] + ")");
            inside += expected ? 1 : 0;
        }
        assertTrue(inside > n / 50 && inside < n - n / 50, region.describe() + ": the test points must fall on both"
                + " sides (" + inside + " of " + n + " inside)");
    }

    @Test
    @DisplayName("the legacy stage syntax {axis, min_A, max_A} is a slab min ≤ z < max tested on the wrapped position")
    void legacySlabSyntax() {
        Box box = Box.orthorhombic(10, 12, 30);
        Region r = Regions.parse(params("axis", "z", "min_A", 10.0, "max_A", 20.0));
        PlacedRegion p = r.place(box);
        assertTrue(p.contains(1, 1, 10.0), "min is inside");
        assertFalse(p.contains(1, 1, 20.0), "max is outside");
        assertTrue(p.contains(1, 1, 19.999));
        assertTrue(p.contains(1, 1, 15.0 + 30.0), "image one cell up");
        assertTrue(p.contains(1, 1, 15.0 - 60.0), "image two cells down");
        assertFalse(p.contains(1, 1, 5.0 + 30.0));
        Region block = Regions.parse(params("min_A", List.of(0.0, 0.0, 0.0), "max_A", List.of(5.0, 6.0, 7.0)));
        assertTrue(block.place(box).contains(4.9, 5.9, 6.9));
        assertFalse(block.place(box).contains(5.0, 1, 1));
        assertTrue(block.place(box).contains(4.0 - 10.0, 1, 1 + 30.0));
    }

    @Test
    @DisplayName("a slab crossing the periodic boundary selects the atoms on both sides of it")
    void slabAcrossPeriodicBoundary() {
        Box box = Box.orthorhombic(10, 10, 40);
        PlacedRegion p = Regions.slab(2, -3.0, 3.0).place(box);
        assertTrue(p.contains(5, 5, 1.0));
        assertTrue(p.contains(5, 5, 38.0), "z = 38 is z = −2 in the next image");
        assertFalse(p.contains(5, 5, 36.0));
        assertFalse(p.contains(5, 5, 4.0));
        assertSameAsBruteForce(Regions.slab(2, -3.0, 3.0), box, (x, y, z) -> z >= -3 && z < 3, 4000, 1);
    }

    @Test
    @DisplayName("sphere, elliptic cylinder, ellipsoid and block select exactly the points with an image inside the"
            + " shape, also when the shape crosses the cell boundary (orthorhombic cell)")
    void shapesMatchBruteForceOrthorhombic() {
        Box box = Box.orthorhombic(20, 24, 30);
        assertSameAsBruteForce(Regions.sphere(new double[] {1, 2, 29}, 6.0), box,
                (x, y, z) -> sq(x - 1) + sq(y - 2) + sq(z - 29) < 36, 5000, 2);
        assertSameAsBruteForce(Regions.cylinder(0, new double[] {0, 12, 15}, 10.0, 5.0), box,
                (x, y, z) -> sq((y - 12) / 10) + sq((z - 15) / 5) < 1, 5000, 3);
        assertSameAsBruteForce(Regions.cylinder(2, new double[] {19, 1, 0}, 4.0, 7.0), box,
                (x, y, z) -> sq((x - 19) / 4) + sq((y - 1) / 7) < 1, 5000, 4);
        assertSameAsBruteForce(Regions.ellipsoid(new double[] {10, 23, 2}, new double[] {5, 7, 9}), box,
                (x, y, z) -> sq((x - 10) / 5) + sq((y - 23) / 7) + sq((z - 2) / 9) < 1, 5000, 5);
        assertSameAsBruteForce(Regions.block(new double[] {15, -2, 5}, new double[] {25, 4, 12}), box,
                (x, y, z) -> x >= 15 && x < 25 && y >= -2 && y < 4 && z >= 5 && z < 12, 5000, 6);
    }

    @Test
    @DisplayName("in a triclinic cell a sphere smaller than half the cell widths selects exactly the points with an"
            + " image inside it")
    void sphereInTriclinicCell() {
        Box box = new Box(-1, 2, 0.5, 20, 18, 22, 5, -4, 3);
        assertSameAsBruteForce(Regions.sphere(new double[] {0, 3, 1}, 7.5), box,
                (x, y, z) -> sq(x) + sq(y - 3) + sq(z - 1) < 7.5 * 7.5, 5000, 7);
        assertSameAsBruteForce(Regions.parse(params("shape", "ellipsoid", "center_A", List.of(18.0, 18.0, 20.0),
                "semi_axes_A", List.of(8.0, 4.0, 6.0))), box,
                (x, y, z) -> sq((x - 18) / 8) + sq((y - 18) / 4) + sq((z - 20) / 6) < 1, 5000, 8);
    }

    @Test
    @DisplayName("units: fraction defines the shape in fractional coordinates: a sphere of radius 0.3 is an"
            + " ellipsoid with semi-axes 0.3·(lx, ly, lz)")
    void fractionalUnits() {
        Box box = new Box(5, -5, 0, 10, 20, 40, 0, 0, 0);
        Region frac = Regions.parse(params("shape", "sphere", "units", "fraction", "center_frac",
                List.of(0.5, 0.5, 0.95), "radius_frac", 0.3));
        assertSameAsBruteForce(frac, box, (x, y, z) -> sq((x - 10) / 3.0) + sq((y - 5) / 6.0) + sq((z - 38) / 12.0) < 1,
                5000, 9);
        // units may be left out when the keys say _frac
        Region implied = Regions.parse(params("axis", "y", "min_frac", 0.25, "max_frac", 0.5));
        PlacedRegion p = implied.place(box);
        assertTrue(p.contains(6, 0.0, 1));
        assertTrue(p.contains(6, 4.999, 1));
        assertFalse(p.contains(6, 5.0, 1));
        assertFalse(p.contains(6, -0.001, 1));
        ParamException e = assertThrows(ParamException.class, () -> Regions.parse(params("shape", "sphere", "units",
                "fraction", "center_A", List.of(1.0, 1.0, 1.0), "radius_A", 2.0)));
        assertTrue(e.getMessage().contains("region.units"), e.getMessage());
    }

    @Test
    @DisplayName("the plane region holds the points within w of n̂·r = d on any periodic image, for axis and tilted"
            + " normals, placed by offset or by fractional position")
    void planeDistance() {
        Box box = Box.orthorhombic(20, 20, 30);
        Region z = Regions.parse(params("shape", "plane", "axis", "z", "position_frac", 0.5, "half_width_A", 4.0));
        assertSameAsBruteForce(z, box, (x, y, zz) -> Math.abs(zz - 15) < 4, 4000, 10);
        Region edge = Regions.parse(params("shape", "plane", "normal", List.of(0.0, 0.0, 2.0), "offset_A", 29.0,
                "half_width_A", 3.0));
        assertSameAsBruteForce(edge, box, (x, y, zz) -> Math.abs(zz - 29) < 3, 4000, 11);
        // (110) plane through the box centre of a cubic cell: its periodic images are planes too.
        Box cube = Box.orthorhombic(20, 20, 20);
        double s = Math.sqrt(0.5);
        Region tilted = Regions.parse(params("shape", "plane", "normal", List.of(1.0, 1.0, 0.0), "point_frac",
                List.of(0.5, 0.5, 0.5), "half_width_A", 2.5));
        assertSameAsBruteForce(tilted, cube, (x, y, zz) -> Math.abs(s * (x + y) - s * 20) < 2.5, 4000, 12);
    }

    @Test
    @DisplayName("union, intersection and invert combine regions as sets")
    void setOperations() {
        Box box = Box.orthorhombic(20, 20, 20);
        Region u = Regions.parse(params("shape", "union", "regions", List.of(
                Map.of("shape", "sphere", "center_A", List.of(5.0, 5.0, 5.0), "radius_A", 3.0),
                Map.of("axis", "x", "min_A", 14.0, "max_A", 16.0))));
        assertSameAsBruteForce(u, box, (x, y, z) -> sq(x - 5) + sq(y - 5) + sq(z - 5) < 9 || (x >= 14 && x < 16),
                4000, 13);
        Region i = Regions.parse(params("shape", "intersection", "invert", true, "regions", List.of(
                Map.of("axis", "x", "min_A", 2.0, "max_A", 12.0),
                Map.of("axis", "y", "min_A", 4.0, "max_A", 9.0))));
        PlacedRegion p = i.place(box);
        assertFalse(p.contains(3, 5, 1));
        assertTrue(p.contains(3, 10, 1));
        assertTrue(p.contains(13, 5, 1));
        assertTrue(i.describe().startsWith("outside intersection"), i.describe());
    }

    @Test
    @DisplayName("selection by id returns the sorted ids of the atoms inside")
    void selectIds() {
        Box box = Box.orthorhombic(10, 10, 10);
        org.dendrite.md.Atoms a = new org.dendrite.md.Atoms(new org.dendrite.md.Species(List.of("Ar"),
                new double[] {40}, new double[] {0}), 4);
        double[][] pos = {{1, 1, 1}, {5, 5, 5}, {9.5, 9.5, 9.5}, {5, 5, 15.2}};
        int[] ids = {7, 3, 11, 5};
        for (int k = 0; k < 4; k++) {
            System.arraycopy(pos[k], 0, a.x, 3 * k, 3);
            a.id[k] = ids[k];
        }
        assertArrayEquals(new int[] {3, 5}, Regions.sphere(new double[] {5, 5, 5}, 1.0).place(box).selectIds(a));
        assertArrayEquals(new int[] {7, 11}, Regions.sphere(new double[] {0, 0, 0}, 2.0).place(box).selectIds(a));
    }

    @Test
    @DisplayName("a region wholly outside the box is an error naming the key that places it; bad shapes name their key")
    void badInputNamesTheKey() {
        Box box = Box.orthorhombic(10, 10, 10);
        ParamException e = assertThrows(ParamException.class, () -> Regions.parse(params("shape", "sphere",
                "center_A", List.of(30.0, 5.0, 5.0), "radius_A", 2.0)).place(box));
        assertTrue(e.path().equals("region.center_A") && e.getMessage().contains("wholly outside the box"),
                e.getMessage());
        e = assertThrows(ParamException.class, () -> Regions.parse(params("axis", "z", "min_A", 12.0, "max_A", 20.0))
                .place(box));
        assertTrue(e.path().equals("region.min_A"), e.getMessage());
        e = assertThrows(ParamException.class, () -> Regions.parse(params("shape", "plane", "axis", "x", "offset_A",
                -5.0, "half_width_A", 2.0)).place(box));
        assertTrue(e.path().equals("region.offset_A"), e.getMessage());
        e = assertThrows(ParamException.class, () -> Regions.parse(params("shape", "union", "regions", List.of(
                Map.of("shape", "sphere", "center_A", List.of(5.0, 5.0, 5.0), "radius_A", 1.0),
                Map.of("shape", "sphere", "center_A", List.of(5.0, 5.0, -9.0), "radius_A", 1.0)))).place(box));
        assertTrue(e.path().equals("region.regions[1].center_A"), e.getMessage());
        // A region that only crosses the boundary is fine.
        Regions.parse(params("shape", "sphere", "center_A", List.of(11.0, 5.0, 5.0), "radius_A", 2.0)).place(box);

        e = assertThrows(ParamException.class, () -> Regions.parse(params("shape", "torus")));
        assertTrue(e.path().equals("region.shape") && e.getMessage().contains("sphere"), e.getMessage());
        e = assertThrows(ParamException.class, () -> Regions.parse(params("shape", "sphere", "center_A",
                List.of(1.0, 1.0, 1.0), "radius_A", 0.0)));
        assertTrue(e.path().equals("region.radius_A"), e.getMessage());
        e = assertThrows(ParamException.class, () -> Regions.parse(params("shape", "sphere", "center_A",
                List.of(1.0, 1.0, 1.0), "radius_A", 1.0, "radius", 3.0)));
        assertTrue(e.path().equals("region.radius") && e.getMessage().contains("unknown key"), e.getMessage());
        e = assertThrows(ParamException.class, () -> Regions.parse(params("shape", "cylinder", "axis", "w",
                "center_A", List.of(1.0, 1.0, 1.0), "radius_A", 1.0)));
        assertTrue(e.path().equals("region.axis"), e.getMessage());
        e = assertThrows(ParamException.class, () -> Regions.parse(params("axis", "z", "min_A", 5.0, "max_A", 5.0)));
        assertTrue(e.path().equals("region.max_A"), e.getMessage());
        e = assertThrows(ParamException.class, () -> Regions.parse(params("radius_A", 3.0)));
        assertTrue(e.path().equals("region.shape"), e.getMessage());
    }

    static double sq(double v) {
        return v * v;
    }
}
