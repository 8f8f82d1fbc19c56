package org.dendrite.md.integrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.state.AtomGroup;
import org.dendrite.md.state.SimulationState;

/**
 * Runs a list of stages on a {@link SimulationState} with a {@link ForceEngine}, from wherever the
 * state stands (stage index and step within it), so that a run read from a restart file continues
 * exactly like an uninterrupted one. Each dynamics step follows LAMMPS' Verlet: step counter +1,
 * initial integrate, force evaluation (energies and virial only when needed: observers due,
 * barostat, energy check), post-force, final integrate, end of step, observers.
 *
 * <p>Blow-ups stop the run with a one-line {@link SimulationException}: non-finite positions or
 * forces, an atom moving more than half the neighbour skin in one step (the list could miss
 * pairs), an atom leaving the box through a non-periodic boundary ("lost atom"), and a potential
 * energy jump above {@link Options#energyJumpEvPerAtom} between two checks.
 */
public final class Protocol {
    /** Blow-up detection settings. */
    public static final class Options {
        /** Steps between potential-energy checks (0: only where energies are computed anyway). */
        public long energyCheckEvery = 100;
        /** Largest accepted |ΔPE| between two checks, eV per atom. */
        public double energyJumpEvPerAtom = 1.0;
        /** Whether to stop when an atom moves more than half the skin in one step. */
        public boolean checkDisplacement = true;
    }

    private final List<Stage> stages;
    private final ForceEngine engine;
    private final Options options;
    private final List<StepObserver> observers = new ArrayList<>();
    private SimulationState state;
    private double lastCheckedPe;
    private long lastCheckedStep = -1;

    public Protocol(List<Stage> stages, ForceEngine engine) {
        this(stages, engine, new Options());
    }

    public Protocol(List<Stage> stages, ForceEngine engine, Options options) {
        this.stages = List.copyOf(stages);
        this.engine = engine;
        this.options = options;
    }

    public List<Stage> stages() {
        return stages;
    }

    public void addObserver(StepObserver observer) {
        observers.add(observer);
    }

    /** Total number of steps of all stages (minimisations count their iteration limit). */
    public long totalSteps() {
        long n = 0;
        for (Stage s : stages) {
            n += s.steps();
        }
        return n;
    }

    /**
     * Runs the remaining stages. A state read from a restart file resumes its stage mid-way; a
     * fresh state (stage index 0, not started) starts from the beginning.
     */
    public void run(SimulationState s) throws IOException {
        this.state = s;
        MdContext ctx = new MdContext(s, engine);
        StepInfo info = new StepInfo(this, ctx);
        if (s.neighborReference != null) {
            engine.importBuildReference(s.neighborReference);
            s.neighborReference = null;
        } else {
            engine.requestRebuild();
        }
        for (int k = s.stageIndex; k < stages.size(); k++) {
            Stage stage = stages.get(k);
            boolean resume = s.stageStarted && s.stageIndex == k;
            if (!resume) {
                s.beginStage(k);
            }
            if (stage instanceof DynamicsStage d) {
                runDynamics(ctx, info, d, resume);
            } else if (stage instanceof IterativeStage it) {
                runIterative(ctx, info, it, resume);
            } else if (stage instanceof InstantStage inst) {
                ctx.setGroups(AtomGroup.all(ctx.natoms()), AtomGroup.all(ctx.natoms()));
                if (!resume) {
                    inst.apply(ctx);
                }
                if (!s.forcesValid || !s.lastForces.hasEnergyAndVirial) {
                    ctx.computeForces(true);
                }
                info.set(stage, true, resume);
                for (StepObserver o : observers) {
                    o.stageStarted(info);
                }
                for (StepObserver o : observers) {
                    o.stageFinished(info);
                }
            } else {
                throw new IllegalArgumentException("stage '" + stage.label() + "' has an unknown kind "
                        + stage.getClass().getName());
            }
            s.stageIndex = k + 1;
            s.stageStep = 0;
            s.stageStarted = false;
        }
    }

    private void runDynamics(MdContext ctx, StepInfo info, DynamicsStage d, boolean resume) throws IOException {
        SimulationState s = ctx.state();
        ctx.setDt(d.dtPs());
        d.selectGroups(ctx, resume);
        if (resume) {
            if (!s.forcesValid) {
                throw new IllegalStateException("resumed stage '" + d.label() + "' lacks the forces of its checkpoint");
            }
            d.setup(ctx, true);
        } else {
            ctx.computeForces(true);
            d.setup(ctx, false);
            d.postForce(ctx);
            ctx.zeroFrozen();
        }
        resetEnergyCheck(ctx);
        long n = d.steps();
        info.set(d, s.stageStep >= n, resume);
        for (StepObserver o : observers) {
            o.stageStarted(info);
        }
        boolean virialEveryStep = d.needsVirialEveryStep();
        while (s.stageStep < n) {
            s.step++;
            s.stageStep++;
            d.initialIntegrate(ctx);
            checkMotion(ctx);
            boolean last = s.stageStep == n;
            boolean due = last || observerDue(s.step);
            boolean check = options.energyCheckEvery > 0 && s.step % options.energyCheckEvery == 0;
            ctx.computeForces(due || check || virialEveryStep);
            if (due || check) {
                checkEnergyJump(ctx);
            }
            d.postForce(ctx);
            ctx.zeroFrozen();
            d.finalIntegrate(ctx);
            d.endOfStep(ctx);
            s.timePs = s.stageStartTimePs + s.stageStep * ctx.dt();
            if (due) {
                info.set(d, last, resume);
                for (StepObserver o : observers) {
                    if (last || (o.interval() > 0 && s.step % o.interval() == 0)) {
                        o.observe(info);
                    }
                }
            }
        }
        info.set(d, true, resume);
        for (StepObserver o : observers) {
            o.stageFinished(info);
        }
    }

    private void runIterative(MdContext ctx, StepInfo info, IterativeStage it, boolean resume) throws IOException {
        SimulationState s = ctx.state();
        ctx.setDt(0);
        ctx.setGroups(AtomGroup.all(ctx.natoms()), AtomGroup.all(ctx.natoms()));
        if (!s.forcesValid || !s.lastForces.hasEnergyAndVirial) {
            ctx.computeForces(true);
        }
        info.set(it, false, resume);
        for (StepObserver o : observers) {
            o.stageStarted(info);
        }
        it.run(ctx, last -> {
            s.step++;
            s.stageStep++;
            if (last || observerDue(s.step)) {
                info.set(it, last, resume);
                for (StepObserver o : observers) {
                    if (last || (o.interval() > 0 && s.step % o.interval() == 0)) {
                        o.observe(info);
                    }
                }
            }
        });
        info.set(it, true, resume);
        for (StepObserver o : observers) {
            o.stageFinished(info);
        }
    }

    private boolean observerDue(long step) {
        for (StepObserver o : observers) {
            long every = o.interval();
            if (every > 0 && step % every == 0) {
                return true;
            }
        }
        return false;
    }

    /** Stores the engine's neighbour-list build reference in the state (for a checkpoint). */
    void captureNeighborReference() {
        state.neighborReference = engine.exportBuildReference(state.atoms);
    }

    private void resetEnergyCheck(MdContext ctx) {
        if (ctx.forces().hasEnergyAndVirial) {
            lastCheckedPe = ctx.forces().potentialEnergy();
            lastCheckedStep = ctx.state().step;
        } else {
            lastCheckedStep = -1;
        }
    }

    private void checkEnergyJump(MdContext ctx) {
        double pe = ctx.forces().potentialEnergy();
        long step = ctx.state().step;
        if (lastCheckedStep >= 0 && options.energyJumpEvPerAtom > 0) {
            double perAtom = Math.abs(pe - lastCheckedPe) / ctx.natoms();
            if (perAtom > options.energyJumpEvPerAtom) {
                throw new SimulationException(step, 0, String.format(
                        "potential energy jumped from %.6g eV to %.6g eV (%.3g eV/atom) since step %d, above the"
                                + " limit of %.3g eV/atom", lastCheckedPe, pe, perAtom, lastCheckedStep,
                        options.energyJumpEvPerAtom));
            }
        }
        lastCheckedPe = pe;
        lastCheckedStep = step;
    }

    /**
     * After the drift: positions must be finite, inside non-periodic boundaries, and no atom may
     * have moved more than half the neighbour skin in this step (its displacement is dt·|v| with
     * the half-step velocity used by the drift).
     */
    private void checkMotion(MdContext ctx) {
        Atoms a = ctx.atoms();
        Box box = ctx.box();
        double[] x = a.x, v = a.v;
        double skin = engine.skin();
        boolean checkMove = options.checkDisplacement && skin > 0;
        double half = 0.5 * skin;
        double vmax2 = checkMove ? (half / ctx.dt()) * (half / ctx.dt()) : Double.POSITIVE_INFINITY;
        boolean bounded = !box.periodic(0) || !box.periodic(1) || !box.periodic(2);
        for (int i = 0; i < a.nlocal; i++) {
            double px = x[3 * i], py = x[3 * i + 1], pz = x[3 * i + 2];
            if (!Double.isFinite(px) || !Double.isFinite(py) || !Double.isFinite(pz)) {
                throw new SimulationException(ctx.state().step, a.id[i], "non-finite position (" + px + ", " + py
                        + ", " + pz + ") Å");
            }
            double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            double v2 = vx * vx + vy * vy + vz * vz;
            if (v2 > vmax2) {
                throw new SimulationException(ctx.state().step, a.id[i], String.format(
                        "moved %.3g Å in one step, more than half the neighbour skin (%.3g Å); the time step is too"
                                + " large or the system is blowing up", Math.sqrt(v2) * ctx.dt(), half));
            }
            if (bounded) {
                checkInside(ctx, box, i, px, py, pz);
            }
        }
    }

    private void checkInside(MdContext ctx, Box box, int i, double px, double py, double pz) {
        int k = box.nonPeriodicAxisOutside(px, py, pz);
        if (k >= 0) {
            throw new SimulationException(ctx.state().step, ctx.atoms().id[i], "lost atom: it left the box"
                    + " through the non-periodic " + "xyz".charAt(k) + " boundary at (" + px + ", " + py + ", "
                    + pz + ") Å");
        }
    }
}
