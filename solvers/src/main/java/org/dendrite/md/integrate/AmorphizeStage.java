package org.dendrite.md.integrate;

import java.util.List;
import java.util.Locale;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Units;
import org.dendrite.md.random.CounterRng;
import org.dendrite.md.state.AtomGroup;

/**
 * Melt–quench of a region, the amorphization recipe of the seed papers: seed 000 §4.2 ("the
 * selected region was first heated to 3000 K, melted for 50 ps, and then slowly cooled to room
 * temperature"; the whole cell for a fully amorphous model) and seed 001 Supplementary Note 2 (the
 * atoms outside the grain-boundary region fixed, the region held at 3000 K for 100 ps under NVT,
 * then equilibrated at the target temperature).
 *
 * <p>The atoms inside {@code region} (all atoms without one) follow a target temperature in four
 * phases: a linear ramp from {@code start_temperature_K} to {@code melt_temperature_K} over
 * {@code heat_ps}, a hold at the melt temperature for {@code hold_ps}, a linear quench to
 * {@code final_temperature_K} at {@code quench_rate_K_per_ps}, and an optional hold at the final
 * temperature for {@code final_hold_ps}. The stage's length is the sum of the phases. The atoms
 * outside are thermostatted at {@code outside_temperature_K} ({@code outside: thermostat}, the
 * default) or held fixed ({@code outside: freeze}, seed 001's fixed atoms: zero velocity and force).
 *
 * <p>Thermostat: a Langevin bath per atom (the {@link LangevinStage} force, Schneider and Stoll,
 * Phys. Rev. B 17, 1302 (1978)), whose target is the region's or the outside's according to the
 * atom's group. A stochastic, local thermostat is chosen over two Nosé–Hoover chains because
 * (i) heat flows continuously from the melt into the cooler grains across the region boundary; a
 * per-atom bath absorbs it where it arrives, whereas a Nosé–Hoover chain rescales its whole group
 * with one friction and lets the grains next to the melt overheat while the far ones cool; (ii) the
 * targets jump by thousands of kelvin and ramp quickly, where a chain's thermostat momentum
 * overshoots and oscillates with period ~tdamp, and a Langevin bath relaxes in ~tdamp without
 * overshoot; (iii) the structure made, not the dynamics, is the product, so the friction's effect
 * on transport does not matter; (iv) it needs no group reductions or chain variables, and its
 * noise is keyed by (seed, stage, step, atom id) ({@link CounterRng}), so a restart inside any phase
 * is bit-identical: the phase and target follow from the stage step alone, and the region group is
 * stored in the checkpoint. As LAMMPS' fix langevin default, the exchanged energy is not tallied.
 *
 * <p>Keys: {@code region} (any {@link org.dendrite.md.region.Regions} region; default every atom),
 * {@code melt_temperature_K} (3000), {@code start_temperature_K} (default
 * {@code outside_temperature_K}), {@code heat_ps} (0: the target jumps to the melt temperature, as
 * seed 001's NVT at 3000 K), {@code hold_ps} (50, seed 000), {@code quench_rate_K_per_ps}
 * (required; the seeds give no number), {@code final_temperature_K} (300), {@code final_hold_ps}
 * (0), {@code outside} ({@code thermostat}|{@code freeze}), {@code outside_temperature_K} (default
 * {@code final_temperature_K}), {@code tdamp_ps} (Langevin damping time, 0.1), {@code seed}
 * (default: the run seed), {@code timestep_fs} (1.0). Each phase must be a whole number of steps;
 * the quench length is rounded to whole steps (the rate actually used is reported by
 * {@link #quenchRateKPerPs()}).
 */
public final class AmorphizeStage extends DynamicsStage {
    private final Schedule schedule;
    private final double damp;
    private final Long seed;
    private CounterRng rng;
    private AtomGroup outsideGroup;

    /** The phases in steps and the temperatures, K. */
    record Schedule(double startK, double meltK, double finalK, double outsideK, long heatSteps, long holdSteps,
                    long quenchSteps, long finalSteps, double dtPs, boolean freeze, boolean region) {

        static Schedule parse(Params p) {
            double dtFs = p.getPositive("timestep_fs", 1.0);
            double dt = dtFs * Units.FEMTOSECOND_PS;
            double melt = p.getPositive("melt_temperature_K", 3000.0);
            double fin = p.getPositive("final_temperature_K", 300.0);
            if (!(fin < melt)) {
                throw new ParamException(p.pathOf("final_temperature_K"), "must be below melt_temperature_K ("
                        + melt + " K), got " + fin);
            }
            boolean region = p.has("region");
            if (!region && (p.has("outside") || p.has("outside_temperature_K"))) {
                String key = p.has("outside") ? "outside" : "outside_temperature_K";
                throw new ParamException(p.pathOf(key), "needs a region (without one every atom is melted)");
            }
            boolean freeze = "freeze".equals(p.getChoice("outside", "thermostat", "thermostat", "freeze"));
            if (freeze && p.has("outside_temperature_K")) {
                throw new ParamException(p.pathOf("outside_temperature_K"), "has no effect with outside: freeze");
            }
            double outside = p.getPositive("outside_temperature_K", fin);
            double start = p.getNonNegative("start_temperature_K", outside);
            long heat = steps(p, "heat_ps", 0.0, dt, dtFs);
            long hold = steps(p, "hold_ps", 50.0, dt, dtFs);
            if (!p.has("quench_rate_K_per_ps")) {
                throw new ParamException(p.pathOf("quench_rate_K_per_ps"), "is required (K/ps; the seed papers cool"
                        + " \"slowly\" without a number)");
            }
            double rate = p.requirePositive("quench_rate_K_per_ps");
            long quench = Math.round((melt - fin) / rate / dt);
            long finalHold = steps(p, "final_hold_ps", 0.0, dt, dtFs);
            return new Schedule(start, melt, fin, outside, heat, hold, quench, finalHold, dt, freeze, region);
        }

        private static long steps(Params p, String key, double defaultPs, double dt, double dtFs) {
            double ps = p.getNonNegative(key, defaultPs);
            double n = ps / dt;
            long steps = Math.round(n);
            if (Math.abs(n - steps) > 1e-6 * Math.max(1.0, n)) {
                throw new ParamException(p.pathOf(key), "is not a whole number of time steps: " + ps + " ps / " + dtFs
                        + " fs = " + n);
            }
            return steps;
        }

        long totalSteps() {
            return heatSteps + holdSteps + quenchSteps + finalSteps;
        }

        /** Target of the region's atoms after {@code k} steps of the stage, K. */
        double regionTarget(long k) {
            if (k <= heatSteps) {
                return heatSteps == 0 ? meltK : startK + (meltK - startK) * k / heatSteps;
            }
            k -= heatSteps;
            if (k <= holdSteps) {
                return meltK;
            }
            k -= holdSteps;
            if (k <= quenchSteps) {
                return quenchSteps == 0 ? finalK : meltK + (finalK - meltK) * k / quenchSteps;
            }
            return finalK;
        }
    }

    public AmorphizeStage(Params p) {
        this(p, Schedule.parse(p));
    }

    private AmorphizeStage(Params p, Schedule s) {
        super("amorphize", p, new StageTiming(s.totalSteps(), s.dtPs()), s.freeze());
        this.schedule = s;
        this.damp = p.getPositive("tdamp_ps", 0.1);
        this.seed = p.has("seed") ? p.requireLong("seed") : null;
        p.finish();
    }

    /** Steps of the heat, hold, quench and final-hold phases. */
    public long[] phaseSteps() {
        return new long[] {schedule.heatSteps(), schedule.holdSteps(), schedule.quenchSteps(), schedule.finalSteps()};
    }

    /** Quench rate after rounding the quench to whole steps, K/ps. */
    public double quenchRateKPerPs() {
        return schedule.quenchSteps() == 0 ? Double.POSITIVE_INFINITY
                : (schedule.meltK() - schedule.finalK()) / (schedule.quenchSteps() * schedule.dtPs());
    }

    /** Target temperature of the region after {@code stageStep} steps of this stage, K. */
    public double regionTargetK(long stageStep) {
        return schedule.regionTarget(stageStep);
    }

    @Override
    protected void setup(MdContext ctx, boolean resume) {
        long s = seed != null ? seed : ctx.state().seed;
        rng = CounterRng.forStage(s, CounterRng.PURPOSE_LANGEVIN, ctx.state().stageIndex);
        outsideGroup = null;
        boolean[] in = ctx.thermostatted().mask();
        if (in != null && !schedule.freeze()) {
            int[] ids = new int[ctx.natoms()];
            int n = 0;
            Atoms a = ctx.atoms();
            for (int i = 0; i < a.nlocal; i++) {
                if (!in[a.id[i]]) {
                    ids[n++] = a.id[i];
                }
            }
            // This domain's outside atoms; the group is their union over all domains.
            outsideGroup = AtomGroup.ofIds(ctx.globalIds(ids, n), ctx.maxAtomId());
        }
    }

    @Override
    protected void postForce(MdContext ctx) {
        long k = ctx.state().stageStep;
        double ftm2v = Units.FORCE_OVER_MASS_TO_ACCEL;
        // Random-force amplitude per √(m T), as LangevinStage (uniform deviates of variance 2 m k_B T/(damp·dt)).
        double unit = Math.sqrt(24.0 * Units.BOLTZMANN_EV_PER_K / damp / ctx.dt() / Units.MVV_TO_EV) / ftm2v;
        double noiseIn = unit * Math.sqrt(schedule.regionTarget(k));
        double noiseOut = unit * Math.sqrt(schedule.outsideK());
        Atoms a = ctx.atoms();
        double[] mass = ctx.massByType();
        boolean[] in = ctx.thermostatted().mask();
        boolean[] mobile = ctx.mobile().mask();
        double[] v = a.v, f = a.f;
        int[] id = a.id, type = a.type;
        long step = ctx.state().step;
        for (int i = 0; i < a.nlocal; i++) {
            int ai = id[i];
            if (mobile != null && !mobile[ai]) {
                continue;
            }
            double m = mass[type[i]];
            double gamma1 = -m / damp / ftm2v;
            double gamma2 = Math.sqrt(m) * (in == null || in[ai] ? noiseIn : noiseOut);
            f[3 * i] += gamma1 * v[3 * i] + gamma2 * (rng.uniform(step, ai, 0) - 0.5);
            f[3 * i + 1] += gamma1 * v[3 * i + 1] + gamma2 * (rng.uniform(step, ai, 1) - 0.5);
            f[3 * i + 2] += gamma1 * v[3 * i + 2] + gamma2 * (rng.uniform(step, ai, 2) - 0.5);
        }
    }

    @Override
    public List<String> extraColumns() {
        if (outsideColumns()) {
            return List.of("target_region_K", "temp_region_K", "target_outside_K", "temp_outside_K");
        }
        return List.of("target_region_K", "temp_region_K");
    }

    private boolean outsideColumns() {
        return schedule.region() && !schedule.freeze();
    }

    @Override
    public void extraValues(MdContext ctx, double[] out) {
        out[0] = schedule.regionTarget(ctx.state().stageStep);
        out[1] = ctx.temperature(ctx.thermostatted());
        if (outsideColumns()) {
            out[2] = schedule.outsideK();
            out[3] = outsideGroup == null ? Double.NaN : ctx.temperature(outsideGroup);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "amorphize: %.6g K -> %.6g K over %d steps, hold %d, quench %d steps"
                + " (%.6g K/ps) to %.6g K, final hold %d; outside %s", schedule.startK(), schedule.meltK(),
                schedule.heatSteps(), schedule.holdSteps(), schedule.quenchSteps(), quenchRateKPerPs(),
                schedule.finalK(), schedule.finalSteps(), schedule.freeze() ? "frozen"
                        : String.format(Locale.ROOT, "at %.6g K", schedule.outsideK()));
    }
}
