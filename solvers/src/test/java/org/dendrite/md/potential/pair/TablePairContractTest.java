package org.dendrite.md.potential.pair;

import org.dendrite.md.potential.PairEvaluator;
import org.junit.jupiter.api.DisplayName;

/**
 * Energy and force are interpolated separately (LAMMPS semantics), so −V' matches the force only to
 * the interpolation accuracy of a 5000-point spline table.
 */
@DisplayName("table spline meets the pair-evaluator contract to interpolation accuracy")
class TablePairContractTest extends PairEvaluatorContract {
    @Override
    protected PairEvaluator evaluator() {
        return new TablePair(PairTableFile.read(MorseTableFile.write(2000), "MORSE"), TablePair.Mode.SPLINE, 5000, Double.NaN);
    }

    @Override
    protected double rMin() {
        return 1.6;
    }

    @Override
    protected double fdTolerance() {
        return 1e-5;
    }
}
