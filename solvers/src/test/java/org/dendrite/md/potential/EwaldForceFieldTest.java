package org.dendrite.md.potential;

import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.potential.coulomb.ErfcMode;
import org.dendrite.md.potential.coulomb.EwaldRealSpace;
import org.dendrite.md.potential.coulomb.EwaldSum;
import org.dendrite.md.potential.pair.Buckingham;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Ewald (real space + reciprocal GlobalTerm + self) with Buckingham satisfies the force-field contract")
class EwaldForceFieldTest extends ForceFieldContract {
    private static final Species SPECIES = new Species(List.of("Na", "Cl"), new double[] {22.99, 35.45},
            new double[] {1.0, -1.0});
    private static final double ALPHA = 0.42;
    private static final double CUTOFF = 6.0;

    // A fresh EwaldSum per force field: it caches k-vectors per box. Equal fixed kmax per axis so
    // that the k-vector set does not jump between the orthorhombic cell and its sheared neighbours
    // (with an accuracy, LAMMPS' choice of kmax is discontinuous in the cell shape; see EwaldSum).
    @Override
    protected ForceField forceField() {
        return ForceField.builder(SPECIES)
                .pair(0, 1, new Buckingham(1200.0, 0.32, 0.0, 6.0), true)
                .pair(1, 1, new Buckingham(3500.0, 0.33, 50.0, 6.0), true)
                .coulomb(new EwaldRealSpace(ALPHA, CUTOFF, ErfcMode.EXACT))
                .global(EwaldSum.withKmax(ALPHA, 8, 8, 8))
                .build();
    }

    @Override
    protected double boxEdge() {
        return 8.0;
    }

    @Override
    protected Atoms configuration(Box box, long seed) {
        return TestCells.random(SPECIES, new int[] {9, 9}, box, 2.1, seed);
    }
}
