package org.dendrite.md.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.md.Atoms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shipped LLZO cells (conf/structures, made by tools/structures/make_llzo.py). */
class LlzoStructuresTest {
    private static final Path DIR = Path.of("..", "conf", "structures");

    private static Map<String, Integer> counts(Structure s) {
        Map<String, Integer> c = new HashMap<>();
        Atoms a = s.atoms();
        for (int i = 0; i < a.nlocal; i++) {
            c.merge(a.species.name(a.type[i]), 1, Integer::sum);
        }
        return c;
    }

    @Test
    @DisplayName("the 192-atom tetragonal LLZO cell has 56 Li, 24 La, 16 Zr, 96 O, the DFT lattice, and no pair closer than 1.7 Å")
    void cell192() {
        Structure s = ExtXyzReader.read(DIR.resolve("llzo-tetragonal-192.extxyz"));
        assertEquals(Map.of("Li", 56, "La", 24, "Zr", 16, "O", 96), counts(s));
        assertEquals(13.23607, s.box().lx());
        assertEquals(13.23607, s.box().ly());
        assertEquals(12.701706, s.box().lz());
        assertNull(StructureValidator.closestPair(s.atoms(), s.box(), 1.7, s.source()));
        StructureValidator.validate(s);
    }

    @Test
    @DisplayName("the 5184-atom data file is the 192-atom cell replicated 3×3×3 in LAMMPS order, charge neutral, species from Masses comments")
    void cell5184IsReplica() {
        Structure big = LammpsDataReader.read(DIR.resolve("llzo-tetragonal-5184.data"), null);
        assertEquals(List.of("Li", "La", "Zr", "O"), big.species().names());
        Structure rep = ExtXyzReader.read(DIR.resolve("llzo-tetragonal-192.extxyz")).onSpecies(big.species())
                .replicate(3, 3, 3);
        Atoms a = big.atoms();
        Atoms r = rep.atoms();
        assertEquals(5184, a.nlocal);
        double qsum = 0;
        for (int i = 0; i < a.nlocal; i++) {
            assertEquals(r.id[i], a.id[i]);
            assertEquals(r.type[i], a.type[i]);
            for (int d = 0; d < 3; d++) {
                assertEquals(r.x[3 * i + d], a.x[3 * i + d]);
            }
            qsum += a.q[i];
        }
        assertEquals(0.0, qsum, 1e-9);
        assertEquals(3 * 13.23607, big.box().lx(), 1e-12);
        assertNull(StructureValidator.closestPair(a, big.box(), 1.7, big.source()));
    }
}
