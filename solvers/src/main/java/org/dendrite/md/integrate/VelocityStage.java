package org.dendrite.md.integrate;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.ExactSum;
import org.dendrite.md.random.CounterRng;
import org.dendrite.md.state.AtomGroup;

/**
 * Creates velocities, LAMMPS {@code velocity all create T seed dist gaussian mom yes rot no}:
 * each component is a deviate divided by √m (Maxwell–Boltzmann shape), the total momentum is
 * removed, and the velocities are scaled so that the temperature (3N − 3 degrees of freedom) is
 * exactly T. Deviates come from {@link CounterRng} keyed by atom id, so the result does not
 * depend on the number of domains or the storage order (as LAMMPS' {@code loop all}), though the
 * numbers differ from LAMMPS' generator.
 *
 * <p>Keys: temperature_K, seed (default: the run seed), distribution: gaussian|uniform (default
 * gaussian), zero_momentum (true).
 */
public final class VelocityStage implements InstantStage {
    private final String label;
    private final double temperature;
    private final Long seed;
    private final boolean gaussian;
    private final boolean zeroMomentum;

    public VelocityStage(Params p) {
        this.label = p.getString("name", "velocity");
        this.temperature = p.requireDouble("temperature_K");
        if (temperature < 0) {
            throw new ParamException(p.pathOf("temperature_K"), "must be >= 0, got " + temperature);
        }
        this.seed = p.has("seed") ? p.requireLong("seed") : null;
        this.gaussian = p.getChoice("distribution", "gaussian", "gaussian", "uniform").equals("gaussian");
        this.zeroMomentum = p.getBoolean("zero_momentum", true);
        p.finish();
    }

    @Override
    public String type() {
        return "velocity";
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public void apply(MdContext ctx) {
        Atoms a = ctx.atoms();
        long s = seed != null ? seed : ctx.state().seed;
        CounterRng rng = CounterRng.forStage(s, CounterRng.PURPOSE_VELOCITY, ctx.state().stageIndex);
        double[] mass = ctx.massByType();
        double[] v = a.v;
        // Momentum and mass as exact sums: the same drift is removed whatever the decomposition.
        ExactSum[] pm = {new ExactSum(), new ExactSum(), new ExactSum(), new ExactSum()};
        for (int i = 0; i < a.nlocal; i++) {
            double factor = 1.0 / Math.sqrt(mass[a.type[i]]);
            for (int c = 0; c < 3; c++) {
                double r = gaussian ? rng.gaussian(0, a.id[i], c) : rng.uniform(0, a.id[i], c) - 0.5;
                v[3 * i + c] = r * factor;
            }
            double m = mass[a.type[i]];
            pm[0].add(m * v[3 * i]);
            pm[1].add(m * v[3 * i + 1]);
            pm[2].add(m * v[3 * i + 2]);
            pm[3].add(m);
        }
        // Momentum and mass over all domains, so every domain removes the same drift.
        ctx.halo().sum(pm);
        double px = pm[0].value(), py = pm[1].value(), pz = pm[2].value(), mtot = pm[3].value();
        if (zeroMomentum && mtot > 0) {
            double vx = px / mtot, vy = py / mtot, vz = pz / mtot;
            for (int i = 0; i < a.nlocal; i++) {
                v[3 * i] -= vx;
                v[3 * i + 1] -= vy;
                v[3 * i + 2] -= vz;
            }
        }
        AtomGroup all = AtomGroup.all(ctx.natoms());
        double t = ctx.temperature(all);
        double factor = t > 0 ? Math.sqrt(temperature / t) : 0.0;
        Verlet.scaleVelocities(a, all, factor);
    }
}
