package org.dendrite.md.integrate;

import org.dendrite.config.Params;
import org.dendrite.md.Units;
import org.dendrite.md.random.CounterRng;

/**
 * Canonical sampling through velocity rescaling (CSVR), LAMMPS {@code fix temp/csvr Tstart Tstop
 * Tdamp seed} + {@code fix nve}: Bussi, Donadio and Parrinello, J. Chem. Phys. 126, 014101 (2007),
 * eq. (A7). At the end of each step the kinetic energy K of the thermostatted atoms (N_f = 3n − 3
 * degrees of freedom) is resampled as
 * α² = c + (1 − c)(K₀/(N_f K))(R₁² + S) + 2 R₁ √(c (1 − c) K₀/(N_f K)), c = exp(−dt/τ), where R₁
 * is a standard normal deviate and S a sum of N_f − 1 squared normal deviates (drawn as
 * 2·Gamma((N_f−1)/2) plus one squared normal when N_f − 1 is odd, as LAMMPS' sumnoises), and the
 * velocities are scaled by α. The exchanged energy is tallied for {@code econserve}.
 *
 * <p>The deviates come from {@link CounterRng} keyed by (seed, stage, step), so every domain
 * draws the same α without communication. Gamma deviates use Marsaglia and Tsang, ACM TOMS 26,
 * 363 (2000).
 *
 * <p>Keys: temperature (as nvt), tdamp_ps (τ, default 0.1), seed (default: the run seed),
 * steps|duration_ps, timestep_fs, region, freeze_outside.
 */
public final class CsvrStage extends DynamicsStage {
    private final TemperatureRamp temperature;
    private final double tdamp;
    private final Long seed;
    private CounterRng rng;
    private double[] energy;
    private long counter;

    public CsvrStage(Params p) {
        super("csvr", p, true);
        this.temperature = TemperatureRamp.parse(p);
        this.tdamp = p.getPositive("tdamp_ps", 0.1);
        this.seed = p.has("seed") ? p.requireLong("seed") : null;
        p.finish();
    }

    @Override
    protected void setup(MdContext ctx, boolean resume) {
        long s = seed != null ? seed : ctx.state().seed;
        rng = CounterRng.forStage(s, CounterRng.PURPOSE_CSVR, ctx.state().stageIndex);
        energy = ctx.state().var("csvr.energy", 1);
    }


    @Override
    protected void endOfStep(MdContext ctx) {
        double t = rescalableTemperature(ctx, "CSVR");
        if (Double.isNaN(t)) {
            return;
        }
        double tdof = ctx.thermostatted().temperatureDof();
        double tTarget = ramp(ctx, temperature.startK(), temperature.stopK());
        double efactor = 0.5 * tdof * Units.BOLTZMANN_EV_PER_K;
        double ekinOld = t * efactor;
        double ekinNew = tTarget * efactor;
        long step = ctx.state().step;
        counter = 0;
        double c1 = Math.exp(-ctx.dt() / tdamp);
        double c2 = (1.0 - c1) * ekinNew / ekinOld / tdof;
        double r1 = gaussian(step);
        double r2 = sumNoises(step, (int) (tdof - 1));
        double scale = c1 + c2 * (r1 * r1 + r2) + 2.0 * r1 * Math.sqrt(c1 * c2);
        double lamda = Math.sqrt(scale);
        Verlet.scaleVelocities(ctx.atoms(), ctx.thermostatted(), lamda);
        energy[0] += ekinOld * (1.0 - lamda * lamda);
    }

    private double gaussian(long step) {
        return rng.gaussian(step, 0, counter++);
    }

    private double uniform(long step) {
        return rng.uniform(step, 1, counter++);
    }

    /** Sum of n squared standard normal deviates (a χ² deviate with n degrees of freedom). */
    private double sumNoises(long step, int n) {
        if (n <= 0) {
            return 0.0;
        }
        if (n == 1) {
            double r = gaussian(step);
            return r * r;
        }
        if (n % 2 == 0) {
            return 2.0 * gammaDeviate(step, n / 2);
        }
        double r = gaussian(step);
        return 2.0 * gammaDeviate(step, (n - 1) / 2) + r * r;
    }

    /** Gamma(shape a ≥ 1, scale 1) deviate, Marsaglia–Tsang squeeze/rejection. */
    private double gammaDeviate(long step, double a) {
        double d = a - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = gaussian(step);
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = uniform(step);
            if (u < 1.0 - 0.0331 * x * x * x * x) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    @Override
    protected double couplingEnergy(MdContext ctx) {
        return energy[0];
    }
}
