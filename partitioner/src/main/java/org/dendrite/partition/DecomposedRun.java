package org.dendrite.partition;

import java.util.Arrays;
import java.util.Map;

import org.dendrite.md.Atoms;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.state.SimulationState;
import org.dendrite.partition.comm.MessageBuffer;
import org.dendrite.partition.comm.Phase;
import org.dendrite.partition.comm.Transport;

/**
 * A whole {@link SimulationState} (fresh, or read from a restart file) run on the ranks of a
 * {@link DecomposedSystem}: every rank gets its own state holding its atoms and a copy of the
 * global scalar state (step, protocol position, thermostat and barostat variables, deformation
 * reference, region group ids — all of which are identical on every rank because stages compute
 * them from global sums), so each rank can run the same {@code Protocol}.
 *
 * <p>{@link #gather} is the way back: a collective call that sends every rank's owned atoms to
 * rank 0, which assembles a global state with the atoms in ascending id order. Trajectory frames
 * and restart files are written from it, so they do not depend on the decomposition and a restart
 * of a decomposed run can be continued on any other decomposition, or on one domain.
 *
 * <p>The neighbour-list build reference is not carried either way: a rank's list and ghosts
 * depend on its brick, so a resumed decomposed run (and a one-domain run resumed from a gathered
 * state) rebuilds its list at the first step. Forces are recomputed identically up to the order of
 * summation, so a continuation agrees with the straight run to rounding, not bit for bit.
 */
public final class DecomposedRun implements AutoCloseable {
    private final DecomposedSystem system;
    private final SimulationState[] states;
    private final MessageBuffer[] buffers;
    private final int[] startCounts;

    /**
     * @param global        the state to split (not modified; its atoms' ids must be unique and >= 1)
     * @param engineThreads force-loop threads of each rank's engine
     * @param transports    one per brick (index = rank); {@code null} = a rank hosted elsewhere.
     *                      The process that hosts rank 0 receives the gathered states.
     */
    public DecomposedRun(SimulationState global, ForceField ff, BrickGrid grid, double skin, int engineThreads,
                         Transport[] transports) {
        system = new DecomposedSystem(global.atoms, global.box, ff, grid, skin, transports, engineThreads);
        int n = system.ranks();
        states = new SimulationState[n];
        buffers = new MessageBuffer[n];
        startCounts = new int[n];
        for (int r = 0; r < n; r++) {
            DecomposedSystem.Rank rank = system.rank(r);
            if (rank == null) {
                continue;
            }
            SimulationState s = new SimulationState(rank.atoms, rank.box, global.seed);
            copyScalars(global, s);
            states[r] = s;
            buffers[r] = new MessageBuffer();
            startCounts[r] = rank.atoms.nlocal;
        }
    }

    public int ranks() {
        return system.ranks();
    }

    public DecomposedSystem system() {
        return system;
    }

    /** The state of rank {@code r} (null when hosted elsewhere). */
    public SimulationState state(int r) {
        return states[r];
    }

    public ForceEngine engine(int r) {
        return system.rank(r).engine;
    }

    public DomainHalo halo(int r) {
        return system.rank(r).halo;
    }

    /** Owned atoms of every local rank when the run was split (−1 for ranks hosted elsewhere). */
    public int[] startCounts() {
        int[] c = startCounts.clone();
        for (int r = 0; r < c.length; r++) {
            if (states[r] == null) {
                c[r] = -1;
            }
        }
        return c;
    }

    /** Owned atoms of every local rank now (−1 for ranks hosted elsewhere); call between runs. */
    public int[] currentCounts() {
        int[] c = new int[states.length];
        for (int r = 0; r < c.length; r++) {
            c[r] = states[r] == null ? -1 : states[r].atoms.nlocal;
        }
        return c;
    }

    /** Runs {@code task} on every local rank at once (see {@link DecomposedSystem#run}). */
    public void run(DecomposedSystem.RankTask task) {
        system.run(task);
    }

    /**
     * Collective: every rank calls it at the same step with its own state. Rank 0 returns the
     * global state, atoms in ascending id order (positions as each rank holds them, image flags,
     * velocities, forces, types, charges) and the scalar state of rank 0; the other ranks return
     * null. One message per rank to rank 0, bounded by the transport's timeout.
     */
    public SimulationState gather(int rank, SimulationState local) {
        Transport t = system.rank(rank).transport;
        Atoms a = local.atoms;
        int tag = (int) local.step;
        if (rank != 0) {
            MessageBuffer m = buffers[rank];
            m.clear();
            m.reserve(5 * a.nlocal, 10 * a.nlocal);
            pack(a, m);
            t.send(0, Phase.GATHER, tag, m);
            return null;
        }
        int size = system.ranks();
        MessageBuffer[] parts = new MessageBuffer[size];
        int total = a.nlocal;
        int maxId = 0;
        for (int i = 0; i < a.nlocal; i++) {
            maxId = Math.max(maxId, a.id[i]);
        }
        for (int r = 1; r < size; r++) {
            parts[r] = new MessageBuffer();
            t.receive(r, Phase.GATHER, tag, parts[r]);
            int count = parts[r].nInts / 5;
            total += count;
            for (int k = 0; k < count; k++) {
                maxId = Math.max(maxId, parts[r].ints[5 * k]);
            }
        }
        parts[0] = buffers[0];
        parts[0].clear();
        parts[0].reserve(5 * a.nlocal, 10 * a.nlocal);
        pack(a, parts[0]);
        // Slot of each id in the output: ids ascending (counting sort over the id range).
        int[] slotOfId = new int[maxId + 1];
        Arrays.fill(slotOfId, -1);
        for (MessageBuffer p : parts) {
            for (int k = 0; k < p.nInts / 5; k++) {
                int id = p.ints[5 * k];
                if (slotOfId[id] >= 0) {
                    throw new IllegalStateException("atom id " + id + " is owned by two ranks at step " + local.step);
                }
                slotOfId[id] = 0;
            }
        }
        int next = 0;
        for (int id = 0; id <= maxId; id++) {
            if (slotOfId[id] >= 0) {
                slotOfId[id] = next++;
            }
        }
        Atoms g = new Atoms(a.species, total);
        for (MessageBuffer p : parts) {
            for (int k = 0; k < p.nInts / 5; k++) {
                int s = slotOfId[p.ints[5 * k]];
                g.id[s] = p.ints[5 * k];
                g.type[s] = p.ints[5 * k + 1];
                System.arraycopy(p.ints, 5 * k + 2, g.image, 3 * s, 3);
                System.arraycopy(p.doubles, 10 * k, g.x, 3 * s, 3);
                System.arraycopy(p.doubles, 10 * k + 3, g.v, 3 * s, 3);
                System.arraycopy(p.doubles, 10 * k + 6, g.f, 3 * s, 3);
                g.q[s] = p.doubles[10 * k + 9];
            }
        }
        SimulationState out = new SimulationState(g, local.box.copy(), local.seed);
        copyScalars(local, out);
        return out;
    }

    private static void pack(Atoms a, MessageBuffer m) {
        for (int i = 0; i < a.nlocal; i++) {
            m.ints[m.nInts++] = a.id[i];
            m.ints[m.nInts++] = a.type[i];
            m.ints[m.nInts++] = a.image[3 * i];
            m.ints[m.nInts++] = a.image[3 * i + 1];
            m.ints[m.nInts++] = a.image[3 * i + 2];
            for (int c = 0; c < 3; c++) {
                m.doubles[m.nDoubles++] = a.x[3 * i + c];
            }
            for (int c = 0; c < 3; c++) {
                m.doubles[m.nDoubles++] = a.v[3 * i + c];
            }
            for (int c = 0; c < 3; c++) {
                m.doubles[m.nDoubles++] = a.f[3 * i + c];
            }
            m.doubles[m.nDoubles++] = a.q[i];
        }
    }

    /** Everything of a state but its atoms, box and neighbour-list reference (see the class comment). */
    static void copyScalars(SimulationState from, SimulationState to) {
        to.box.copyFrom(from.box);
        to.step = from.step;
        to.timePs = from.timePs;
        to.stageIndex = from.stageIndex;
        to.stageStep = from.stageStep;
        to.stageStartTimePs = from.stageStartTimePs;
        to.stageStarted = from.stageStarted;
        to.seed = from.seed;
        to.lastForces.copyFrom(from.lastForces);
        to.forcesValid = from.forcesValid;
        for (Map.Entry<String, double[]> e : from.vars().entrySet()) {
            to.putVar(e.getKey(), e.getValue().clone());
        }
        to.deformReferenceBox = from.deformReferenceBox == null ? null : from.deformReferenceBox.copy();
        to.deformOriginStep = from.deformOriginStep;
        to.groupIds = from.groupIds == null ? null : from.groupIds.clone();
        to.neighborReference = null;
    }

    @Override
    public void close() {
        system.close();
    }
}
