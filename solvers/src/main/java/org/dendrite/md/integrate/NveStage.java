package org.dendrite.md.integrate;

import org.dendrite.config.Params;

/**
 * Microcanonical velocity-Verlet integration, LAMMPS {@code fix nve}. Keys: steps|duration_ps,
 * timestep_fs; optional region + freeze_outside to hold atoms outside the region fixed.
 */
public final class NveStage extends DynamicsStage {
    public NveStage(Params p) {
        super("nve", p, false);
        p.finish();
    }

}
