package org.dendrite.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.InvariantArithmetic;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.partition.comm.InProcessTransport;
import org.dendrite.partition.comm.Transport;

/**
 * A system split over the bricks of a {@link BrickGrid}, one rank per brick, each rank a thread of
 * this JVM with its own atoms, box copy, {@link DomainHalo} and single-threaded {@link ForceEngine}
 * (in-process transport). Atoms are assigned to ranks by their wrapped fractional position.
 * {@link #run} executes a task on every rank at once (the task of each rank may call collective
 * halo operations; all ranks must make the same calls); the gather methods collect per-atom arrays
 * in the order of the atoms given to the constructor, by atom id.
 */
public final class DecomposedSystem implements AutoCloseable {

    /** The state of one rank. Touch it only from that rank's task, or between {@link #run} calls. */
    public static final class Rank {
        public final int rank;
        public final Atoms atoms;
        public final Box box;
        public final DomainHalo halo;
        public final ForceEngine engine;
        public final ForceResult result = new ForceResult();
        final Transport transport;

        Rank(int rank, Atoms atoms, Box box, DomainHalo halo, ForceEngine engine, Transport transport) {
            this.rank = rank;
            this.atoms = atoms;
            this.box = box;
            this.halo = halo;
            this.engine = engine;
            this.transport = transport;
        }
    }

    /** Work done by each rank in {@link #run}. */
    @FunctionalInterface
    public interface RankTask {
        void run(Rank rank) throws Exception;
    }

    private final Rank[] ranks;
    private final ExecutorService pool;
    private final int natoms;
    private final int[] slotOfId;
    private final boolean ownsTransports;
    private final boolean allLocal;

    public DecomposedSystem(Structure s, ForceField ff, BrickGrid grid, double skin, Duration timeout) {
        this(s.atoms(), s.box(), ff, grid, skin, timeout);
    }

    /**
     * @param global the owned atoms of the whole system (not modified)
     * @param timeout bound on every wait for another rank
     */
    public DecomposedSystem(Atoms global, Box box, ForceField ff, BrickGrid grid, double skin, Duration timeout) {
        this(global, box, ff, grid, skin, InProcessTransport.group(grid.domains(), timeout), true);
    }

    /**
     * A system over the given transports, one per brick (index = rank). A {@code null} entry is a
     * rank hosted by another process (another Hazelcast member's JVM): it is not built here,
     * {@link #run} skips it, and the gather methods fill only the atoms of the local ranks. The
     * transports stay the caller's: {@link #close} does not close them.
     */
    public DecomposedSystem(Atoms global, Box box, ForceField ff, BrickGrid grid, double skin, Transport[] transports) {
        this(global, box, ff, grid, skin, transports, false, 1);
    }

    /**
     * As {@link #DecomposedSystem(Atoms, Box, ForceField, BrickGrid, double, Transport[])} with
     * {@code engineThreads} force-loop threads per rank (a run's threads divided over its ranks).
     */
    public DecomposedSystem(Atoms global, Box box, ForceField ff, BrickGrid grid, double skin, Transport[] transports,
            int engineThreads) {
        this(global, box, ff, grid, skin, transports, false, engineThreads);
    }

    private DecomposedSystem(Atoms global, Box box, ForceField ff, BrickGrid grid, double skin,
            Transport[] transports, boolean ownsTransports) {
        this(global, box, ff, grid, skin, transports, ownsTransports, 1);
    }

    private DecomposedSystem(Atoms global, Box box, ForceField ff, BrickGrid grid, double skin,
            Transport[] transports, boolean ownsTransports, int engineThreads) {
        if (transports.length != grid.domains()) {
            throw new IllegalArgumentException(transports.length + " transports for a grid of " + grid.domains()
                    + " bricks");
        }
        this.ownsTransports = ownsTransports;
        int n = global.nlocal;
        this.natoms = n;
        int maxId = 0;
        for (int i = 0; i < n; i++) {
            if (global.id[i] < 1) {
                throw new IllegalArgumentException("atom ids must be >= 1 to be gathered by id; atom " + i
                        + " has id " + global.id[i]);
            }
            maxId = Math.max(maxId, global.id[i]);
        }
        slotOfId = new int[maxId + 1];
        java.util.Arrays.fill(slotOfId, -1);
        for (int i = 0; i < n; i++) {
            if (slotOfId[global.id[i]] >= 0) {
                throw new IllegalArgumentException("duplicate atom id " + global.id[i]);
            }
            slotOfId[global.id[i]] = i;
        }

        Atoms wrapped = global.copyLocal();
        // On the engines' lattice before wrapping, as one domain does, so wraps and images are exact
        // and every rank starts from the bits the one-domain run starts from (InvariantArithmetic).
        box = box.copy();
        InvariantArithmetic.snap(wrapped.x, n, box, ff.maxCutoff() + skin);
        int[] domainOf = new int[n];
        int[] count = new int[grid.domains()];
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            box.wrap(wrapped.x, 3 * i, wrapped.image);
            box.toFractional(wrapped.x[3 * i], wrapped.x[3 * i + 1], wrapped.x[3 * i + 2], s, 0);
            domainOf[i] = grid.domainOf(s[0], s[1], s[2]);
            count[domainOf[i]]++;
        }
        ranks = new Rank[grid.domains()];
        int local = 0;
        for (int r = 0; r < ranks.length; r++) {
            if (transports[r] == null) {
                continue;
            }
            local++;
            Atoms a = new Atoms(global.species, count[r]);
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (domainOf[i] != r) {
                    continue;
                }
                System.arraycopy(wrapped.x, 3 * i, a.x, 3 * m, 3);
                System.arraycopy(wrapped.v, 3 * i, a.v, 3 * m, 3);
                // Forces travel too: a run resumed from a checkpoint uses the stored forces (with
                // post-force terms such as Langevin's) for its first half-kick.
                System.arraycopy(wrapped.f, 3 * i, a.f, 3 * m, 3);
                System.arraycopy(wrapped.image, 3 * i, a.image, 3 * m, 3);
                a.type[m] = wrapped.type[i];
                a.id[m] = wrapped.id[i];
                a.q[m] = wrapped.q[i];
                m++;
            }
            DomainHalo halo = new DomainHalo(transports[r], grid);
            ForceEngine engine = new ForceEngine(ff, halo, skin, Math.max(1, engineThreads));
            ranks[r] = new Rank(r, a, box.copy(), halo, engine, transports[r]);
        }
        if (local == 0) {
            throw new IllegalArgumentException("no rank of the grid is hosted here (every transport is null)");
        }
        allLocal = local == ranks.length;
        pool = Executors.newFixedThreadPool(local, runnable -> {
            Thread t = new Thread(runnable, "domain-rank");
            t.setDaemon(true);
            return t;
        });
    }

    public int ranks() {
        return ranks.length;
    }

    /** Rank {@code r}, or null when it is hosted by another process. */
    public Rank rank(int r) {
        return ranks[r];
    }

    /** The lowest rank hosted here (its result holds the global energies and virial). */
    public Rank firstLocal() {
        for (Rank r : ranks) {
            if (r != null) {
                return r;
            }
        }
        throw new IllegalStateException("no local rank");
    }

    public int atomCount() {
        return natoms;
    }

    /**
     * Runs {@code task} on every rank concurrently and waits for all. If a rank fails, the others
     * are told (they stop at their next wait) and the first failure is thrown: the rank's own
     * exception when it is a RuntimeException, otherwise one naming the rank.
     */
    public void run(RankTask task) {
        AtomicReference<RuntimeException> first = new AtomicReference<>();
        List<Future<?>> futures = new ArrayList<>();
        for (Rank r : ranks) {
            if (r == null) {
                continue;
            }
            futures.add(pool.submit(() -> {
                try {
                    task.run(r);
                } catch (Throwable e) {
                    // A run-time failure (a blow-up naming step and atom id, a lost atom, bad input) is
                    // passed on as it is, so the command line reports it as on one domain; anything
                    // else is wrapped with its rank.
                    first.compareAndSet(null, e instanceof RuntimeException re ? re
                            : new IllegalStateException("domain rank " + r.rank + " failed: " + e.getMessage(), e));
                    r.transport.abort(e);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the domain ranks", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("domain task failed", e.getCause());
            }
        }
        if (first.get() != null) {
            throw first.get();
        }
    }

    /** Computes forces on every rank; returns the (global) energies and virial of the first local rank. */
    public ForceResult compute(boolean energyAndVirial) {
        run(r -> r.engine.compute(r.atoms, r.box, energyAndVirial, r.result));
        return firstLocal().result;
    }

    /** Forces (3 per atom) in the order of the constructor's atoms. */
    public void gatherForces(double[] out) {
        gather(out, 0);
    }

    /** Velocities (3 per atom) in the order of the constructor's atoms. */
    public void gatherVelocities(double[] out) {
        gather(out, 1);
    }

    /** Unwrapped positions x + H·image (3 per atom) in the order of the constructor's atoms. */
    public void gatherUnwrappedPositions(double[] out) {
        gather(out, 2);
    }

    private void gather(double[] out, int what) {
        if (out.length < 3 * natoms) {
            throw new IllegalArgumentException("output holds " + out.length / 3 + " atoms, the system has " + natoms);
        }
        int seen = 0;
        double[] d = new double[3];
        for (Rank r : ranks) {
            if (r == null) {
                continue;
            }
            Atoms a = r.atoms;
            for (int i = 0; i < a.nlocal; i++) {
                int id = a.id[i];
                int slot = id < slotOfId.length ? slotOfId[id] : -1;
                if (slot < 0) {
                    throw new IllegalStateException("rank " + r.rank + " owns unknown atom id " + id);
                }
                double[] src = what == 0 ? a.f : a.v;
                if (what == 2) {
                    r.box.imageShift(a.image[3 * i], a.image[3 * i + 1], a.image[3 * i + 2], d, 0);
                    for (int c = 0; c < 3; c++) {
                        out[3 * slot + c] = a.x[3 * i + c] + d[c];
                    }
                } else {
                    System.arraycopy(src, 3 * i, out, 3 * slot, 3);
                }
                seen++;
            }
        }
        if (allLocal && seen != natoms) {
            throw new IllegalStateException("ranks own " + seen + " atoms, the system has " + natoms);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        for (Rank r : ranks) {
            if (r == null) {
                continue;
            }
            r.engine.close();
            if (ownsTransports) {
                r.transport.close();
            }
        }
    }
}
