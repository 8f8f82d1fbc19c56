package org.dendrite.md.build.defect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.Charges;
import org.dendrite.md.build.StructureBuilders;
import org.dendrite.md.potential.ForceFieldLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Defect modifiers on tetragonal LLZO (conf/structures/llzo-tetragonal-192.extxyz, Li56 La24 Zr16
 * O96 per cell, neutral with formal charges).
 */
class DefectModifiersTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final long SEED = 20261121L;

    /** A structure mapping: the 192-atom cell replicated, then the modifiers. */
    static Params structure(List<Integer> replicate, Object... modifiers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", "conf/structures/llzo-tetragonal-192.extxyz");
        m.put("replicate", replicate);
        List<Object> mods = new ArrayList<>();
        for (Object o : modifiers) {
            mods.add(o);
        }
        if (!mods.isEmpty()) {
            m.put("modify", mods);
        }
        return new Params("structure", m);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static BuildContext ctx(long seed) {
        return BuildContext.standalone(ROOT, seed);
    }

    static AtomicModel build(long seed, List<Integer> replicate, Object... modifiers) {
        return StructureBuilders.build(structure(replicate, modifiers), ctx(seed));
    }

    /** Key of an atom: element and position rounded to 1e-6 Å. */
    static String key(AtomicModel m, int i) {
        return String.format("%s %.6f %.6f %.6f", m.element(i), m.x(i, 0), m.x(i, 1), m.x(i, 2));
    }

    static Map<String, Integer> keys(AtomicModel m) {
        Map<String, Integer> k = new HashMap<>();
        for (int i = 0; i < m.size(); i++) {
            k.put(key(m, i), i);
        }
        return k;
    }

    @Test
    @DisplayName("the modifiers are registered by name in StructureBuilders")
    void registered() {
        assertTrue(StructureBuilders.modifierTypes().containsAll(List.of("crack", "delete-region", "vacancies",
                "dopants")), StructureBuilders.modifierTypes().toString());
    }

    @Test
    @DisplayName("crack with defaults removes exactly the atoms with (y/10)² + (z/5)² < 1 Å about the box centre"
            + " (seed 000 §4.4), through the cell along x, and reports the charge left behind")
    void seed000Crack() {
        AtomicModel perfect = build(SEED, List.of(1, 2, 3));
        BuildContext c = ctx(SEED);
        AtomicModel cracked = StructureBuilders.build(structure(List.of(1, 2, 3), map("type", "crack")), c);
        Box b = perfect.box();
        double cy = b.ylo() + 0.5 * b.ly();
        double cz = b.zlo() + 0.5 * b.lz();
        Map<String, Integer> survivors = keys(cracked);
        int removed = 0;
        double removedCharge = 0;
        for (int i = 0; i < perfect.size(); i++) {
            double y = perfect.x(i, 1) - cy;
            double z = perfect.x(i, 2) - cz;
            boolean inCrack = (y / 10) * (y / 10) + (z / 5) * (z / 5) < 1;
            assertEquals(!inCrack, survivors.containsKey(key(perfect, i)), key(perfect, i));
            if (inCrack) {
                removed++;
                removedCharge += Charges.FORMAL.of(perfect.element(i));
            }
        }
        assertTrue(removed > 20, "the crack must remove atoms (" + removed + ")");
        Map<String, Object> r = c.report().sections().get("structure.modify[0]");
        assertEquals(removed, r.get("removed_atoms"));
        assertEquals(-removedCharge, (double) r.get("net_charge_e"), 1e-9);
        assertEquals(2 * 10.0 * b.lx(), (double) r.get("crack_plane_area_A2"), 1e-9);
        System.out.printf("seed-000 crack in %d atoms: removed %d, net charge %+.1f e%n", perfect.size(), removed,
                -removedCharge);
    }

    @Test
    @DisplayName("crack centre, axis and semi-axes are configurable; three semi-axes make an ellipsoid; a crack"
            + " wholly outside the box names its centre key")
    void configurableCrack() {
        AtomicModel perfect = build(SEED, List.of(2, 2, 1));
        AtomicModel cracked = build(SEED, List.of(2, 2, 1), map("type", "crack", "axis", "z", "semi_axes_A",
                List.of(6.0, 3.0), "center_frac", List.of(0.25, 0.5, 0.0)));
        Box b = perfect.box();
        Map<String, Integer> survivors = keys(cracked);
        double[] d = new double[3];
        for (int i = 0; i < perfect.size(); i++) {
            d[0] = perfect.x(i, 0) - 0.25 * b.lx();
            d[1] = perfect.x(i, 1) - 0.5 * b.ly();
            d[2] = 0;
            b.minimumImage(d, 0);
            boolean in = (d[0] / 6) * (d[0] / 6) + (d[1] / 3) * (d[1] / 3) < 1;
            assertEquals(!in, survivors.containsKey(key(perfect, i)));
        }
        AtomicModel penny = build(SEED, List.of(2, 2, 1), map("type", "crack", "semi_axes_A", List.of(8.0, 8.0, 3.0),
                "center_A", List.of(0.0, 0.0, 6.0)));
        int expected = 0;
        for (int i = 0; i < perfect.size(); i++) {
            d[0] = perfect.x(i, 0);
            d[1] = perfect.x(i, 1);
            d[2] = perfect.x(i, 2) - 6.0;
            b.minimumImage(d, 0);
            expected += (d[0] / 8) * (d[0] / 8) + (d[1] / 8) * (d[1] / 8) + (d[2] / 3) * (d[2] / 3) < 1 ? 1 : 0;
        }
        assertTrue(expected > 10);
        assertEquals(perfect.size() - expected, penny.size(), "the ellipsoid crosses the periodic corner");
        ParamException e = assertThrows(ParamException.class, () -> build(SEED, List.of(1, 1, 1), map("type", "crack",
                "center_A", List.of(5.0, 80.0, 5.0))));
        assertEquals("structure.modify[0].center_A", e.path(), e.getMessage());
        e = assertThrows(ParamException.class, () -> build(SEED, List.of(1, 1, 1), map("type", "crack",
                "semi_axes_A", List.of(8.0, 8.0, 3.0), "axis", "x")));
        assertEquals("structure.modify[0].axis", e.path(), e.getMessage());
        e = assertThrows(ParamException.class, () -> build(SEED, List.of(1, 1, 1), map("type", "crack",
                "semi_axes_A", List.of(8.0, -1.0))));
        assertEquals("structure.modify[0].semi_axes_A[1]", e.path(), e.getMessage());
    }

    @Test
    @DisplayName("delete-region removes the atoms of the listed species inside the region and no others")
    void deleteRegion() {
        AtomicModel perfect = build(SEED, List.of(1, 1, 2));
        BuildContext c = ctx(SEED);
        AtomicModel m = StructureBuilders.build(structure(List.of(1, 1, 2), map("type", "delete-region", "region",
                map("shape", "plane", "axis", "z", "position_frac", 0.5, "half_width_A", 3.0), "species",
                List.of("Li", "O"))), c);
        double zc = perfect.box().zlo() + 0.5 * perfect.box().lz();
        Map<String, Integer> survivors = keys(m);
        int removed = 0;
        for (int i = 0; i < perfect.size(); i++) {
            boolean gone = Math.abs(perfect.x(i, 2) - zc) < 3.0 && List.of("Li", "O").contains(perfect.element(i));
            assertEquals(!gone, survivors.containsKey(key(perfect, i)));
            removed += gone ? 1 : 0;
        }
        assertTrue(removed > 10);
        assertEquals(removed, c.report().sections().get("structure.modify[0]").get("removed_atoms"));
        ParamException e = assertThrows(ParamException.class, () -> build(SEED, List.of(1, 1, 1), map("type",
                "delete-region", "region", map("shape", "sphere", "center_A", List.of(5.0, 5.0, 5.0), "radius_A", 2.0),
                "species", List.of("Al"))));
        assertEquals("structure.modify[0].species[0]", e.path());
        e = assertThrows(ParamException.class, () -> build(SEED, List.of(1, 1, 1), map("type", "delete-region")));
        assertEquals("structure.modify[0].region", e.path());
    }

    @Test
    @DisplayName("Li vacancies: N Li and N/2 O removed (Li2O Schottky), the cell stays neutral, the choice is"
            + " reproducible from the seed and differs between seeds, and a region confines it")
    void vacancies() {
        AtomicModel perfect = build(SEED, List.of(1, 1, 2));
        BuildContext c = ctx(SEED);
        Object[] spec = {"type", "vacancies", "species", "Li", "count", 8};
        AtomicModel a = StructureBuilders.build(structure(List.of(1, 1, 2), map(spec)), c);
        assertEquals(perfect.count("Li") - 8, a.count("Li"));
        assertEquals(perfect.count("O") - 4, a.count("O"));
        assertEquals(perfect.count("La"), a.count("La"));
        assertEquals(0.0, a.totalCharge(Charges.FORMAL), 1e-9);
        Map<String, Object> r = c.report().sections().get("structure.modify[0]");
        assertEquals(8, r.get("removed_Li"));
        assertEquals(4, r.get("removed_O"));
        assertEquals(0.0, (double) r.get("net_charge_e"), 1e-12);
        AtomicModel again = build(SEED, List.of(1, 1, 2), map(spec));
        assertEquals(keys(a).keySet(), keys(again).keySet(), "same seed, same vacancies");
        AtomicModel other = build(SEED + 1, List.of(1, 1, 2), map(spec));
        assertNotEquals(keys(a).keySet(), keys(other).keySet(), "another run seed, other vacancies");
        AtomicModel explicit = build(SEED + 1, List.of(1, 1, 2), map("type", "vacancies", "species", "Li", "count", 8,
                "seed", 7));
        AtomicModel explicit2 = build(SEED + 2, List.of(1, 1, 2), map("type", "vacancies", "species", "Li", "count", 8,
                "seed", 7));
        assertEquals(keys(explicit).keySet(), keys(explicit2).keySet(), "an explicit seed overrides the run seed");

        // Only inside a slab, fraction of the Li there, no compensation: 25 % of the Li in the slab.
        Map<String, Object> slab = map("axis", "z", "min_A", 0.0, "max_A", 6.0);
        AtomicModel s = build(SEED, List.of(1, 1, 2), map("type", "vacancies", "species", "Li", "fraction", 0.25,
                "region", slab, "compensate", false));
        int liInSlab = 0;
        for (int i = 0; i < perfect.size(); i++) {
            liInSlab += perfect.element(i).equals("Li") && perfect.x(i, 2) >= 0 && perfect.x(i, 2) < 6 ? 1 : 0;
        }
        assertEquals(perfect.count("Li") - Math.round(0.25 * liInSlab), s.count("Li"));
        assertEquals(perfect.count("O"), s.count("O"));
        Map<String, Integer> kept = keys(s);
        for (int i = 0; i < perfect.size(); i++) {
            if (!kept.containsKey(key(perfect, i))) {
                assertTrue(perfect.x(i, 2) >= 0 && perfect.x(i, 2) < 6, "vacancy outside the region");
            }
        }
        // O vacancies are compensated by Li (two per O).
        AtomicModel o = build(SEED, List.of(1, 1, 1), map("type", "vacancies", "species", "O", "count", 3));
        assertEquals(56 - 6, o.count("Li"));
        assertEquals(96 - 3, o.count("O"));
        ParamException e = assertThrows(ParamException.class, () -> build(SEED, List.of(1, 1, 1), map("type",
                "vacancies", "species", "Li", "count", 57)));
        assertEquals("structure.modify[0].count", e.path(), e.getMessage());
        e = assertThrows(ParamException.class, () -> build(SEED, List.of(1, 1, 1), map("type", "vacancies", "species",
                "Li", "count", 2, "fraction", 0.1)));
        assertEquals("structure.modify[0].count", e.path(), e.getMessage());
        e = assertThrows(ParamException.class, () -> build(SEED, List.of(1, 1, 1), map("type", "vacancies", "species",
                "Li", "count", 2, "compensate_species", "Zr")));
        assertEquals("structure.modify[0].compensate_species", e.path(), e.getMessage());
    }

    @Test
    @DisplayName("dopants: Al and Ga on Li sites remove 2 more Li each, Ta on Zr removes 1 Li each; the cell stays"
            + " neutral, dopants sit on former host sites, and nearest compensation takes the closest Li")
    void dopants() {
        AtomicModel perfect = build(SEED, List.of(1, 1, 2));
        Map<String, Integer> sites = keys(perfect);
        BuildContext c = ctx(SEED);
        AtomicModel al = StructureBuilders.build(structure(List.of(1, 1, 2), map("type", "dopants", "element", "Al",
                "count", 4)), c);
        assertEquals(4, al.count("Al"));
        assertEquals(perfect.count("Li") - 4 - 8, al.count("Li"));
        assertEquals(0.0, al.totalCharge(Charges.FORMAL), 1e-9);
        for (int i = 0; i < al.size(); i++) {
            if (al.element(i).equals("Al")) {
                String k = key(al, i).replaceFirst("^Al", "Li");
                assertTrue(sites.containsKey(k), "Al on a former Li site: " + k);
            }
        }
        Map<String, Object> r = c.report().sections().get("structure.modify[0]");
        assertEquals(4, r.get("substituted_atoms"));
        assertEquals(8, r.get("removed_Li"));
        assertEquals(0.0, (double) r.get("net_charge_e"), 1e-12);

        AtomicModel ta = build(SEED, List.of(1, 1, 2), map("type", "dopants", "element", "Ta", "count", 3));
        assertEquals(3, ta.count("Ta"));
        assertEquals(perfect.count("Zr") - 3, ta.count("Zr"));
        assertEquals(perfect.count("Li") - 3, ta.count("Li"));
        assertEquals(0.0, ta.totalCharge(Charges.FORMAL), 1e-9);

        // Li6.25Ga0.25La3Zr2O12 on 16 formula units: 4 Ga, 8 more Li removed.
        AtomicModel ga = build(SEED, List.of(1, 1, 2), map("type", "dopants", "element", "Ga", "per_formula_unit",
                0.25));
        assertEquals(4, ga.count("Ga"));
        assertEquals(perfect.count("Li") - 12, ga.count("Li"));

        // Nearest compensation: each removed Li is the closest remaining Li to its dopant.
        AtomicModel near = build(SEED, List.of(1, 1, 2), map("type", "dopants", "element", "Ta", "count", 1,
                "compensation", "nearest"));
        int taAt = -1;
        for (int i = 0; i < near.size(); i++) {
            taAt = near.element(i).equals("Ta") ? i : taAt;
        }
        Map<String, Integer> left = keys(near);
        double[] d = new double[3];
        double closest = Double.POSITIVE_INFINITY;
        String closestKey = null;
        for (int i = 0; i < perfect.size(); i++) {
            if (perfect.element(i).equals("Li")) {
                d[0] = perfect.x(i, 0) - near.x(taAt, 0);
                d[1] = perfect.x(i, 1) - near.x(taAt, 1);
                d[2] = perfect.x(i, 2) - near.x(taAt, 2);
                perfect.box().minimumImage(d, 0);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                if (r2 < closest) {
                    closest = r2;
                    closestKey = key(perfect, i);
                }
            }
        }
        assertTrue(!left.containsKey(closestKey), "the Li nearest the Ta is the one removed");
        assertEquals(perfect.count("Li") - 1, near.count("Li"));

        ParamException e = assertThrows(ParamException.class, () -> build(SEED, List.of(1, 1, 1), map("type",
                "dopants", "element", "Mg", "count", 1)));
        assertEquals("structure.modify[0].site", e.path(), e.getMessage());
        e = assertThrows(ParamException.class, () -> build(SEED, List.of(1, 1, 1), map("type", "dopants", "element",
                "Ta", "count", 17)));
        assertEquals("structure.modify[0].count", e.path(), e.getMessage());
        // Charges come from the force field when one is configured: Du/Teter has no Al.
        BuildContext du = BuildContext.forSpecies(ROOT, SEED,
                ForceFieldLoader.species(ROOT.resolve("conf/forcefields/llzo-du-teter.yaml")));
        e = assertThrows(ParamException.class, () -> StructureBuilders.build(structure(List.of(1, 1, 1), map("type",
                "dopants", "element", "Al", "count", 1)), du));
        assertEquals("structure.modify[0].element", e.path(), e.getMessage());
    }
}
