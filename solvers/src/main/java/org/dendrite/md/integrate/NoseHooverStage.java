package org.dendrite.md.integrate;

import org.dendrite.config.Params;

/**
 * A stage whose motion is the Nosé–Hoover chain / MTK integrator (LAMMPS fix nvt and fix npt, and
 * the thermostat and lateral barostat of the deform stage). Subclasses read their keys, build the
 * integrator and hand it over with {@link #use}; this class runs it and reports its conserved
 * extended energy.
 */
abstract class NoseHooverStage extends DynamicsStage {
    private NoseHooverIntegrator nh;

    protected NoseHooverStage(String type, Params p) {
        super(type, p, true);
    }

    /** Sets the integrator this stage runs; called once from the subclass constructor. */
    protected final void use(NoseHooverIntegrator integrator) {
        this.nh = integrator;
    }

    @Override
    protected void setup(MdContext ctx, boolean resume) {
        nh.setup(ctx, this, resume);
    }

    @Override
    protected void initialIntegrate(MdContext ctx) {
        nh.initialIntegrate(ctx, this);
    }

    @Override
    protected void finalIntegrate(MdContext ctx) {
        nh.finalIntegrate(ctx);
    }

    @Override
    protected double couplingEnergy(MdContext ctx) {
        return nh.extendedEnergy(ctx);
    }
}
