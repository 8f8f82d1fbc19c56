package org.dendrite.fem.mesh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unstructured mesh of one element type: node coordinates, element connectivity, and named
 * integer tags on elements ("cell tags": region, grain id, GB flag, layer) and on nodes ("point
 * tags"). Storage is flat primitive arrays: node {@code n} has coordinates
 * {@code coords[n*dim .. n*dim+dim-1]}, element {@code e} has nodes
 * {@code connectivity[e*npe .. e*npe+npe-1]} in the {@link ElementType} node order.
 *
 * <p>The arrays are shared, not copied (meshes of 10⁶ nodes are common); callers must not change
 * them after handing them over. Tags are carried to VTU output unchanged. The conventional region
 * tag that material models read is {@link #REGION}.
 *
 * <p>The constructor checks structure only (array lengths, node indices in range); geometric
 * validity (no inverted or degenerate element) is checked by {@link MeshQuality#requireValid}.
 */
public final class Mesh {
    /** Name of the element tag that models use to look up material constants. */
    public static final String REGION = "region";

    private final int dim;
    private final ElementType type;
    private final double[] coords;
    private final int[] connectivity;
    private final int nodeCount;
    private final int elementCount;
    private final Map<String, int[]> cellTags = new LinkedHashMap<>();
    private final Map<String, int[]> pointTags = new LinkedHashMap<>();
    private BoundaryFacets boundary;

    public Mesh(int dim, ElementType type, double[] coords, int[] connectivity) {
        if (dim != 2 && dim != 3) {
            throw new MeshException("mesh dimension must be 2 or 3, got " + dim);
        }
        if (type.dim != dim) {
            throw new MeshException(type + " elements are " + type.dim + "-D, the mesh is " + dim + "-D");
        }
        if (coords.length % dim != 0) {
            throw new MeshException("coordinate array length " + coords.length + " is not a multiple of " + dim);
        }
        if (connectivity.length % type.nodes != 0) {
            throw new MeshException("connectivity length " + connectivity.length + " is not a multiple of "
                    + type.nodes + " (" + type + ")");
        }
        this.dim = dim;
        this.type = type;
        this.coords = coords;
        this.connectivity = connectivity;
        this.nodeCount = coords.length / dim;
        this.elementCount = connectivity.length / type.nodes;
        for (int e = 0; e < elementCount; e++) {
            for (int a = 0; a < type.nodes; a++) {
                int n = connectivity[e * type.nodes + a];
                if (n < 0 || n >= nodeCount) {
                    throw new MeshException("element " + e + ": node " + n + " out of range [0, " + nodeCount + ")");
                }
            }
        }
        for (int i = 0; i < coords.length; i++) {
            if (!Double.isFinite(coords[i])) {
                throw new MeshException("node " + (i / dim) + ": non-finite coordinate " + coords[i]);
            }
        }
    }

    public int dim() {
        return dim;
    }

    public ElementType type() {
        return type;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int elementCount() {
        return elementCount;
    }

    /** Nodes per element. */
    public int nodesPerElement() {
        return type.nodes;
    }

    /** The backing coordinate array ({@code nodeCount*dim}); do not modify. */
    public double[] coords() {
        return coords;
    }

    /** The backing connectivity array ({@code elementCount*nodesPerElement}); do not modify. */
    public int[] connectivity() {
        return connectivity;
    }

    /** Coordinate {@code c} of node {@code n}. */
    public double x(int n, int c) {
        return coords[n * dim + c];
    }

    /** Global index of local node {@code a} of element {@code e}. */
    public int node(int e, int a) {
        return connectivity[e * type.nodes + a];
    }

    /** Sets (or replaces) an element tag; {@code values.length} must be {@link #elementCount()}. */
    public Mesh putCellTag(String name, int[] values) {
        if (values.length != elementCount) {
            throw new MeshException("cell tag '" + name + "' has " + values.length + " values for "
                    + elementCount + " elements");
        }
        cellTags.put(name, values);
        return this;
    }

    /** Sets (or replaces) a node tag; {@code values.length} must be {@link #nodeCount()}. */
    public Mesh putPointTag(String name, int[] values) {
        if (values.length != nodeCount) {
            throw new MeshException("point tag '" + name + "' has " + values.length + " values for "
                    + nodeCount + " nodes");
        }
        pointTags.put(name, values);
        return this;
    }

    /** The element tag {@code name}, or null. */
    public int[] cellTag(String name) {
        return cellTags.get(name);
    }

    /** The node tag {@code name}, or null. */
    public int[] pointTag(String name) {
        return pointTags.get(name);
    }

    public Set<String> cellTagNames() {
        return Collections.unmodifiableSet(cellTags.keySet());
    }

    public Set<String> pointTagNames() {
        return Collections.unmodifiableSet(pointTags.keySet());
    }

    /** The boundary facets, found on first use (facets that belong to exactly one element). */
    public synchronized BoundaryFacets boundary() {
        if (boundary == null) {
            boundary = BoundaryFacets.of(this);
        }
        return boundary;
    }

    /** Bounding box as {min_x, min_y, min_z, max_x, max_y, max_z} (z = 0 for 2-D meshes). */
    public double[] boundingBox() {
        double[] bb = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0};
        if (dim == 3) {
            bb[2] = Double.POSITIVE_INFINITY;
            bb[5] = Double.NEGATIVE_INFINITY;
        }
        for (int n = 0; n < nodeCount; n++) {
            for (int c = 0; c < dim; c++) {
                double v = coords[n * dim + c];
                bb[c] = Math.min(bb[c], v);
                bb[3 + c] = Math.max(bb[3 + c], v);
            }
        }
        return bb;
    }

    @Override
    public String toString() {
        return dim + "-D " + type + " mesh: " + nodeCount + " nodes, " + elementCount + " elements";
    }
}
