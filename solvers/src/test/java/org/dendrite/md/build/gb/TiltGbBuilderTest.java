package org.dendrite.md.build.gb;

import static org.dendrite.md.build.gb.GbTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dendrite.config.ParamException;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.Charges;
import org.dendrite.md.io.Structure;
import org.dendrite.md.io.StructureValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TiltGbBuilderTest {
    @TempDir
    static Path dir;
    static Path li2o;
    static Path perovskite;

    @BeforeAll
    static void lattices() {
        li2o = GbTestSupport.write(GbTestSupport.li2o(), dir, "li2o.extxyz");
        perovskite = GbTestSupport.write(GbTestSupport.perovskite(), dir, "perovskite.extxyz");
    }

    /**
     * lattice file, axis, Σ-or-angle key and value, expected CSL periods along x (axis) and y (in the
     * boundary, ⊥ axis) from the lattice alone, the CSL misorientation, and the species whose
     * nearest-neighbour directions measure it.
     */
    static Stream<Arguments> boundaries() {
        double a = GbTestSupport.LI2O_A;
        double b = GbTestSupport.PEROVSKITE_A;
        return Stream.of(
                // F-centred: [100] period a; [013] has the centring half-vector (0, 1/2, 3/2): a√10/2
                Arguments.of("li2o", List.of(1, 0, 0), "sigma", 5, a, a * Math.sqrt(10) / 2, 36.8698976, "O"),
                // primitive: a√10
                Arguments.of("perovskite", List.of(1, 0, 0), "tilt_angle_deg", 36.87, b, b * Math.sqrt(10), 36.8698976, "Nb"),
                // F: [110]/2 and [-3 3 2]/2 are lattice vectors: a√2/2, a√22/2; Σ11 = 2·atan(√2/2·... ) = 50.4788°
                Arguments.of("li2o", List.of(1, 1, 0), "sigma", 11, a * Math.sqrt(2) / 2, a * Math.sqrt(22) / 2, 50.4788036, "O"),
                // primitive [110] Σ3 (112) at 70.53°: a√2 and |[-1 1 1]| = a√3
                Arguments.of("perovskite", List.of(1, 1, 0), "sigma", 3, b * Math.sqrt(2), b * Math.sqrt(3), 70.5287794, "Nb"),
                // primitive [210] Σ15: a√5 and |[-1 2 1]| = a√6, θ = 2·atan(1/√5)
                Arguments.of("perovskite", List.of(2, 1, 0), "sigma", 15, b * Math.sqrt(5), b * Math.sqrt(6), 48.1896851, "Nb"),
                // F [210] Σ7: (1, 1/2, 0) is not an F vector: a√5; [-3 6 5]/2 ≡ (1/2, 0, 1/2) is: a√70/2
                Arguments.of("li2o", List.of(2, 1, 0), "sigma", 7, a * Math.sqrt(5), a * Math.sqrt(70) / 2, 73.3984504, "O"));
    }

    @ParameterizedTest(name = "{0} [{1}] {2}={3}")
    @MethodSource("boundaries")
    @DisplayName("a symmetric tilt bicrystal has the CSL periods, two boundaries in a periodic cell, no pair closer than overlap_A, "
            + "zero net charge, bulk coordination away from the boundaries, and the requested misorientation measured from the atoms")
    void tiltBicrystal(String lattice, List<Integer> axis, String key, Number value, double px, double py, double angle,
                       String probe) {
        Path file = lattice.equals("li2o") ? li2o : perovskite;
        BuildContext ctx = BuildContext.standalone(dir, 1);
        double overlap = 1.5;
        AtomicModel m = GbTestSupport.build(map("type", "tilt-gb", "grain", map("file", file.toString()), "axis", axis,
                key, value, "grain_thickness_A", 12.0, "overlap_A", overlap), ctx);
        Map<String, Object> r = ctx.report().sections().get("structure");

        assertEquals(px, m.box().lx(), 1e-9, "period along the tilt axis");
        assertEquals(py, m.box().ly(), 1e-9, "CSL period in the boundary plane");
        assertEquals(px * py, (double) r.get("gb_area_A2"), 1e-9);
        assertEquals(angle, (double) r.get("tilt_angle_deg"), 1e-6);

        double ta = (double) r.get("grain_A_thickness_A");
        double[] planes = {0.0, ta};
        assertTwoGrainsAlongZ(m, ta);

        Structure s = m.toStructure(null, Charges.FORMAL, "bicrystal");
        assertNull(StructureValidator.closestPair(s.atoms(), s.box(), overlap, "bicrystal"),
                "no pair closer than overlap_A, periodic images included");
        assertEquals(0.0, GbTestSupport.formalCharge(m), 1e-9, "neutral after the fix");
        assertEquals(0.0, (double) r.get("net_charge_e"), 1e-9);

        // the same boundary without overlap removal or neutrality: every atom 3 Å from the planes
        // has its bulk neighbours, across the periodic x and y faces as well
        AtomicModel raw = GbTestSupport.build(map("type", "tilt-gb", "grain", map("file", file.toString()), "axis", axis,
                key, value, "grain_thickness_A", 12.0, "overlap_A", 0.0, "neutralize", "none"),
                BuildContext.standalone(dir, 1));
        assertBulkCoordination(raw, planes, 3.0, lattice);

        List<double[]> da = GbTestSupport.neighbourDirections(m, 0, probe, planes, 3.0);
        List<double[]> db = GbTestSupport.neighbourDirections(m, 1, probe, planes, 3.0);
        List<Double> measured = GbTestSupport.tiltAnglesAboutX(da, db);
        assertFalse(measured.isEmpty(), "grain B is a rotation of grain A about the tilt axis");
        assertTrue(GbTestSupport.closestMeasured(measured, angle) < 1e-6,
                "measured tilt angles " + measured + " contain " + angle);
        for (double t : measured) {
            assertTrue(Math.abs(t) > 1.0, "no description of the misorientation is a near-identity: " + measured);
        }
    }

    /** Grain ids change exactly twice going once around the cell along z. */
    private static void assertTwoGrainsAlongZ(AtomicModel m, double ta) {
        double lz = m.box().lz();
        for (int i = 0; i < m.size(); i++) {
            double z = m.x(i, 2);
            boolean inA = z < ta - 1e-6 || z > lz - 1e-6;
            assertEquals(inA ? 0 : 1, m.tag(i), "atom " + i + " at z=" + z + " lies in its grain's slab");
        }
        Integer[] order = new Integer[m.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(wrapTop(m.x(p, 2), lz), wrapTop(m.x(q, 2), lz)));
        int changes = 0;
        for (int k = 0; k < order.length; k++) {
            int next = order[(k + 1) % order.length];
            if (m.tag(order[k]) != m.tag(next)) {
                changes++;
            }
        }
        assertEquals(2, changes, "two boundaries");
    }

    private static double wrapTop(double z, double lz) {
        return z > lz - 1e-6 ? z - lz : z;
    }

    /**
     * Every atom farther than margin from both boundaries has the bulk first-shell coordination
     * (across the periodic x and y faces too, so the in-plane periods are lattice periods).
     * Li₂O: O has 8 Li at a√3/4, Li has 4 O. Perovskite: Nb has 6 O at a/2, Li 12 O at a/√2.
     */
    private static void assertBulkCoordination(AtomicModel m, double[] planes, double margin, String lattice) {
        for (int i = 0; i < m.size(); i++) {
            if (GbTestSupport.distanceFromPlanes(m, i, planes) < margin) {
                continue;
            }
            String e = m.element(i);
            String partner;
            double r;
            int expected;
            if (lattice.equals("li2o")) {
                partner = e.equals("O") ? "Li" : "O";
                r = GbTestSupport.LI2O_A * Math.sqrt(3) / 4;
                expected = e.equals("O") ? 8 : 4;
            } else {
                if (e.equals("O")) {
                    continue;
                }
                partner = "O";
                r = e.equals("Nb") ? GbTestSupport.PEROVSKITE_A / 2 : GbTestSupport.PEROVSKITE_A / Math.sqrt(2);
                expected = e.equals("Nb") ? 6 : 12;
            }
            int n = 0;
            int closer = 0;
            for (double[] d : GbTestSupport.neighbours(m, i, partner, -1, r + 1e-6)) {
                if (GbTestSupport.norm(d) > r - 1e-6) {
                    n++;
                } else {
                    closer++;
                }
            }
            assertEquals(expected, n, e + " atom " + i + " at z=" + m.x(i, 2));
            assertEquals(0, closer, e + " atom " + i + " has a neighbour closer than in the bulk");
        }
    }

    @Test
    @DisplayName("a Σ that does not exist for the axis is an error on 'sigma' that lists the valid Σ up to 51")
    void unknownSigma() {
        BuildContext ctx = BuildContext.standalone(dir, 1);
        ParamException e = assertThrows(ParamException.class, () -> GbTestSupport.build(map("type", "tilt-gb",
                "grain", map("file", li2o.toString()), "axis", List.of(1, 0, 0), "sigma", 7), ctx));
        assertEquals("structure.sigma", e.path());
        assertTrue(e.reason().contains("5, 13, 17, 25, 29, 37, 41"), e.reason());
    }

    @Test
    @DisplayName("a tilt angle that is not a CSL angle is an error on 'tilt_angle_deg' listing the CSL boundaries")
    void nonCslAngle() {
        BuildContext ctx = BuildContext.standalone(dir, 1);
        ParamException e = assertThrows(ParamException.class, () -> GbTestSupport.build(map("type", "tilt-gb",
                "grain", map("file", li2o.toString()), "axis", "110", "tilt_angle_deg", 45.0), ctx));
        assertEquals("structure.tilt_angle_deg", e.path());
        assertTrue(e.reason().contains("Σ3 (1 -1 2) 70.529°"), e.reason());
    }

    @Test
    @DisplayName("an unsupported tilt axis is an error on 'axis' naming the supported ones")
    void unsupportedAxis() {
        BuildContext ctx = BuildContext.standalone(dir, 1);
        ParamException e = assertThrows(ParamException.class, () -> GbTestSupport.build(map("type", "tilt-gb",
                "grain", map("file", li2o.toString()), "axis", List.of(1, 1, 1), "sigma", 3), ctx));
        assertEquals("structure.axis", e.path());
        assertTrue(e.reason().contains("[2 1 0]"), e.reason());
    }

    @Test
    @DisplayName("'plane' picks among the boundaries of one Σ: Σ5 (210) instead of the default Σ5 (310)")
    void planeSelectsBoundary() {
        BuildContext ctx = BuildContext.standalone(dir, 1);
        GbTestSupport.build(map("type", "tilt-gb", "grain", map("file", perovskite.toString()), "axis", "100",
                "sigma", 5, "plane", "(021)", "grain_thickness_A", 8.0), ctx);
        Map<String, Object> r = ctx.report().sections().get("structure");
        assertEquals("(0 -2 1)", r.get("boundary_plane_A"));
        assertEquals(53.130102, (double) r.get("tilt_angle_deg"), 1e-6);
        assertEquals(GbTestSupport.PEROVSKITE_A * Math.sqrt(5), (double) r.get("period_y_A"), 1e-9);
    }

    static Stream<Arguments> cubicLlzo() {
        double a = 12.97;
        return Stream.of(
                Arguments.of(List.of(1, 0, 0), 5, a, a * Math.sqrt(10), 36.8698976),
                Arguments.of(List.of(1, 1, 0), 3, a * Math.sqrt(2), a * Math.sqrt(3), 70.5287794));
    }

    @ParameterizedTest(name = "[{0}] Σ{1}")
    @MethodSource("cubicLlzo")
    @DisplayName("cubic LLZO grains from the crystal builder (primitive: the sampled Li break the I centring): CSL periods of the "
            + "conventional cell, no pair closer than overlap_A, neutral, and the misorientation of the Zr sublattice")
    void cubicLlzoTilt(List<Integer> axis, int sigma, double px, double py, double angle) {
        BuildContext ctx = BuildContext.standalone(null, 7);
        AtomicModel m = GbTestSupport.build(map("type", "tilt-gb", "grain", map("type", "crystal", "phase", "llzo-cubic"),
                "axis", axis, "sigma", sigma), ctx);
        Map<String, Object> r = ctx.report().sections().get("structure");
        assertEquals("P", r.get("lattice_centring"));
        assertEquals(px, m.box().lx(), 1e-9);
        assertEquals(py, m.box().ly(), 1e-9);
        double ta = (double) r.get("grain_A_thickness_A");
        assertTwoGrainsAlongZ(m, ta);
        Structure s = m.toStructure(null, Charges.FORMAL, "llzo");
        assertNull(StructureValidator.closestPair(s.atoms(), s.box(), BoundaryCleanup.DEFAULT_OVERLAP_A, "llzo"));
        assertEquals(0.0, GbTestSupport.formalCharge(m), 1e-9);
        double[] planes = {0.0, ta};
        List<Double> measured = GbTestSupport.tiltAnglesAboutX(
                GbTestSupport.neighbourDirections(m, 0, "Zr", planes, 6.0),
                GbTestSupport.neighbourDirections(m, 1, "Zr", planes, 6.0));
        assertTrue(GbTestSupport.closestMeasured(measured, angle) < 1e-6, "measured " + measured + ", wanted " + angle);
    }

    @Test
    @DisplayName("tetragonal LLZO: about [001] (square tilt plane) Σ5 is an exact CSL at 36.87°; about [100] Σ5 is nominal, the "
            + "measured misorientation is the reported non-CSL angle 2·atan(a/3c), and the cell stays periodic and neutral")
    void tetragonalLlzo() {
        Map<String, Object> grain = map("file", GbTestSupport.LLZO_TETRAGONAL.toString());
        BuildContext exactCtx = BuildContext.standalone(null, 1);
        AtomicModel exact = GbTestSupport.build(map("type", "tilt-gb", "grain", grain, "axis", "001", "sigma", 5), exactCtx);
        Map<String, Object> re = exactCtx.report().sections().get("structure");
        assertEquals(true, re.get("csl_exact"));
        assertEquals("I", re.get("lattice_centring"));
        assertEquals(12.701706, exact.box().lx(), 1e-9);
        assertEquals(13.23607 * Math.sqrt(10), exact.box().ly(), 1e-9, "(1/2, 3/2, 0) is not an I-lattice vector");
        assertEquals(0.0, GbTestSupport.formalCharge(exact), 1e-9);
        double ta = (double) re.get("grain_A_thickness_A");
        assertTrue(GbTestSupport.closestMeasured(GbTestSupport.tiltAnglesAboutX(
                GbTestSupport.neighbourDirections(exact, 0, "Zr", new double[] {0, ta}, 6.0),
                GbTestSupport.neighbourDirections(exact, 1, "Zr", new double[] {0, ta}, 6.0)), 36.8698976) < 1e-6);

        BuildContext ctx = BuildContext.standalone(null, 1);
        AtomicModel m = GbTestSupport.build(map("type", "tilt-gb", "grain", grain, "axis", "100", "sigma", 5), ctx);
        Map<String, Object> r = ctx.report().sections().get("structure");
        assertEquals(false, r.get("csl_exact"));
        double a = 13.23607;
        double c = 12.701706;
        double actual = Math.toDegrees(2 * Math.atan(a / (3 * c)));
        assertEquals(actual, (double) r.get("tilt_angle_deg"), 1e-9);
        assertEquals(a, m.box().lx(), 1e-9);
        assertEquals(Math.sqrt(a * a + 9 * c * c), m.box().ly(), 1e-9);
        assertEquals(0.0, GbTestSupport.formalCharge(m), 1e-9);
        Structure s = m.toStructure(null, Charges.FORMAL, "llzo");
        assertNull(StructureValidator.closestPair(s.atoms(), s.box(), BoundaryCleanup.DEFAULT_OVERLAP_A, "llzo"));
        assertTrue(ctx.report().notes().stream().anyMatch(n -> n.contains("nominal")), ctx.report().notes().toString());
        double tm = (double) r.get("grain_A_thickness_A");
        List<Double> measured = GbTestSupport.tiltAnglesAboutX(
                GbTestSupport.neighbourDirections(m, 0, "Zr", new double[] {0, tm}, 6.0),
                GbTestSupport.neighbourDirections(m, 1, "Zr", new double[] {0, tm}, 6.0));
        assertTrue(GbTestSupport.closestMeasured(measured, actual) < 1e-6, "measured " + measured + ", wanted " + actual);
    }
}
