package org.dendrite.md.minimize;

import java.io.IOException;

import org.dendrite.md.Units;
import org.dendrite.md.integrate.IterativeStage;

/**
 * FIRE, the fast inertial relaxation engine (Bitzek, Koskinen, Gähler, Moseler and Gumbsch, Phys.
 * Rev. Lett. 97, 170201 (2006)) in its 2.0 form (Guénolé, Nöhring, Vaid, Houllé, Xie, Prakash and
 * Bitzek, Comput. Mater. Sci. 175, 109584 (2020)) as LAMMPS {@code min_style fire}: semi-implicit
 * Euler steps v ← v + dt F/m, mixing v ← (1−α) v + α |v| F̂ when P = F·v > 0, x ← x + dt v; after
 * more than N_delay steps with P > 0 the time step grows (×1.1, up to 10 dt₀) and α shrinks
 * (×0.99); when P ≤ 0 the time step shrinks (×0.5, not below 0.02 dt₀) after the initial delay,
 * α resets to 0.25, positions go back half a step and velocities are zeroed. No coordinate moves
 * more than dmax in one step. Velocities are private to the minimiser (atom velocities are kept).
 */
final class Fire {
    private static final int DELAYSTEP = 20;
    private static final double DT_GROW = 1.1;
    private static final double DT_SHRINK = 0.5;
    private static final double ALPHA0 = 0.25;
    private static final double ALPHA_SHRINK = 0.99;
    private static final double TMAX = 10.0;
    private static final double TMIN = 0.02;
    private static final int MAX_VDOTF_NEGATIVE = 2000;

    private Fire() {
    }

    static StopReason run(MinSystem sys, MinSettings set, long iterationsDone, IterativeStage.Hooks hooks,
                          double[] energyOut) throws IOException {
        int n = sys.size();
        double[] q = new double[n];
        double[] v = new double[n];
        double[] f = new double[n];
        double[] m = sys.masses();
        sys.get(q);
        double ecurrent = sys.evaluate(q, f);
        double eprevious;
        double dt0 = set.timestepPs();
        double dt = dt0;
        double dtmax = TMAX * dt0;
        double dtmin = TMIN * dt0;
        double alpha = ALPHA0;
        long lastNegative = 0;
        long start = 0;
        int vdotfNegative = 0;
        double ftm2v = Units.FORCE_OVER_MASS_TO_ACCEL;
        long remaining = set.maxIterations() - iterationsDone;
        if (remaining <= 0) {
            energyOut[0] = ecurrent;
            return StopReason.MAX_ITERATIONS;
        }
        for (long iter = 1; iter <= remaining; iter++) {
            long ntimestep = iter;
            double vdotf = 0;
            for (int k = 0; k < n; k++) {
                vdotf += v[k] * f[k];
            }
            double scale1 = 0, scale2 = 0;
            boolean mix = vdotf > 0.0;
            if (mix) {
                vdotfNegative = 0;
                double vdotv = 0, fdotf = 0;
                for (int k = 0; k < n; k++) {
                    vdotv += v[k] * v[k];
                    fdotf += f[k] * f[k];
                }
                scale1 = 1.0 - alpha;
                scale2 = fdotf <= 1e-20 ? 0.0 : alpha * Math.sqrt(vdotv / fdotf);
                if (ntimestep - lastNegative > DELAYSTEP) {
                    dt = Math.min(dt * DT_GROW, dtmax);
                    alpha *= ALPHA_SHRINK;
                }
            }
            boolean flagv0 = false;
            if (!mix) {
                lastNegative = ntimestep;
                // FIRE 2.0 "initial delay": no time-step decrease during the first N_delay steps.
                if (ntimestep - start >= DELAYSTEP) {
                    alpha = ALPHA0;
                    if (dt * DT_SHRINK >= dtmin) {
                        dt *= DT_SHRINK;
                    }
                }
                vdotfNegative++;
                if (vdotfNegative > MAX_VDOTF_NEGATIVE) {
                    energyOut[0] = ecurrent;
                    return StopReason.FIRE_STUCK;
                }
                // Inertia correction (FIRE 2.0): half a step back, then restart from rest.
                boolean moved = false;
                for (int k = 0; k < n; k++) {
                    if (v[k] != 0) {
                        q[k] -= 0.5 * dt * v[k];
                        moved = true;
                    }
                    v[k] = 0;
                }
                if (moved) {
                    ecurrent = sys.evaluate(q, f);
                }
                flagv0 = true;
            }
            // Limit the step so that no coordinate moves more than dmax; when v was reset, estimate
            // the velocities from one kick of the current forces.
            double dtv = dt;
            for (int k = 0; k < n; k++) {
                double vk = flagv0 ? dt * ftm2v / m[k] * f[k] : v[k];
                double a = Math.abs(vk);
                if (dtv * a > set.dmax()) {
                    dtv = set.dmax() / a;
                }
            }
            double dtf = dtv * ftm2v;
            for (int k = 0; k < n; k++) {
                v[k] += dtf / m[k] * f[k];
                if (mix) {
                    v[k] = scale1 * v[k] + scale2 * f[k];
                }
                q[k] += dtv * v[k];
            }
            eprevious = ecurrent;
            ecurrent = sys.evaluate(q, f);
            boolean last = iter == remaining;
            StopReason stop = null;
            if (ntimestep - lastNegative > DELAYSTEP && set.energyConverged(ecurrent, eprevious)) {
                stop = StopReason.ENERGY_TOLERANCE;
            } else if (sys.norm(f, set.norm()) < set.forceTolerance()) {
                stop = StopReason.FORCE_TOLERANCE;
            } else if (sys.evaluations() >= set.maxEvaluations()) {
                stop = StopReason.MAX_EVALUATIONS;
            } else if (last) {
                stop = StopReason.MAX_ITERATIONS;
            }
            hooks.iterationDone(stop != null);
            if (stop != null) {
                energyOut[0] = ecurrent;
                return stop;
            }
        }
        energyOut[0] = ecurrent;
        return StopReason.MAX_ITERATIONS;
    }
}
