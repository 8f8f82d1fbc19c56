package org.dendrite.md.build.crystal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrystalBuilderTest {
    private static Map<String, Object> cfg(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "crystal");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static AtomicModel build(BuildContext ctx, Object... kv) {
        return StructureBuilders.build(Params.of("structure", cfg(kv)), ctx);
    }

    private static AtomicModel build(Object... kv) {
        return build(BuildContext.standalone(null, 42), kv);
    }

    private static ParamException fails(Object... kv) {
        return assertThrows(ParamException.class, () -> build(kv));
    }

    @Test
    @DisplayName("crystal is registered in StructureBuilders and builds a 2x1x1 tetragonal LLZO supercell with the DFT cell")
    void tetragonalSupercell() {
        BuildContext ctx = BuildContext.standalone(null, 1);
        AtomicModel m = build(ctx, "phase", "llzo-tetragonal", "cells", List.of(2, 1, 1));
        assertTrue(StructureBuilders.builderTypes().contains("crystal"));
        assertEquals("Li112La48Zr32O192", CrystalBuilder.composition(m));
        assertEquals(2 * 13.23607, m.box().lx(), 1e-12);
        assertEquals(13.23607, m.box().ly(), 1e-12);
        assertEquals(12.701706, m.box().lz(), 1e-12);
        Map<String, Object> r = ctx.report().sections().get("structure");
        assertEquals("Li112La48Zr32O192", r.get("composition"));
        assertEquals(13.23607, (double) r.get("cell_a_A"), 1e-12);
        assertEquals(12.701706, (double) r.get("cell_c_A"), 1e-12);
        assertEquals(CrystalBuilder.density(m), (double) r.get("density_g_per_cm3"));
    }

    @Test
    @DisplayName("cubic LLZO: 56 Li per cell, La24 Zr16 O96, a = 12.97 Å default; the same seed gives the same atoms")
    void cubic() {
        AtomicModel m = build("phase", "llzo-cubic", "cells", List.of(1, 1, 2), "seed", 7);
        assertEquals(2 * 56, m.count("Li"));
        assertEquals(2 * 24, m.count("La"));
        assertEquals(2 * 16, m.count("Zr"));
        assertEquals(2 * 96, m.count("O"));
        assertEquals(12.97, m.box().lx(), 1e-12);
        assertEquals(2 * 12.97, m.box().lz(), 1e-12);
        AtomicModel again = build("phase", "llzo-cubic", "cells", List.of(1, 1, 2), "seed", 7);
        assertEquals(m.size(), again.size());
        for (int i = 0; i < 3 * m.size(); i++) {
            assertEquals(m.positions()[i], again.positions()[i]);
        }
    }

    @Test
    @DisplayName("cubic LLZO without a seed key draws from the run seed and the config path: another run seed gives another Li arrangement")
    void cubicSeedFromContext() {
        AtomicModel a = build(BuildContext.standalone(null, 1), "phase", "llzo-cubic");
        AtomicModel b = build(BuildContext.standalone(null, 1), "phase", "llzo-cubic");
        AtomicModel c = build(BuildContext.standalone(null, 2), "phase", "llzo-cubic");
        assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(a.positions(), 3 * 56)),
                java.util.Arrays.toString(java.util.Arrays.copyOf(b.positions(), 3 * 56)));
        assertNotEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(a.positions(), 3 * 56)),
                java.util.Arrays.toString(java.util.Arrays.copyOf(c.positions(), 3 * 56)));
    }

    @Test
    @DisplayName("li-bcc: 2 Li per cell at a = 3.51 Å (density 0.534 g/cm3); fcc Cu with a given a_A has 4 atoms per cell")
    void simpleLattices() {
        AtomicModel li = build("phase", "li-bcc", "cells", List.of(3, 3, 3));
        assertEquals(54, li.count("Li"));
        assertEquals(3 * 3.51, li.box().lx(), 1e-12);
        assertEquals(2 * 6.94 / (3.51 * 3.51 * 3.51) * 1.66053906660, CrystalBuilder.density(li), 1e-12);
        AtomicModel cu = build("phase", "fcc", "element", "Cu", "a_A", 3.615);
        assertEquals(4, cu.count("Cu"));
        assertEquals(1, build("phase", "sc", "element", "Po", "a_A", 3.35).size());
    }

    @Test
    @DisplayName("bad input names the key: unknown phase, negative a_A or c_A, impossible li_min_distance_A, misplaced keys, bad cells")
    void badInput() {
        assertEquals("structure.phase", fails("phase", "llzo-hexagonal").path());
        assertEquals("structure.a_A", fails("phase", "llzo-tetragonal", "a_A", -13.2).path());
        assertEquals("structure.c_A", fails("phase", "llzo-tetragonal", "c_A", -1).path());
        assertEquals("structure.a_A", fails("phase", "llzo-cubic", "a_A", 0).path());
        assertEquals("structure.li_min_distance_A", fails("phase", "llzo-cubic", "li_min_distance_A", 3.0).path());
        assertEquals("structure.li_min_distance_A", fails("phase", "llzo-cubic", "li_min_distance_A", -1).path());
        assertEquals("structure.li_min_distance_A", fails("phase", "llzo-cubic", "li_min_distance_A", 0.5).path());
        assertEquals("structure.c_A", fails("phase", "llzo-cubic", "c_A", 12.9).path());
        assertEquals("structure.seed", fails("phase", "llzo-tetragonal", "seed", 3).path());
        assertEquals("structure.element", fails("phase", "fcc", "a_A", 3.6).path());
        assertEquals("structure.element", fails("phase", "bcc", "element", "Xx", "a_A", 3.6).path());
        assertEquals("structure.a_A", fails("phase", "bcc", "element", "Fe").path());
        assertEquals("structure.cells[1]", fails("phase", "li-bcc", "cells", List.of(1, 0, 1)).path());
        assertEquals("structure.lattice", fails("phase", "li-bcc", "lattice", 3).path());
        assertEquals("structure.phase", fails().path());
    }
}
