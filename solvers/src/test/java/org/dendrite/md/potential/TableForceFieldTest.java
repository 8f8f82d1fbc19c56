package org.dendrite.md.potential;

import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.potential.pair.MorseTableFile;
import org.dendrite.md.potential.pair.PairTableFile;
import org.dendrite.md.potential.pair.TablePair;
import org.junit.jupiter.api.DisplayName;

/**
 * A spline table of a smooth potential: forces are interpolated separately from energies (as in
 * LAMMPS), so −∇E matches the forces only to the table's interpolation accuracy; a fine table
 * (N = 5000) keeps that below 1e-6 relative.
 */
@DisplayName("pair_style table spline satisfies the force-field contract to interpolation accuracy")
class TableForceFieldTest extends ForceFieldContract {
    private static final Species SPECIES = new Species(List.of("A"), new double[] {40}, new double[] {0});
    private static final ForceField FF = ForceField.builder(SPECIES)
            .pair(0, 0, new TablePair(PairTableFile.read(MorseTableFile.write(2000), "MORSE"), TablePair.Mode.SPLINE, 5000, Double.NaN), false)
            .build();

    @Override
    protected ForceField forceField() {
        return FF;
    }

    @Override
    protected double forceTolerance() {
        return 2e-6;
    }

    @Override
    protected double virialTolerance() {
        return 2e-6;
    }

    @Override
    protected double boxEdge() {
        return 9.0;
    }

    @Override
    protected Atoms configuration(Box box, long seed) {
        return TestCells.random(SPECIES, new int[] {20}, box, 2.2, seed);
    }
}
