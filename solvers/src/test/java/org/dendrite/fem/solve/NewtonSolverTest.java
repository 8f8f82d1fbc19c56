package org.dendrite.fem.solve;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dendrite.fem.assembly.Dirichlet;
import org.dendrite.fem.assembly.FemNonlinearProblem;
import org.dendrite.fem.assembly.NonlinearElementKernel;
import org.dendrite.fem.assembly.ScalarField;
import org.dendrite.fem.element.FieldNorms;
import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.StructuredMeshes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Nonlinear diffusion −∇·((1 + u²)∇u) = f with the manufactured solution u = sin(πx) sin(πy) + x
 * (non-zero boundary values): f = (1 + u²)(2π² s) − 2u |∇u|², s = sin(πx) sin(πy).
 */
class NewtonSolverTest {
    static final ScalarField U = (x, y, z) -> Math.sin(Math.PI * x) * Math.sin(Math.PI * y) + x;

    static final ScalarField F = (x, y, z) -> {
        double s = Math.sin(Math.PI * x) * Math.sin(Math.PI * y);
        double u = s + x;
        double ux = Math.PI * Math.cos(Math.PI * x) * Math.sin(Math.PI * y) + 1;
        double uy = Math.PI * Math.sin(Math.PI * x) * Math.cos(Math.PI * y);
        return (1 + u * u) * 2 * Math.PI * Math.PI * s - 2 * u * (ux * ux + uy * uy);
    };

    /** R_a = ∫ (1+u²) ∇u·∇N_a − f N_a;  K_ab = ∫ (1+u²) ∇N_b·∇N_a + 2u N_b ∇u·∇N_a. */
    static final NonlinearElementKernel KERNEL = (ev, ue, re, ke) -> {
        int npe = ev.npe;
        int d = ev.dim;
        for (int q = 0; q < ev.nq; q++) {
            double u = 0;
            double gx = 0;
            double gy = 0;
            int off = q * npe * d;
            for (int a = 0; a < npe; a++) {
                u += ue[a] * ev.n[q * npe + a];
                gx += ue[a] * ev.dndx[off + a * d];
                gy += ue[a] * ev.dndx[off + a * d + 1];
            }
            double k = 1 + u * u;
            double dk = 2 * u;
            double f = F.value(ev.xq[q * d], ev.xq[q * d + 1], 0);
            double w = ev.jxw[q];
            for (int a = 0; a < npe; a++) {
                double ax = ev.dndx[off + a * d];
                double ay = ev.dndx[off + a * d + 1];
                re[a] += w * (k * (gx * ax + gy * ay) - f * ev.n[q * npe + a]);
                if (ke != null) {
                    double gradUdotGradNa = gx * ax + gy * ay;
                    for (int b = 0; b < npe; b++) {
                        double bx = ev.dndx[off + b * d];
                        double by = ev.dndx[off + b * d + 1];
                        ke[a * npe + b] += w * (k * (bx * ax + by * ay) + dk * ev.n[q * npe + b] * gradUdotGradNa);
                    }
                }
            }
        }
    };

    static FemNonlinearProblem problem(Mesh m) {
        return new FemNonlinearProblem(m, 1, 2, KERNEL, new Dirichlet().onWholeBoundary(m, U));
    }

    @Test
    @DisplayName("the nonlinear-diffusion kernel's Jacobian equals finite differences of its residual")
    void jacobianMatchesFiniteDifferences() {
        Mesh m = StructuredMeshes.rectangle(ElementType.QUAD4, 4, 3, 1, 1);
        double[] u = new double[m.nodeCount()];
        for (int n = 0; n < u.length; n++) {
            u[n] = 0.3 + Math.sin(3 * n);
        }
        // Without Dirichlet values: eliminated rows and columns are by design not ∂R/∂u.
        double err = JacobianCheck.maxRelativeError(new FemNonlinearProblem(m, 1, 2, KERNEL, null), u, 1e-6);
        assertTrue(err < 1e-8, "relative FD mismatch " + err);
    }

    @Test
    @DisplayName("Newton converges quadratically and the nonlinear MMS error converges at order 2 over 4 meshes")
    void newtonSolvesNonlinearMms() {
        int[] ns = {8, 16, 32, 64};
        double[] h = new double[ns.length];
        double[] err = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            Mesh m = StructuredMeshes.rectangle(ElementType.TRI3, ns[i], ns[i], 1, 1);
            double[] u = new double[m.nodeCount()];
            LinearSolver ls = i < 2 ? new DirectSolver()
                    : new BiCgStab(PreconditionerType.JACOBI, new IterationControl(1e-12, 0, 5000));
            NewtonSolver.Result r = new NewtonSolver(ls, 1e-11, 0, 20).solve(problem(m), u);
            double[] res = r.residuals();
            assertTrue(r.iterations() <= 8, "Newton iterations " + r.iterations());
            // Quadratic convergence: the last reduction factor is far below the previous one
            // (ratio_k <= ratio_{k-1}^1.5; a linearly converging method keeps them equal).
            int k = res.length - 1;
            double last = res[k] / res[k - 1];
            double before = res[k - 1] / res[k - 2];
            assertTrue(last <= Math.pow(before, 1.5), "residuals " + java.util.Arrays.toString(res));
            h[i] = 1.0 / ns[i];
            err[i] = FieldNorms.l2Error(m, u, U, 4);
        }
        double p = slope(h, err);
        System.out.printf("nonlinear MMS P1: L2 errors %s, fitted order %.4f%n", java.util.Arrays.toString(err), p);
        assertTrue(p >= 1.9, "fitted order " + p);
    }

    @Test
    @DisplayName("Newton that cannot converge within its iteration limit throws naming the residual reached")
    void newtonIterationLimitIsAClearError() {
        Mesh m = StructuredMeshes.rectangle(ElementType.TRI3, 8, 8, 1, 1);
        SolverException ex = assertThrows(SolverException.class,
                () -> new NewtonSolver(new DirectSolver(), 1e-14, 0, 1).solve(problem(m), new double[m.nodeCount()]));
        assertTrue(ex.getMessage().startsWith("Newton did not converge in 1 iterations: residual "), ex.getMessage());
    }

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
}
