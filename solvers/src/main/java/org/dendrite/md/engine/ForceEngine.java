package org.dendrite.md.engine;

import java.util.Arrays;
import java.util.function.IntConsumer;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.ExactSum;
import org.dendrite.md.InvariantArithmetic;
import org.dendrite.md.potential.CoulombKernel;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.GlobalTerm;
import org.dendrite.md.potential.ManyBodyTerm;
import org.dendrite.md.potential.PairEvaluator;
import org.dendrite.md.neighbor.HaloExchange;
import org.dendrite.md.neighbor.NeighborBuilder;
import org.dendrite.md.neighbor.NeighborList;
import org.dendrite.md.neighbor.PeriodicImages;

/**
 * Evaluates a {@link ForceField} on a set of atoms: keeps the ghost layer and the half Verlet list
 * (rebuilt when some atom, owned or ghost, has moved more than half the skin since the last build,
 * as LAMMPS' {@code neigh_modify check yes}), runs the shared pair loop over several threads, then
 * many-body and global terms.
 *
 * <p>Threads: rows of the half list are split into contiguous chunks of equal pair count; each
 * thread accumulates into its own force array (Newton's third law writes to both atoms of a pair)
 * and the arrays are added at the end.
 *
 * <p>Forces, virial and positions do not depend on the decomposition, the thread count or the order
 * of atoms and list rows, to the bit ({@link InvariantArithmetic}): positions and cell sit on a
 * binary lattice so periodic images are exact, each pair force is rounded to a multiple of 2^-40
 * eV/Å so its additions are exact, and the virial is W = Σ_owned x ⊗ F + H·Σ_ghosts n ⊗ f (F the
 * total force on an owned atom, f the partial force on a ghost that is the image n of its owner,
 * H the cell matrix), summed with {@link ExactSum}. This equals Σ r·f over owned and ghost atoms
 * before ghost forces are folded back (LAMMPS virial_fdotr) but, unlike it, is a sum of the same
 * terms whichever domain holds the atoms. Global terms add their explicit virial.
 */
public final class ForceEngine implements AutoCloseable {
    private final ForceField ff;
    private final HaloExchange halo;
    private final double skin;
    private final double listRadius;
    private final WorkerPool pool;
    private final NeighborBuilder builder;
    private final NeighborList list = new NeighborList();
    private final EngineTimings timings = new EngineTimings();

    // Per type pair (ti * ntypes + tj): evaluator, squared cut-offs and energy shift.
    private final int ntypes;
    private final PairEvaluator[] pairs;
    private final double[] cutsqPair;
    private final double[] cutsqAny;
    private final double[] shift;
    private final CoulombKernel coulomb;
    private final double cutsqCoul;

    private double[][] threadForces;
    private final double[] threadPairEnergy;
    private final double[] threadCoulEnergy;
    private final int[] rowStart;

    private final double[] globalVirial = new double[9];
    /** W terms: 0..8 Σ_owned x_a F_b, 9..17 Σ_ghosts n_a f_b (row-major a, b). */
    private final ExactSum[] virialSums = new ExactSum[18];
    private final double[] cellMatrix = new double[9];
    private double[] xRef = new double[0];
    private Box boxAtBuild;
    private boolean rebuildRequested = true;
    private double[] pendingReference;
    private Box pendingReferenceBox;

    // State of the evaluation in progress, read by the worker threads.
    private Atoms current;
    private boolean currentEnergy;
    private final IntConsumer pairTask = this::pairChunk;
    private final IntConsumer buildTask = this::buildChunk;

    /** Single domain: ghosts are periodic images. */
    public ForceEngine(ForceField ff, double skin, int threads) {
        this(ff, new PeriodicImages(), skin, threads);
    }

    public ForceEngine(ForceField ff, HaloExchange halo, double skin, int threads) {
        if (!(skin >= 0) || !Double.isFinite(skin)) {
            throw new IllegalArgumentException("neighbour skin must be >= 0 Å, got " + skin);
        }
        this.ff = ff;
        this.halo = halo;
        this.skin = skin;
        this.listRadius = ff.maxCutoff() + skin;
        if (!(listRadius > 0)) {
            throw new IllegalArgumentException("force field has no interaction with a positive cut-off");
        }
        this.pool = new WorkerPool(threads);
        this.builder = new NeighborBuilder(threads);
        this.ntypes = ff.typeCount();
        int np = ntypes * ntypes;
        this.pairs = new PairEvaluator[np];
        this.cutsqPair = new double[np];
        this.cutsqAny = new double[np];
        this.shift = new double[np];
        this.coulomb = ff.coulomb();
        this.cutsqCoul = coulomb == null ? 0 : coulomb.cutoff() * coulomb.cutoff();
        for (int ti = 0; ti < ntypes; ti++) {
            for (int tj = 0; tj < ntypes; tj++) {
                int k = ti * ntypes + tj;
                PairEvaluator p = ff.pair(ti, tj);
                pairs[k] = p;
                cutsqPair[k] = p == null ? 0 : p.cutoff() * p.cutoff();
                shift[k] = ff.energyShift(ti, tj);
                cutsqAny[k] = Math.max(cutsqPair[k], cutsqCoul);
            }
        }
        this.threadForces = new double[threads][];
        this.threadPairEnergy = new double[threads];
        this.threadCoulEnergy = new double[threads];
        this.rowStart = new int[threads + 1];
        for (int k = 0; k < virialSums.length; k++) {
            virialSums[k] = new ExactSum();
        }
    }

    public ForceField forceField() {
        return ff;
    }

    public int threads() {
        return pool.threads();
    }

    public double skin() {
        return skin;
    }

    /**
     * The exchange this engine evaluates through: stages reach it (via {@code MdContext}) to sum
     * kinetic energies, atom counts and group memberships over all domains.
     */
    public HaloExchange halo() {
        return halo;
    }

    public NeighborList neighborList() {
        return list;
    }

    public EngineTimings timings() {
        return timings;
    }

    /** Forces a rebuild of ghosts and neighbour list at the next evaluation. */
    public void requestRebuild() {
        rebuildRequested = true;
    }

    /**
     * Positions of owned atoms and the box at the last list build. A restarted run that imports them
     * rebuilds exactly the same ghosts and list, so it continues bit for bit like an uninterrupted one.
     */
    public BuildReference exportBuildReference(Atoms atoms) {
        if (boxAtBuild == null) {
            return null;
        }
        return new BuildReference(Arrays.copyOf(xRef, 3 * atoms.nlocal), boxAtBuild.copy());
    }

    /** Makes the next evaluation build ghosts and list from {@code ref} instead of current positions. */
    public void importBuildReference(BuildReference ref) {
        pendingReference = ref.positions().clone();
        pendingReferenceBox = ref.box().copy();
        rebuildRequested = true;
    }

    /**
     * Computes forces on owned atoms into {@code atoms.f}. With {@code energyAndVirial} also the
     * energies and the virial into {@code out}; otherwise only forces (cheaper: no energy terms).
     */
    public void compute(Atoms atoms, Box box, boolean energyAndVirial, ForceResult out) {
        long t0 = System.nanoTime();
        InvariantArithmetic.snap(atoms.x, atoms.nlocal, box, listRadius);
        halo.forwardPositions(atoms, box);
        long t1 = System.nanoTime();
        timings.commNanos += t1 - t0;
        // The decision is summed over domains so that every domain rebuilds (and so exchanges
        // borders) at the same step; with one domain the sum is the local flag.
        boolean localRebuild = rebuildRequested || movedBeyondHalfSkin(atoms);
        if (halo.sum(localRebuild ? 1.0 : 0.0) > 0) {
            boolean fromReference = pendingReference != null;
            rebuild(atoms, box);
            // A list restored from a checkpoint is the list of the original build; the uninterrupted
            // run checks the current positions against it at this step too, and may rebuild now.
            if (halo.sum(fromReference && movedBeyondHalfSkin(atoms) ? 1.0 : 0.0) > 0) {
                rebuild(atoms, box);
            }
        }
        long t2 = System.nanoTime();
        timings.neighborNanos += t2 - t1;

        int total = atoms.total();
        out.clear();
        current = atoms;
        currentEnergy = energyAndVirial;
        pool.run(pairTask);
        double[] f = atoms.f;
        for (int t = 1; t < pool.threads(); t++) {
            double[] ft = threadForces[t];
            for (int k = 0; k < 3 * total; k++) {
                f[k] += ft[k];
            }
        }
        double ePair = 0, eCoul = 0;
        for (int t = 0; t < pool.threads(); t++) {
            ePair += threadPairEnergy[t];
            eCoul += threadCoulEnergy[t];
        }
        if (energyAndVirial && coulomb != null) {
            for (int i = 0; i < atoms.nlocal; i++) {
                eCoul += coulomb.selfEnergy(atoms.q[i]);
            }
        }
        long t3 = System.nanoTime();
        timings.pairNanos += t3 - t2;

        double eMany = 0;
        for (ManyBodyTerm term : ff.manyBody()) {
            eMany += term.compute(atoms, list, halo, f);
        }
        long t4 = System.nanoTime();
        timings.manyBodyNanos += t4 - t3;

        if (energyAndVirial) {
            ghostImageVirial(atoms);
        }
        halo.reverseVector(atoms, f);
        if (energyAndVirial) {
            ownedVirial(atoms);
            halo.sum(virialSums);
            virial(box, out.virial);
        }
        long t5 = System.nanoTime();
        timings.commNanos += t5 - t4;

        double eGlobal = 0;
        Arrays.fill(globalVirial, 0.0);
        for (GlobalTerm term : ff.global()) {
            eGlobal += term.compute(atoms, box, f, globalVirial);
        }
        if (energyAndVirial && !ff.global().isEmpty()) {
            halo.sum(globalVirial);
            for (int k = 0; k < 9; k++) {
                out.virial[k] += globalVirial[k];
            }
        }
        timings.globalNanos += System.nanoTime() - t5;

        if (energyAndVirial) {
            out.pairEnergy = halo.sum(ePair);
            out.coulombEnergy = halo.sum(eCoul);
            out.manyBodyEnergy = halo.sum(eMany);
            out.globalEnergy = eGlobal;
            out.hasEnergyAndVirial = true;
        }
        timings.evaluations++;
        current = null;
    }

    private boolean movedBeyondHalfSkin(Atoms atoms) {
        int total = atoms.total();
        if (3 * total > xRef.length) {
            return true;
        }
        double limit = 0.25 * skin * skin;
        double[] x = atoms.x;
        for (int k = 0; k < total; k++) {
            double dx = x[3 * k] - xRef[3 * k];
            double dy = x[3 * k + 1] - xRef[3 * k + 1];
            double dz = x[3 * k + 2] - xRef[3 * k + 2];
            if (dx * dx + dy * dy + dz * dz > limit) {
                return true;
            }
        }
        return false;
    }

    private void rebuild(Atoms atoms, Box box) {
        if (pendingReference != null) {
            // Rebuild as it was at the original build, then put the current positions back.
            int n = atoms.nlocal;
            if (pendingReference.length != 3 * n) {
                throw new IllegalArgumentException("neighbour-list reference holds " + pendingReference.length / 3
                        + " atoms, the system has " + n);
            }
            double[] now = Arrays.copyOf(atoms.x, 3 * n);
            Box boxNow = box.copy();
            System.arraycopy(pendingReference, 0, atoms.x, 0, 3 * n);
            box.copyFrom(pendingReferenceBox);
            if (halo instanceof PeriodicImages pi) {
                pi.buildGhosts(atoms, box, listRadius);
            } else {
                halo.borders(atoms, box, listRadius);
            }
            buildList(atoms);
            snapshotReference(atoms, box);
            System.arraycopy(now, 0, atoms.x, 0, 3 * n);
            box.copyFrom(boxNow);
            halo.forwardPositions(atoms, box);
            pendingReference = null;
            pendingReferenceBox = null;
        } else {
            halo.borders(atoms, box, listRadius);
            buildList(atoms);
            snapshotReference(atoms, box);
        }
        balanceRows(atoms);
        int total = atoms.total();
        for (int t = 1; t < pool.threads(); t++) {
            if (threadForces[t] == null || threadForces[t].length < 3 * total) {
                threadForces[t] = new double[3 * atoms.capacity()];
            }
        }
        rebuildRequested = false;
        timings.rebuilds++;
    }

    /** Bins atoms, then builds list rows on all threads (equal row ranges) and joins them in order. */
    private void buildList(Atoms atoms) {
        builder.bin(atoms, listRadius);
        current = atoms;
        pool.run(buildTask);
        current = null;
        builder.assemble(atoms, list, pool.threads());
    }

    private void buildChunk(int t) {
        int n = current.nlocal;
        int threads = pool.threads();
        builder.buildRows(current, t, (int) ((long) n * t / threads), (int) ((long) n * (t + 1) / threads));
    }

    private void snapshotReference(Atoms atoms, Box box) {
        int total = atoms.total();
        if (xRef.length < 3 * total) {
            xRef = new double[3 * atoms.capacity()];
        }
        System.arraycopy(atoms.x, 0, xRef, 0, 3 * total);
        boxAtBuild = box.copy();
    }

    /** Splits list rows into contiguous chunks with equal numbers of pairs. */
    private void balanceRows(Atoms atoms) {
        int threads = pool.threads();
        int n = atoms.nlocal;
        long totalPairs = list.totalPairs() + n;
        rowStart[0] = 0;
        int row = 0;
        for (int t = 1; t < threads; t++) {
            long target = totalPairs * t / threads;
            while (row < n && (long) list.offsets[row] + row < target) {
                row++;
            }
            rowStart[t] = row;
        }
        rowStart[threads] = n;
    }

    private void pairChunk(int t) {
        Atoms atoms = current;
        boolean eflag = currentEnergy;
        int total = atoms.total();
        double[] f = t == 0 ? atoms.f : threadForces[t];
        Arrays.fill(f, 0, 3 * total, 0.0);
        double[] x = atoms.x;
        double[] q = atoms.q;
        int[] type = atoms.type;
        int[] offsets = list.offsets;
        int[] nb = list.neighbors;
        int nt = ntypes;
        PairEvaluator[] pairs = this.pairs;
        double[] cutsqPair = this.cutsqPair;
        double[] cutsqAny = this.cutsqAny;
        double[] shift = this.shift;
        CoulombKernel coul = coulomb;
        double cutsqCoul = this.cutsqCoul;
        double ePair = 0, eCoul = 0;
        for (int i = rowStart[t], end = rowStart[t + 1]; i < end; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double qi = q[i];
            int rowBase = type[i] * nt;
            double fxi = 0, fyi = 0, fzi = 0;
            for (int k = offsets[i], kend = offsets[i + 1]; k < kend; k++) {
                int j = nb[k];
                double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                int tp = rowBase + type[j];
                if (rsq >= cutsqAny[tp]) {
                    continue;
                }
                double fpair = 0;
                if (rsq < cutsqPair[tp]) {
                    PairEvaluator p = pairs[tp];
                    fpair = p.forceOverR(rsq);
                    if (eflag) {
                        ePair += p.energy(rsq) - shift[tp];
                    }
                }
                if (rsq < cutsqCoul) {
                    double qq = qi * q[j];
                    if (qq != 0) {
                        fpair += qq * coul.forceOverRPerQQ(rsq);
                        if (eflag) {
                            eCoul += qq * coul.energyPerQQ(rsq);
                        }
                    }
                }
                double fx = InvariantArithmetic.roundForce(dx * fpair);
                double fy = InvariantArithmetic.roundForce(dy * fpair);
                double fz = InvariantArithmetic.roundForce(dz * fpair);
                fxi += fx;
                fyi += fy;
                fzi += fz;
                f[3 * j] -= fx;
                f[3 * j + 1] -= fy;
                f[3 * j + 2] -= fz;
            }
            f[3 * i] += fxi;
            f[3 * i + 1] += fyi;
            f[3 * i + 2] += fzi;
        }
        threadPairEnergy[t] = ePair;
        threadCoulEnergy[t] = eCoul;
    }

    /** Σ_ghosts n_a f_b over ghosts that are periodic images (n ≠ 0), before ghost forces are folded back. */
    private void ghostImageVirial(Atoms atoms) {
        for (int k = 9; k < 18; k++) {
            virialSums[k].clear();
        }
        double[] f = atoms.f;
        int[] img = atoms.ghostImage;
        int n = atoms.nlocal;
        for (int g = 0; g < atoms.nghost; g++) {
            int na = img[3 * g], nb = img[3 * g + 1], nc = img[3 * g + 2];
            if ((na | nb | nc) == 0) {
                continue;
            }
            int o = 3 * (n + g);
            for (int b = 0; b < 3; b++) {
                double fb = f[o + b];
                virialSums[9 + b].add(na * fb);
                virialSums[12 + b].add(nb * fb);
                virialSums[15 + b].add(nc * fb);
            }
        }
    }

    /** Σ_owned x_a F_b with F the total force (ghost contributions folded back). */
    private void ownedVirial(Atoms atoms) {
        for (int k = 0; k < 9; k++) {
            virialSums[k].clear();
        }
        double[] x = atoms.x, f = atoms.f;
        for (int i = 0; i < atoms.nlocal; i++) {
            for (int a = 0; a < 3; a++) {
                double xa = x[3 * i + a];
                for (int b = 0; b < 3; b++) {
                    virialSums[3 * a + b].add(xa * f[3 * i + b]);
                }
            }
        }
    }

    /** W_ab = Σ_owned x_a F_b + Σ_c H_ac S_cb from the summed terms; H columns are the cell vectors. */
    private void virial(Box box, double[] w) {
        double[] h = cellMatrix;
        h[0] = box.lx();
        h[1] = box.xy();
        h[2] = box.xz();
        h[4] = box.ly();
        h[5] = box.yz();
        h[8] = box.lz();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double image = 0;
                for (int c = 0; c < 3; c++) {
                    image += h[3 * a + c] * virialSums[9 + 3 * c + b].value();
                }
                w[3 * a + b] = virialSums[3 * a + b].value() + image;
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
