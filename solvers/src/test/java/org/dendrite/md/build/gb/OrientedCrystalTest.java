package org.dendrite.md.build.gb;

import static org.dendrite.md.build.gb.GbTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.Supercells;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrientedCrystalTest {
    @TempDir
    Path dir;

    private static AtomicModel llzo() {
        return GbTestSupport.build(map("file", GbTestSupport.LLZO_TETRAGONAL.toString()), BuildContext.standalone(null, 1));
    }

    @Test
    @DisplayName("centring is found from the atoms: antifluorite Li2O is F, the perovskite test lattice P, tetragonal LLZO (I4_1/acd) I")
    void centringFromAtoms() {
        assertEquals("F", OrientedCrystal.of(GbTestSupport.li2o()).centring());
        assertEquals("P", OrientedCrystal.of(GbTestSupport.perovskite()).centring());
        assertEquals("I", OrientedCrystal.of(llzo()).centring());
    }

    @Test
    @DisplayName("a grain given as a 3x2x1 supercell is reduced to its repeat unit, and a perturbed atom stops the reduction")
    void repeatUnitFromAtoms() {
        AtomicModel big = Supercells.replicate(llzo(), 3, 2, 1);
        OrientedCrystal c = OrientedCrystal.of(big);
        assertArrayEquals(new int[] {3, 2, 1}, c.reduction());
        assertEquals(192, c.motifSize());
        assertArrayEquals(new double[] {13.23607, 13.23607, 12.701706}, c.latticeConstants(), 1e-9);
        assertEquals(Map.of("Li", 56, "La", 24, "Zr", 16, "O", 96), c.motifComposition());

        AtomicModel broken = big.copy();
        broken.setPosition(0, broken.x(0, 0) + 0.2, broken.x(0, 1), broken.x(0, 2));
        OrientedCrystal b = OrientedCrystal.of(broken);
        assertArrayEquals(new int[] {1, 1, 1}, b.reduction());
        assertEquals("P", b.centring());
    }

    @Test
    @DisplayName("periods: [310] is a√10/2 in an F lattice and a√10 in a P lattice; [111] of I-centred LLZO is |(a, a, c)|/2")
    void periods() {
        assertEquals(GbTestSupport.LI2O_A * Math.sqrt(10) / 2, OrientedCrystal.of(GbTestSupport.li2o()).period(new int[] {3, 1, 0}), 1e-12);
        assertEquals(GbTestSupport.PEROVSKITE_A * Math.sqrt(10),
                OrientedCrystal.of(GbTestSupport.perovskite()).period(new int[] {6, 2, 0}), 1e-12);
        double a = 13.23607;
        double c = 12.701706;
        assertEquals(Math.sqrt(2 * a * a + c * c) / 2, OrientedCrystal.of(llzo()).period(new int[] {1, 1, 1}), 1e-12);
        assertEquals(a, OrientedCrystal.of(llzo()).period(new int[] {1, 0, 0}), 1e-12);
    }

    @Test
    @DisplayName("type: oriented along [1-10], [11-2], [111] holds the atoms of its volume, the bulk composition, and bulk "
            + "coordination across every periodic face")
    void orientedLi2o() {
        Path f = GbTestSupport.write(GbTestSupport.li2o(), dir, "li2o.extxyz");
        BuildContext ctx = BuildContext.standalone(dir, 1);
        AtomicModel m = GbTestSupport.build(map("type", "oriented", "grain", map("file", f.toString()),
                "x", "1-10", "y", List.of(1, 1, -2), "z", "[111]", "repeat", List.of(2, 1, 1)), ctx);
        double a = GbTestSupport.LI2O_A;
        assertEquals(2 * a * Math.sqrt(2) / 2, m.box().lx(), 1e-9);
        assertEquals(a * Math.sqrt(6) / 2, m.box().ly(), 1e-9);
        assertEquals(a * Math.sqrt(3), m.box().lz(), 1e-9);
        double expected = 12 * m.box().volume() / (a * a * a);
        assertEquals(Math.rint(expected), m.size());
        assertEquals(2 * m.count("O"), m.count("Li"));
        double r = a * Math.sqrt(3) / 4;
        for (int i = 0; i < m.size(); i++) {
            String partner = m.element(i).equals("O") ? "Li" : "O";
            List<double[]> nb = GbTestSupport.neighbours(m, i, partner, -1, r + 1e-6);
            assertEquals(m.element(i).equals("O") ? 8 : 4, nb.size(), "atom " + i);
            for (double[] d : nb) {
                assertEquals(r, GbTestSupport.norm(d), 1e-9);
            }
        }
        assertEquals("F", ctx.report().sections().get("structure").get("lattice_centring"));
    }

    @Test
    @DisplayName("directions that are orthogonal only in a cubic metric are an error naming the key, for tetragonal LLZO")
    void nonOrthogonalInTetragonal() {
        BuildContext ctx = BuildContext.standalone(null, 1);
        ParamException e = assertThrows(ParamException.class, () -> GbTestSupport.build(map("type", "oriented",
                "grain", map("file", GbTestSupport.LLZO_TETRAGONAL.toString()), "x", List.of(1, 0, 1),
                "y", List.of(-1, 0, 1)), ctx));
        assertEquals("structure.y", e.path());
        assertTrue(e.reason().contains("not orthogonal"), e.reason());
        ParamException z = assertThrows(ParamException.class, () -> GbTestSupport.build(map("type", "oriented",
                "grain", map("file", GbTestSupport.LLZO_TETRAGONAL.toString()), "x", "1-10", "y", "11-2"), ctx));
        assertEquals("structure.y", z.path());
        assertTrue(z.reason().contains("no period along z"), z.reason());
    }

    @Test
    @DisplayName("a left-handed z is an error on 'z'")
    void leftHanded() {
        Path f = GbTestSupport.write(GbTestSupport.perovskite(), dir, "p.extxyz");
        ParamException e = assertThrows(ParamException.class, () -> GbTestSupport.build(map("type", "oriented",
                "grain", map("file", f.toString()), "x", "100", "y", "010", "z", "00-1"), BuildContext.standalone(dir, 1)));
        assertEquals("structure.z", e.path());
    }
}
