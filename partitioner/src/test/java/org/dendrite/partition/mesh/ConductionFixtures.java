package org.dendrite.partition.mesh;

import org.dendrite.fem.conduction.ConductionModel;
import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.MeshTags;
import org.dendrite.fem.mesh.StructuredMeshes;
import org.dendrite.fem.solve.ConjugateGradient;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.PreconditionerType;

/**
 * The test problem: a unit square (TRI3) or cube (TET4) with a low-conductivity disc/ball inclusion
 * (region 1, σ = 0.05 S/m) in a σ = 1 S/m matrix (region 0), φ = 0.1 V on xmin and 0 V on xmax. The
 * inclusion bends the current, so the field is not one-dimensional.
 */
public final class ConductionFixtures {
    public static final double SIGMA0 = 1.0;
    public static final double SIGMA1 = 0.05;
    public static final double PHI_XMIN = 0.1;

    private ConductionFixtures() {
    }

    public static Mesh mesh(ElementType type, int n) {
        Mesh m = type.dim == 2 ? StructuredMeshes.rectangle(type, n, n, 1.0, 1.0)
                : StructuredMeshes.box(type, n, n, n, 1.0, 1.0, 1.0);
        double[] c = MeshTags.centroids(m);
        int dim = m.dim();
        int[] region = new int[m.elementCount()];
        for (int e = 0; e < region.length; e++) {
            double r2 = 0;
            for (int k = 0; k < dim; k++) {
                double dx = c[e * dim + k] - (k == 0 ? 0.45 : 0.55);
                r2 += dx * dx;
            }
            region[e] = r2 < 0.3 * 0.3 ? 1 : 0;
        }
        return m.putCellTag(Mesh.REGION, region);
    }

    public static double[] sigma(Mesh m) {
        int[] region = m.cellTag(Mesh.REGION);
        double[] s = new double[region.length];
        for (int e = 0; e < s.length; e++) {
            s[e] = region[e] == 1 ? SIGMA1 : SIGMA0;
        }
        return s;
    }

    /** Fixed flags per node; the fixed values go to {@code values}. */
    public static boolean[] fixed(Mesh m, double[] values) {
        boolean[] f = new boolean[m.nodeCount()];
        for (int n : m.boundary().nodesOn(BoxFace.XMIN)) {
            f[n] = true;
            values[n] = PHI_XMIN;
        }
        for (int n : m.boundary().nodesOn(BoxFace.XMAX)) {
            f[n] = true;
            values[n] = 0;
        }
        return f;
    }

    /** The single-domain solution of the solvers' ConductionModel (CG + AMG) to relative residual {@code rtol}. */
    public static double[] singleDomain(Mesh m, double rtol) {
        return new ConductionModel(m).conductivity(0, SIGMA0).conductivity(1, SIGMA1)
                .potential(BoxFace.XMIN, PHI_XMIN).potential(BoxFace.XMAX, 0.0)
                .solver(new ConjugateGradient(PreconditionerType.AMG, new IterationControl(rtol, 0, 5000)))
                .solve().potential();
    }

    public static double maxAbsDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
