package org.dendrite.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Energy, virial and every per-atom force of a decomposed system equal those of one domain
 * ({@code PeriodicImages}) to 1e-12 relative, for pair (Du/Teter + DSF) and many-body (EAM) force
 * fields, orthorhombic and triclinic cells, grids of 1 to 8 bricks including an uneven 3x1x1.
 */
class DomainHaloExactnessTest {
    private static final double SKIN = 1.0;
    private static final double TOL = 1e-12;
    private static final ForceField LLZO = TestSystems.llzoForceField();
    private static final ForceField LI = TestSystems.liEamForceField();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("llzo", false, 2, 2, 2, new BrickGrid(1, 1, 1)),
                Arguments.of("llzo", false, 2, 2, 2, new BrickGrid(2, 1, 1)),
                Arguments.of("llzo", false, 2, 2, 2, new BrickGrid(1, 2, 2)),
                Arguments.of("llzo", false, 2, 2, 2, new BrickGrid(2, 2, 2)),
                Arguments.of("llzo", false, 3, 2, 2, new BrickGrid(3, 1, 1)),
                Arguments.of("llzo", true, 2, 2, 2, new BrickGrid(2, 2, 1)),
                Arguments.of("llzo", true, 2, 2, 2, new BrickGrid(2, 2, 2)),
                Arguments.of("li", false, 8, 0, 0, new BrickGrid(2, 2, 2)),
                Arguments.of("li", false, 8, 0, 0, new BrickGrid(4, 1, 1)),
                Arguments.of("li", true, 8, 0, 0, new BrickGrid(3, 1, 2)),
                Arguments.of("li", true, 8, 0, 0, new BrickGrid(1, 4, 2)));
    }

    @ParameterizedTest(name = "{0} triclinic={1} grid {5}")
    @MethodSource("cases")
    @DisplayName("decomposed energy, virial and per-atom forces equal the single-domain result to 1e-12 relative")
    void decomposedEqualsSingleDomain(String system, boolean triclinic, int na, int nb, int nc, BrickGrid grid) {
        ForceField ff = system.equals("llzo") ? LLZO : LI;
        Structure s = system.equals("llzo") ? TestSystems.llzo(ff, na, nb, nc, 0.1, 11)
                : TestSystems.bccLi(ff, na, 0.15, 12);
        if (triclinic) {
            TestSystems.tilt(s, 2.0, 1.5, -1.0);
        }
        int n = s.atomCount();

        Atoms ref = s.atoms().copyLocal();
        Box refBox = s.box().copy();
        ForceResult r1 = new ForceResult();
        try (ForceEngine e = new ForceEngine(ff, SKIN, 1)) {
            e.compute(ref, refBox, true, r1);
        }

        double[] f = new double[3 * n];
        ForceResult rd;
        try (DecomposedSystem d = new DecomposedSystem(s, ff, grid, SKIN, Duration.ofSeconds(60))) {
            rd = d.compute(true);
            d.gatherForces(f);
            for (int r = 1; r < d.ranks(); r++) {
                assertEquals(rd.potentialEnergy(), d.rank(r).result.potentialEnergy(), 0.0,
                        "every rank holds the same global energy");
            }
        }

        double e1 = r1.potentialEnergy();
        assertEquals(e1, rd.potentialEnergy(), TOL * Math.abs(e1), "potential energy");
        assertEquals(r1.manyBodyEnergy, rd.manyBodyEnergy, TOL * Math.abs(e1), "many-body energy");
        double wmax = 0;
        for (double w : r1.virial) {
            wmax = Math.max(wmax, Math.abs(w));
        }
        for (int k = 0; k < 9; k++) {
            assertEquals(r1.virial[k], rd.virial[k], TOL * wmax, "virial component " + k);
        }
        double fmax = 0;
        for (int k = 0; k < 3 * n; k++) {
            fmax = Math.max(fmax, Math.abs(ref.f[k]));
        }
        assertTrue(fmax > 0.1, "the jittered configuration has forces");
        double worst = 0;
        for (int k = 0; k < 3 * n; k++) {
            worst = Math.max(worst, Math.abs(ref.f[k] - f[k]));
        }
        assertTrue(worst <= TOL * fmax, "largest force difference " + worst + " eV/Å vs max force " + fmax);
    }
}
