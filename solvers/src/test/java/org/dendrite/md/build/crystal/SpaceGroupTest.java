package org.dendrite.md.build.crystal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpaceGroupTest {
    private static int mult(SpaceGroup g, double x, double y, double z) {
        return g.orbit(x, y, z, SpaceGroup.MERGE_TOLERANCE).size();
    }

    @Test
    @DisplayName("I4_1/acd (origin 2) and Ia-3d operation lists are groups: 32 and 96 operations, closed under composition")
    void closed() {
        assertEquals(32, SpaceGroup.I41_ACD_ORIGIN2.operations().size());
        assertEquals(96, SpaceGroup.IA_3D.operations().size());
        assertTrue(SpaceGroup.I41_ACD_ORIGIN2.isClosed());
        assertTrue(SpaceGroup.IA_3D.isClosed());
    }

    @Test
    @DisplayName("a mistyped operation breaks closure (the closure check can fail)")
    void typoDetected() {
        SpaceGroup bad = SpaceGroup.of("bad", 0, "test", new double[][] {{0, 0, 0}}, "x,y,z", "-x,-y,z+1/3");
        assertFalse(bad.isClosed());
    }

    @Test
    @DisplayName("I4_1/acd origin 2: Wyckoff multiplicities 8a 8b 16c 16d 16e 16f 32g from the ITA representative points")
    void tetragonalWyckoff() {
        SpaceGroup g = SpaceGroup.I41_ACD_ORIGIN2;
        assertEquals(8, mult(g, 0, 0.25, 0.375));
        assertEquals(8, mult(g, 0, 0.25, 0.125));
        assertEquals(16, mult(g, 0, 0, 0));
        assertEquals(16, mult(g, 0, 0.25, 0.3));
        assertEquals(16, mult(g, 0.17, 0, 0.25));
        assertEquals(16, mult(g, 0.17, 0.42, 0.125));
        assertEquals(32, mult(g, 0.11, 0.23, 0.37));
    }

    @Test
    @DisplayName("Ia-3d: Wyckoff multiplicities 16a 16b 24c 24d 32e 48f 48g 96h")
    void cubicWyckoff() {
        SpaceGroup g = SpaceGroup.IA_3D;
        assertEquals(16, mult(g, 0, 0, 0));
        assertEquals(16, mult(g, 0.125, 0.125, 0.125));
        assertEquals(24, mult(g, 0.125, 0, 0.25));
        assertEquals(24, mult(g, 0.375, 0, 0.25));
        assertEquals(32, mult(g, 0.1, 0.1, 0.1));
        assertEquals(48, mult(g, 0.2, 0, 0.25));
        assertEquals(48, mult(g, 0.125, 0.68, 0.25 - 0.68));
        assertEquals(96, mult(g, 0.1, 0.69, 0.58));
    }

    @Test
    @DisplayName("every I4_1/acd (origin 2) operation is an Ia-3d operation: same origin and axes for both LLZO phases")
    void tetragonalIsSubgroupOfCubic() {
        for (SymmetryOperation t : SpaceGroup.I41_ACD_ORIGIN2.operations()) {
            assertTrue(SpaceGroup.IA_3D.operations().stream().anyMatch(c -> c.sameAs(t, 1e-12)), t::toString);
        }
    }

    @Test
    @DisplayName("operation parser reads ITA triplets and rejects malformed ones")
    void parse() {
        SymmetryOperation op = SymmetryOperation.parse("-y+1/4, x+3/4, z+1/4");
        double[] out = new double[3];
        op.apply(new double[] {0.1, 0.2, 0.3}, out);
        assertEquals(0.05, out[0], 1e-15);
        assertEquals(0.85, out[1], 1e-15);
        assertEquals(0.55, out[2], 1e-15);
        assertEquals(1, op.determinant());
        assertEquals(-1, SymmetryOperation.parse("-x,-y,-z").determinant());
        assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,y"));
        assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,y,w"));
        assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,y,z+"));
    }
}
