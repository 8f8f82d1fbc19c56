package org.dendrite.md.integrate;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.neighbor.HaloExchange;
import org.dendrite.md.neighbor.LostAtomException;
import org.dendrite.md.state.AtomGroup;
import org.dendrite.md.state.SimulationState;
import org.dendrite.md.thermo.Thermo;

/**
 * What a stage works on during a run: the state, the force engine, the groups of the current
 * stage (integrated atoms and thermostatted atoms) and per-type masses. Created by the
 * {@link Protocol}; stages read it and never keep references beyond their own run.
 *
 * <p>Decomposed runs: the state holds only this domain's atoms, and every domain runs the same
 * protocol. Whatever a stage needs over the whole system (atom count, largest id, kinetic energy,
 * temperature, group membership) goes through the engine's {@link HaloExchange} here, so every
 * domain takes the same thermostat/barostat decisions. These calls are collective: every domain
 * makes them in the same order. With one domain ({@code PeriodicImages}) the sums are the identity,
 * so single-domain results are bit-identical to the local sums.
 */
public final class MdContext {
    private final SimulationState state;
    private final ForceEngine engine;
    private final HaloExchange halo;
    private final double[] massByType;
    private final int natoms;
    private final int maxAtomId;
    private AtomGroup mobile;
    private AtomGroup thermostatted;
    private double dt;

    public MdContext(SimulationState state, ForceEngine engine) {
        this.state = state;
        this.engine = engine;
        this.halo = engine.halo();
        int nt = state.atoms.species.count();
        this.massByType = new double[nt];
        for (int t = 0; t < nt; t++) {
            massByType[t] = state.atoms.species.mass(t);
        }
        // Global count and largest id (group tables are indexed by id on every domain, and atoms
        // migrate, so each domain's table must cover every id of the system).
        this.natoms = (int) halo.sum(state.atoms.nlocal);
        int max = 0;
        for (int i = 0; i < state.atoms.nlocal; i++) {
            if (state.atoms.id[i] < 0) {
                throw new IllegalArgumentException("atom at index " + i + " has a negative id " + state.atoms.id[i]);
            }
            max = Math.max(max, state.atoms.id[i]);
        }
        this.maxAtomId = (int) halo.max(max);
        this.mobile = AtomGroup.all(natoms);
        this.thermostatted = mobile;
    }

    public SimulationState state() {
        return state;
    }

    public ForceEngine engine() {
        return engine;
    }

    /** The exchange of the engine: global sums for decomposed runs (identity with one domain). */
    public HaloExchange halo() {
        return halo;
    }

    /** Kinetic energy of the group over all domains, eV. */
    public double kineticEnergy(AtomGroup g) {
        return Thermo.kineticEnergy(state.atoms, g, halo);
    }

    /** Temperature of the group over all domains, K. */
    public double temperature(AtomGroup g) {
        return Thermo.temperature(state.atoms, g, halo);
    }

    /** Kinetic tensor of the group over all domains, eV, into out[0..5]. */
    public void kineticTensor(AtomGroup g, double[] out) {
        Thermo.kineticTensor(state.atoms, g, halo, out);
    }

    /**
     * Union over all domains of the ids {@code localIds[0..n)} (each domain lists some of its own
     * atoms), sorted ascending; every domain gets the same array. A per-id table summed over the
     * domains: one collective call of maxAtomId + 1 doubles, used only when a stage selects a group.
     */
    public int[] globalIds(int[] localIds, int n) {
        double[] member = new double[maxAtomId + 1];
        for (int k = 0; k < n; k++) {
            member[localIds[k]] = 1.0;
        }
        halo.sum(member);
        int count = 0;
        for (double m : member) {
            count += m > 0 ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int id = 0; id <= maxAtomId; id++) {
            if (member[id] > 0) {
                out[k++] = id;
            }
        }
        return out;
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

    /** Total number of atoms of the system over all domains (LAMMPS natoms). */
    public int natoms() {
        return natoms;
    }

    /** Largest atom id of the system over all domains (size of group lookup tables minus one). */
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
