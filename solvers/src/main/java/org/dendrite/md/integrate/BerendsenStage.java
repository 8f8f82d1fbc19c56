package org.dendrite.md.integrate;

import org.dendrite.config.Params;
import org.dendrite.md.Units;

/**
 * Berendsen weak-coupling thermostat with velocity-Verlet integration, LAMMPS
 * {@code fix temp/berendsen Tstart Tstop Tdamp} + {@code fix nve} (Berendsen, Postma, van
 * Gunsteren, DiNola and Haak, J. Chem. Phys. 81, 3684 (1984), eq. 11): at the end of each step the
 * thermostatted velocities are scaled by λ = √(1 + dt/τ (T₀/T − 1)). Not canonical; use it to
 * reach a temperature. The kinetic energy removed is tallied for {@code econserve}.
 *
 * <p>Keys: temperature (as nvt), tdamp_ps (τ, default 0.1), steps|duration_ps, timestep_fs,
 * region, freeze_outside.
 */
public final class BerendsenStage extends DynamicsStage {
    private final TemperatureRamp temperature;
    private final double tdamp;
    private double[] energy;

    public BerendsenStage(Params p) {
        super("berendsen", p, true);
        this.temperature = TemperatureRamp.parse(p);
        this.tdamp = p.getPositive("tdamp_ps", 0.1);
        p.finish();
    }

    @Override
    protected void setup(MdContext ctx, boolean resume) {
        energy = ctx.state().var("berendsen.energy", 1);
    }


    @Override
    protected void endOfStep(MdContext ctx) {
        double t = rescalableTemperature(ctx, "Berendsen");
        if (Double.isNaN(t)) {
            return;
        }
        double tdof = ctx.thermostatted().temperatureDof();
        double tTarget = ramp(ctx, temperature.startK(), temperature.stopK());
        double lamda = Math.sqrt(1.0 + ctx.dt() / tdamp * (tTarget / t - 1.0));
        energy[0] += t * (1.0 - lamda * lamda) * 0.5 * Units.BOLTZMANN_EV_PER_K * tdof;
        Verlet.scaleVelocities(ctx.atoms(), ctx.thermostatted(), lamda);
    }

    @Override
    protected double couplingEnergy(MdContext ctx) {
        return energy[0];
    }
}
