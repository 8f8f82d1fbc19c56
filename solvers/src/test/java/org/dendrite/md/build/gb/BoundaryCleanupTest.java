package org.dendrite.md.build.gb;

import static org.dendrite.md.build.gb.GbTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The documented overlap and neutrality rules on a hand-made two-grain cell with planes at z = 10 and z = 0. */
class BoundaryCleanupTest {
    private static final double[] PLANES = {10.0, 0.0};

    /** Ten atoms numbered as in the comments; grain id as tag. */
    private static AtomicModel cell() {
        AtomicModel m = new AtomicModel(Box.orthorhombic(10, 10, 20));
        m.add("O", 1, 1, 9.9, 0);     // 0: overlaps atoms 1 and 2 of grain 1
        m.add("Li", 1, 1, 10.4, 1);   // 1
        m.add("Li", 1.6, 1, 10.3, 1); // 2
        m.add("La", 5, 5, 9.8, 0);    // 3: one partner, atom 4
        m.add("Zr", 5, 5, 10.5, 1);   // 4
        m.add("O", 8, 8, 5, 0);       // 5: 5 Å from both planes
        m.add("O", 8, 2, 2, 0);       // 6: 2 Å from z = 0
        m.add("O", 2, 8, 12, 1);      // 7: 2 Å from z = 10
        m.add("O", 5, 1, 18.5, 1);    // 8: 1.5 Å from z = 0 (through the periodic face)
        m.add("O", 3, 3, 11, 1);      // 9: 1 Å from z = 10
        return m;
    }

    private static List<String> survivors(AtomicModel m, AtomicModel original) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            for (int j = 0; j < original.size(); j++) {
                if (m.x(i, 0) == original.x(j, 0) && m.x(i, 1) == original.x(j, 1) && m.x(i, 2) == original.x(j, 2)) {
                    out.add(original.element(j) + j);
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("overlap: the atom with most cross-boundary partners goes first, a tie removes grain 1's atom; neutrality: "
            + "Q = −5 e takes 3 O and 1 Li, nearest the planes, alternating between them starting with the first plane")
    void rules() {
        AtomicModel m = cell();
        AtomicModel original = m.copy();
        Params p = Params.of("structure", map("overlap_A", 1.5));
        BuildContext ctx = BuildContext.standalone(null, 1);
        BoundaryCleanup.apply(m, PLANES, BoundaryCleanup.read(p), Map.of("Li", 2, "O", 1), p, ctx);
        // overlap removes O0 (two partners) and Zr4 (tie with La3, grain 1); Q = 2·1 + 3 − 5·2 = −5;
        // 3 O: O9 (plane 10, 1 Å), O8 (plane 0, 1.5 Å), O7 (plane 10, 2 Å); then 1 Li from plane 0 — none
        // there, so the nearest to plane 10: Li2 (0.3 Å)
        assertEquals(List.of("Li1", "La3", "O5", "O6"), survivors(m, original));
        Map<String, Object> r = ctx.report().sections().get("structure");
        assertEquals(1, r.get("overlap_removed_O"));
        assertEquals(1, r.get("overlap_removed_Zr"));
        assertEquals(0, r.get("overlap_removed_Li"));
        assertEquals(-5.0, r.get("net_charge_before_neutralize_e"));
        assertEquals(3, r.get("neutralize_removed_O"));
        assertEquals(1, r.get("neutralize_removed_Li"));
        assertEquals(0.0, r.get("net_charge_e"));
        assertEquals(100.0, r.get("gb_area_A2"));
        // reference: the least abundant bulk element, O (b = 1): 2 O = 2 units → Li bulk 4, excess (1 − 4)/2
        assertEquals("O", r.get("excess_reference"));
        assertEquals(-1.5, r.get("excess_Li_per_boundary"));
        assertEquals(-1.5, r.get("excess_Li_per_nm2"));
    }

    @Test
    @DisplayName("neutralize_species must be a cation then an anion, and an overlap_A the cell cannot hold is an error on overlap_A")
    void badKeys() {
        Params p = Params.of("structure", map("neutralize_species", List.of("O", "Li")));
        ParamException e = assertThrows(ParamException.class, () -> BoundaryCleanup.apply(cell(), PLANES,
                BoundaryCleanup.read(p), Map.of("Li", 2, "O", 1), p, BuildContext.standalone(null, 1)));
        assertEquals("structure.neutralize_species", e.path());
        Params q = Params.of("structure", map("overlap_A", 6.0));
        e = assertThrows(ParamException.class, () -> BoundaryCleanup.apply(cell(), PLANES, BoundaryCleanup.read(q),
                Map.of("Li", 2, "O", 1), q, BuildContext.standalone(null, 1)));
        assertEquals("structure.overlap_A", e.path());
    }
}
