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
 * <p>Overlap: when the halo has other domains to wait for ({@link HaloExchange#overlapsCommunication}),
 * an evaluation runs the pair loop in three passes around the split exchanges, as rows list owned
 * neighbours before ghosts ({@link NeighborList#ghostStart}): the rebuild vote (owned atoms only),
 * start of the ghost-position exchange, pairs of owned atoms in the first half of the rows, finish
 * of the exchange, pairs with ghosts, many-body terms, start of the ghost-force exchange, pairs of
 * owned atoms in the other rows, finish. A rank then waits for its neighbours only where they are
 * later by more than half its own pair work.
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
    /** Rows of each pass per thread: thread t evaluates rows [passRows[p][t], passRows[p][t+1]). */
    private final int[][] passRows;
    /** Every pair (one domain). */
    private static final int PASS_ALL = 0;
    /** Pairs of owned atoms in the first half of the rows, while ghost positions are in flight. */
    private static final int PASS_OWNED_FIRST_HALF = 1;
    /** Pairs with a ghost, once ghost positions are in. */
    private static final int PASS_GHOSTS = 2;
    /** Pairs of owned atoms in the other rows, while ghost forces are in flight. */
    private static final int PASS_OWNED_SECOND_HALF = 3;
    private final double[] vote = new double[1];
    private final double[] edgeNow = new double[3];
    private final double[] edgeAtBuild = new double[3];

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
    private int currentPass;
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
        this.passRows = new int[4][threads + 1];
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
        // The decision is summed over domains so that every domain rebuilds (and so exchanges
        // borders) at the same step; with one domain the sum is the local flag. It needs only owned
        // atoms, so it comes before the ghost positions are exchanged.
        boolean localRebuild = rebuildRequested || movedBeyondHalfSkin(atoms, box);
        boolean overlap = halo.overlapsCommunication();
        out.clear();
        currentEnergy = energyAndVirial;
        Arrays.fill(threadPairEnergy, 0.0);
        Arrays.fill(threadCoulEnergy, 0.0);
        boolean rebuilt;
        if (overlap) {
            // With other domains to wait for, pairs among owned atoms fill the flight of the messages:
            // the first half of them while the vote and the ghost positions travel, the second half
            // while ghost forces travel back. Most steps do not rebuild, so the positions go out
            // before the vote is known; on a rebuild step they are taken in and dropped. Splitting
            // the pair loop changes no bit: pair forces are summed exactly.
            vote[0] = localRebuild ? 1.0 : 0.0;
            halo.startSum(vote);
            halo.forwardPositionsStart(atoms, box);
            long t1 = System.nanoTime();
            timings.commNanos += t1 - t0;
            if (!localRebuild) {
                pairPass(atoms, PASS_OWNED_FIRST_HALF);
            }
            long t2 = System.nanoTime();
            halo.finishSum(vote);
            rebuilt = vote[0] > 0;
            halo.forwardPositionsFinish(atoms, box);
            timings.commNanos += System.nanoTime() - t2;
            if (rebuilt) {
                rebuildAsVoted(atoms, box);
                Arrays.fill(threadPairEnergy, 0.0);
                Arrays.fill(threadCoulEnergy, 0.0);
                pairPass(atoms, PASS_OWNED_FIRST_HALF);
            }
        } else {
            rebuilt = halo.sum(localRebuild ? 1.0 : 0.0) > 0;
            long t1 = System.nanoTime();
            timings.commNanos += t1 - t0;
            if (rebuilt) {
                rebuildAsVoted(atoms, box);
            } else {
                halo.forwardPositions(atoms, box);
                timings.commNanos += System.nanoTime() - t1;
            }
        }

        pairPass(atoms, overlap ? PASS_GHOSTS : PASS_ALL);
        long tf = System.nanoTime();
        addThreadForces(atoms, atoms.total());
        long t3 = System.nanoTime();
        timings.pairNanos += t3 - tf;

        double[] f = atoms.f;
        double eMany = 0;
        for (ManyBodyTerm term : ff.manyBody()) {
            eMany += term.compute(atoms, list, halo, f);
        }
        long t4 = System.nanoTime();
        timings.manyBodyNanos += t4 - t3;

        if (energyAndVirial) {
            ghostImageVirial(atoms);
        }
        halo.reverseVectorStart(atoms, f);
        timings.commNanos += System.nanoTime() - t4;
        if (overlap) {
            pairPass(atoms, PASS_OWNED_SECOND_HALF);
            long tr = System.nanoTime();
            addThreadForces(atoms, atoms.nlocal);
            timings.pairNanos += System.nanoTime() - tr;
        }
        long t5 = System.nanoTime();
        halo.reverseVectorFinish(atoms, f);
        if (energyAndVirial) {
            ownedVirial(atoms);
            halo.sum(virialSums);
            virial(box, out.virial);
        }
        long t6 = System.nanoTime();
        timings.commNanos += t6 - t5;

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
        timings.globalNanos += System.nanoTime() - t6;

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

    /** The rebuild every domain voted for, timed as neighbour work. */
    private void rebuildAsVoted(Atoms atoms, Box box) {
        long t0 = System.nanoTime();
        boolean fromReference = pendingReference != null;
        rebuild(atoms, box);
        // A list restored from a checkpoint is the list of the original build; the uninterrupted
        // run checks the current positions against it at this step too, and may rebuild now.
        if (halo.sum(fromReference && movedBeyondHalfSkin(atoms, box) ? 1.0 : 0.0) > 0) {
            rebuild(atoms, box);
        }
        timings.neighborNanos += System.nanoTime() - t0;
    }

    /** Runs one pass of the pair loop on all threads; timed as pair work. */
    private void pairPass(Atoms atoms, int pass) {
        long t0 = System.nanoTime();
        current = atoms;
        currentPass = pass;
        pool.run(pairTask);
        timings.pairNanos += System.nanoTime() - t0;
    }

    /** Adds the force arrays of threads 1.. onto {@code atoms.f} for atoms [0, n). */
    private void addThreadForces(Atoms atoms, int n) {
        double[] f = atoms.f;
        for (int t = 1; t < pool.threads(); t++) {
            double[] ft = threadForces[t];
            for (int k = 0; k < 3 * n; k++) {
                f[k] += ft[k];
            }
        }
    }

    /**
     * True when some owned atom has moved more than (skin − d)/2 since the last build, d bounding how
     * far the box change alone has moved any periodic image relative to its owner. Every pair then
     * changed its distance by less than the skin, owned or ghost (LAMMPS' check_distance does the
     * same with its box-corner displacement). It reads owned atoms only, so the sum over domains is
     * the same decision whatever the decomposition.
     */
    private boolean movedBeyondHalfSkin(Atoms atoms, Box box) {
        int n = atoms.nlocal;
        if (boxAtBuild == null || 3 * n > xRef.length) {
            return true;
        }
        double half = 0.5 * (skin - imageDrift(box));
        if (half < 0) {
            return true;
        }
        double limit = half * half;
        double[] x = atoms.x;
        for (int k = 0; k < n; k++) {
            double dx = x[3 * k] - xRef[3 * k];
            double dy = x[3 * k + 1] - xRef[3 * k + 1];
            double dz = x[3 * k + 2] - xRef[3 * k + 2];
            if (dx * dx + dy * dy + dz * dz > limit) {
                return true;
            }
        }
        return false;
    }

    /**
     * Σ_c m_c |h_c − h_c(build)| over the periodic cell vectors h_c, with m_c = ⌈list radius / width_c⌉
     * the most cells an image can be away from its owner: a bound on |ΔH·n| for every ghost's image n.
     */
    private double imageDrift(Box box) {
        double drift = 0;
        for (int c = 0; c < 3; c++) {
            if (!boxAtBuild.periodic(c)) {
                continue;
            }
            box.edge(c, edgeNow);
            boxAtBuild.edge(c, edgeAtBuild);
            double dx = edgeNow[0] - edgeAtBuild[0], dy = edgeNow[1] - edgeAtBuild[1], dz = edgeNow[2] - edgeAtBuild[2];
            drift += Math.ceil(listRadius / boxAtBuild.perpendicularWidth(c)) * Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return drift;
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

    /**
     * Splits the rows of every pass into contiguous chunks with equal numbers of pairs (plus one per
     * row), and the owned pairs into two halves at a row boundary.
     */
    private void balanceRows(Atoms atoms) {
        int n = atoms.nlocal;
        long owned = 0;
        for (int i = 0; i < n; i++) {
            owned += pairsInPass(PASS_OWNED_FIRST_HALF, i);
        }
        int split = 0;
        for (long acc = 0; split < n && 2 * acc < owned; split++) {
            acc += pairsInPass(PASS_OWNED_FIRST_HALF, split);
        }
        balance(PASS_ALL, 0, n);
        balance(PASS_OWNED_FIRST_HALF, 0, split);
        balance(PASS_GHOSTS, 0, n);
        balance(PASS_OWNED_SECOND_HALF, split, n);
    }

    private void balance(int pass, int from, int to) {
        int threads = pool.threads();
        int[] rows = passRows[pass];
        long total = 0;
        for (int i = from; i < to; i++) {
            total += pairsInPass(pass, i) + 1;
        }
        rows[0] = from;
        int row = from;
        long acc = 0;
        for (int t = 1; t < threads; t++) {
            long target = total * t / threads;
            while (row < to && acc < target) {
                acc += pairsInPass(pass, row++) + 1;
            }
            rows[t] = row;
        }
        rows[threads] = to;
    }

    private int pairsInPass(int pass, int i) {
        int[] off = list.offsets, ghosts = list.ghostStart;
        return switch (pass) {
            case PASS_ALL -> off[i + 1] - off[i];
            case PASS_GHOSTS -> off[i + 1] - ghosts[i];
            default -> ghosts[i] - off[i];
        };
    }

    /**
     * One thread's rows of the current pass. The first pass of an evaluation clears the force
     * arrays; later passes add to them, except that a helper thread's owned entries start again from
     * zero in the last pass, their earlier sums having been added to {@code atoms.f} already.
     */
    private void pairChunk(int t) {
        Atoms atoms = current;
        boolean eflag = currentEnergy;
        int pass = currentPass;
        int total = atoms.total();
        double[] f = t == 0 ? atoms.f : threadForces[t];
        if (pass == PASS_ALL || pass == PASS_OWNED_FIRST_HALF) {
            Arrays.fill(f, 0, 3 * total, 0.0);
        } else if (pass == PASS_OWNED_SECOND_HALF && t > 0) {
            Arrays.fill(f, 0, 3 * atoms.nlocal, 0.0);
        }
        int[] rows = passRows[pass];
        boolean ownedOnly = pass == PASS_OWNED_FIRST_HALF || pass == PASS_OWNED_SECOND_HALF;
        int[] rowBegin = pass == PASS_GHOSTS ? list.ghostStart : list.offsets;
        int[] ghostStart = list.ghostStart;
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
        for (int i = rows[t], end = rows[t + 1]; i < end; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double qi = q[i];
            int rowBase = type[i] * nt;
            double fxi = 0, fyi = 0, fzi = 0;
            for (int k = rowBegin[i], kend = ownedOnly ? ghostStart[i] : offsets[i + 1]; k < kend; k++) {
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
        threadPairEnergy[t] += ePair;
        threadCoulEnergy[t] += eCoul;
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
