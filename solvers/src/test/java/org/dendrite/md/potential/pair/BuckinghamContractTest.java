package org.dendrite.md.potential.pair;

import org.dendrite.md.potential.PairEvaluator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Buckingham with the Du/Teter Zr-O core meets the pair-evaluator contract; published digits join to 2e-3")
class BuckinghamContractTest extends PairEvaluatorContract {
    @Override
    protected PairEvaluator evaluator() {
        return new Buckingham(17943.3840, 0.226627, 127.650, 11.0, 1.224, 108.655, 3.3050, -8.481);
    }

    @Override
    protected double rMin() {
        return 0.6;
    }

    @Override
    protected double[] joins() {
        return new double[] {1.224};
    }

    // The published B, n, D are rounded: V and F join to 1.8e-3 eV and 2.0e-3 eV/Å (of 43 eV, 171 eV/Å).
    @Override
    protected double joinEnergyTolerance() {
        return 2e-3;
    }

    @Override
    protected double joinForceTolerance() {
        return 2.5e-3;
    }
}
