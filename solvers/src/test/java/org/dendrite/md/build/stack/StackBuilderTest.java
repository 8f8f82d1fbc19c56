package org.dendrite.md.build.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The stack builder (issue 3, item 6): slabs cut from periodic crystals, laterally matched with the
 * misfit reported and limited, separated by the requested gaps, periodic or closed by vacuum, tagged
 * by slab and with the interface planes reported. The slabs come from files written here (bcc Li,
 * a small cubic "cathode" cell) and from the shipped 192-atom tetragonal LLZO cell.
 */
class StackBuilderTest {
    static final double A_LI = 3.51;
    static final double A_LLZO = 13.23607;
    static final double C_LLZO = 12.701706;
    static final double A_CAT = 9.12;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeSlabs() throws IOException {
        Files.writeString(dir.resolve("li.extxyz"), String.format(Locale.ROOT,
                "2\nLattice=\"%1$.5f 0 0 0 %1$.5f 0 0 0 %1$.5f\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n"
                        + "Li 0 0 0\nLi %2$.5f %2$.5f %2$.5f\n", A_LI, A_LI / 2));
        // A small cubic cell with one plane at z = 0 and one at a/2: Li at the corner, Zr and two O
        // in the middle plane; only its geometry matters here.
        Files.writeString(dir.resolve("cathode.extxyz"), String.format(Locale.ROOT,
                "4\nLattice=\"%1$.5f 0 0 0 %1$.5f 0 0 0 %1$.5f\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n"
                        + "Li 0 0 0\nZr %2$.5f %2$.5f %2$.5f\nO 0 %2$.5f %2$.5f\nO %2$.5f 0 %2$.5f\n", A_CAT, A_CAT / 2));
        Files.writeString(dir.resolve("tilted.extxyz"),
                "1\nLattice=\"4 0 0 1 4 0 0 0 4\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\nLi 0 0 0\n");
        Path llzo = null;
        for (Path base : new Path[] {Path.of("..", "conf", "structures"), Path.of("conf", "structures")}) {
            if (Files.isRegularFile(base.resolve("llzo-tetragonal-192.extxyz"))) {
                llzo = base.resolve("llzo-tetragonal-192.extxyz");
            }
        }
        Files.copy(llzo, dir.resolve("llzo.extxyz"));
    }

    record Built(AtomicModel model, Map<String, Object> report) {
    }

    static Built build(String yaml) {
        Object node = new Yaml().load(yaml);
        BuildContext ctx = BuildContext.standalone(dir, 7);
        AtomicModel m = StructureBuilders.build(Params.of("structure", node), ctx);
        return new Built(m, ctx.report().sections().get("structure"));
    }

    static double num(Built b, String key) {
        Object v = b.report.get(key);
        assertTrue(v instanceof Number, "report has no number '" + key + "': " + b.report);
        return ((Number) v).doubleValue();
    }

    static final String LI_LLZO = """
            type: stack
            match_to: 1
            gap_A: 2.5
            slabs:
              - {structure: {file: li.extxyz}, thickness_A: 14.0, name: anode, rename: {Li: Lim}}
              - {structure: {file: llzo.extxyz}, repeats: 1, name: electrolyte}
            """;

    @Test
    @DisplayName("Li on LLZO: the 5 % limit picks 3 LLZO cells and 11 Li cells laterally (misfit -2.766 %), whole cells along z")
    void liOnLlzoLateralMatchAndCounts() {
        Built b = build(LI_LLZO);
        double common = 3 * A_LLZO;
        assertEquals(common, num(b, "lateral_x_A"), 1e-9);
        assertEquals(common, num(b, "lateral_y_A"), 1e-9);
        assertEquals("11x11x4", b.report.get("slab0_repeats"));
        assertEquals("3x3x1", b.report.get("slab1_repeats"));
        double misfit = 100 * (11 * A_LI - common) / common;
        assertEquals(misfit, num(b, "slab0_misfit_x_percent"), 1e-9);
        assertEquals(-2.7657, num(b, "slab0_misfit_y_percent"), 1e-4);
        assertEquals(100 * (common / (11 * A_LI) - 1), num(b, "slab0_strain_x_percent"), 1e-9);
        assertEquals(0.0, num(b, "slab1_misfit_x_percent"), 0.0);
        assertEquals(2 * 11 * 11 * 4, (int) num(b, "slab0_atoms"));
        assertEquals(192 * 9, (int) num(b, "slab1_atoms"));
        assertEquals(2 * 11 * 11 * 4 + 192 * 9, b.model.size());
        for (int i = 0; i < b.model.size(); i++) {
            assertEquals(i < 968 ? 0 : 1, b.model.tag(i), "tag of atom " + i + " is its slab index");
            assertTrue(i < 968 ? b.model.element(i).equals("Lim") : !b.model.element(i).equals("Lim"),
                    "rename: {Li: Lim} applies to the metal slab only");
        }
    }

    @Test
    @DisplayName("slabs are placed plane to plane gap_A apart, the box closes periodically with the same gap, and the interfaces are mid-gap")
    void gapsAndInterfacesPeriodic() {
        Built b = build(LI_LLZO);
        AtomicModel m = b.model;
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < m.size(); i++) {
            int t = m.tag(i);
            lo[t] = Math.min(lo[t], m.x(i, 2));
            hi[t] = Math.max(hi[t], m.x(i, 2));
        }
        assertEquals(2.5, lo[1] - hi[0], 1e-9, "plane-to-plane gap between Li and LLZO");
        assertEquals(1.25, lo[0], 1e-9, "half the closing gap below the first plane");
        double lz = m.box().lz();
        assertEquals(2.5, lz - hi[1] + lo[0], 1e-9, "closing gap through the periodic boundary");
        assertEquals(0.5 * (hi[0] + lo[1]), num(b, "interface0_z_A"), 1e-9);
        assertEquals(0.0, num(b, "interface1_z_A"), 0.0);
        assertEquals(List.of(0.5 * (hi[0] + lo[1]), 0.0), b.report.get("interfaces_z_A"));
        assertEquals(3.5 * A_LI, num(b, "slab0_thickness_A"), 1e-9, "4 bcc cells: atom planes from 0 to 3.5 a");
        assertEquals(4 * A_LI, num(b, "slab0_cut_thickness_A"), 1e-9);
        assertEquals(lz, num(b, "length_z_A"), 1e-12);
        assertTrue(minDistanceAcrossSlabs(m) >= 2.5 - 1e-9, "no two atoms of different slabs closer than the gap");
    }

    @Test
    @DisplayName("a misfit above max_misfit_percent is refused with an error naming that key and the slab")
    void misfitAboveLimitIsRefused() {
        ParamException e = assertThrows(ParamException.class, () -> build(LI_LLZO + "max_lateral_repeats: 8\n"));
        assertEquals("structure.max_misfit_percent", e.path());
        assertTrue(e.reason().contains("slabs[0] (anode)") && e.reason().contains("+6.07"), e.reason());
        ParamException fixed = assertThrows(ParamException.class, () -> build("""
                type: stack
                match_to: 0
                max_misfit_percent: 1
                slabs:
                  - {structure: {file: llzo.extxyz}, repeats: 1, lateral_repeats: [1, 1]}
                  - {structure: {file: li.extxyz}, repeats: 1}
                """));
        assertEquals("structure.max_misfit_percent", fixed.path());
    }

    @Test
    @DisplayName("Li|LLZO|cathode with vacuum: the smallest LLZO repeat that fits all three (4: Li -0.56 %, cathode +3.35 %), box = planes + gaps + vacuum")
    void threeSlabsWithVacuum() {
        Built b = build("""
                type: stack
                match_to: 1
                gap_A: 2.0
                vacuum_A: 15.0
                slabs:
                  - {structure: {file: li.extxyz}, repeats: 3}
                  - {structure: {file: llzo.extxyz}, repeats: 1, gap_A: 3.0}
                  - {structure: {file: cathode.extxyz}, thickness_A: 18}
                """);
        // 3 LLZO cells (39.7 A) would leave the cathode at -8.1 % (4 cells) or +14.8 % (5 cells).
        assertEquals("4x4x1", b.report.get("slab1_repeats"));
        assertEquals("15x15x3", b.report.get("slab0_repeats"));
        assertEquals("6x6x2", b.report.get("slab2_repeats"));
        assertEquals(100 * (15 * A_LI - 4 * A_LLZO) / (4 * A_LLZO), num(b, "slab0_misfit_y_percent"), 1e-9);
        assertEquals(100 * (6 * A_CAT - 4 * A_LLZO) / (4 * A_LLZO), num(b, "slab2_misfit_x_percent"), 1e-9);
        assertEquals(4 * 6 * 6 * 2, (int) num(b, "slab2_atoms"));
        double lz = b.model.box().lz();
        double extents = num(b, "slab0_thickness_A") + num(b, "slab1_thickness_A") + num(b, "slab2_thickness_A");
        assertEquals(extents + 2.0 + 3.0 + 15.0, lz, 1e-9);
        assertEquals(7.5, num(b, "surface_lo_z_A"), 1e-9);
        assertEquals(lz - 7.5, num(b, "surface_hi_z_A"), 1e-9);
        assertEquals(num(b, "slab1_z_hi_A") + 1.5, num(b, "interface1_z_A"), 1e-9);
        assertEquals(2, ((List<?>) b.report.get("interfaces_z_A")).size(), "vacuum: no closing interface");
        assertEquals(1.5 * A_CAT, num(b, "slab2_thickness_A"), 1e-9);
    }

    @Test
    @DisplayName("axis: x stacks along x with y and z as lateral axes, and the report names them")
    void stackAlongX() {
        Built b = build("""
                type: stack
                axis: x
                match_to: 1
                slabs:
                  - {structure: {file: li.extxyz}, repeats: 2}
                  - {structure: {file: llzo.extxyz}, repeats: 1}
                """);
        AtomicModel m = b.model;
        assertEquals(3 * A_LLZO, m.box().ly(), 1e-9);
        assertEquals(2 * C_LLZO, m.box().lz(), 1e-9, "LLZO's c axis is lateral (z) here: 1 cell would need 4 Li cells, +10.5 %");
        assertEquals("11x7x2", b.report.get("slab0_repeats"), "Li: 11 along y (39.7 A) and 7 along z (25.4 A)");
        assertEquals(100 * (7 * A_LI - 2 * C_LLZO) / (2 * C_LLZO), num(b, "slab0_misfit_z_percent"), 1e-9);
        double hiLi = -1;
        double loLlzo = Double.MAX_VALUE;
        for (int i = 0; i < m.size(); i++) {
            if (m.tag(i) == 0) {
                hiLi = Math.max(hiLi, m.x(i, 0));
            } else {
                loLlzo = Math.min(loLlzo, m.x(i, 0));
            }
        }
        assertEquals(2.0, loLlzo - hiLi, 1e-9, "default gap_A 2.0 along x");
        assertEquals(0.5 * (hiLi + loLlzo), num(b, "interface0_x_A"), 1e-9);
    }

    @Test
    @DisplayName("cut: exact keeps the atoms within thickness_A of the crystal (from origin_A), and reports the slab's net charge")
    void exactCut() {
        Built b = build("""
                type: stack
                slabs:
                  - {structure: {file: cathode.extxyz}, thickness_A: 5.0, cut: exact, origin_A: 1.0}
                  - {structure: {file: cathode.extxyz}, thickness_A: 5.0, cut: exact}
                """);
        // origin 1.0: the plane at z = 4.56 is at 3.56 (kept), the next at 9.12 at 8.12 (cut);
        // without origin shift, planes at 0 and 4.56 are kept.
        assertEquals(3, (int) num(b, "slab0_atoms"), "one mid plane: Zr + 2 O");
        assertEquals(0.0, num(b, "slab0_thickness_A"), 1e-12);
        assertEquals(0.0, num(b, "slab0_net_charge_e"), 1e-12, "Zr4+ and two O2- under formal charges");
        assertEquals(4, (int) num(b, "slab1_atoms"));
        assertEquals(1.0, num(b, "slab1_net_charge_e"), 1e-12, "the extra Li+ plane of the second cut");
        assertEquals(0.5 * A_CAT, num(b, "slab1_thickness_A"), 1e-9);
        assertEquals(5.0, num(b, "slab1_cut_thickness_A"), 0.0);
    }

    @Test
    @DisplayName("match_to: [L1, L2] strains every slab, the first one too, to the given lateral cell")
    void givenLateralCell() {
        Built b = build("""
                type: stack
                match_to: [45.6, 18.3]
                slabs:
                  - {structure: {file: li.extxyz}, repeats: 1}
                  - {structure: {file: cathode.extxyz}, repeats: 1}
                """);
        assertEquals("13x5x1", b.report.get("slab0_repeats"));
        assertEquals("5x2x1", b.report.get("slab1_repeats"));
        assertEquals(100 * (45.6 / (13 * A_LI) - 1), num(b, "slab0_strain_x_percent"), 1e-9);
        assertEquals(100 * (18.3 / (5 * A_LI) - 1), num(b, "slab0_strain_y_percent"), 1e-9);
        assertEquals(100 * (2 * A_CAT - 18.3) / 18.3, num(b, "slab1_misfit_y_percent"), 1e-9);
        assertEquals(45.6, b.model.box().lx(), 0.0);
        assertEquals(18.3, b.model.box().ly(), 0.0);
        for (int i = 0; i < b.model.size(); i++) {
            assertTrue(b.model.x(i, 0) >= 0 && b.model.x(i, 0) < 45.6 && b.model.x(i, 1) >= 0 && b.model.x(i, 1) < 18.3,
                    "atom " + i + " inside the lateral cell");
        }
    }

    @Test
    @DisplayName("bad stack input names its key: tilted slab cell, thickness and repeats both given, bad match_to, no slabs")
    void badInputNamesKey() {
        assertEquals("structure.slabs[1].structure", assertThrows(ParamException.class, () -> build("""
                type: stack
                slabs:
                  - {structure: {file: li.extxyz}, repeats: 1}
                  - {structure: {file: tilted.extxyz}, repeats: 1}
                """)).path());
        assertEquals("structure.slabs[0].thickness_A", assertThrows(ParamException.class, () -> build("""
                type: stack
                slabs: [{structure: {file: li.extxyz}, repeats: 1, thickness_A: 4}]
                """)).path());
        assertEquals("structure.match_to", assertThrows(ParamException.class, () -> build("""
                type: stack
                match_to: 2
                slabs: [{structure: {file: li.extxyz}, repeats: 1}]
                """)).path());
        assertEquals("structure.slabs", assertThrows(ParamException.class, () -> build("type: stack\n")).path());
        assertEquals("structure.slabs[0].thickness_ang", assertThrows(ParamException.class, () -> build("""
                type: stack
                slabs: [{structure: {file: li.extxyz}, repeats: 1, thickness_ang: 4}]
                """)).path());
    }

    static double minDistanceAcrossSlabs(AtomicModel m) {
        double best = Double.MAX_VALUE;
        double[] d = new double[3];
        for (int i = 0; i < m.size(); i++) {
            for (int j = i + 1; j < m.size(); j++) {
                if (m.tag(i) == m.tag(j)) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    d[k] = m.x(j, k) - m.x(i, k);
                }
                m.box().minimumImage(d, 0);
                best = Math.min(best, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
            }
        }
        return best;
    }
}
