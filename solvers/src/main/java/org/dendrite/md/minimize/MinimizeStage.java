package org.dendrite.md.minimize;

import java.io.IOException;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Units;
import org.dendrite.md.integrate.IterativeStage;
import org.dendrite.md.integrate.MdContext;

/**
 * Energy minimisation, LAMMPS {@code minimize etol ftol maxiter maxeval} with {@code min_style
 * fire} ({@link Fire}) or {@code cg} ({@link ConjugateGradient}), optionally relaxing the cell to
 * a target pressure as {@code fix box/relax iso|aniso P} (see {@link MinSystem}; unlike LAMMPS,
 * FIRE supports it too). Each iteration is one step.
 *
 * <p>Keys: algorithm (fire|cg, default fire), force_tolerance_eV_per_A (1e-4), energy_tolerance
 * (relative, 0 = off), max_steps (10000), max_evaluations (10 × max_steps), force_norm
 * (max|two|inf, default max: largest per-atom force; LAMMPS' default is two), dmax_A (0.1),
 * timestep_fs (FIRE's initial step, 1.0), box_relax: {pressure_bar: 0, couple: iso|aniso}.
 *
 * <p>A restart inside a minimisation restarts the algorithm from the checkpointed configuration
 * (its internal velocities/directions are not checkpointed); the iterations already done count
 * against max_steps.
 */
public final class MinimizeStage implements IterativeStage {
    private final String label;
    private final boolean fire;
    private final MinSettings settings;
    private final int cellMode;
    private final double pressureBar;
    private StopReason stop;
    private double finalEnergy;
    private long iterations;

    public MinimizeStage(Params p) {
        this.label = p.getString("name", "minimize");
        this.fire = p.getChoice("algorithm", "fire", "fire", "cg").equals("fire");
        double ftol = p.getNonNegative("force_tolerance_eV_per_A", 1e-4);
        double etol = p.getNonNegative("energy_tolerance", 0.0);
        long maxSteps = p.getLong("max_steps", 10000);
        if (maxSteps < 1) {
            throw new ParamException(p.pathOf("max_steps"), "must be >= 1, got " + maxSteps);
        }
        long maxEval = p.getLong("max_evaluations", 10 * maxSteps);
        if (maxEval < 1) {
            throw new ParamException(p.pathOf("max_evaluations"), "must be >= 1, got " + maxEval);
        }
        ForceNorm norm = ForceNorm.valueOf(p.getChoice("force_norm", "max", "max", "two", "inf").toUpperCase());
        double dmax = p.getPositive("dmax_A", 0.1);
        double dtFs = p.getPositive("timestep_fs", 1.0);
        if (ftol == 0 && etol == 0) {
            throw new ParamException(p.pathOf("force_tolerance_eV_per_A"),
                    "and energy_tolerance are both 0; the minimisation would only stop at max_steps");
        }
        this.settings = new MinSettings(etol, ftol, maxSteps, maxEval, norm, dmax, dtFs * Units.FEMTOSECOND_PS);
        if (p.has("box_relax")) {
            Params b = p.child("box_relax");
            this.pressureBar = b.getDouble("pressure_bar", 0.0);
            this.cellMode = b.getChoice("couple", "iso", "iso", "aniso").equals("iso") ? MinSystem.ISO : MinSystem.ANISO;
            b.finish();
        } else {
            this.pressureBar = 0;
            this.cellMode = MinSystem.NONE;
        }
        p.finish();
    }

    @Override
    public String type() {
        return "minimize";
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public long steps() {
        return settings.maxIterations();
    }

    @Override
    public void run(MdContext ctx, Hooks hooks) throws IOException {
        // CG and FIRE keep their direction/velocity vectors per local atom index between force
        // evaluations, and a decomposed evaluation migrates atoms (reorders and moves them between
        // domains), which would scramble those vectors. Until they travel with the atoms, refuse
        // clearly on more than one domain (a collective count: sum of 1 per domain).
        double domains = ctx.halo().sum(1.0);
        if (domains > 1) {
            throw new IllegalStateException("stage '" + label() + "': minimisation runs on one domain only (this run"
                    + " has " + (int) domains + "); minimise before decomposing or use partition.domains=1x1x1");
        }
        MinSystem sys = new MinSystem(ctx, cellMode, pressureBar);
        long done = ctx.state().stageStep;
        long before = ctx.state().step;
        double[] e = new double[1];
        stop = fire ? Fire.run(sys, settings, done, hooks, e) : ConjugateGradient.run(sys, settings, done, hooks, e);
        finalEnergy = e[0];
        iterations = ctx.state().step - before;
        if (cellMode != MinSystem.NONE) {
            ctx.engine().requestRebuild();
        }
    }

    /** Why the last run stopped, or null before it ran. */
    public StopReason stopReason() {
        return stop;
    }

    /** Objective (energy, or enthalpy with box relaxation) at the end, eV. */
    public double finalEnergy() {
        return finalEnergy;
    }

    @Override
    public String summary() {
        return String.format("%s (%s): stopped on %s after %d iterations, %s = %.10g eV", label,
                fire ? "fire" : "cg", stop, iterations, cellMode == MinSystem.NONE ? "energy" : "enthalpy", finalEnergy);
    }
}
