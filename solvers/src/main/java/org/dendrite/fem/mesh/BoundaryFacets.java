package org.dendrite.fem.mesh;

import java.util.Arrays;

/**
 * The facets of a mesh that belong to exactly one element (its outer boundary), with their nodes in
 * outward orientation, the owning element and local facet index, and a tag: the {@link BoxFace}
 * ordinal when all the facet's nodes lie on that face of the bounding box, else
 * {@link BoxFace#NONE_TAG}. Tags of facets that lie on a box edge are never ambiguous because a
 * facet lies in one plane.
 *
 * <p>Found in O(facets): every element facet is bucketed by its smallest node index, and only
 * facets within a bucket are compared, so the cost does not depend on how the mesh was numbered.
 */
public final class BoundaryFacets {
    /** Relative tolerance (of the box extent) for "a node lies on a box face". */
    public static final double FACE_TOLERANCE = 1e-9;

    private final ElementType facetType;
    private final int count;
    private final int[] nodes;
    private final int[] owner;
    private final int[] localFacet;
    private final int[] tag;

    private BoundaryFacets(ElementType facetType, int[] nodes, int[] owner, int[] localFacet, int[] tag) {
        this.facetType = facetType;
        this.count = owner.length;
        this.nodes = nodes;
        this.owner = owner;
        this.localFacet = localFacet;
        this.tag = tag;
    }

    static BoundaryFacets of(Mesh mesh) {
        ElementType t = mesh.type();
        ElementType ft = t.facetType();
        int nf = t.facetCount();
        int fn = ft.nodes;
        int ne = mesh.elementCount();
        int total = ne * nf;
        int nn = mesh.nodeCount();
        // Min node, max node and node sum per facet: cheap keys that reject almost all non-matches.
        int[] minNode = new int[total];
        long[] key2 = new long[total];
        int[] bucketStart = new int[nn + 1];
        for (int e = 0; e < ne; e++) {
            for (int f = 0; f < nf; f++) {
                int mn = Integer.MAX_VALUE;
                int mx = -1;
                long sum = 0;
                for (int k = 0; k < fn; k++) {
                    int n = mesh.node(e, t.facetNode(f, k));
                    mn = Math.min(mn, n);
                    mx = Math.max(mx, n);
                    sum += n;
                }
                int id = e * nf + f;
                minNode[id] = mn;
                key2[id] = ((long) mx << 32) | (sum - mn - mx);
                bucketStart[mn + 1]++;
            }
        }
        for (int n = 0; n < nn; n++) {
            bucketStart[n + 1] += bucketStart[n];
        }
        int[] fill = Arrays.copyOf(bucketStart, nn);
        int[] order = new int[total];
        for (int id = 0; id < total; id++) {
            order[fill[minNode[id]]++] = id;
        }
        boolean[] matched = new boolean[total];
        boolean exactKey = fn <= 3;
        int[] a = new int[fn];
        int[] b = new int[fn];
        for (int n = 0; n < nn; n++) {
            for (int i = bucketStart[n]; i < bucketStart[n + 1]; i++) {
                int fi = order[i];
                if (matched[fi]) {
                    continue;
                }
                for (int j = i + 1; j < bucketStart[n + 1]; j++) {
                    int fj = order[j];
                    if (matched[fj] || key2[fj] != key2[fi]) {
                        continue;
                    }
                    // Edges and triangles are fixed by (min, max, sum); quadrilaterals need the full check.
                    boolean same = exactKey;
                    if (!same) {
                        sortedNodes(mesh, fi, nf, a);
                        sortedNodes(mesh, fj, nf, b);
                        same = Arrays.equals(a, b);
                    }
                    if (same) {
                        matched[fi] = true;
                        matched[fj] = true;
                        break;
                    }
                }
            }
        }
        int count = 0;
        for (int id = 0; id < total; id++) {
            if (!matched[id]) {
                count++;
            }
        }
        int[] nodes = new int[count * fn];
        int[] owner = new int[count];
        int[] local = new int[count];
        int[] tag = new int[count];
        double[] bb = mesh.boundingBox();
        int k = 0;
        for (int id = 0; id < total; id++) {
            if (matched[id]) {
                continue;
            }
            int e = id / nf;
            int f = id % nf;
            owner[k] = e;
            local[k] = f;
            for (int q = 0; q < fn; q++) {
                nodes[k * fn + q] = mesh.node(e, t.facetNode(f, q));
            }
            tag[k] = faceTag(mesh, nodes, k * fn, fn, bb);
            k++;
        }
        return new BoundaryFacets(ft, nodes, owner, local, tag);
    }

    private static void sortedNodes(Mesh mesh, int id, int nf, int[] out) {
        ElementType t = mesh.type();
        int e = id / nf;
        int f = id % nf;
        for (int k = 0; k < out.length; k++) {
            out[k] = mesh.node(e, t.facetNode(f, k));
        }
        Arrays.sort(out);
    }

    private static int faceTag(Mesh mesh, int[] nodes, int off, int fn, double[] bb) {
        int dim = mesh.dim();
        double extent = 0;
        for (int c = 0; c < dim; c++) {
            extent = Math.max(extent, bb[3 + c] - bb[c]);
        }
        double tol = FACE_TOLERANCE * extent;
        for (BoxFace face : BoxFace.values()) {
            if (face.axis >= dim) {
                continue;
            }
            double plane = face.sign < 0 ? bb[face.axis] : bb[3 + face.axis];
            boolean all = true;
            for (int q = 0; q < fn && all; q++) {
                all = Math.abs(mesh.x(nodes[off + q], face.axis) - plane) <= tol;
            }
            if (all) {
                return face.ordinal();
            }
        }
        return BoxFace.NONE_TAG;
    }

    public ElementType facetType() {
        return facetType;
    }

    /** Number of boundary facets. */
    public int count() {
        return count;
    }

    /** Node {@code k} of boundary facet {@code i} (outward orientation). */
    public int node(int i, int k) {
        return nodes[i * facetType.nodes + k];
    }

    /** The element that owns boundary facet {@code i}. */
    public int owner(int i) {
        return owner[i];
    }

    /** The local facet index of facet {@code i} in its owner element. */
    public int localFacet(int i) {
        return localFacet[i];
    }

    /** The {@link BoxFace} ordinal of facet {@code i}, or {@link BoxFace#NONE_TAG}. */
    public int tag(int i) {
        return tag[i];
    }

    /** Indices of the boundary facets on {@code face}, ascending. */
    public int[] facetsOn(BoxFace face) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (tag[i] == face.ordinal()) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < count; i++) {
            if (tag[i] == face.ordinal()) {
                out[n++] = i;
            }
        }
        return out;
    }

    /** Sorted, distinct indices of the nodes on {@code face}. */
    public int[] nodesOn(BoxFace face) {
        int fn = facetType.nodes;
        int[] f = facetsOn(face);
        int[] all = new int[f.length * fn];
        for (int i = 0; i < f.length; i++) {
            for (int k = 0; k < fn; k++) {
                all[i * fn + k] = nodes[f[i] * fn + k];
            }
        }
        Arrays.sort(all);
        int m = 0;
        for (int i = 0; i < all.length; i++) {
            if (m == 0 || all[i] != all[m - 1]) {
                all[m++] = all[i];
            }
        }
        return Arrays.copyOf(all, m);
    }
}
