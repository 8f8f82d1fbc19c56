package org.dendrite.md.potential;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Li|LLZO hybrid (Du/Teter + DSF, Li metal EAM on Lim, Lim cross terms; conf/forcefields/li-llzo-hybrid.yaml) satisfies the force-field contract")
class LiLlzoHybridForceFieldTest extends ForceFieldContract {
    private static final ForceField FF = ForceFieldLoader.load(ConfFiles.forcefield("li-llzo-hybrid.yaml"));

    @Override
    protected ForceField forceField() {
        return FF;
    }

    @Override
    protected double boxEdge() {
        return 8.0;   // one LLZO formula unit and 8 metal atoms; the 11 Å cut-offs span several images
    }

    @Override
    protected Atoms configuration(Box box, long seed) {
        return TestCells.random(FF.species(), new int[] {7, 3, 2, 12, 8}, box, 1.75, seed);
    }
}
