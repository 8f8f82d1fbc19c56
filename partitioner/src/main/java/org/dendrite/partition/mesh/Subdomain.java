package org.dendrite.partition.mesh;

import org.dendrite.fem.mesh.Mesh;

/**
 * One rank's share of a {@link MeshPartition}: owned nodes (local 0 … ownedCount−1), ghost nodes
 * (after them), local elements (global ids, ascending) and the exchange lists. {@code send[k]} are
 * local indices of owned nodes whose values go to rank {@code sendPeers[k]}; {@code recv[k]} are
 * local indices of ghosts filled from rank {@code recvPeers[k]}, in the order that rank sends them.
 */
public final class Subdomain {
    private final MeshPartition partition;
    private final int rank;
    private final int ownedCount;
    private final int[] localToGlobal;
    private final int[] elements;
    private int[] recvPeers;
    private int[][] recv;
    private int[] sendPeers;
    private int[][] send;
    private Mesh submesh;

    Subdomain(MeshPartition partition, int rank, int ownedCount, int[] localToGlobal, int[] elements) {
        this.partition = partition;
        this.rank = rank;
        this.ownedCount = ownedCount;
        this.localToGlobal = localToGlobal;
        this.elements = elements;
    }

    void setExchange(int[] recvPeers, int[][] recv, int[] sendPeers, int[][] send) {
        this.recvPeers = recvPeers;
        this.recv = recv;
        this.sendPeers = sendPeers;
        this.send = send;
    }

    public int rank() {
        return rank;
    }

    public int ownedCount() {
        return ownedCount;
    }

    public int ghostCount() {
        return localToGlobal.length - ownedCount;
    }

    /** Owned plus ghost nodes. */
    public int localNodeCount() {
        return localToGlobal.length;
    }

    /** Global node id of every local node (owned first). Shared, not copied. */
    public int[] localToGlobal() {
        return localToGlobal;
    }

    /** Global ids of the local elements, ascending. Shared, not copied. */
    public int[] elements() {
        return elements;
    }

    public int[] recvPeers() {
        return recvPeers;
    }

    public int[][] recvLists() {
        return recv;
    }

    public int[] sendPeers() {
        return sendPeers;
    }

    public int[][] sendLists() {
        return send;
    }

    /** A per-element array of the global mesh restricted to the local elements. */
    public double[] elementValues(double[] global) {
        double[] v = new double[elements.length];
        for (int i = 0; i < elements.length; i++) {
            v[i] = global[elements[i]];
        }
        return v;
    }

    /** A per-node array of the global mesh restricted to the local nodes. */
    public double[] nodeValues(double[] global) {
        double[] v = new double[localToGlobal.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = global[localToGlobal[i]];
        }
        return v;
    }

    /** A per-node mask of the global mesh restricted to the local nodes. */
    public boolean[] nodeMask(boolean[] global) {
        boolean[] v = new boolean[localToGlobal.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = global[localToGlobal[i]];
        }
        return v;
    }

    /**
     * The local elements as a mesh on the local nodes (local numbering, element order kept), with
     * the global cell and point tags restricted to them. Built on first use.
     */
    public synchronized Mesh submesh() {
        if (submesh == null) {
            Mesh g = partition.mesh();
            int dim = g.dim();
            int npe = g.nodesPerElement();
            int[] globalToLocal = new int[g.nodeCount()];
            java.util.Arrays.fill(globalToLocal, -1);
            double[] xyz = new double[localToGlobal.length * dim];
            for (int l = 0; l < localToGlobal.length; l++) {
                int n = localToGlobal[l];
                globalToLocal[n] = l;
                System.arraycopy(g.coords(), n * dim, xyz, l * dim, dim);
            }
            int[] conn = new int[elements.length * npe];
            for (int i = 0; i < elements.length; i++) {
                for (int a = 0; a < npe; a++) {
                    conn[i * npe + a] = globalToLocal[g.node(elements[i], a)];
                }
            }
            Mesh m = new Mesh(dim, g.type(), xyz, conn);
            for (String t : g.cellTagNames()) {
                int[] src = g.cellTag(t);
                int[] v = new int[elements.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = src[elements[i]];
                }
                m.putCellTag(t, v);
            }
            for (String t : g.pointTagNames()) {
                int[] src = g.pointTag(t);
                int[] v = new int[localToGlobal.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = src[localToGlobal[i]];
                }
                m.putPointTag(t, v);
            }
            submesh = m;
        }
        return submesh;
    }
}
