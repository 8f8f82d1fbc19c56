package org.dendrite.md.potential;

import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.potential.coulomb.CoulombCut;
import org.dendrite.md.potential.pair.BornMayerHuggins;
import org.dendrite.md.potential.pair.Buckingham;
import org.dendrite.md.potential.pair.LennardJones;
import org.dendrite.md.potential.pair.Morse;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Morse, Lennard-Jones, Born-Mayer-Huggins and Buckingham with plain cut Coulomb satisfy the force-field contract")
class MixedPairsCoulombCutForceFieldTest extends ForceFieldContract {
    private static final Species SPECIES = new Species(List.of("A", "B", "C"), new double[] {10, 20, 30},
            new double[] {0.5, -0.7, 0.2});
    private static final ForceField FF = ForceField.builder(SPECIES)
            .pair(0, 0, new Morse(0.3, 1.4, 2.6, 6.5), true)
            .pair(0, 1, new LennardJones(0.02, 2.4, 7.0), false)
            .pair(1, 1, new BornMayerHuggins(0.25, 0.317, 2.34, 1.05, 0.49, 7.5), true)
            .pair(1, 2, new Buckingham(1500.0, 0.29, 25.0, 6.0), true)
            .pair(2, 2, new Morse(0.1, 1.1, 3.1, 5.5), false)
            .pair(2, 2, new LennardJones(0.01, 2.8, 6.8), true)
            .coulomb(new CoulombCut(7.0))
            .build();

    @Override
    protected ForceField forceField() {
        return FF;
    }

    @Override
    protected double boxEdge() {
        return 8.0;
    }

    @Override
    protected Atoms configuration(Box box, long seed) {
        return TestCells.random(SPECIES, new int[] {8, 6, 6}, box, 2.0, seed);
    }
}
