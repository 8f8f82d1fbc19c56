package org.dendrite.md.potential;

import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.potential.coulomb.CoulombWolf;
import org.dendrite.md.potential.pair.Buckingham;
import org.junit.jupiter.api.DisplayName;

/**
 * Wolf as LAMMPS coul/wolf shifts the force but not the energy, so its forces are not −∇E and the
 * two finite-difference checks are skipped (the exact size of the discrepancy is pinned by
 * CoulombKernelContract's Wolf test); translation invariance and Newton's third law still hold.
 */
@DisplayName("Buckingham with LAMMPS-style Wolf Coulomb is translation invariant and obeys Newton's third law")
class WolfForceFieldTest extends ForceFieldContract {
    private static final Species SPECIES = new Species(List.of("M", "X"), new double[] {24.3, 16.0},
            new double[] {1.2, -1.2});
    private static final ForceField FF = ForceField.builder(SPECIES)
            .pair(0, 1, new Buckingham(1400.0, 0.30, 0.0, 7.0), true)
            .pair(1, 1, new Buckingham(22764.0, 0.149, 27.88, 7.0), true)
            .coulomb(new CoulombWolf(0.3, 7.5))
            .build();

    @Override
    protected ForceField forceField() {
        return FF;
    }

    @Override
    protected boolean conservative() {
        return false;
    }

    @Override
    protected Atoms configuration(Box box, long seed) {
        return TestCells.random(SPECIES, new int[] {10, 10}, box, 1.9, seed);
    }
}
