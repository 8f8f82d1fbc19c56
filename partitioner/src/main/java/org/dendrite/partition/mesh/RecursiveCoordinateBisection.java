package org.dendrite.partition.mesh;

import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.MeshTags;

/**
 * Recursive coordinate bisection of a mesh's elements (Berger and Bokhari, IEEE Trans. Comput. 36
 * (1987) 570; Zoltan's RCB): the elements of a set are ordered by centroid along the longest extent
 * of their centroids' bounding box and cut so that the two halves get element counts in proportion
 * to the parts they will hold. A set for P parts is split into ⌊P/2⌋ and P − ⌊P/2⌋ parts, so any
 * P ≥ 1 works (3 parts: 1 + 2, cut at a third). Ties in the coordinate are broken by element id,
 * so the result depends only on the mesh and P: every JVM of a distributed run computes the same
 * partition without communicating.
 */
public final class RecursiveCoordinateBisection {
    private RecursiveCoordinateBisection() {
    }

    /** Part (0 … parts−1) of every element. */
    public static int[] partition(Mesh mesh, int parts) {
        int ne = mesh.elementCount();
        if (parts < 1) {
            throw new IllegalArgumentException("number of parts must be at least 1, got " + parts);
        }
        if (parts > ne) {
            throw new IllegalArgumentException("cannot split " + ne + " element(s) into " + parts
                    + " non-empty parts");
        }
        int dim = mesh.dim();
        double[] c = MeshTags.centroids(mesh);
        int[] idx = new int[ne];
        for (int e = 0; e < ne; e++) {
            idx[e] = e;
        }
        int[] part = new int[ne];
        double[] key = new double[ne];
        split(c, dim, idx, new int[ne], key, 0, ne, 0, parts, part);
        return part;
    }

    private static void split(double[] c, int dim, int[] idx, int[] tmp, double[] key, int lo, int hi,
            int firstPart, int parts, int[] part) {
        if (parts == 1) {
            for (int i = lo; i < hi; i++) {
                part[idx[i]] = firstPart;
            }
            return;
        }
        double[] min = new double[dim];
        double[] max = new double[dim];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = lo; i < hi; i++) {
            int e = idx[i];
            for (int d = 0; d < dim; d++) {
                double x = c[e * dim + d];
                min[d] = Math.min(min[d], x);
                max[d] = Math.max(max[d], x);
            }
        }
        int axis = 0;
        for (int d = 1; d < dim; d++) {
            if (max[d] - min[d] > max[axis] - min[axis]) {
                axis = d;
            }
        }
        for (int e = 0; e < key.length; e++) {
            key[e] = c[e * dim + axis];
        }
        sort(idx, tmp, key, lo, hi);
        int leftParts = parts / 2;
        int n = hi - lo;
        // Rounded proportional count; each side keeps at least one element per part.
        int nLeft = (int) Math.round((double) n * leftParts / parts);
        nLeft = Math.max(leftParts, Math.min(n - (parts - leftParts), nLeft));
        split(c, dim, idx, tmp, key, lo, lo + nLeft, firstPart, leftParts, part);
        split(c, dim, idx, tmp, key, lo + nLeft, hi, firstPart + leftParts, parts - leftParts, part);
    }

    /** Stable bottom-up merge sort of idx[lo, hi) by (key, id): primitive arrays, deterministic. */
    private static void sort(int[] idx, int[] tmp, double[] key, int lo, int hi) {
        int n = hi - lo;
        int[] src = idx;
        int[] dst = tmp;
        for (int w = 1; w < n; w *= 2) {
            for (int a = lo; a < hi; a += 2 * w) {
                int m = Math.min(a + w, hi);
                int b = Math.min(a + 2 * w, hi);
                int i = a;
                int j = m;
                int k = a;
                while (i < m && j < b) {
                    int ei = src[i];
                    int ej = src[j];
                    if (key[ei] < key[ej] || (key[ei] == key[ej] && ei < ej)) {
                        dst[k++] = ei;
                        i++;
                    } else {
                        dst[k++] = ej;
                        j++;
                    }
                }
                while (i < m) {
                    dst[k++] = src[i++];
                }
                while (j < b) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != idx) {
            System.arraycopy(src, lo, idx, lo, n);
        }
    }
}
