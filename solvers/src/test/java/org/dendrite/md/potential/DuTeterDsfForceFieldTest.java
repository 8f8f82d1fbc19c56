package org.dendrite.md.potential;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Du/Teter Buckingham + cores + DSF (conf/forcefields/llzo-du-teter.yaml) satisfies the force-field contract")
class DuTeterDsfForceFieldTest extends ForceFieldContract {
    private static final ForceField FF = ForceFieldLoader.load(ConfFiles.forcefield("llzo-du-teter.yaml"));

    @Override
    protected ForceField forceField() {
        return FF;
    }

    @Override
    protected double boxEdge() {
        return 6.6;   // Li7La3Zr2O12 formula unit at LLZO density; cut-offs 8 and 11 Å span several images
    }

    @Override
    protected Atoms configuration(Box box, long seed) {
        return TestCells.random(FF.species(), new int[] {7, 3, 2, 12}, box, 1.75, seed);
    }
}
