package org.dendrite.md.state;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.engine.BuildReference;
import org.dendrite.md.engine.ForceResult;

/**
 * Everything a run needs to continue exactly where it stopped (OpenMM's "Context" half of the
 * System/Context/Integrator split): this object is what a checkpoint holds, no more and no less.
 *
 * <ul>
 *   <li>local atoms: positions, velocities, forces, image flags, ids, types, charges (in
 *       {@link #atoms}; forces are kept because fixes such as Langevin add terms after the force
 *       evaluation that the first half-kick of the next step uses, LAMMPS' post_force);</li>
 *   <li>the box, the step counter and the simulated time;</li>
 *   <li>the energies and virial of the last force evaluation ({@link #lastForces});</li>
 *   <li>the protocol position: stage index, steps done in that stage, time at its start;</li>
 *   <li>the random seed: every random number is a function of (seed, purpose, step, atom id), see
 *       {@link org.dendrite.md.random.CounterRng}, so the seed is the whole RNG state;</li>
 *   <li>stage-scoped variables: thermostat chain positions/velocities, barostat variables and
 *       masses ({@link #vars}), the deformation reference (box at the start of a deformation and the
 *       step its strain counts from), and the ids of the atoms in a stage's region group;</li>
 *   <li>the neighbour-list build reference of the force engine, so that a restarted run rebuilds
 *       the identical list and continues bit for bit.</li>
 * </ul>
 *
 * Stage-scoped parts are cleared when a new stage starts ({@link #beginStage}), as a new LAMMPS
 * fix starts with fresh thermostat variables.
 */
public final class SimulationState {
    /** Local atoms (no ghosts are stored). */
    public final Atoms atoms;
    /** The periodic cell; mutated in place by barostats and deformation. */
    public final Box box;
    /** Global step counter (LAMMPS ntimestep); minimisation iterations count as steps. */
    public long step;
    /** Simulated time, ps. */
    public double timePs;
    /** Index of the current protocol stage. */
    public int stageIndex;
    /** Steps (or minimisation iterations) completed in the current stage. */
    public long stageStep;
    /** Simulated time at the start of the current stage, ps (time = start + stageStep·dt). */
    public double stageStartTimePs;
    /** Whether the current stage has been set up (its variables below belong to it). */
    public boolean stageStarted;
    /** Seed of all random numbers of the run. */
    public long seed;
    /** Energies and virial of the last force evaluation. */
    public final ForceResult lastForces = new ForceResult();
    /** Whether {@link #lastForces} and {@code atoms.f} hold the forces of the current positions. */
    public boolean forcesValid;

    private final Map<String, double[]> vars = new LinkedHashMap<>();
    /** Box at the start of the current deformation stage, or null. */
    public Box deformReferenceBox;
    /** Step from which the deformation's strain is counted. */
    public long deformOriginStep;
    /** Sorted global ids of the atoms in the current stage's region group, or null (no region). */
    public int[] groupIds;
    /** Neighbour-list build reference of the force engine, captured when a checkpoint is taken. */
    public BuildReference neighborReference;

    public SimulationState(Atoms atoms, Box box, long seed) {
        this.atoms = atoms;
        this.box = box;
        this.seed = seed;
    }

    /** Clears the stage-scoped variables and positions the protocol at the start of stage {@code index}. */
    public void beginStage(int index) {
        stageIndex = index;
        stageStep = 0;
        stageStartTimePs = timePs;
        stageStarted = true;
        vars.clear();
        deformReferenceBox = null;
        deformOriginStep = 0;
        groupIds = null;
    }

    /**
     * The named stage variable of length {@code n}: the stored array if the stage is being resumed,
     * or a new zero-filled array registered under that name.
     */
    public double[] var(String name, int n) {
        double[] a = vars.get(name);
        if (a == null) {
            a = new double[n];
            vars.put(name, a);
        } else if (a.length != n) {
            throw new IllegalStateException("stage variable '" + name + "' holds " + a.length
                    + " values, the stage expects " + n + " (restart written by a different stage setup?)");
        }
        return a;
    }

    /** Whether a stage variable exists (i.e. the stage is being resumed rather than started). */
    public boolean hasVar(String name) {
        return vars.containsKey(name);
    }

    /** Read-only view of the stage variables, in insertion order. */
    public Map<String, double[]> vars() {
        return Collections.unmodifiableMap(vars);
    }

    /** Stores a stage variable (used when reading a restart file). */
    public void putVar(String name, double[] values) {
        vars.put(name, values);
    }

    /** True if every position, velocity and box value is bit-identical to {@code o}'s. */
    public boolean sameTrajectoryPoint(SimulationState o) {
        int n = atoms.nlocal;
        return n == o.atoms.nlocal
                && Arrays.equals(Arrays.copyOf(atoms.x, 3 * n), Arrays.copyOf(o.atoms.x, 3 * n))
                && Arrays.equals(Arrays.copyOf(atoms.v, 3 * n), Arrays.copyOf(o.atoms.v, 3 * n))
                && Arrays.equals(box.matrix(), o.box.matrix())
                && step == o.step;
    }
}
