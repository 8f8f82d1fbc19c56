package org.dendrite.partition;

import java.util.Arrays;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.neighbor.HaloExchange;
import org.dendrite.md.neighbor.SpatialSort;
import org.dendrite.md.neighbor.PeriodicImages;
import org.dendrite.partition.comm.MessageBuffer;
import org.dendrite.partition.comm.Phase;
import org.dendrite.partition.comm.Transport;

/**
 * {@link HaloExchange} of one rank of a {@link BrickGrid}: the spatial decomposition of LAMMPS
 * (Plimpton, J. Comp. Phys. 117, 1 (1995); LAMMPS {@code Comm::exchange}, {@code Comm::borders}),
 * in fractional coordinates so that triclinic cells work as in LAMMPS' lamda frame.
 *
 * <p>{@link #borders} (at neighbour-list rebuilds):
 * <ol>
 * <li>wraps owned atoms into the cell (image flags updated);</li>
 * <li>migrates atoms whose fractional position left the brick, in an a pass, then b, then c: along
 * each axis an atom is handed to the neighbour on the shorter way round the ring and forwarded hop
 * by hop (⌊n/2⌋ hops for n periodic bricks), so an atom that crossed several bricks, or a corner
 * (a, b and c faces at once), arrives without diagonal messages;</li>
 * <li>builds ghosts in staged sweeps a, b, c: along each split axis the atoms (owned, and ghosts of
 * earlier sweeps) within the ghost cut-off of the lower face go to the lower neighbour and those
 * near the upper face to the upper one, so edges and corners arrive through two or three hops.
 * A ghost that crosses the global boundary gets the image shift (±1 cell) in its cell offset. Along
 * an axis with one brick the sweep makes the periodic self-images, as {@link PeriodicImages} does
 * (any number of cells, so cells thinner than the cut-off work).</li>
 * </ol>
 * The thickness of a brick along a split axis must be at least the ghost cut-off: a thinner brick
 * would need ghosts from beyond its neighbour (LAMMPS' multi-need swaps). That is refused with an
 * error naming the axis, on every rank at the same call, so it never hangs.
 *
 * <p>Ghost positions are always computed as (owner's wrapped position) + H·(cell offset), with the
 * same arithmetic as {@link PeriodicImages}, so a ghost has the same bits as the periodic image of
 * one domain and Newton's-third-law pair ownership between a local atom and a ghost (decided by the
 * sign of the displacement in {@code NeighborBuilder}) is the same as in one domain. Each ghost's
 * {@code ghostImage} is its offset from its owner; {@code ghostOwner} is the local index when the
 * owner is on this rank (self-images) and -1 otherwise.
 *
 * <p>Forward (positions, scalars) replays the swaps in order; reverse (forces, EAM densities) runs
 * them backwards, so contributions on ghosts that were forwarded in later sweeps flow back through
 * the same hops. The rebuild decision is global: {@code ForceEngine} sums its "moved more than half
 * the skin" test over the ranks through {@link #sum}, so all ranks enter {@link #borders} together.
 */
public final class DomainHalo implements HaloExchange {
    private static final int SELF = 0;
    private static final int MINUS = 1;
    private static final int PLUS = 2;
    private static final String AXES = "abc";

    private final Transport transport;
    private final BrickGrid grid;
    private final int rank;
    private final int[] n = new int[3];
    private final int[] idx = new int[3];
    private final int[] lower = new int[3];
    private final int[] upper = new int[3];
    private final PeriodicImages wrapper = new PeriodicImages();

    // Swaps of the current ghost layer, in the order they were made.
    private int nswap;
    private int[] swapDim = new int[8];
    private int[] swapKind = new int[8];
    private int[] swapTo = new int[8];
    private int[] swapFrom = new int[8];
    private int[] swapFirstGhost = new int[8];
    private int[] swapRecvCount = new int[8];
    private int[] swapSendCount = new int[8];
    private int[][] sendList = new int[8][16];

    // Per ghost: the owner's wrapped position and fractional coordinates (3 each).
    private double[] rawX = new double[48];
    private double[] sOwn = new double[48];
    // Fractional coordinates of owned atoms at the last build.
    private double[] sLocal = new double[48];

    private final MessageBuffer outMinus = new MessageBuffer();
    private final MessageBuffer outPlus = new MessageBuffer();
    private final MessageBuffer in = new MessageBuffer();
    private final double[] frac = new double[3];
    private final double[] shift = new double[3];
    private final double[] one = new double[1];

    private long exchangeNanos;
    // Where a split exchange resumes: the first remote swap of a started forward exchange (nswap when
    // there is none), -1 when none is started; the last swap of the pending reverse sweep, -1 when
    // the start did everything, NOTHING_PENDING when none is started.
    private int forwardResume = -1;
    private static final int NOTHING_PENDING = -2;
    private int reverseResume = NOTHING_PENDING;
    private final SpatialSort sorter = new SpatialSort();
    private long sumNanos;

    // Fractional cut positions per axis (n[k] + 1 sorted values from 0 to 1), identical on every
    // rank; uniform until a LoadBalancer moves them. cutsUniform[k] keeps the floor(s·n) brick
    // index of the uniform grid (the one DecomposedSystem distributes with) bit for bit.
    private final double[][] cuts = new double[3][];
    private final boolean[] cutsUniform = {true, true, true};
    private LoadBalancer balancer;
    private boolean balanceRequested;
    private long rebuilds;
    private LoadBalancer.Report lastBalance;
    // Start of the current cost interval: wall clock and exchange + sum time, ns.
    private long costStartNanos = System.nanoTime();
    private long costStartCommNanos;

    /**
     * @param transport this rank's endpoint; its rank is the brick index (a fastest)
     */
    public DomainHalo(Transport transport, BrickGrid grid) {
        if (transport.size() != grid.domains()) {
            throw new IllegalArgumentException("transport has " + transport.size() + " ranks but the grid "
                    + grid.na() + "x" + grid.nb() + "x" + grid.nc() + " has " + grid.domains() + " bricks");
        }
        this.transport = transport;
        this.grid = grid;
        this.rank = transport.rank();
        n[0] = grid.na();
        n[1] = grid.nb();
        n[2] = grid.nc();
        idx[0] = rank % n[0];
        idx[1] = (rank / n[0]) % n[1];
        idx[2] = rank / (n[0] * n[1]);
        for (int k = 0; k < 3; k++) {
            cuts[k] = BrickGrid.uniformCuts(n[k]);
        }
    }

    /** A copy of the fractional cut positions along axis k (n + 1 values from 0 to 1). */
    public double[] cuts(int k) {
        return cuts[k].clone();
    }

    /**
     * Sets the cut positions along axis k (takes effect at the next {@link #borders}, which migrates
     * atoms to their new bricks). Must be called with the same values on every rank.
     */
    public void setCuts(int k, double[] c) {
        if (c.length != n[k] + 1 || c[0] != 0.0 || c[n[k]] != 1.0) {
            throw new IllegalArgumentException("cuts along " + AXES.charAt(k) + " must be " + (n[k] + 1)
                    + " values from 0 to 1, got " + Arrays.toString(c));
        }
        for (int j = 0; j < n[k]; j++) {
            if (!(c[j + 1] > c[j])) {
                throw new IllegalArgumentException("cuts along " + AXES.charAt(k) + " must increase: "
                        + Arrays.toString(c));
            }
        }
        cuts[k] = c.clone();
        cutsUniform[k] = Arrays.equals(c, BrickGrid.uniformCuts(n[k]));
    }

    /** Balances at every {@code balancer.settings().everyRebuilds()}-th neighbour-list rebuild; null: never. */
    public void setBalancer(LoadBalancer balancer) {
        this.balancer = balancer;
    }

    public LoadBalancer balancer() {
        return balancer;
    }

    /** The next {@link #borders} balances whatever the rebuild count (collective: request it on every rank). */
    public void requestBalance() {
        balanceRequested = true;
    }

    /** Report of the last balancing step, or null. */
    public LoadBalancer.Report lastBalance() {
        return lastBalance;
    }

    /** Brick index along axis k of fractional coordinate s under the current cuts. */
    int brickIndex(int k, double s) {
        if (cutsUniform[k]) {
            return Math.max(0, Math.min(n[k] - 1, (int) Math.floor(s * n[k])));
        }
        return BrickGrid.index(cuts[k], s);
    }

    int[] gridIndex() {
        return idx.clone();
    }

    int[] gridSize() {
        return n.clone();
    }

    Transport transport() {
        return transport;
    }

    /**
     * Cost of this rank since the last balance: its atom count, or the wall time not spent in
     * exchanges or global sums (force computation plus integration), in seconds.
     */
    private double measuredCost(Atoms atoms) {
        if (balancer.settings().cost() == LoadBalancer.Cost.ATOMS) {
            return atoms.nlocal;
        }
        long now = System.nanoTime();
        long comm = exchangeNanos + sumNanos;
        return Math.max(0, (now - costStartNanos) - (comm - costStartCommNanos)) * 1e-9;
    }

    public int rank() {
        return rank;
    }

    public BrickGrid grid() {
        return grid;
    }

    /** Wall time spent in this halo's exchanges (including waits for other ranks), ns. */
    public long exchangeNanos() {
        return exchangeNanos;
    }

    /** Wall time spent in global sums (including waits), ns. */
    public long sumNanos() {
        return sumNanos;
    }

    public void resetTimings() {
        exchangeNanos = 0;
        sumNanos = 0;
    }

    private int rankOf(int ia, int ib, int ic) {
        return (ic * n[1] + ib) * n[0] + ia;
    }

    /** Rank of the neighbour one brick away along axis k (dir ±1), or -1 beyond a non-periodic face. */
    private int neighbour(Box box, int k, int dir) {
        int[] c = idx.clone();
        c[k] += dir;
        if (c[k] < 0 || c[k] >= n[k]) {
            if (!box.periodic(k)) {
                return -1;
            }
            c[k] = Math.floorMod(c[k], n[k]);
        }
        return rankOf(c[0], c[1], c[2]);
    }

    @Override
    public void borders(Atoms atoms, Box box, double ghostCutoff) {
        long t0 = System.nanoTime();
        // A new ghost layer voids a split exchange left half done (a failed step being retried).
        forwardResume = -1;
        reverseResume = NOTHING_PENDING;
        for (int k = 0; k < 3; k++) {
            lower[k] = neighbour(box, k, -1);
            upper[k] = neighbour(box, k, +1);
        }
        atoms.nghost = 0;
        wrapper.wrapOwned(atoms, box);
        boolean balanced = false;
        if (balancer != null) {
            long every = balancer.settings().everyRebuilds();
            // The setup build (rebuild 0) has no measured time; every rank counts the same builds
            // because the rebuild decision is global.
            if (balanceRequested || (every > 0 && rebuilds > 0 && rebuilds % every == 0)) {
                long tb = System.nanoTime();
                exchangeNanos += tb - t0;
                lastBalance = balancer.balance(this, atoms, box, ghostCutoff, measuredCost(atoms), cuts, rebuilds);
                for (int k = 0; k < 3; k++) {
                    cutsUniform[k] = Arrays.equals(cuts[k], BrickGrid.uniformCuts(n[k]));
                }
                balanced = true;
                t0 = System.nanoTime();
            }
            balanceRequested = false;
        }
        rebuilds++;
        migrate(atoms, box);
        // Neighbours in space become neighbours in memory (LAMMPS atom_modify sort); the ghosts sent
        // below inherit the order. Bins of half the ghost cut-off, as the cell list.
        sorter.sortOwned(atoms, 0.5 * ghostCutoff);
        if (balanced) {
            exchangeNanos += System.nanoTime() - t0;
            lastBalance = lastBalance.withAtomsAfter(LoadBalancer.imbalance(this, atoms.nlocal));
            costStartNanos = System.nanoTime();
            costStartCommNanos = exchangeNanos + sumNanos;
            t0 = System.nanoTime();
        }
        int nl = atoms.nlocal;
        if (sLocal.length < 3 * nl) {
            sLocal = new double[3 * nl + 3 * nl / 2];
        }
        for (int i = 0; i < nl; i++) {
            box.toFractional(atoms.x[3 * i], atoms.x[3 * i + 1], atoms.x[3 * i + 2], sLocal, 3 * i);
        }
        checkThickness(box, ghostCutoff);
        nswap = 0;
        for (int k = 0; k < 3; k++) {
            if (n[k] == 1 && !box.periodic(k)) {
                continue;
            }
            double margin = ghostCutoff / box.perpendicularWidth(k);
            int nlast = atoms.nlocal + atoms.nghost;
            if (n[k] == 1) {
                int reach = (int) Math.ceil(margin);
                for (int m = -reach; m <= reach; m++) {
                    if (m != 0) {
                        selfImages(atoms, box, k, m, margin, nlast);
                    }
                }
            } else {
                remoteSweep(atoms, box, k, margin, nlast);
            }
        }
        exchangeNanos += System.nanoTime() - t0;
    }

    /**
     * Every rank checks the thinnest brick of every split axis (not only its own), so all ranks
     * fail at the same call and none waits for a failed peer.
     */
    private void checkThickness(Box box, double cutoff) {
        for (int k = 0; k < 3; k++) {
            if (n[k] > 1) {
                double w = box.perpendicularWidth(k);
                double thinnest = Double.POSITIVE_INFINITY;
                int which = 0;
                for (int j = 0; j < n[k]; j++) {
                    double t = (cuts[k][j + 1] - cuts[k][j]) * w;
                    if (t < thinnest) {
                        thinnest = t;
                        which = j;
                    }
                }
                if (thinnest < cutoff) {
                    throw new IllegalStateException(String.format(
                            "rank %d: brick %d of %d along %c is %.3f Å thick (cell width %.3f Å, cuts %s), thinner "
                                    + "than the ghost cut-off %.3f Å (cut-off + skin): ghosts would be needed from "
                                    + "beyond the neighbouring brick; use fewer domains along %c, a larger cell, or a "
                                    + "smaller cut-off or skin", rank, which, n[k], AXES.charAt(k), thinnest, w,
                            Arrays.toString(cuts[k]), cutoff, AXES.charAt(k)));
                }
            }
        }
    }

    // ---------------------------------------------------------------- migration

    private void migrate(Atoms atoms, Box box) {
        for (int k = 0; k < 3; k++) {
            if (n[k] == 1) {
                continue;
            }
            int hops = box.periodic(k) ? n[k] / 2 : n[k] - 1;
            for (int hop = 0; hop < hops; hop++) {
                outMinus.clear();
                outPlus.clear();
                int keep = 0;
                for (int i = 0; i < atoms.nlocal; i++) {
                    double[] x = atoms.x;
                    box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], frac, 0);
                    int t = brickIndex(k, frac[k]);
                    if (t == idx[k]) {
                        if (keep != i) {
                            moveAtom(atoms, i, keep);
                        }
                        keep++;
                        continue;
                    }
                    boolean up;
                    if (box.periodic(k)) {
                        up = Math.floorMod(t - idx[k], n[k]) <= n[k] / 2;
                    } else {
                        up = t > idx[k];
                    }
                    packAtom(atoms, i, up ? outPlus : outMinus);
                }
                atoms.nlocal = keep;
                int step = 64 * k + 2 * hop;
                if (lower[k] >= 0) {
                    transport.send(lower[k], Phase.MIGRATE, step, outMinus);
                } else if (outMinus.nInts > 0) {
                    throw new IllegalStateException("rank " + rank + ": atom id " + outMinus.ints[0]
                            + " must move below the non-periodic " + AXES.charAt(k) + " boundary");
                }
                if (upper[k] >= 0) {
                    transport.send(upper[k], Phase.MIGRATE, step + 1, outPlus);
                } else if (outPlus.nInts > 0) {
                    throw new IllegalStateException("rank " + rank + ": atom id " + outPlus.ints[0]
                            + " must move above the non-periodic " + AXES.charAt(k) + " boundary");
                }
                if (upper[k] >= 0) {
                    transport.receive(upper[k], Phase.MIGRATE, step, in);
                    unpackAtoms(atoms, in);
                }
                if (lower[k] >= 0) {
                    transport.receive(lower[k], Phase.MIGRATE, step + 1, in);
                    unpackAtoms(atoms, in);
                }
            }
        }
    }

    private static void moveAtom(Atoms a, int from, int to) {
        System.arraycopy(a.x, 3 * from, a.x, 3 * to, 3);
        System.arraycopy(a.v, 3 * from, a.v, 3 * to, 3);
        System.arraycopy(a.f, 3 * from, a.f, 3 * to, 3);
        System.arraycopy(a.image, 3 * from, a.image, 3 * to, 3);
        a.id[to] = a.id[from];
        a.type[to] = a.type[from];
        a.q[to] = a.q[from];
    }

    /** Migration record: ints id, type, image(3); doubles x(3), v(3), q. */
    private static void packAtom(Atoms a, int i, MessageBuffer m) {
        m.reserve(5, 7);
        int[] mi = m.ints;
        double[] md = m.doubles;
        int p = m.nInts, d = m.nDoubles;
        mi[p] = a.id[i];
        mi[p + 1] = a.type[i];
        mi[p + 2] = a.image[3 * i];
        mi[p + 3] = a.image[3 * i + 1];
        mi[p + 4] = a.image[3 * i + 2];
        for (int c = 0; c < 3; c++) {
            md[d + c] = a.x[3 * i + c];
            md[d + 3 + c] = a.v[3 * i + c];
        }
        md[d + 6] = a.q[i];
        m.nInts = p + 5;
        m.nDoubles = d + 7;
    }

    private void unpackAtoms(Atoms a, MessageBuffer m) {
        int count = m.nInts / 5;
        if (m.nInts != 5 * count || m.nDoubles != 7 * count) {
            throw new IllegalStateException("rank " + rank + ": malformed migration message (" + m.nInts + " ints, "
                    + m.nDoubles + " doubles)");
        }
        a.ensureCapacity(a.nlocal + count);
        for (int r = 0; r < count; r++) {
            int i = a.nlocal++;
            a.id[i] = m.ints[5 * r];
            a.type[i] = m.ints[5 * r + 1];
            a.image[3 * i] = m.ints[5 * r + 2];
            a.image[3 * i + 1] = m.ints[5 * r + 3];
            a.image[3 * i + 2] = m.ints[5 * r + 4];
            for (int c = 0; c < 3; c++) {
                a.x[3 * i + c] = m.doubles[7 * r + c];
                a.v[3 * i + c] = m.doubles[7 * r + 3 + c];
                a.f[3 * i + c] = 0;
            }
            a.q[i] = m.doubles[7 * r + 6];
        }
    }

    // ---------------------------------------------------------------- ghost construction

    private int newSwap(int dim, int kind, int to, int from) {
        if (nswap == swapDim.length) {
            int c = 2 * nswap;
            swapDim = Arrays.copyOf(swapDim, c);
            swapKind = Arrays.copyOf(swapKind, c);
            swapTo = Arrays.copyOf(swapTo, c);
            swapFrom = Arrays.copyOf(swapFrom, c);
            swapFirstGhost = Arrays.copyOf(swapFirstGhost, c);
            swapRecvCount = Arrays.copyOf(swapRecvCount, c);
            swapSendCount = Arrays.copyOf(swapSendCount, c);
            sendList = Arrays.copyOf(sendList, c);
            for (int s = nswap; s < c; s++) {
                sendList[s] = new int[16];
            }
        }
        int s = nswap++;
        swapDim[s] = dim;
        swapKind[s] = kind;
        swapTo[s] = to;
        swapFrom[s] = from;
        swapSendCount[s] = 0;
        swapRecvCount[s] = 0;
        return s;
    }

    private void addToSendList(int s, int a) {
        int c = swapSendCount[s];
        if (c == sendList[s].length) {
            sendList[s] = Arrays.copyOf(sendList[s], 2 * c);
        }
        sendList[s][c] = a;
        swapSendCount[s] = c + 1;
    }

    /** Fractional coordinate along k of atom a in this rank's frame. */
    private double frameS(Atoms atoms, int a, int k) {
        int nl = atoms.nlocal;
        if (a < nl) {
            return sLocal[3 * a + k];
        }
        int g = a - nl;
        return sOwn[3 * g + k] + atoms.ghostImage[3 * g + k];
    }

    /** Appends a ghost slot and returns its ghost index (0-based among ghosts). */
    private int appendGhost(Atoms atoms) {
        int g = atoms.nghost;
        atoms.ensureCapacity(atoms.nlocal + g + 1);
        atoms.ensureGhostCapacity(g + 1);
        if (rawX.length < 3 * (g + 1)) {
            int c = Math.max(3 * (g + 1), 2 * rawX.length);
            rawX = Arrays.copyOf(rawX, c);
            sOwn = Arrays.copyOf(sOwn, c);
        }
        atoms.nghost = g + 1;
        return g;
    }

    private void placeGhost(Atoms atoms, Box box, int g) {
        int[] img = atoms.ghostImage;
        box.imageShift(img[3 * g], img[3 * g + 1], img[3 * g + 2], shift, 0);
        int o = 3 * (atoms.nlocal + g);
        atoms.x[o] = rawX[3 * g] + shift[0];
        atoms.x[o + 1] = rawX[3 * g + 1] + shift[1];
        atoms.x[o + 2] = rawX[3 * g + 2] + shift[2];
    }

    private void selfImages(Atoms atoms, Box box, int k, int m, double margin, int nlast) {
        int s = newSwap(k, SELF, rank, rank);
        swapFirstGhost[s] = atoms.nghost;
        int nl = atoms.nlocal;
        for (int a = 0; a < nlast; a++) {
            double t = frameS(atoms, a, k) + m;
            if (t < -margin || t > 1 + margin) {
                continue;
            }
            addToSendList(s, a);
            int g = appendGhost(atoms);
            int dst = nl + g;
            atoms.id[dst] = atoms.id[a];
            atoms.type[dst] = atoms.type[a];
            atoms.q[dst] = atoms.q[a];
            if (a < nl) {
                System.arraycopy(atoms.x, 3 * a, rawX, 3 * g, 3);
                System.arraycopy(sLocal, 3 * a, sOwn, 3 * g, 3);
                atoms.ghostImage[3 * g] = 0;
                atoms.ghostImage[3 * g + 1] = 0;
                atoms.ghostImage[3 * g + 2] = 0;
                atoms.ghostOwner[g] = a;
            } else {
                int h = a - nl;
                System.arraycopy(rawX, 3 * h, rawX, 3 * g, 3);
                System.arraycopy(sOwn, 3 * h, sOwn, 3 * g, 3);
                System.arraycopy(atoms.ghostImage, 3 * h, atoms.ghostImage, 3 * g, 3);
                atoms.ghostOwner[g] = atoms.ghostOwner[h];
            }
            atoms.ghostImage[3 * g + k] += m;
            placeGhost(atoms, box, g);
        }
        swapRecvCount[s] = atoms.nghost - swapFirstGhost[s];
    }

    private void remoteSweep(Atoms atoms, Box box, int k, double margin, int nlast) {
        double lo = cuts[k][idx[k]];
        double hi = cuts[k][idx[k] + 1];
        // Both swaps exist on every rank of a split axis; beyond a non-periodic face one of their
        // peers is missing (-1) and that half of the swap is skipped.
        int sMinus = newSwap(k, MINUS, lower[k], upper[k]);
        int sPlus = newSwap(k, PLUS, upper[k], lower[k]);
        swapFirstGhost[sMinus] = atoms.nghost;
        swapFirstGhost[sPlus] = atoms.nghost;
        outMinus.clear();
        outPlus.clear();
        for (int a = 0; a < nlast; a++) {
            double t = frameS(atoms, a, k);
            if (lower[k] >= 0 && t < lo + margin) {
                addToSendList(sMinus, a);
                packGhost(atoms, a, outMinus);
            }
            if (upper[k] >= 0 && t >= hi - margin) {
                addToSendList(sPlus, a);
                packGhost(atoms, a, outPlus);
            }
        }
        if (lower[k] >= 0) {
            transport.send(lower[k], Phase.BORDERS, 2 * k, outMinus);
        }
        if (upper[k] >= 0) {
            transport.send(upper[k], Phase.BORDERS, 2 * k + 1, outPlus);
        }
        // Received with the MINUS swap: what the upper neighbour sent down; it crossed the global
        // boundary (and lies one cell up) when this brick is the last along k.
        if (upper[k] >= 0) {
            transport.receive(upper[k], Phase.BORDERS, 2 * k, in);
            unpackGhosts(atoms, box, sMinus, k, idx[k] == n[k] - 1 ? 1 : 0);
        }
        if (lower[k] >= 0) {
            transport.receive(lower[k], Phase.BORDERS, 2 * k + 1, in);
            unpackGhosts(atoms, box, sPlus, k, idx[k] == 0 ? -1 : 0);
        }
    }

    /** Ghost record: ints id, type, image(3); doubles owner position(3), owner fractional(3), q. */
    private void packGhost(Atoms atoms, int a, MessageBuffer m) {
        m.reserve(5, 7);
        int p = m.nInts, d = m.nDoubles;
        int nl = atoms.nlocal;
        m.ints[p] = atoms.id[a];
        m.ints[p + 1] = atoms.type[a];
        if (a < nl) {
            m.ints[p + 2] = 0;
            m.ints[p + 3] = 0;
            m.ints[p + 4] = 0;
            System.arraycopy(atoms.x, 3 * a, m.doubles, d, 3);
            System.arraycopy(sLocal, 3 * a, m.doubles, d + 3, 3);
        } else {
            int g = a - nl;
            System.arraycopy(atoms.ghostImage, 3 * g, m.ints, p + 2, 3);
            System.arraycopy(rawX, 3 * g, m.doubles, d, 3);
            System.arraycopy(sOwn, 3 * g, m.doubles, d + 3, 3);
        }
        m.doubles[d + 6] = atoms.q[a];
        m.nInts = p + 5;
        m.nDoubles = d + 7;
    }

    private void unpackGhosts(Atoms atoms, Box box, int s, int k, int delta) {
        int count = in.nInts / 5;
        if (in.nInts != 5 * count || in.nDoubles != 7 * count) {
            throw new IllegalStateException("rank " + rank + ": malformed ghost message (" + in.nInts + " ints, "
                    + in.nDoubles + " doubles)");
        }
        swapFirstGhost[s] = atoms.nghost;
        swapRecvCount[s] = count;
        int nl = atoms.nlocal;
        for (int r = 0; r < count; r++) {
            int g = appendGhost(atoms);
            int dst = nl + g;
            atoms.id[dst] = in.ints[5 * r];
            atoms.type[dst] = in.ints[5 * r + 1];
            atoms.ghostImage[3 * g] = in.ints[5 * r + 2];
            atoms.ghostImage[3 * g + 1] = in.ints[5 * r + 3];
            atoms.ghostImage[3 * g + 2] = in.ints[5 * r + 4];
            atoms.ghostImage[3 * g + k] += delta;
            atoms.ghostOwner[g] = -1;
            System.arraycopy(in.doubles, 7 * r, rawX, 3 * g, 3);
            System.arraycopy(in.doubles, 7 * r + 3, sOwn, 3 * g, 3);
            atoms.q[dst] = in.doubles[7 * r + 6];
            placeGhost(atoms, box, g);
        }
    }

    // ---------------------------------------------------------------- forward / reverse

    @Override
    public void forwardPositions(Atoms atoms, Box box) {
        forwardPositionsStart(atoms, box);
        forwardPositionsFinish(atoms, box);
    }

    /** True with other ranks: then there are messages whose flight the engine can overlap with pairs. */
    @Override
    public boolean overlapsCommunication() {
        return transport.size() > 1;
    }

    /**
     * Copies this rank's own images up to the first remote sweep and sends that sweep's messages.
     * Its send lists hold only owned atoms and images made before it, so nothing here waits.
     */
    @Override
    public void forwardPositionsStart(Atoms atoms, Box box) {
        long t0 = System.nanoTime();
        if (forwardResume >= 0) {
            throw new IllegalStateException("rank " + rank + ": forward exchange started twice without finishing");
        }
        int s = 0;
        while (s < nswap && swapKind[s] == SELF) {
            forwardSelf(atoms, box, s++);
        }
        if (s < nswap) {
            sendForward(atoms, s, groupEnd(s));
        }
        forwardResume = s;
        exchangeNanos += System.nanoTime() - t0;
    }

    /** Receives the first remote sweep, then does the remaining sweeps in order. */
    @Override
    public void forwardPositionsFinish(Atoms atoms, Box box) {
        long t0 = System.nanoTime();
        int s = forwardResume;
        if (s < 0) {
            throw new IllegalStateException("rank " + rank + ": forward exchange finished without a start");
        }
        forwardResume = -1;
        if (s < nswap) {
            int end = groupEnd(s);
            receiveForward(atoms, box, s, end);
            s = end;
        }
        while (s < nswap) {
            if (swapKind[s] == SELF) {
                forwardSelf(atoms, box, s++);
                continue;
            }
            int end = groupEnd(s);
            sendForward(atoms, s, end);
            receiveForward(atoms, box, s, end);
            s = end;
        }
        exchangeNanos += System.nanoTime() - t0;
    }

    private void forwardSelf(Atoms atoms, Box box, int s) {
        int first = swapFirstGhost[s];
        int[] list = sendList[s];
        for (int j = 0; j < swapRecvCount[s]; j++) {
            copyRaw(atoms, list[j], first + j);
        }
        refreshPositions(atoms, box, first, swapRecvCount[s]);
    }

    private void sendForward(Atoms atoms, int s, int end) {
        int nl = atoms.nlocal;
        for (int r = s; r < end; r++) {
            MessageBuffer out = outMinus;
            out.clear();
            int cnt = swapSendCount[r];
            out.reserve(0, 3 * cnt);
            int[] list = sendList[r];
            double[] od = out.doubles;
            for (int j = 0; j < cnt; j++) {
                int a = list[j];
                if (a < nl) {
                    System.arraycopy(atoms.x, 3 * a, od, 3 * j, 3);
                } else {
                    System.arraycopy(rawX, 3 * (a - nl), od, 3 * j, 3);
                }
            }
            out.nDoubles = 3 * cnt;
            if (swapTo[r] >= 0) {
                transport.send(swapTo[r], Phase.FORWARD, step(r), out);
            }
        }
    }

    private void receiveForward(Atoms atoms, Box box, int s, int end) {
        for (int r = s; r < end; r++) {
            if (swapFrom[r] < 0) {
                continue;
            }
            transport.receive(swapFrom[r], Phase.FORWARD, step(r), in);
            int first = swapFirstGhost[r], cnt = swapRecvCount[r];
            expect(in.nDoubles, 3 * cnt, Phase.FORWARD, r);
            System.arraycopy(in.doubles, 0, rawX, 3 * first, 3 * cnt);
            refreshPositions(atoms, box, first, cnt);
        }
    }

    private void copyRaw(Atoms atoms, int a, int g) {
        int nl = atoms.nlocal;
        if (a < nl) {
            System.arraycopy(atoms.x, 3 * a, rawX, 3 * g, 3);
        } else {
            System.arraycopy(rawX, 3 * (a - nl), rawX, 3 * g, 3);
        }
    }

    /** Ghost position = owner position + H·offset, in the operation order of PeriodicImages.forwardPositions. */
    private void refreshPositions(Atoms atoms, Box box, int first, int count) {
        double ax = box.lx(), bx = box.xy(), by = box.ly(), cx = box.xz(), cy = box.yz(), cz = box.lz();
        double[] x = atoms.x;
        int[] img = atoms.ghostImage;
        int nl = atoms.nlocal;
        for (int g = first; g < first + count; g++) {
            int o = 3 * (nl + g);
            int ma = img[3 * g], mb = img[3 * g + 1], mc = img[3 * g + 2];
            x[o] = rawX[3 * g] + ax * ma + bx * mb + cx * mc;
            x[o + 1] = rawX[3 * g + 1] + by * mb + cy * mc;
            x[o + 2] = rawX[3 * g + 2] + cz * mc;
        }
    }

    @Override
    public void forwardScalar(Atoms atoms, double[] perAtom) {
        long t0 = System.nanoTime();
        int nl = atoms.nlocal;
        int s = 0;
        while (s < nswap) {
            if (swapKind[s] == SELF) {
                int first = swapFirstGhost[s];
                int[] list = sendList[s];
                for (int j = 0; j < swapRecvCount[s]; j++) {
                    perAtom[nl + first + j] = perAtom[list[j]];
                }
                s++;
                continue;
            }
            int end = groupEnd(s);
            for (int r = s; r < end; r++) {
                MessageBuffer out = outMinus;
                out.clear();
                int cnt = swapSendCount[r];
                out.reserve(0, cnt);
                int[] list = sendList[r];
                for (int j = 0; j < cnt; j++) {
                    out.doubles[j] = perAtom[list[j]];
                }
                out.nDoubles = cnt;
                if (swapTo[r] >= 0) {
                    transport.send(swapTo[r], Phase.FORWARD_SCALAR, step(r), out);
                }
            }
            for (int r = s; r < end; r++) {
                if (swapFrom[r] < 0) {
                    continue;
                }
                transport.receive(swapFrom[r], Phase.FORWARD_SCALAR, step(r), in);
                expect(in.nDoubles, swapRecvCount[r], Phase.FORWARD_SCALAR, r);
                System.arraycopy(in.doubles, 0, perAtom, nl + swapFirstGhost[r], swapRecvCount[r]);
            }
            s = end;
        }
        exchangeNanos += System.nanoTime() - t0;
    }

    @Override
    public void reverseVector(Atoms atoms, double[] f) {
        reverseVectorStart(atoms, f);
        reverseVectorFinish(atoms, f);
    }

    /**
     * Folds the sweeps in reverse order down to the first remote sweep, whose messages it sends but
     * does not wait for: they carry forces onto owned atoms only (its send lists hold owned atoms
     * and images made before it, and those images are folded after it).
     */
    @Override
    public void reverseVectorStart(Atoms atoms, double[] f) {
        long t0 = System.nanoTime();
        if (reverseResume != NOTHING_PENDING) {
            throw new IllegalStateException("rank " + rank + ": reverse exchange started twice without finishing");
        }
        int s = nswap - 1;
        int firstRemote = firstRemoteSwap();
        reverseResume = -1;
        while (s >= 0) {
            if (swapKind[s] == SELF) {
                reverseSelf(atoms, f, s--);
                continue;
            }
            int begin = groupBegin(s);
            sendReverse(atoms, f, begin, s);
            if (begin == firstRemote) {
                reverseResume = s;
                break;
            }
            receiveReverse(f, begin, s);
            s = begin - 1;
        }
        exchangeNanos += System.nanoTime() - t0;
    }

    /** Receives the first remote sweep's forces, folds the images made before it, zeroes ghosts. */
    @Override
    public void reverseVectorFinish(Atoms atoms, double[] f) {
        long t0 = System.nanoTime();
        int s = reverseResume;
        if (s == NOTHING_PENDING) {
            throw new IllegalStateException("rank " + rank + ": reverse exchange finished without a start");
        }
        reverseResume = NOTHING_PENDING;
        if (s >= 0) {
            int begin = groupBegin(s);
            receiveReverse(f, begin, s);
            for (s = begin - 1; s >= 0; s--) {
                reverseSelf(atoms, f, s);
            }
        }
        Arrays.fill(f, 3 * atoms.nlocal, 3 * (atoms.nlocal + atoms.nghost), 0.0);
        exchangeNanos += System.nanoTime() - t0;
    }

    private int firstRemoteSwap() {
        for (int s = 0; s < nswap; s++) {
            if (swapKind[s] != SELF) {
                return s;
            }
        }
        return -1;
    }

    private void reverseSelf(Atoms atoms, double[] f, int s) {
        int nl = atoms.nlocal;
        int first = swapFirstGhost[s];
        int[] list = sendList[s];
        for (int j = swapRecvCount[s] - 1; j >= 0; j--) {
            int g = 3 * (nl + first + j);
            int o = 3 * list[j];
            f[o] += f[g];
            f[o + 1] += f[g + 1];
            f[o + 2] += f[g + 2];
        }
    }

    private void sendReverse(Atoms atoms, double[] f, int begin, int s) {
        int nl = atoms.nlocal;
        for (int r = begin; r <= s; r++) {
            int first = swapFirstGhost[r], cnt = swapRecvCount[r];
            MessageBuffer out = outMinus;
            out.clear();
            out.reserve(0, 3 * cnt);
            System.arraycopy(f, 3 * (nl + first), out.doubles, 0, 3 * cnt);
            out.nDoubles = 3 * cnt;
            if (swapFrom[r] >= 0) {
                transport.send(swapFrom[r], Phase.REVERSE, step(r), out);
            }
        }
    }

    private void receiveReverse(double[] f, int begin, int s) {
        for (int r = begin; r <= s; r++) {
            if (swapTo[r] < 0) {
                continue;
            }
            transport.receive(swapTo[r], Phase.REVERSE, step(r), in);
            int cnt = swapSendCount[r];
            expect(in.nDoubles, 3 * cnt, Phase.REVERSE, r);
            int[] list = sendList[r];
            double[] id = in.doubles;
            for (int j = 0; j < cnt; j++) {
                int o = 3 * list[j];
                f[o] += id[3 * j];
                f[o + 1] += id[3 * j + 1];
                f[o + 2] += id[3 * j + 2];
            }
        }
    }

    /** End (exclusive) of the run of remote swaps of one axis starting at s. */
    private int groupEnd(int s) {
        int e = s;
        while (e < nswap && swapKind[e] != SELF && swapDim[e] == swapDim[s]) {
            e++;
        }
        return e;
    }

    private int groupBegin(int s) {
        int b = s;
        while (b > 0 && swapKind[b - 1] != SELF && swapDim[b - 1] == swapDim[s]) {
            b--;
        }
        return b;
    }

    private int step(int s) {
        return 2 * swapDim[s] + (swapKind[s] == PLUS ? 1 : 0);
    }

    private void expect(int got, int want, Phase phase, int s) {
        if (got != want) {
            throw new IllegalStateException("rank " + rank + ": " + phase + " swap " + AXES.charAt(swapDim[s])
                    + (swapKind[s] == PLUS ? "+" : "-") + " carried " + got + " values, expected " + want
                    + ": the domains' ghost layers disagree");
        }
    }

    @Override
    public double sum(double localValue) {
        one[0] = localValue;
        sum(one);
        return one[0];
    }

    @Override
    public void sum(double[] values) {
        long t0 = System.nanoTime();
        transport.sum(values, values.length);
        sumNanos += System.nanoTime() - t0;
    }

    @Override
    public void startSum(double[] values) {
        long t0 = System.nanoTime();
        transport.startSum(values, values.length);
        sumNanos += System.nanoTime() - t0;
    }

    @Override
    public void finishSum(double[] values) {
        long t0 = System.nanoTime();
        transport.finishSum(values, values.length);
        sumNanos += System.nanoTime() - t0;
    }

    /**
     * Global maximum through the rank-ordered sum: each rank puts its value in its own slot of a
     * zero vector, so the summed vector holds every rank's value exactly (x + 0 = x) and every rank
     * takes the same maximum. One collective call; used only at stage set-up, so the small
     * allocation does not matter.
     */
    @Override
    public double max(double localValue) {
        double[] slots = new double[transport.size()];
        slots[rank] = localValue;
        sum(slots);
        double m = slots[0];
        for (int r = 1; r < slots.length; r++) {
            m = Math.max(m, slots[r]);
        }
        return m;
    }
}
