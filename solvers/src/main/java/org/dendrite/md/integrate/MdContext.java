package org.dendrite.md.integrate;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.neighbor.LostAtomException;
import org.dendrite.md.state.AtomGroup;
import org.dendrite.md.state.SimulationState;

/**
 * What a stage works on during a run: the state, the force engine, the groups of the current
 * stage (integrated atoms and thermostatted atoms) and per-type masses. Created by the
 * {@link Protocol}; stages read it and never keep references beyond their own run.
 */
public final class MdContext {
    private final SimulationState state;
    private final ForceEngine engine;
    private final double[] massByType;
    private final int natoms;
    private final int maxAtomId;
    private AtomGroup mobile;
    private AtomGroup thermostatted;
    private double dt;

    public MdContext(SimulationState state, ForceEngine engine) {
        this.state = state;
        this.engine = engine;
        int nt = state.atoms.species.count();
        this.massByType = new double[nt];
        for (int t = 0; t < nt; t++) {
            massByType[t] = state.atoms.species.mass(t);
        }
        this.natoms = state.atoms.nlocal;
        int max = 0;
        for (int i = 0; i < natoms; i++) {
            if (state.atoms.id[i] < 0) {
                throw new IllegalArgumentException("atom at index " + i + " has a negative id " + state.atoms.id[i]);
            }
            max = Math.max(max, state.atoms.id[i]);
        }
        this.maxAtomId = max;
        this.mobile = AtomGroup.all(natoms);
        this.thermostatted = mobile;
    }

    public SimulationState state() {
        return state;
    }

    public ForceEngine engine() {
        return engine;
    }

    public Atoms atoms() {
        return state.atoms;
    }

    public Box box() {
        return state.box;
    }

    /** Energies and virial of the last force evaluation. */
    public ForceResult forces() {
        return state.lastForces;
    }

    /** Mass of each type, amu. */
    public double[] massByType() {
        return massByType;
    }

    /** Total number of atoms of the system (LAMMPS natoms). */
    public int natoms() {
        return natoms;
    }

    /** Largest atom id of the system (size of group lookup tables minus one). */
    public int maxAtomId() {
        return maxAtomId;
    }

    /** Atoms integrated by the current stage (all but frozen ones). */
    public AtomGroup mobile() {
        return mobile;
    }

    /** Atoms the current stage's thermostat acts on. */
    public AtomGroup thermostatted() {
        return thermostatted;
    }

    public void setGroups(AtomGroup mobile, AtomGroup thermostatted) {
        this.mobile = mobile;
        this.thermostatted = thermostatted;
    }

    /** Time step of the current stage, ps. */
    public double dt() {
        return dt;
    }

    public void setDt(double dtPs) {
        this.dt = dtPs;
    }

    /**
     * Evaluates forces (and energies and virial when asked) at the current positions, then checks
     * that every force is finite. Failures become a {@link SimulationException} naming the step and atom.
     */
    public void computeForces(boolean energyAndVirial) {
        Atoms a = state.atoms;
        try {
            engine.compute(a, state.box, energyAndVirial, state.lastForces);
        } catch (LostAtomException e) {
            throw new SimulationException(state.step, 0, "lost atom: " + e.getMessage());
        }
        state.forcesValid = true;
        double[] f = a.f;
        for (int i = 0; i < a.nlocal; i++) {
            if (!Double.isFinite(f[3 * i]) || !Double.isFinite(f[3 * i + 1]) || !Double.isFinite(f[3 * i + 2])) {
                throw new SimulationException(state.step, a.id[i], "non-finite force (" + f[3 * i] + ", "
                        + f[3 * i + 1] + ", " + f[3 * i + 2] + ") eV/Å");
            }
        }
        if (energyAndVirial && !Double.isFinite(state.lastForces.potentialEnergy())) {
            throw new SimulationException(state.step, 0, "non-finite potential energy "
                    + state.lastForces.potentialEnergy() + " eV");
        }
    }

    /** Zeroes forces and velocities of atoms outside the mobile group (LAMMPS setforce 0 0 0). */
    public void zeroFrozen() {
        boolean[] m = mobile.mask();
        if (m == null) {
            return;
        }
        Atoms a = state.atoms;
        int[] id = a.id;
        for (int i = 0; i < a.nlocal; i++) {
            if (!m[id[i]]) {
                a.f[3 * i] = 0;
                a.f[3 * i + 1] = 0;
                a.f[3 * i + 2] = 0;
                a.v[3 * i] = 0;
                a.v[3 * i + 1] = 0;
                a.v[3 * i + 2] = 0;
            }
        }
    }
}
