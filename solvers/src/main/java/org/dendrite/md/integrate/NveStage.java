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

    @Override
    protected void setup(MdContext ctx, boolean resume) {
    }

    @Override
    protected void initialIntegrate(MdContext ctx) {
        Verlet.halfKick(ctx.atoms(), ctx.mobile(), ctx.massByType(), ctx.dt());
        Verlet.drift(ctx.atoms(), ctx.mobile(), ctx.dt());
    }

    @Override
    protected void finalIntegrate(MdContext ctx) {
        Verlet.halfKick(ctx.atoms(), ctx.mobile(), ctx.massByType(), ctx.dt());
    }
}
