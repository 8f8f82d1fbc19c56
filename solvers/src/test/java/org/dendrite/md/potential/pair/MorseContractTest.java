package org.dendrite.md.potential.pair;

import org.dendrite.md.potential.PairEvaluator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Morse meets the pair-evaluator contract")
class MorseContractTest extends PairEvaluatorContract {
    @Override
    protected PairEvaluator evaluator() {
        return new Morse(0.1, 1.5, 3.0, 8.0);
    }

    @Override
    protected double rMin() {
        return 1.0;
    }
}
