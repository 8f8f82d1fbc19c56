package org.dendrite.md.neighbor;

/**
 * Half neighbour list in compressed rows: the neighbours of local atom i are
 * {@code neighbors[offsets[i] .. offsets[i+1])}, indices into local and ghost atoms. Every
 * physical pair within {@code cutoffWithSkin} appears exactly once (Newton's third law), including
 * pairs with ghosts: a pair (i, ghost j) is kept only when r_j − r_i is positive in (z, y, x)
 * lexicographic order, so its mirror (j's owner, ghost of i) is dropped. This rule needs no owner
 * information and so holds equally for periodic images and for atoms of other domains.
 */
public final class NeighborList {
    public int[] offsets = new int[1];
    public int[] neighbors = new int[0];
    /**
     * Where the ghosts of row i begin: {@code neighbors[offsets[i] .. ghostStart[i])} are local atoms
     * and {@code neighbors[ghostStart[i] .. offsets[i+1])} ghosts, so the pairs among local atoms
     * can be evaluated while ghost positions are still being exchanged.
     */
    public int[] ghostStart = new int[0];
    /** Number of local atoms the rows cover. */
    public int rows;
    /** Cut-off plus skin the list was built with, Å. */
    public double cutoffWithSkin;

    public int count(int i) {
        return offsets[i + 1] - offsets[i];
    }

    public int totalPairs() {
        return offsets[rows];
    }
}
