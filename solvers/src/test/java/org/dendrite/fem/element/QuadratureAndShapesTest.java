package org.dendrite.fem.element;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QuadratureAndShapesTest {

    private static double fact(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** Exact ∫ ξ^a η^b ζ^c over the reference element. */
    private static double exact(ElementType t, int a, int b, int c) {
        switch (t) {
            case TRI3:
                return fact(a) * fact(b) / fact(a + b + 2);
            case TET4:
                return fact(a) * fact(b) * fact(c) / fact(a + b + c + 3);
            default:
                int[] p = {a, b, c};
                double v = 1;
                for (int d = 0; d < t.dim; d++) {
                    v *= p[d] % 2 == 1 ? 0 : 2.0 / (p[d] + 1);
                }
                return v;
        }
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class)
    @DisplayName("quadrature of degree d integrates every monomial of total degree <= d exactly")
    void quadratureIsExactToItsDegree(ElementType t) {
        for (int deg = 0; deg <= 7; deg++) {
            Quadrature q = Quadrature.of(t, deg);
            for (int a = 0; a <= deg; a++) {
                for (int b = 0; b <= (t.dim > 1 ? deg - a : 0); b++) {
                    for (int c = 0; c <= (t.dim > 2 ? deg - a - b : 0); c++) {
                        double s = 0;
                        for (int k = 0; k < q.points; k++) {
                            double v = Math.pow(q.xi(k, 0), a);
                            if (t.dim > 1) {
                                v *= Math.pow(q.xi(k, 1), b);
                            }
                            if (t.dim > 2) {
                                v *= Math.pow(q.xi(k, 2), c);
                            }
                            s += q.weight(k) * v;
                        }
                        assertEquals(exact(t, a, b, c), s, 1e-13, t + " degree " + deg + " monomial " + a + "," + b + "," + c);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class)
    @DisplayName("shape functions are a partition of unity, nodal (N_a(x_b) = δ_ab) and their gradients sum to zero")
    void shapeFunctionsAreNodalAndPartitionOfUnity(ElementType t) {
        double[] xi = new double[t.dim];
        double[] n = new double[t.nodes];
        double[] dn = new double[t.nodes * t.dim];
        for (int b = 0; b < t.nodes; b++) {
            for (int c = 0; c < t.dim; c++) {
                xi[c] = t.refCoord(b, c);
            }
            t.shape(xi, 0, n, 0);
            for (int a = 0; a < t.nodes; a++) {
                assertEquals(a == b ? 1 : 0, n[a], 1e-15);
            }
        }
        java.util.Random rnd = new java.util.Random(3);
        for (int trial = 0; trial < 20; trial++) {
            for (int c = 0; c < t.dim; c++) {
                xi[c] = t.isSimplex() ? rnd.nextDouble() / t.dim : 2 * rnd.nextDouble() - 1;
            }
            t.shape(xi, 0, n, 0);
            t.gradShape(xi, 0, dn, 0);
            double sum = 0;
            for (double v : n) {
                sum += v;
            }
            assertEquals(1, sum, 1e-15);
            for (int c = 0; c < t.dim; c++) {
                double g = 0;
                for (int a = 0; a < t.nodes; a++) {
                    g += dn[a * t.dim + c];
                }
                assertEquals(0, g, 1e-15);
                // finite-difference check of the reference gradient
                double h = 1e-6;
                double[] np = new double[t.nodes];
                double[] nm = new double[t.nodes];
                double[] xp = xi.clone();
                double[] xm = xi.clone();
                xp[c] += h;
                xm[c] -= h;
                t.shape(xp, 0, np, 0);
                t.shape(xm, 0, nm, 0);
                for (int a = 0; a < t.nodes; a++) {
                    assertEquals((np[a] - nm[a]) / (2 * h), dn[a * t.dim + c], 1e-9);
                }
            }
        }
    }

    @Test
    @DisplayName("element values reproduce the exact gradient of a linear field on distorted quads, hexes and a general tetrahedron")
    void linearFieldsAreReproducedOnDistortedElements() {
        double[] quad = {0, 0, 2, 0.3, 1.7, 1.9, -0.2, 1.1};
        Mesh m2 = new Mesh(2, ElementType.QUAD4, quad, new int[] {0, 1, 2, 3});
        double[] tet = {0.1, 0.2, -0.1, 1.3, 0.1, 0.2, 0.4, 1.1, 0.3, 0.2, 0.5, 0.9};
        Mesh m4 = new Mesh(3, ElementType.TET4, tet, new int[] {0, 1, 2, 3});
        double[] hex = {0, 0, 0, 1, 0.1, 0, 1.2, 1, 0.1, 0, 0.9, 0, 0.1, 0, 1, 1, 0, 1.2, 1.1, 1.1, 0.9, 0, 1, 1.1};
        Mesh m3 = new Mesh(3, ElementType.HEX8, hex, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        for (Mesh m : new Mesh[] {m2, m3, m4}) {
            int d = m.dim();
            double[] g = {0.7, -1.3, 2.1};
            double[] u = new double[m.nodeCount()];
            for (int n = 0; n < u.length; n++) {
                for (int c = 0; c < d; c++) {
                    u[n] += g[c] * m.x(n, c);
                }
            }
            ElementValues ev = new ElementValues(m, 3);
            ev.reinit(0);
            double vol = 0;
            double[] grad = new double[d];
            for (int q = 0; q < ev.nq; q++) {
                vol += ev.jxw[q];
                ev.gradient(u, q, grad);
                for (int c = 0; c < d; c++) {
                    assertEquals(g[c], grad[c], 1e-13);
                }
                double uq = 0;
                for (int c = 0; c < d; c++) {
                    uq += g[c] * ev.xq[q * d + c];
                }
                assertEquals(uq, ev.value(u, q), 1e-13);
            }
            assertEquals(true, vol > 0);
        }
        // shoelace area of the quad
        double area = 0;
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            area += quad[2 * i] * quad[2 * j + 1] - quad[2 * j] * quad[2 * i + 1];
        }
        ElementValues ev = new ElementValues(m2, 2);
        ev.reinit(0);
        double s = 0;
        for (int q = 0; q < ev.nq; q++) {
            s += ev.jxw[q];
        }
        assertEquals(area / 2, s, 1e-14);
    }
}
