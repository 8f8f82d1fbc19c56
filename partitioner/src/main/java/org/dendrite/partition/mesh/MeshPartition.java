package org.dendrite.partition.mesh;

import java.util.Arrays;

import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.sparse.SparsityPattern;

/**
 * A mesh split into subdomains, one per rank, with owned and ghost nodes and the send/receive lists
 * of the halo exchange.
 *
 * <p>Rules:
 * <ul>
 * <li>Element e belongs to part {@code elementPart[e]} (e.g. from {@link RecursiveCoordinateBisection}).
 * <li>A node is <b>owned</b> by the lowest part among the elements touching it (a node of no
 * element: rank 0). Every node has exactly one owner; the owner computes its unknown.
 * <li>A rank's <b>local elements</b> are all elements touching one of its owned nodes, in global
 * order: its own part's elements near its owned nodes plus one layer of other parts' elements
 * along the interface. With them the rank assembles the complete global row of each owned node
 * (the same element contributions added in the same order as one domain, so the same bits), and
 * the matrix–vector product needs only a forward halo exchange; no reverse accumulation.
 * <li>A rank's <b>ghost nodes</b> are the other nodes of its local elements: exactly the columns of
 * its owned rows that it does not own. Local numbering: owned nodes in ascending global id, then
 * ghosts in ascending global id.
 * <li>Rank r receives from rank s the ghosts s owns, in ascending global id; s sends r the same
 * nodes in the same order (the lists are built together, so they are symmetric by construction).
 * </ul>
 * The partition is computed from the whole mesh on every rank (or JVM): it depends only on the mesh
 * and the element parts, so no communication is needed to agree on it.
 */
public final class MeshPartition {
    private final Mesh mesh;
    private final int parts;
    private final int[] elementPart;
    private final int[] nodeOwner;
    private final Subdomain[] domains;
    private final int interfaceNodes;

    public MeshPartition(Mesh mesh, int[] elementPart, int parts) {
        int ne = mesh.elementCount();
        int nn = mesh.nodeCount();
        int npe = mesh.nodesPerElement();
        if (elementPart.length != ne) {
            throw new IllegalArgumentException("element part array has " + elementPart.length + " entries for "
                    + ne + " elements");
        }
        this.mesh = mesh;
        this.parts = parts;
        this.elementPart = elementPart;
        int[] conn = mesh.connectivity();
        nodeOwner = new int[nn];
        Arrays.fill(nodeOwner, Integer.MAX_VALUE);
        int[] maxPart = new int[nn];
        Arrays.fill(maxPart, -1);
        for (int e = 0; e < ne; e++) {
            int p = elementPart[e];
            if (p < 0 || p >= parts) {
                throw new IllegalArgumentException("element " + e + " is in part " + p + "; parts are 0.." + (parts - 1));
            }
            for (int a = 0; a < npe; a++) {
                int n = conn[e * npe + a];
                nodeOwner[n] = Math.min(nodeOwner[n], p);
                maxPart[n] = Math.max(maxPart[n], p);
            }
        }
        int shared = 0;
        int[] ownedCount = new int[parts];
        for (int n = 0; n < nn; n++) {
            if (nodeOwner[n] == Integer.MAX_VALUE) {
                nodeOwner[n] = 0;
            } else if (maxPart[n] != nodeOwner[n]) {
                shared++;
            }
            ownedCount[nodeOwner[n]]++;
        }
        interfaceNodes = shared;
        // Index of every node among its owner's owned nodes (they are numbered first, ascending).
        int[][] owned = new int[parts][];
        int[] ownedIndex = new int[nn];
        int[] fill = new int[parts];
        for (int r = 0; r < parts; r++) {
            owned[r] = new int[ownedCount[r]];
        }
        for (int n = 0; n < nn; n++) {
            int r = nodeOwner[n];
            ownedIndex[n] = fill[r];
            owned[r][fill[r]++] = n;
        }
        int[][] n2e = SparsityPattern.nodeToElements(mesh);
        int[] elemMark = new int[ne];
        int[] nodeMark = new int[nn];
        Arrays.fill(elemMark, -1);
        Arrays.fill(nodeMark, -1);
        domains = new Subdomain[parts];
        int[][][] recv = new int[parts][][];
        int[][] neighbours = new int[parts][];
        for (int r = 0; r < parts; r++) {
            int[] elems = new int[16];
            int nElems = 0;
            for (int n : owned[r]) {
                for (int q = n2e[0][n]; q < n2e[0][n + 1]; q++) {
                    int e = n2e[1][q];
                    if (elemMark[e] != r) {
                        elemMark[e] = r;
                        if (nElems == elems.length) {
                            elems = Arrays.copyOf(elems, 2 * nElems);
                        }
                        elems[nElems++] = e;
                    }
                }
            }
            elems = Arrays.copyOf(elems, nElems);
            Arrays.sort(elems);
            int[] ghosts = new int[16];
            int nGhosts = 0;
            for (int e : elems) {
                for (int a = 0; a < npe; a++) {
                    int n = conn[e * npe + a];
                    if (nodeOwner[n] != r && nodeMark[n] != r) {
                        nodeMark[n] = r;
                        if (nGhosts == ghosts.length) {
                            ghosts = Arrays.copyOf(ghosts, 2 * nGhosts);
                        }
                        ghosts[nGhosts++] = n;
                    }
                }
            }
            ghosts = Arrays.copyOf(ghosts, nGhosts);
            Arrays.sort(ghosts);
            int[] localToGlobal = new int[owned[r].length + nGhosts];
            System.arraycopy(owned[r], 0, localToGlobal, 0, owned[r].length);
            System.arraycopy(ghosts, 0, localToGlobal, owned[r].length, nGhosts);
            // Ghosts grouped by owner; within a group ascending global id (ghosts is sorted).
            int[] perOwner = new int[parts];
            for (int g : ghosts) {
                perOwner[nodeOwner[g]]++;
            }
            int nb = 0;
            for (int s = 0; s < parts; s++) {
                if (perOwner[s] > 0) {
                    nb++;
                }
            }
            neighbours[r] = new int[nb];
            recv[r] = new int[nb][];
            int[] slot = new int[parts];
            nb = 0;
            for (int s = 0; s < parts; s++) {
                if (perOwner[s] > 0) {
                    slot[s] = nb;
                    neighbours[r][nb] = s;
                    recv[r][nb++] = new int[perOwner[s]];
                }
            }
            int[] cnt = new int[nb];
            for (int i = 0; i < nGhosts; i++) {
                int k = slot[nodeOwner[ghosts[i]]];
                recv[r][k][cnt[k]++] = owned[r].length + i;
            }
            domains[r] = new Subdomain(this, r, owned[r].length, localToGlobal, elems);
        }
        // Send lists: what rank s sends to r are the ghosts of r owned by s, as s-local indices.
        int[][] sendPeers = new int[parts][];
        int[][][] send = new int[parts][][];
        int[] peerCount = new int[parts];
        for (int r = 0; r < parts; r++) {
            for (int s : neighbours[r]) {
                peerCount[s]++;
            }
        }
        for (int s = 0; s < parts; s++) {
            sendPeers[s] = new int[peerCount[s]];
            send[s] = new int[peerCount[s]][];
            peerCount[s] = 0;
        }
        for (int r = 0; r < parts; r++) {
            int[] l2g = domains[r].localToGlobal();
            for (int k = 0; k < neighbours[r].length; k++) {
                int s = neighbours[r][k];
                int[] list = new int[recv[r][k].length];
                for (int i = 0; i < list.length; i++) {
                    list[i] = ownedIndex[l2g[recv[r][k][i]]];
                }
                sendPeers[s][peerCount[s]] = r;
                send[s][peerCount[s]++] = list;
            }
        }
        for (int r = 0; r < parts; r++) {
            domains[r].setExchange(neighbours[r], recv[r], sendPeers[r], send[r]);
        }
    }

    /** RCB into {@code parts} subdomains. */
    public static MeshPartition rcb(Mesh mesh, int parts) {
        return new MeshPartition(mesh, RecursiveCoordinateBisection.partition(mesh, parts), parts);
    }

    public Mesh mesh() {
        return mesh;
    }

    public int parts() {
        return parts;
    }

    public Subdomain domain(int rank) {
        return domains[rank];
    }

    /** Part of every element (shared, not copied). */
    public int[] elementPart() {
        return elementPart;
    }

    /** Owning rank of every node (shared, not copied). */
    public int[] nodeOwner() {
        return nodeOwner;
    }

    /** Elements per part. */
    public int[] elementCounts() {
        int[] c = new int[parts];
        for (int p : elementPart) {
            c[p]++;
        }
        return c;
    }

    /** Largest part's element count over the mean (1 = perfect balance). */
    public double elementImbalance() {
        int max = 0;
        for (int c : elementCounts()) {
            max = Math.max(max, c);
        }
        return max * (double) parts / mesh.elementCount();
    }

    /** Largest rank's owned-node count over the mean: the balance of the solver's work. */
    public double nodeImbalance() {
        int max = 0;
        for (Subdomain d : domains) {
            max = Math.max(max, d.ownedCount());
        }
        return max * (double) parts / mesh.nodeCount();
    }

    /** Nodes touched by elements of two or more parts (the interface). */
    public int interfaceNodeCount() {
        return interfaceNodes;
    }

    /** Ghost nodes summed over the ranks (the data one halo exchange moves, in values). */
    public int totalGhostCount() {
        int s = 0;
        for (Subdomain d : domains) {
            s += d.ghostCount();
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%d parts of %d elements: element imbalance %.4f, owned-node imbalance %.4f, %d interface nodes, %d ghosts",
                parts, mesh.elementCount(), elementImbalance(), nodeImbalance(), interfaceNodes, totalGhostCount());
    }
}
