package org.dendrite.md.potential.pair;

import org.dendrite.md.potential.PairEvaluator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Born-Mayer-Huggins meets the pair-evaluator contract")
class BornMayerHugginsContractTest extends PairEvaluatorContract {
    @Override
    protected PairEvaluator evaluator() {
        return new BornMayerHuggins(0.2637, 0.317, 2.34, 1.048553, 0.49935, 9.0);
    }

    @Override
    protected double rMin() {
        return 1.2;
    }
}
