package org.dendrite.md.neighbor;

import java.util.Arrays;

import org.dendrite.md.Atoms;

/**
 * Builds the half neighbour list of local atoms against local and ghost atoms with a Cartesian cell
 * list (bins at least half the list radius wide, searched over a stencil that covers the radius),
 * in O(N). Rows come out in atom order and neighbours in a deterministic order, so the same
 * positions always give the same list and therefore the same floating-point sums. Within a row the
 * owned neighbours come before the ghosts ({@link NeighborList#ghostStart}).
 *
 * <p>A build is three phases so that the middle one can run on several threads: {@link #bin}
 * (serial, sorts atoms into bins), {@link #buildRows} (any contiguous range of rows, one call per
 * worker, each into its own block) and {@link #assemble} (concatenates the blocks in row order).
 * The list is the same whatever the number of workers. Arrays are kept between builds and grow
 * only when the system needs more room.
 */
public final class NeighborBuilder {
    /**
     * Distance bands per type in a row. Rows ordered by (type, band) make the cut-off tests of the
     * pair loop almost monotonic along a row, so the branch predictor gets them right instead of
     * missing on a third of the pairs; only the band holding a cut-off mixes outcomes. A counting
     * sort into bands costs O(row) where sorting by exact distance cost O(row log row), half the
     * build time.
     */
    private static final int BANDS = 32;

    private final CellGrid grid = new CellGrid();
    /** Stencil reach in bins along x, y, z for the current build. */
    private int r0, r1, r2;
    private double radius;
    private final RowBlock[] blocks;

    /** Rows [from, to) of the list as built by one worker. */
    private static final class RowBlock {
        int from;
        int to;
        int[] rowLength = new int[0];
        /** Owned neighbours (j < nlocal) at the head of each row. */
        int[] rowOwned = new int[0];
        int[] neighbors = new int[1024];
        int[] rowJ = new int[256];
        int[] rowBucket = new int[256];
        int[] bucketStart = new int[0];
    }

    /** A builder for single-threaded use. */
    public NeighborBuilder() {
        this(1);
    }

    /** A builder whose {@link #buildRows} may be called by {@code workers} threads at once. */
    public NeighborBuilder(int workers) {
        blocks = new RowBlock[workers];
        for (int w = 0; w < workers; w++) {
            blocks[w] = new RowBlock();
        }
    }

    /** Builds {@code list} for all pairs closer than {@code radius} (cut-off + skin), Å, on this thread. */
    public void build(Atoms atoms, double radius, NeighborList list) {
        bin(atoms, radius);
        buildRows(atoms, 0, 0, atoms.nlocal);
        assemble(atoms, list, 1);
    }

    /** Phase 1: sorts local and ghost atoms into Cartesian bins at least half the radius wide. */
    public void bin(Atoms atoms, double radius) {
        this.radius = radius;
        int total = atoms.total();
        grid.bin(atoms.x, total, 0.5 * radius, 8L * total + 64);
        r0 = reach(radius, grid.extent0, grid.n0);
        r1 = reach(radius, grid.extent1, grid.n1);
        r2 = reach(radius, grid.extent2, grid.n2);
    }

    /**
     * Phase 2: the rows of local atoms [from, to) into the block of {@code worker}. Safe to call
     * concurrently for different workers and disjoint ranges after {@link #bin}.
     */
    public void buildRows(Atoms atoms, int worker, int from, int to) {
        RowBlock block = blocks[worker];
        block.from = from;
        block.to = to;
        if (block.rowLength.length < to - from) {
            block.rowLength = new int[Math.max(to - from, block.rowLength.length * 3 / 2)];
            block.rowOwned = new int[block.rowLength.length];
        }
        int nlocal = atoms.nlocal;
        double[] x = atoms.x;
        int[] type = atoms.type;
        int n0 = grid.n0, n1 = grid.n1, n2 = grid.n2;
        int[] binOf = grid.binOf, binStart = grid.binStart, binAtoms = grid.atomsByBin;
        // Owned neighbours first, then ghosts, each part ordered by (type, band): a rank that
        // overlaps its halo exchange with the pair loop runs the owned part while ghosts are in flight.
        int typeBuckets = atoms.species.count() * BANDS;
        int buckets = 2 * typeBuckets;
        if (block.bucketStart.length < buckets + 1) {
            block.bucketStart = new int[buckets + 1];
        }
        int[] bucketStart = block.bucketStart;
        double rsqMax = radius * radius;
        double bandsPerRsq = BANDS / rsqMax;
        int[] nb = block.neighbors;
        int[] rowJ = block.rowJ;
        int[] rowBucket = block.rowBucket;
        int count = 0;
        for (int i = from; i < to; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int b = binOf[i];
            int b0 = b % n0, b1 = (b / n0) % n1, b2 = b / (n0 * n1);
            int rowLength = 0;
            for (int c2 = Math.max(0, b2 - r2); c2 <= Math.min(n2 - 1, b2 + r2); c2++) {
                for (int c1 = Math.max(0, b1 - r1); c1 <= Math.min(n1 - 1, b1 + r1); c1++) {
                    int rowBase = (c2 * n1 + c1) * n0;
                    int start = binStart[rowBase + Math.max(0, b0 - r0)];
                    int end = binStart[rowBase + Math.min(n0 - 1, b0 + r0) + 1];
                    for (int s = start; s < end; s++) {
                        int j = binAtoms[s];
                        double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                        if (j < nlocal) {
                            if (j <= i) {
                                continue;
                            }
                        } else if (!(dz > 0 || (dz == 0 && (dy > 0 || (dy == 0 && dx > 0))))) {
                            // The mirror pair (owner of j, image of i) carries this interaction.
                            continue;
                        }
                        double rsq = dx * dx + dy * dy + dz * dz;
                        if (rsq < rsqMax) {
                            if (rowLength == rowJ.length) {
                                rowJ = Arrays.copyOf(rowJ, rowJ.length * 2);
                                rowBucket = Arrays.copyOf(rowBucket, rowBucket.length * 2);
                            }
                            rowJ[rowLength] = j;
                            rowBucket[rowLength++] = (j < nlocal ? 0 : typeBuckets) + type[j] * BANDS
                                    + Math.min(BANDS - 1, (int) (rsq * bandsPerRsq));
                        }
                    }
                }
            }
            if (count + rowLength > nb.length) {
                nb = Arrays.copyOf(nb, Math.max(count + rowLength, nb.length + nb.length / 2));
            }
            // Counting sort by (owned/ghost, type, distance band), stable: scan order (spatial) within a bucket.
            Arrays.fill(bucketStart, 0, buckets + 1, 0);
            for (int k = 0; k < rowLength; k++) {
                bucketStart[rowBucket[k] + 1]++;
            }
            for (int k = 0; k < buckets; k++) {
                bucketStart[k + 1] += bucketStart[k];
            }
            block.rowOwned[i - from] = bucketStart[typeBuckets];
            for (int k = 0; k < rowLength; k++) {
                nb[count + bucketStart[rowBucket[k]]++] = rowJ[k];
            }
            count += rowLength;
            block.rowLength[i - from] = rowLength;
        }
        block.neighbors = nb;
        block.rowJ = rowJ;
        block.rowBucket = rowBucket;
    }

    /** Phase 3: concatenates the blocks of the first {@code workers} workers, in row order, into {@code list}. */
    public void assemble(Atoms atoms, NeighborList list, int workers) {
        int nlocal = atoms.nlocal;
        int total = 0;
        for (int w = 0; w < workers; w++) {
            RowBlock block = blocks[w];
            for (int r = 0; r < block.to - block.from; r++) {
                total += block.rowLength[r];
            }
        }
        int[] offsets = list.offsets.length >= nlocal + 1 ? list.offsets : new int[nlocal + 1];
        int[] ghostStart = list.ghostStart.length >= nlocal ? list.ghostStart : new int[nlocal];
        int[] nb = list.neighbors.length >= total ? list.neighbors : new int[total + total / 8];
        int count = 0;
        int expectedRow = 0;
        for (int w = 0; w < workers; w++) {
            RowBlock block = blocks[w];
            if (block.from != expectedRow) {
                throw new IllegalStateException("neighbour rows of worker " + w + " start at " + block.from
                        + ", expected " + expectedRow);
            }
            int blockCount = 0;
            for (int i = block.from; i < block.to; i++) {
                offsets[i] = count + blockCount;
                ghostStart[i] = offsets[i] + block.rowOwned[i - block.from];
                blockCount += block.rowLength[i - block.from];
            }
            System.arraycopy(block.neighbors, 0, nb, count, blockCount);
            count += blockCount;
            expectedRow = block.to;
        }
        if (expectedRow != nlocal) {
            throw new IllegalStateException("neighbour rows end at " + expectedRow + ", expected " + nlocal);
        }
        offsets[nlocal] = count;
        list.offsets = offsets;
        list.ghostStart = ghostStart;
        list.neighbors = nb;
        list.rows = nlocal;
        list.cutoffWithSkin = radius;
    }

    private static int reach(double radius, double extent, int n) {
        if (n <= 1) {
            return 0;
        }
        double width = extent / n;
        return (int) Math.min(n, Math.ceil(radius / width));
    }
}
