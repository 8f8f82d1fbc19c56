package org.dendrite.fem.element;

import org.dendrite.fem.assembly.ScalarField;
import org.dendrite.fem.mesh.Mesh;

/** Integral norms of nodal (P1/Q1) scalar fields, for convergence studies and diagnostics. */
public final class FieldNorms {
    private FieldNorms() {
    }

    /** ‖u_h − u‖_L2 with quadrature exact to {@code degree} on the interpolated part. */
    public static double l2Error(Mesh mesh, double[] uh, ScalarField exact, int degree) {
        ElementValues ev = new ElementValues(mesh, degree);
        int d = mesh.dim();
        double s = 0;
        for (int e = 0; e < mesh.elementCount(); e++) {
            ev.reinit(e);
            for (int q = 0; q < ev.nq; q++) {
                double ue = exact.value(ev.xq[q * d], ev.xq[q * d + 1], d == 3 ? ev.xq[q * d + 2] : 0);
                double diff = ev.value(uh, q) - ue;
                s += diff * diff * ev.jxw[q];
            }
        }
        return Math.sqrt(s);
    }

    /** ∫ u dx of a nodal field. */
    public static double integral(Mesh mesh, double[] uh, int degree) {
        ElementValues ev = new ElementValues(mesh, degree);
        double s = 0;
        for (int e = 0; e < mesh.elementCount(); e++) {
            ev.reinit(e);
            for (int q = 0; q < ev.nq; q++) {
                s += ev.value(uh, q) * ev.jxw[q];
            }
        }
        return s;
    }
}
