package org.dendrite.fem.mesh;

/** Helpers that compute tag arrays from geometry. */
public final class MeshTags {
    private MeshTags() {
    }

    /**
     * Layer index of each element from its centroid along {@code axis}: 0 below {@code cuts[0]},
     * i between cuts[i-1] and cuts[i], cuts.length above the last cut. With a structured mesh whose
     * coordinate lines include the cuts, every element lies wholly in one layer.
     */
    public static int[] layersAlong(Mesh mesh, int axis, double... cuts) {
        for (int i = 1; i < cuts.length; i++) {
            if (!(cuts[i] > cuts[i - 1])) {
                throw new MeshException("layer cuts must be strictly increasing, got " + cuts[i - 1] + ", " + cuts[i]);
            }
        }
        int npe = mesh.nodesPerElement();
        int[] tag = new int[mesh.elementCount()];
        for (int e = 0; e < tag.length; e++) {
            double c = 0;
            for (int a = 0; a < npe; a++) {
                c += mesh.x(mesh.node(e, a), axis);
            }
            c /= npe;
            int layer = 0;
            while (layer < cuts.length && c > cuts[layer]) {
                layer++;
            }
            tag[e] = layer;
        }
        return tag;
    }

    /** Element centroids as a flat array (dim per element). */
    public static double[] centroids(Mesh mesh) {
        int dim = mesh.dim();
        int npe = mesh.nodesPerElement();
        double[] c = new double[mesh.elementCount() * dim];
        for (int e = 0; e < mesh.elementCount(); e++) {
            for (int a = 0; a < npe; a++) {
                int n = mesh.node(e, a);
                for (int d = 0; d < dim; d++) {
                    c[e * dim + d] += mesh.x(n, d) / npe;
                }
            }
        }
        return c;
    }
}
