package org.dendrite.fem.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.dendrite.fem.assembly.Assembler;
import org.dendrite.fem.assembly.Dirichlet;
import org.dendrite.fem.assembly.Kernels;
import org.dendrite.fem.assembly.ScalarField;
import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.MeshTags;
import org.dendrite.fem.mesh.StructuredMeshes;
import org.dendrite.fem.sparse.CsrMatrix;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LinearSolversTest {

    /** Conduction on a 3-D box with a 1000× contrast in a checkerboard of blocks, φ fixed on x faces. */
    static CsrMatrix heterogeneous(int n, double[] b) {
        Mesh m = StructuredMeshes.box(ElementType.TET4, n, n, n, 1, 1, 1);
        double[] k = new double[m.elementCount()];
        double[] c = MeshTags.centroids(m);
        for (int e = 0; e < k.length; e++) {
            int s = (int) (c[3 * e] * 4) + (int) (c[3 * e + 1] * 4) + (int) (c[3 * e + 2] * 4);
            k[e] = s % 2 == 0 ? 1.0 : 1e-3;
        }
        Assembler asm = new Assembler(m, 1, 0);
        CsrMatrix a = asm.newMatrix();
        asm.assemble(Kernels.diffusion(k), a, null);
        new Dirichlet().onFace(m, BoxFace.XMIN, ScalarField.constant(1)).onFace(m, BoxFace.XMAX, ScalarField.constant(0))
                .apply(a, b);
        return a;
    }

    @ParameterizedTest
    @EnumSource(PreconditionerType.class)
    @DisplayName("CG with every preconditioner solves a 1000x-contrast conduction problem to the same solution")
    void everyPreconditionerGivesTheSameSolution(PreconditionerType type) {
        int n = 12;
        int size = (n + 1) * (n + 1) * (n + 1);
        double[] b = new double[size];
        CsrMatrix a = heterogeneous(n, b);
        double[] ref = new double[size];
        new DirectSolver().solve(a, b, ref);
        double[] x = new double[size];
        SolveStats s = new ConjugateGradient(type, new IterationControl(1e-12, 0, 5000)).solve(a, b, x);
        assertArrayEquals(ref, x, 1e-9, s.toString());
        double[] r = new double[size];
        a.residual(b, x, r);
        assertTrue(Vectors.norm(r) <= 1e-12 * Vectors.norm(b) * 1.0001, s.toString());
        System.out.println("heterogeneous 13^3 nodes: " + s);
    }

    @Test
    @DisplayName("AMG needs far fewer CG iterations than Jacobi and IC(0), and its count barely grows with refinement")
    void amgIterationsAreNearlyMeshIndependent() {
        int[] its = new int[2];
        int[] ns = {8, 16};
        for (int i = 0; i < 2; i++) {
            int n = ns[i];
            int size = (n + 1) * (n + 1) * (n + 1);
            double[] b = new double[size];
            CsrMatrix a = heterogeneous(n, b);
            its[i] = new ConjugateGradient(PreconditionerType.AMG, new IterationControl(1e-10, 0, 500))
                    .solve(a, b, new double[size]).iterations();
            if (i == 1) {
                int jac = new ConjugateGradient(PreconditionerType.JACOBI, new IterationControl(1e-10, 0, 5000))
                        .solve(a, b, new double[size]).iterations();
                int ic = new ConjugateGradient(PreconditionerType.IC0, new IterationControl(1e-10, 0, 5000))
                        .solve(a, b, new double[size]).iterations();
                System.out.printf("17^3 heterogeneous: CG iterations jacobi %d, ic0 %d, amg %d%n", jac, ic, its[1]);
                assertTrue(its[1] * 3 < jac && its[1] * 2 < ic, "amg " + its[1] + " jacobi " + jac + " ic0 " + ic);
            }
        }
        assertTrue(its[1] <= its[0] + 6, "AMG iterations " + its[0] + " → " + its[1]);
    }

    @Test
    @DisplayName("CG that hits its iteration limit throws, naming the iterations and the residual reached")
    void iterationLimitIsAClearError() {
        int n = 10;
        double[] b = new double[(n + 1) * (n + 1) * (n + 1)];
        CsrMatrix a = heterogeneous(n, b);
        SolverException ex = assertThrows(SolverException.class,
                () -> new ConjugateGradient(PreconditionerType.NONE, new IterationControl(1e-12, 0, 5))
                        .solve(a, b, new double[b.length]));
        assertTrue(ex.getMessage().matches("cg\\+none did not converge in 5 iterations: residual \\S+ \\(relative \\S+\\), target \\S+"),
                ex.getMessage());
    }

    @Test
    @DisplayName("a floating part (no Dirichlet value on a connected component) is detected and named before solving")
    void floatingComponentIsDetected() {
        // Two blocks that share no node: the left one has a fixed face, the right one has none.
        Mesh m = StructuredMeshes.box(ElementType.HEX8, 4, 2, 2, 2, 1, 1);
        double[] k = new double[m.elementCount()];
        double[] c = MeshTags.centroids(m);
        for (int e = 0; e < k.length; e++) {
            k[e] = c[3 * e] < 1 ? 1 : 2;
        }
        Assembler asm = new Assembler(m, 1, 2);
        CsrMatrix a = asm.newMatrix();
        asm.assemble(Kernels.diffusion(k), a, null);
        double[] b = new double[asm.size()];
        new Dirichlet().onFace(m, BoxFace.XMIN, ScalarField.constant(1)).onFace(m, BoxFace.XMAX, ScalarField.constant(0))
                .apply(a, b);
        SingularityCheck.requireDetermined(a, i -> "node " + i);
        // Now nothing fixed at all: the whole domain floats.
        CsrMatrix free = asm.newMatrix();
        asm.assemble(Kernels.diffusion(k), free, null);
        SolverException ex = assertThrows(SolverException.class,
                () -> SingularityCheck.requireDetermined(free, i -> "node " + i));
        assertTrue(ex.getMessage().startsWith("floating domain: " + m.nodeCount() + " unknown(s) including node 0"),
                ex.getMessage());
        // A Robin (mass-like) term makes it determined again.
        CsrMatrix robin = asm.newMatrix();
        asm.assemble(Kernels.diffusion(k).plus(Kernels.mass(1e-3)), robin, null);
        assertTrue(SingularityCheck.floating(robin).isEmpty());
        // The direct solver reports a singular system rather than returning garbage.
        double[] load = new double[free.rows];
        load[3] = 1;
        assertThrows(SolverException.class, () -> new DirectSolver().solve(free, load, new double[free.rows]));
    }

    @Test
    @DisplayName("a fixed value on one face leaves a separate, unconnected block floating, and that is reported")
    void disconnectedBlockWithoutDirichletFloats() {
        // nodes 0..3: a quad fixed at node 0; nodes 4..7: a separate quad with nothing fixed.
        double[] xy = {0, 0, 1, 0, 1, 1, 0, 1, 3, 0, 4, 0, 4, 1, 3, 1};
        Mesh m = new Mesh(2, ElementType.QUAD4, xy, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        Assembler asm = new Assembler(m, 1, 2);
        CsrMatrix a = asm.newMatrix();
        asm.assemble(Kernels.diffusion(1), a, null);
        double[] b = new double[8];
        new Dirichlet().set(0, 1).apply(a, b);
        SolverException ex = assertThrows(SolverException.class,
                () -> SingularityCheck.requireDetermined(a, i -> "node " + i));
        assertTrue(ex.getMessage().startsWith("floating domain: 4 unknown(s) including node 4"), ex.getMessage());
    }

    @Test
    @DisplayName("BiCGSTAB and the sparse LU solve a non-symmetric convection-diffusion system to the same answer")
    void nonSymmetricSolversAgree() {
        Mesh m = StructuredMeshes.rectangle(ElementType.QUAD4, 20, 20, 1, 1);
        Assembler asm = new Assembler(m, 1, 2);
        CsrMatrix a = asm.newMatrix();
        double[] b = new double[asm.size()];
        // −Δu + v·∇u = 1 with v = (20, 5): a non-symmetric kernel.
        asm.assemble(Kernels.diffusion(1).plus((ev, ke, fe) -> {
            int npe = ev.npe;
            for (int q = 0; q < ev.nq; q++) {
                for (int i = 0; i < npe; i++) {
                    double ni = ev.n[q * npe + i] * ev.jxw[q];
                    for (int j = 0; j < npe; j++) {
                        int o = (q * npe + j) * 2;
                        ke[i * npe + j] += ni * (20 * ev.dndx[o] + 5 * ev.dndx[o + 1]);
                    }
                }
            }
        }).plus(Kernels.source(ScalarField.constant(1))), a, b);
        new Dirichlet().onWholeBoundary(m, ScalarField.constant(0)).apply(a, b);
        double[] lu = new double[b.length];
        SolveStats d = new DirectSolver().solve(a, b, lu);
        assertEquals("direct-lu", d.method());
        double[] x = new double[b.length];
        new BiCgStab(PreconditionerType.JACOBI, new IterationControl(1e-12, 0, 2000)).solve(a, b, x);
        assertArrayEquals(lu, x, 1e-9);
        assertTrue(Vectors.maxAbs(lu) > 0.01);
    }

    @Test
    @DisplayName("the direct solver uses Cholesky for symmetric matrices and matches CG")
    void directCholeskyMatchesCg() {
        double[] b = new double[9 * 9 * 9];
        CsrMatrix a = heterogeneous(8, b);
        double[] x = new double[b.length];
        SolveStats s = new DirectSolver().solve(a, b, x);
        assertEquals("direct-cholesky", s.method());
        assertTrue(s.relativeResidual() < 1e-12, s.toString());
    }

    @Test
    @DisplayName("sparse products, transpose and the EJML round trip agree with dense arithmetic")
    void sparseAlgebraMatchesDense() {
        Random rnd = new Random(5);
        CsrMatrix a = random(rnd, 7, 5);
        CsrMatrix b = random(rnd, 5, 6);
        CsrMatrix c = a.multiply(b);
        double[][] da = dense(a);
        double[][] db = dense(b);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 6; j++) {
                double s = 0;
                for (int k = 0; k < 5; k++) {
                    s += da[i][k] * db[k][j];
                }
                assertEquals(s, c.get(i, j), 1e-14);
            }
        }
        CsrMatrix t = a.transpose();
        CsrMatrix back = CsrMatrix.fromEjml(a.toEjml());
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(da[i][j], t.get(j, i), 0);
                assertEquals(da[i][j], back.get(i, j), 0);
                assertEquals(da[i][j], a.toEjml().get(i, j), 0);
            }
        }
    }

    private static CsrMatrix random(Random rnd, int r, int c) {
        int[] rp = new int[r + 1];
        java.util.List<Integer> cols = new java.util.ArrayList<>();
        java.util.List<Double> vals = new java.util.ArrayList<>();
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                if (rnd.nextDouble() < 0.4) {
                    cols.add(j);
                    vals.add(rnd.nextGaussian());
                }
            }
            rp[i + 1] = cols.size();
        }
        return new CsrMatrix(r, c, rp, cols.stream().mapToInt(Integer::intValue).toArray(),
                vals.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[][] dense(CsrMatrix m) {
        double[][] d = new double[m.rows][m.cols];
        for (int i = 0; i < m.rows; i++) {
            for (int p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) {
                d[i][m.colIdx[p]] = m.values[p];
            }
        }
        return d;
    }
}
