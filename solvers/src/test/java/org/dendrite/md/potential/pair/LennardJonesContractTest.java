package org.dendrite.md.potential.pair;

import org.dendrite.md.potential.PairEvaluator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Lennard-Jones meets the pair-evaluator contract")
class LennardJonesContractTest extends PairEvaluatorContract {
    @Override
    protected PairEvaluator evaluator() {
        return new LennardJones(0.0104, 3.4, 8.5);
    }

    @Override
    protected double rMin() {
        return 2.8;
    }
}
