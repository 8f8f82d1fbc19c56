package org.dendrite.md.potential;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.junit.jupiter.api.DisplayName;

@DisplayName("eam/alloy (Li test potential) satisfies the force-field contract")
class EamAlloyForceFieldTest extends ForceFieldContract {
    private static final ForceField FF = ForceFieldLoader.load(ConfFiles.forcefield("li-test-eam.yaml"));

    @Override
    protected ForceField forceField() {
        return FF;
    }

    @Override
    protected double boxEdge() {
        return 7.0;   // 16 atoms at about bcc Li density; the 5.5 Å cut-off exceeds half the box
    }

    @Override
    protected Atoms configuration(Box box, long seed) {
        return TestCells.random(FF.species(), new int[] {16}, box, 2.4, seed);
    }
}
