package org.dendrite.md.integrate;

import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Units;
import org.dendrite.md.random.CounterRng;

/**
 * Langevin thermostat with velocity-Verlet integration, LAMMPS {@code fix langevin Tstart Tstop
 * damp seed} + {@code fix nve} (Schneider and Stoll, Phys. Rev. B 17, 1302 (1978); Dünweg and
 * Paul, Int. J. Mod. Phys. C 2, 817 (1991)). After the force evaluation every thermostatted atom
 * gets a drag −m v/damp and a random force with uniform deviates of variance
 * 2 m k_B T/(damp·dt) (LAMMPS: γ₂ = √m √(24 k_B/(damp·dt·mvv2e))/ftm2v · √T times U − ½).
 * As in LAMMPS, v is the half-step velocity at that point.
 *
 * <p>The random numbers come from {@link CounterRng} keyed by (seed, stage, step, atom id), so
 * the trajectory does not depend on the number of domains and restarts exactly.
 *
 * <p>As LAMMPS' default ({@code tally no}, {@code zero no}) the exchanged energy is not tallied, so
 * {@code econserve} equals {@code etotal} here, and the random forces are not forced to sum to zero.
 *
 * <p>Keys: temperature (as nvt), tdamp_ps (damp, default 0.1), seed (default: the run seed),
 * steps|duration_ps, timestep_fs, region, freeze_outside.
 */
public final class LangevinStage extends DynamicsStage {
    private final TemperatureRamp temperature;
    private final double damp;
    private final Long seed;
    private CounterRng rng;

    public LangevinStage(Params p) {
        super("langevin", p, true);
        this.temperature = TemperatureRamp.parse(p);
        this.damp = p.getPositive("tdamp_ps", 0.1);
        this.seed = p.has("seed") ? p.requireLong("seed") : null;
        p.finish();
    }

    @Override
    protected void setup(MdContext ctx, boolean resume) {
        long s = seed != null ? seed : ctx.state().seed;
        rng = CounterRng.forStage(s, CounterRng.PURPOSE_LANGEVIN, ctx.state().stageIndex);
    }

    @Override
    protected void postForce(MdContext ctx) {
        double tTarget = ramp(ctx, temperature.startK(), temperature.stopK());
        double tsqrt = Math.sqrt(tTarget);
        double ftm2v = Units.FORCE_OVER_MASS_TO_ACCEL;
        double noise = Math.sqrt(24.0 * Units.BOLTZMANN_EV_PER_K / damp / ctx.dt() / Units.MVV_TO_EV) / ftm2v * tsqrt;
        Atoms a = ctx.atoms();
        double[] mass = ctx.massByType();
        boolean[] mask = ctx.thermostatted().mask();
        double[] v = a.v, f = a.f;
        int[] id = a.id, type = a.type;
        long step = ctx.state().step;
        for (int i = 0; i < a.nlocal; i++) {
            if (mask != null && !mask[id[i]]) {
                continue;
            }
            double m = mass[type[i]];
            double gamma1 = -m / damp / ftm2v;
            double gamma2 = Math.sqrt(m) * noise;
            f[3 * i] += gamma1 * v[3 * i] + gamma2 * (rng.uniform(step, id[i], 0) - 0.5);
            f[3 * i + 1] += gamma1 * v[3 * i + 1] + gamma2 * (rng.uniform(step, id[i], 1) - 0.5);
            f[3 * i + 2] += gamma1 * v[3 * i + 2] + gamma2 * (rng.uniform(step, id[i], 2) - 0.5);
        }
    }

}
