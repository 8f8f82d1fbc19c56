package org.dendrite.md.potential.pair;

import org.dendrite.md.potential.PairEvaluator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Buckingham with the Du/Teter O-O core meets the pair-evaluator contract; published digits join to 2e-3")
class BuckinghamOxygenCoreContractTest extends PairEvaluatorContract {
    @Override
    protected PairEvaluator evaluator() {
        return new Buckingham(2029.2204, 0.343640, 192.580, 11.0, 1.906, 46.462, 3.430, -0.32605);
    }

    @Override
    protected double rMin() {
        return 0.8;
    }

    @Override
    protected double[] joins() {
        return new double[] {1.906};
    }

    @Override
    protected double joinEnergyTolerance() {
        return 1e-3;
    }

    @Override
    protected double joinForceTolerance() {
        return 2e-3;
    }
}
