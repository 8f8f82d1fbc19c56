package org.dendrite.fem.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dendrite.fem.element.FieldNorms;
import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.StructuredMeshes;
import org.dendrite.fem.solve.ConjugateGradient;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.PreconditionerType;
import org.dendrite.fem.solve.SingularityCheck;
import org.dendrite.fem.sparse.CsrMatrix;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Manufactured solutions for −∇·(k∇u) = f with non-homogeneous Dirichlet data on the whole
 * boundary: u = cos(πx) e^y (2-D), u = cos(πx) e^y sin(πz/2 + 1) (3-D); f = −k Δu.
 */
class PoissonConvergenceTest {
    static final double K = 2.5;

    static final ScalarField U2 = (x, y, z) -> Math.cos(Math.PI * x) * Math.exp(y);
    static final ScalarField F2 = (x, y, z) -> K * (Math.PI * Math.PI - 1) * Math.cos(Math.PI * x) * Math.exp(y);
    static final ScalarField U3 = (x, y, z) -> Math.cos(Math.PI * x) * Math.exp(y) * Math.sin(Math.PI * z / 2 + 1);
    static final ScalarField F3 = (x, y, z) -> K * (Math.PI * Math.PI - 1 + Math.PI * Math.PI / 4)
            * Math.cos(Math.PI * x) * Math.exp(y) * Math.sin(Math.PI * z / 2 + 1);

    /** Solves the MMS problem on {@code mesh} and returns the L2 error. */
    static double solveMms(Mesh mesh, ScalarField u, ScalarField f) {
        // P1 gradients are constant (degree 0 is exact); Q1 stiffness needs 2 Gauss points per axis.
        Assembler asm = new Assembler(mesh, 1, mesh.type().isSimplex() ? 0 : 2);
        CsrMatrix a = asm.newMatrix();
        double[] b = new double[asm.size()];
        asm.assemble(Kernels.diffusion(K), a, null);
        new Assembler(mesh, 1, 2).assemble(Kernels.source(f), null, b);
        new Dirichlet().onWholeBoundary(mesh, u).apply(a, b);
        SingularityCheck.requireDetermined(a, i -> "dof " + i);
        double[] x = new double[asm.size()];
        new ConjugateGradient(PreconditionerType.AMG, new IterationControl(1e-12, 0, 500)).solve(a, b, x);
        return FieldNorms.l2Error(mesh, x, u, mesh.dim() == 2 ? 4 : 3);
    }

    /** Least-squares slope of log(error) against log(h). */
    static double slope(double[] h, double[] err) {
        int n = h.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = Math.log(h[i]);
            double y = Math.log(err[i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI3", "QUAD4"})
    @DisplayName("2-D P1 and Q1: the L2 error of a manufactured solution converges at order 2 over 5 meshes")
    void l2ErrorConvergesAtOrderTwoIn2d(ElementType t) {
        int[] ns = {8, 16, 32, 64, 128};
        double[] h = new double[ns.length];
        double[] err = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            Mesh m = StructuredMeshes.rectangle(t, ns[i], ns[i], 1.0, 1.0);
            h[i] = 1.0 / ns[i];
            err[i] = solveMms(m, U2, F2);
        }
        double p = slope(h, err);
        System.out.printf("MMS %s: L2 errors %s, fitted order %.4f%n", t, java.util.Arrays.toString(err), p);
        assertTrue(p >= 1.9, t + ": fitted order " + p + " errors " + java.util.Arrays.toString(err));
        assertTrue(err[err.length - 1] < 1e-4, "finest error " + err[err.length - 1]);
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TET4", "HEX8"})
    @DisplayName("3-D P1 and Q1: the L2 error of a manufactured solution converges at order 2 over 4 meshes")
    void l2ErrorConvergesAtOrderTwoIn3d(ElementType t) {
        int[] ns = {3, 6, 12, 24};
        double[] h = new double[ns.length];
        double[] err = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            Mesh m = StructuredMeshes.box(t, ns[i], ns[i], ns[i], 1.0, 1.0, 1.0);
            h[i] = 1.0 / ns[i];
            err[i] = solveMms(m, U3, F3);
        }
        double p = slope(h, err);
        System.out.printf("MMS %s: L2 errors %s, fitted order %.4f%n", t, java.util.Arrays.toString(err), p);
        assertTrue(p >= 1.9, t + ": fitted order " + p + " errors " + java.util.Arrays.toString(err));
    }

    @Test
    @DisplayName("Neumann flux and Robin transfer on a face give the exact linear 1-D solution")
    void neumannAndRobinMatchLinearSolutions() {
        double g = 3.0;
        double alpha = 4.0;
        double uRef = 1.5;
        for (ElementType t : new ElementType[] {ElementType.TRI3, ElementType.QUAD4, ElementType.TET4, ElementType.HEX8}) {
            Mesh m = t.dim == 2 ? StructuredMeshes.rectangle(t, 5, 3, 1.0, 0.4)
                    : StructuredMeshes.box(t, 5, 2, 3, 1.0, 0.4, 0.3);
            // Neumann: K u'(1) = g with u(0) = 0 → u = g x / K.
            Assembler asm = new Assembler(m, 1, 2);
            CsrMatrix a = asm.newMatrix();
            double[] b = new double[asm.size()];
            asm.assemble(Kernels.diffusion(K), a, null);
            BoundaryTerms.neumann(m, BoxFace.XMAX, ScalarField.constant(g), b);
            new Dirichlet().onFace(m, BoxFace.XMIN, ScalarField.constant(0)).apply(a, b);
            double[] x = new double[asm.size()];
            new ConjugateGradient(PreconditionerType.IC0, new IterationControl(1e-13, 0, 1000)).solve(a, b, x);
            for (int n = 0; n < m.nodeCount(); n++) {
                assertEquals(g * m.x(n, 0) / K, x[n], 1e-10, t + " Neumann at node " + n);
            }
            // Robin: K u'(1) = α (u_ref − u(1)), u(0) = 0 → u = c x with K c = α (u_ref − c).
            CsrMatrix a2 = asm.newMatrix();
            double[] b2 = new double[asm.size()];
            asm.assemble(Kernels.diffusion(K), a2, null);
            BoundaryTerms.robin(m, BoxFace.XMAX, alpha, ScalarField.constant(uRef), a2, b2);
            new Dirichlet().onFace(m, BoxFace.XMIN, ScalarField.constant(0)).apply(a2, b2);
            double[] x2 = new double[asm.size()];
            new ConjugateGradient(PreconditionerType.JACOBI, new IterationControl(1e-13, 0, 1000)).solve(a2, b2, x2);
            double c = alpha * uRef / (K + alpha);
            for (int n = 0; n < m.nodeCount(); n++) {
                assertEquals(c * m.x(n, 0), x2[n], 1e-10, t + " Robin at node " + n);
            }
        }
    }
}
