package org.dendrite.md.build.gb;

import static org.dendrite.md.build.gb.GbTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.Charges;
import org.dendrite.md.io.Structure;
import org.dendrite.md.io.StructureValidator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MirrorGbBuilderTest {
    @TempDir
    Path dir;

    private static Map<String, Object> mirrorConfig(String plane, String center, Object... more) {
        return mirrorOn(map("file", GbTestSupport.LLZO_TETRAGONAL.toString()), plane, center, more);
    }

    private static Map<String, Object> mirrorOn(Map<String, Object> grain, String plane, String center, Object... more) {
        Map<String, Object> m = map("type", "mirror-gb", "grain", grain, "plane", plane, "center_on", center);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    /**
     * Every atom has an atom of the same element at its mirror image through z = t (and so, with the
     * period 2t, through z = 0), and at least one center_on atom lies on each plane.
     */
    private static void assertMirrorSymmetric(AtomicModel m, double t, String center) {
        double lz = m.box().lz();
        assertEquals(2 * t, lz, 1e-9);
        int onPlane1 = 0;
        int onPlane0 = 0;
        for (int i = 0; i < m.size(); i++) {
            double z = m.x(i, 2);
            if (m.element(i).equals(center)) {
                onPlane1 += Math.abs(z - t) < 1e-6 ? 1 : 0;
                onPlane0 += Math.min(z, lz - z) < 1e-6 ? 1 : 0;
            }
            double zm = 2 * t - z;
            boolean found = false;
            for (int j = 0; j < m.size() && !found; j++) {
                if (!m.element(j).equals(m.element(i))) {
                    continue;
                }
                double dx = m.x(j, 0) - m.x(i, 0);
                double dy = m.x(j, 1) - m.x(i, 1);
                double dz = m.x(j, 2) - zm;
                dx -= m.box().lx() * Math.rint(dx / m.box().lx());
                dy -= m.box().ly() * Math.rint(dy / m.box().ly());
                dz -= lz * Math.rint(dz / lz);
                found = dx * dx + dy * dy + dz * dz < 1e-10;
            }
            assertTrue(found, m.element(i) + " atom " + i + " at z=" + z + " has no mirror image");
        }
        assertTrue(onPlane1 > 0, "a " + center + " atom on the mirror plane z = t");
        assertTrue(onPlane0 > 0, "a " + center + " atom on the mirror plane z = 0");
    }

    @ParameterizedTest(name = "{0} ({1}) on {2}")
    @CsvSource({"llzo-tetragonal, 110, La", "llzo-tetragonal, 110, Zr", "llzo-tetragonal, 111, Li",
            "llzo-tetragonal, 111, La", "llzo-tetragonal, 111, Zr", "llzo-cubic, 110, La", "llzo-cubic, 110, Zr",
            "llzo-cubic, 111, Li", "llzo-cubic, 111, La", "llzo-cubic, 111, Zr"})
    @DisplayName("LLZO mirrored on (110) (seed 000 §4.3) and (111) (§4.5: Li-, La-, Zr-centred) through a chosen element's "
            + "layer: mirror-symmetric before the fix; after it no pair closer than overlap_A, neutral, and an excess report "
            + "consistent with the atoms")
    void llzoMirror(String phase, String plane, String center) {
        Map<String, Object> grain = map("type", "crystal", "phase", phase);
        BuildContext rawCtx = BuildContext.standalone(null, 1);
        AtomicModel raw = GbTestSupport.build(mirrorOn(grain, plane, center, "overlap_A", 0.0, "neutralize", "none"), rawCtx);
        double t = (double) rawCtx.report().sections().get("structure").get("grain_thickness_A");
        assertMirrorSymmetric(raw, t, center);

        BuildContext ctx = BuildContext.standalone(null, 1);
        AtomicModel m = GbTestSupport.build(mirrorOn(grain, plane, center), ctx);
        Map<String, Object> r = ctx.report().sections().get("structure");
        Structure s = m.toStructure(null, Charges.FORMAL, "mirror");
        assertNull(StructureValidator.closestPair(s.atoms(), s.box(), BoundaryCleanup.DEFAULT_OVERLAP_A, "mirror"));
        assertEquals(0.0, GbTestSupport.formalCharge(m), 1e-9);
        assertEquals(m.box().lx() * m.box().ly(), (double) r.get("gb_area_A2"), 1e-9);

        // removed atoms are exactly those reported
        int removed = 0;
        for (String e : new String[] {"Li", "La", "Zr", "O"}) {
            removed += (int) r.get("overlap_removed_" + e);
            removed += (int) r.getOrDefault("neutralize_removed_" + e, 0);
            assertEquals(m.count(e), (int) r.get("atoms_" + e));
        }
        assertEquals(raw.size() - removed, m.size());
        // excess per boundary against the Zr-counted formula units (Li56La24Zr16O96 per cell); a neutral cell
        // has Σ q·Γ = 0
        double units = m.count("Zr") / 16.0;
        double qGamma = 0;
        Map<String, Integer> bulk = Map.of("Li", 56, "La", 24, "Zr", 16, "O", 96);
        for (Map.Entry<String, Integer> e : bulk.entrySet()) {
            double gamma = (m.count(e.getKey()) - units * e.getValue()) / 2;
            assertEquals(gamma, (double) r.get("excess_" + e.getKey() + "_per_boundary"), 1e-9);
            qGamma += Charges.FORMAL.of(e.getKey()) * gamma;
        }
        assertEquals(0.0, qGamma, 1e-9);
    }

    @Test
    @DisplayName("on a cubic lattice the second mirror plane is a whole number of periods above the first, so both boundaries "
            + "are equivalent: Li2O (111) on O, mirror-symmetric through both planes")
    void cubicPeriodicMirror() {
        Path f = GbTestSupport.write(GbTestSupport.li2o(), dir, "li2o.extxyz");
        BuildContext ctx = BuildContext.standalone(dir, 1);
        AtomicModel raw = GbTestSupport.build(map("type", "mirror-gb", "grain", map("file", f.toString()), "plane", "111",
                "center_on", "O", "grain_thickness_A", 10.0, "overlap_A", 0.0, "neutralize", "none"), ctx);
        Map<String, Object> r = ctx.report().sections().get("structure");
        double period = GbTestSupport.LI2O_A * Math.sqrt(3);
        double t = (double) r.get("grain_thickness_A");
        assertEquals(2 * period, t, 1e-9);
        assertMirrorSymmetric(raw, t, "O");
        // O layers on the planes: without removal the cell is stoichiometric (plane atoms once per plane)
        assertEquals(2 * raw.count("O"), raw.count("Li"));
    }

    @Test
    @DisplayName("neutralize: none keeps the net charge and says so in the report")
    void neutralizeNone() {
        BuildContext ctx = BuildContext.standalone(null, 1);
        AtomicModel m = GbTestSupport.build(mirrorConfig("110", "Zr", "neutralize", "none"), ctx);
        double q = GbTestSupport.formalCharge(m);
        assertTrue(Math.abs(q) > 0.5, "overlap removal leaves this cell charged: " + q);
        assertEquals(q, (double) ctx.report().sections().get("structure").get("net_charge_e"), 1e-9);
        assertTrue(ctx.report().notes().stream().anyMatch(n -> n.contains("WARNING") && n.contains("net charge")),
                ctx.report().notes().toString());
    }

    @Test
    @DisplayName("bad mirror input names its key: unknown element, unsupported plane, layer out of range")
    void badInput() {
        BuildContext ctx = BuildContext.standalone(null, 1);
        ParamException e = assertThrows(ParamException.class, () -> GbTestSupport.build(mirrorConfig("110", "Ta"), ctx));
        assertEquals("structure.center_on", e.path());
        e = assertThrows(ParamException.class, () -> GbTestSupport.build(mirrorConfig("112", "La"), ctx));
        assertEquals("structure.plane", e.path());
        assertTrue(e.reason().contains("(1 1 0)"), e.reason());
        e = assertThrows(ParamException.class, () -> GbTestSupport.build(mirrorConfig("110", "Zr", "layer", 99), ctx));
        assertEquals("structure.layer", e.path());
    }
}
