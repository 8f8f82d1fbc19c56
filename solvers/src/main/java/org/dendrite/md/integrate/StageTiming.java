package org.dendrite.md.integrate;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Units;

/**
 * Length and time step of a dynamics stage: {@code steps} or {@code duration_ps} (exactly one),
 * and {@code timestep_fs} (default 1.0 fs).
 */
public record StageTiming(long steps, double dtPs) {
    public static StageTiming parse(Params p) {
        double dtFs = p.getPositive("timestep_fs", 1.0);
        double dt = dtFs * Units.FEMTOSECOND_PS;
        boolean hasSteps = p.has("steps");
        boolean hasDuration = p.has("duration_ps");
        if (hasSteps && hasDuration) {
            throw new ParamException(p.pathOf("duration_ps"), "give either steps or duration_ps, not both");
        }
        long steps;
        if (hasSteps) {
            steps = p.requireLong("steps");
            if (steps < 0) {
                throw new ParamException(p.pathOf("steps"), "must be >= 0, got " + steps);
            }
        } else if (hasDuration) {
            double duration = p.requireDouble("duration_ps");
            if (duration < 0) {
                throw new ParamException(p.pathOf("duration_ps"), "must be >= 0, got " + duration);
            }
            double n = duration / dt;
            steps = Math.round(n);
            if (Math.abs(n - steps) > 1e-6 * Math.max(1.0, n)) {
                throw new ParamException(p.pathOf("duration_ps"), "is not a whole number of time steps: "
                        + duration + " ps / " + dtFs + " fs = " + n);
            }
        } else {
            throw new ParamException(p.path(), "steps or duration_ps is required");
        }
        return new StageTiming(steps, dt);
    }
}
