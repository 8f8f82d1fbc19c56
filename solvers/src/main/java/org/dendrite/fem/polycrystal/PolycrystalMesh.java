package org.dendrite.fem.polycrystal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.dendrite.fem.FemException;
import org.dendrite.fem.conduction.ConductionModel;
import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.StructuredMeshes;
import org.dendrite.fem.sparse.SparsityPattern;

/**
 * A 2-D polycrystalline electrolyte between two electrodes, meshed for conduction with grain
 * boundaries as zero-thickness interface elements (seed 003: 5 nm GBs in 10 µm grains, a thickness
 * ratio of 2000 that graded meshing cannot resolve at reasonable cost).
 *
 * <p>Geometry: x ∈ [0, W] is lateral (no-flux sides), y is the thickness direction: an optional
 * layer of thickness t_bot on y ∈ [0, t_bot] (on the ymin electrode, the Li|electrolyte interface),
 * the polycrystal on [t_bot, t_bot + T], an optional layer on top. The mesh is a uniform QUAD4
 * grid of spacing ≈ h in the polycrystal (layers get their own uniform spacing ≤ h, so every layer
 * ends on element faces). Each polycrystal element belongs to the grain of the Voronoi seed nearest
 * its centroid, so grain boundaries run along element edges as staircases.
 *
 * <p>Interface elements: every node touched only by polycrystal elements gets one copy per grain
 * around it (φ may jump across a GB); nodes that touch a layer stay single (the layer is in perfect
 * contact with all grains it touches). Each element edge between grains a ≠ b is an interface facet
 * carrying current G·(φ_a − φ_b) per area, G = σ_GB/t_GB, integrated with the nodal rule
 * (G·ℓ·c/2 between the two copies at each end). The factor c = |n_f·n_ab|, with n_f the facet
 * normal and n_ab the unit vector between the two seeds (the normal of the true Voronoi edge),
 * makes the staircase carry exactly the conductance of the straight GB for flux normal to it:
 * a straight edge of length L and normal (cos θ, sin θ) is approximated by horizontal facets of total
 * length L|cos θ| and vertical ones of L|sin θ|, and Σ ℓ c = L(cos²θ + sin²θ) = L. What remains is
 * an O(h) error in where the GB lies and, within a distance h of it, in how current crosses it.
 *
 * <p>Tags: element "grain" (grain id, −1 in layers), "layer" (0 polycrystal, 1 bottom, 2 top),
 * "region" (0 grains, 1 bottom layer, 2 top layer: the keys for conductivities), "gb_facets" (number of
 * the element's edges on a GB); node "gb_node" (1 where the node was split). The GB facets
 * themselves are listed by {@link #gbFacets()}.
 */
public final class PolycrystalMesh {
    public static final String GRAIN = "grain";
    public static final String LAYER = "layer";
    public static final int REGION_GRAINS = 0;
    public static final int REGION_BOTTOM_LAYER = 1;
    public static final int REGION_TOP_LAYER = 2;

    /**
     * The interface facets: per facet k, the two grains, the node copies on each side (a-side nodes
     * p, q; b-side nodes p, q; equal where a node is not split), length ℓ (m) and projection factor c.
     */
    public record GbFacets(int[] grainA, int[] grainB, int[] nodes, double[] length, double[] factor) {
        public int count() {
            return grainA.length;
        }

        /** Σ ℓ·c: the GB length that the interface elements represent, m. */
        public double effectiveLength() {
            double s = 0;
            for (int k = 0; k < length.length; k++) {
                s += length[k] * factor[k];
            }
            return s;
        }
    }

    private final Mesh mesh;
    private final Voronoi2D voronoi;
    private final GbFacets gb;
    private final double[] yInterfaces;

    private PolycrystalMesh(Mesh mesh, Voronoi2D voronoi, GbFacets gb, double[] yInterfaces) {
        this.mesh = mesh;
        this.voronoi = voronoi;
        this.gb = gb;
        this.yInterfaces = yInterfaces;
    }

    /**
     * Builds the mesh: polycrystal of width W and thickness T (its Voronoi seeds must lie in
     * [0, W]×[t_bot, t_bot + T]), layers of thickness t_bot, t_top (0 = none), element size h (m).
     */
    public static PolycrystalMesh build(Voronoi2D voronoi, double width, double thickness, double bottomLayer,
            double topLayer, double h) {
        if (!(width > 0 && thickness > 0 && h > 0) || !(bottomLayer >= 0) || !(topLayer >= 0)) {
            throw new FemException("polycrystal size, thickness and element size must be positive and layers"
                    + " non-negative, got W " + width + ", T " + thickness + ", layers " + bottomLayer + ", "
                    + topLayer + ", h " + h + " m");
        }
        int nx = Math.max(1, (int) Math.round(width / h));
        int ny = Math.max(1, (int) Math.round(thickness / h));
        int nb = bottomLayer > 0 ? Math.max(1, (int) Math.ceil(bottomLayer / h - 1e-9)) : 0;
        int nt = topLayer > 0 ? Math.max(1, (int) Math.ceil(topLayer / h - 1e-9)) : 0;
        double[] xs = StructuredMeshes.uniform(0, width, nx);
        double[] ys = new double[nb + ny + nt + 1];
        for (int j = 0; j <= nb; j++) {
            ys[j] = bottomLayer * j / Math.max(1, nb);
        }
        for (int j = 0; j <= ny; j++) {
            ys[nb + j] = bottomLayer + thickness * j / ny;
        }
        for (int j = 0; j <= nt; j++) {
            ys[nb + ny + j] = bottomLayer + thickness + topLayer * j / Math.max(1, nt);
        }
        Mesh base = StructuredMeshes.rectangle(ElementType.QUAD4, xs, ys);
        int ne = base.elementCount();
        int npe = base.nodesPerElement();
        int[] grain = new int[ne];
        int[] layer = new int[ne];
        for (int e = 0; e < ne; e++) {
            double cx = 0;
            double cy = 0;
            for (int a = 0; a < npe; a++) {
                cx += base.x(base.node(e, a), 0) / npe;
                cy += base.x(base.node(e, a), 1) / npe;
            }
            int row = e / nx;
            layer[e] = row < nb ? 1 : row >= nb + ny ? 2 : 0;
            grain[e] = layer[e] == 0 ? voronoi.grainAt(cx, cy) : -1;
        }
        return split(base, voronoi, grain, layer, new double[] {0, bottomLayer, bottomLayer + thickness,
            bottomLayer + thickness + topLayer});
    }

    /** Splits nodes between grains and lists the GB facets. */
    private static PolycrystalMesh split(Mesh base, Voronoi2D voronoi, int[] grain, int[] layer, double[] yIf) {
        int nn = base.nodeCount();
        int ne = base.elementCount();
        int npe = base.nodesPerElement();
        int[][] n2e = SparsityPattern.nodeToElements(base);
        int[] ptr = n2e[0];
        int[] elems = n2e[1];
        // copyStart[n]..copyStart[n+1]: new ids of node n's copies, one per distinct grain (in
        // order of first appearance among its elements), or a single copy if a layer touches it.
        int[] copyStart = new int[nn + 1];
        int[] copyGrain = new int[ptr[nn]];
        int[] splitFlag = new int[0];
        int total = 0;
        for (int n = 0; n < nn; n++) {
            copyStart[n] = total;
            boolean touchesLayer = false;
            for (int p = ptr[n]; p < ptr[n + 1]; p++) {
                touchesLayer |= grain[elems[p]] < 0;
            }
            if (touchesLayer) {
                copyGrain[total++] = -1;
                continue;
            }
            int first = total;
            for (int p = ptr[n]; p < ptr[n + 1]; p++) {
                int g = grain[elems[p]];
                boolean seen = false;
                for (int q = first; q < total && !seen; q++) {
                    seen = copyGrain[q] == g;
                }
                if (!seen) {
                    copyGrain[total++] = g;
                }
            }
        }
        copyStart[nn] = total;
        double[] coords = new double[2 * total];
        splitFlag = new int[total];
        for (int n = 0; n < nn; n++) {
            for (int c = copyStart[n]; c < copyStart[n + 1]; c++) {
                coords[2 * c] = base.x(n, 0);
                coords[2 * c + 1] = base.x(n, 1);
                splitFlag[c] = copyStart[n + 1] - copyStart[n] > 1 ? 1 : 0;
            }
        }
        int[] conn = new int[ne * npe];
        for (int e = 0; e < ne; e++) {
            for (int a = 0; a < npe; a++) {
                conn[e * npe + a] = copyOf(copyStart, copyGrain, base.node(e, a), grain[e]);
            }
        }
        // Edges shared by two elements of different grains.
        Map<Long, Integer> edgeOwner = new HashMap<>(4 * ne);
        int cap = 64;
        int[] ga = new int[cap];
        int[] gbb = new int[cap];
        int[] fn = new int[4 * cap];
        double[] len = new double[cap];
        double[] fac = new double[cap];
        int[] gbCount = new int[ne];
        int m = 0;
        ElementType t = base.type();
        for (int e = 0; e < ne; e++) {
            for (int f = 0; f < t.facetCount(); f++) {
                int p = base.node(e, t.facetNode(f, 0));
                int q = base.node(e, t.facetNode(f, 1));
                long key = Math.min(p, q) * (long) nn + Math.max(p, q);
                Integer other = edgeOwner.putIfAbsent(key, e * 4 + f);
                if (other == null) {
                    continue;
                }
                int e2 = other / 4;
                int g1 = grain[e2];
                int g2 = grain[e];
                if (g1 < 0 || g2 < 0 || g1 == g2) {
                    continue;
                }
                if (m == cap) {
                    cap *= 2;
                    ga = Arrays.copyOf(ga, cap);
                    gbb = Arrays.copyOf(gbb, cap);
                    fn = Arrays.copyOf(fn, 4 * cap);
                    len = Arrays.copyOf(len, cap);
                    fac = Arrays.copyOf(fac, cap);
                }
                ga[m] = g1;
                gbb[m] = g2;
                fn[4 * m] = copyOf(copyStart, copyGrain, p, g1);
                fn[4 * m + 1] = copyOf(copyStart, copyGrain, q, g1);
                fn[4 * m + 2] = copyOf(copyStart, copyGrain, p, g2);
                fn[4 * m + 3] = copyOf(copyStart, copyGrain, q, g2);
                double tx = base.x(q, 0) - base.x(p, 0);
                double ty = base.x(q, 1) - base.x(p, 1);
                double l = Math.hypot(tx, ty);
                double sx = voronoi.seedX(g2) - voronoi.seedX(g1);
                double sy = voronoi.seedY(g2) - voronoi.seedY(g1);
                // facet normal (ty, −tx)/l against the seed direction
                len[m] = l;
                fac[m] = Math.abs(ty * sx - tx * sy) / (l * Math.hypot(sx, sy));
                gbCount[e]++;
                gbCount[e2]++;
                m++;
            }
        }
        Mesh mesh = new Mesh(2, ElementType.QUAD4, coords, conn);
        int[] region = new int[ne];
        for (int e = 0; e < ne; e++) {
            region[e] = layer[e] == 0 ? REGION_GRAINS : layer[e] == 1 ? REGION_BOTTOM_LAYER : REGION_TOP_LAYER;
        }
        mesh.putCellTag(Mesh.REGION, region);
        mesh.putCellTag(GRAIN, grain);
        mesh.putCellTag(LAYER, layer);
        mesh.putCellTag("gb_facets", gbCount);
        mesh.putPointTag("gb_node", splitFlag);
        GbFacets gbf = new GbFacets(Arrays.copyOf(ga, m), Arrays.copyOf(gbb, m), Arrays.copyOf(fn, 4 * m),
                Arrays.copyOf(len, m), Arrays.copyOf(fac, m));
        return new PolycrystalMesh(mesh, voronoi, gbf, yIf);
    }

    private static int copyOf(int[] copyStart, int[] copyGrain, int node, int g) {
        int s = copyStart[node];
        int e = copyStart[node + 1];
        if (e - s == 1) {
            return s;
        }
        for (int c = s; c < e; c++) {
            if (copyGrain[c] == g) {
                return c;
            }
        }
        throw new IllegalStateException("node " + node + " has no copy for grain " + g);
    }

    public Mesh mesh() {
        return mesh;
    }

    public Voronoi2D voronoi() {
        return voronoi;
    }

    public GbFacets gbFacets() {
        return gb;
    }

    /** y of the bottom electrode, bottom layer | polycrystal, polycrystal | top layer, top electrode (m). */
    public double[] yInterfaces() {
        return yInterfaces.clone();
    }

    /**
     * Adds the GB interface elements of per-area conductance G (S/m²) to a conduction model, with the
     * nodal rule: G·ℓ·c/2 (S per metre of depth) between the copies at each end of every GB facet.
     */
    public ConductionModel addGrainBoundaries(ConductionModel model, double gbConductanceSPerM2) {
        if (!(gbConductanceSPerM2 > 0) || !Double.isFinite(gbConductanceSPerM2)) {
            throw new FemException("grain-boundary conductance must be positive and finite, got "
                    + gbConductanceSPerM2 + " S/m²");
        }
        int m = gb.count();
        int[] a = new int[2 * m];
        int[] b = new int[2 * m];
        double[] g = new double[2 * m];
        for (int k = 0; k < m; k++) {
            double w = gbConductanceSPerM2 * gb.length()[k] * gb.factor()[k] / 2;
            a[2 * k] = gb.nodes()[4 * k];
            b[2 * k] = gb.nodes()[4 * k + 2];
            a[2 * k + 1] = gb.nodes()[4 * k + 1];
            b[2 * k + 1] = gb.nodes()[4 * k + 3];
            g[2 * k] = w;
            g[2 * k + 1] = w;
        }
        return model.couplings(a, b, g);
    }
}
