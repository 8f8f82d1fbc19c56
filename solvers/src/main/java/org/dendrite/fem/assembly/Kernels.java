package org.dendrite.fem.assembly;

/**
 * Element kernels of the scalar weak form ∫ k ∇u·∇v + ∫ c u v = ∫ f v (one component per node).
 */
public final class Kernels {
    private Kernels() {
    }

    /** Diffusion/conduction ∫ k_e ∇N_b·∇N_a with a constant coefficient per element, {@code k[e]}. */
    public static ElementKernel diffusion(double[] kPerElement) {
        return (ev, ke, fe) -> {
            double k = kPerElement[ev.element()];
            addStiffness(ev, k, ke);
        };
    }

    /** Diffusion with one coefficient everywhere. */
    public static ElementKernel diffusion(double k) {
        return (ev, ke, fe) -> addStiffness(ev, k, ke);
    }

    private static void addStiffness(org.dendrite.fem.element.ElementValues ev, double k, double[] ke) {
        int npe = ev.npe;
        int dim = ev.dim;
        double[] g = ev.dndx;
        for (int q = 0; q < ev.nq; q++) {
            double w = k * ev.jxw[q];
            int off = q * npe * dim;
            for (int a = 0; a < npe; a++) {
                for (int b = a; b < npe; b++) {
                    double s = 0;
                    for (int c = 0; c < dim; c++) {
                        s += g[off + a * dim + c] * g[off + b * dim + c];
                    }
                    ke[a * npe + b] += w * s;
                }
            }
        }
        for (int a = 0; a < npe; a++) {
            for (int b = 0; b < a; b++) {
                ke[a * npe + b] = ke[b * npe + a];
            }
        }
    }

    /** Mass ∫ c N_b N_a (consistent). */
    public static ElementKernel mass(double c) {
        return (ev, ke, fe) -> {
            int npe = ev.npe;
            for (int q = 0; q < ev.nq; q++) {
                double w = c * ev.jxw[q];
                for (int a = 0; a < npe; a++) {
                    double na = ev.n[q * npe + a] * w;
                    for (int b = 0; b < npe; b++) {
                        ke[a * npe + b] += na * ev.n[q * npe + b];
                    }
                }
            }
        };
    }

    /** Load ∫ f N_a with f evaluated at the quadrature points. */
    public static ElementKernel source(ScalarField f) {
        return (ev, ke, fe) -> {
            int npe = ev.npe;
            int dim = ev.dim;
            for (int q = 0; q < ev.nq; q++) {
                double fx = f.value(ev.xq[q * dim], ev.xq[q * dim + 1], dim == 3 ? ev.xq[q * dim + 2] : 0);
                double w = fx * ev.jxw[q];
                for (int a = 0; a < npe; a++) {
                    fe[a] += w * ev.n[q * npe + a];
                }
            }
        };
    }
}
