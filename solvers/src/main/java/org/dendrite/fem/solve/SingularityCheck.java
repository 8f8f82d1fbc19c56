package org.dendrite.fem.solve;

import java.util.function.IntFunction;

import org.dendrite.fem.sparse.CsrMatrix;

/**
 * Finds the parts of a (Dirichlet-eliminated) system that are determined only up to a constant:
 * connected components of A's graph on which A·1 = 0, i.e. a region tied to no fixed value and to
 * no Robin or mass term. CG would wander or stall on such a system, so it is reported before
 * solving. After {@link org.dendrite.fem.assembly.Dirichlet#apply}, fixed dofs are decoupled rows
 * and the free rows next to them lose their column, so a component touching a fixed value has a
 * non-zero row sum and passes.
 *
 * <p>A component counts as floating when max_i |Σ_j a_ij| ≤ 10⁻¹⁰ · max_i |a_ii| over it, which is
 * far above round-off of a truly singular operator and far below any physical coupling.
 */
public final class SingularityCheck {
    public static final double TOLERANCE = 1e-10;

    private SingularityCheck() {
    }

    /** One floating component: its size and one of its dofs. */
    public record Floating(int size, int exampleDof) {
    }

    /** All floating components (empty when the system is determined). */
    public static java.util.List<Floating> floating(CsrMatrix a) {
        int n = a.rows;
        int[] comp = new int[n];
        java.util.Arrays.fill(comp, -1);
        int[] stack = new int[n];
        java.util.List<Floating> out = new java.util.ArrayList<>();
        int nc = 0;
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            comp[s] = nc;
            int size = 0;
            double maxDiag = 0;
            double maxRowSum = 0;
            while (top > 0) {
                int i = stack[--top];
                size++;
                double sum = 0;
                for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                    int j = a.colIdx[p];
                    double v = a.values[p];
                    sum += v;
                    if (j == i) {
                        maxDiag = Math.max(maxDiag, Math.abs(v));
                    } else if (v != 0 && comp[j] < 0) {
                        comp[j] = nc;
                        stack[top++] = j;
                    }
                }
                maxRowSum = Math.max(maxRowSum, Math.abs(sum));
            }
            if (maxRowSum <= TOLERANCE * maxDiag || maxDiag == 0) {
                out.add(new Floating(size, s));
            }
            nc++;
        }
        return out;
    }

    /**
     * Throws {@link SolverException} when a component floats, naming its size and one dof via
     * {@code describeDof} (e.g. "node 17 at (1e-5, 2e-5)").
     */
    public static void requireDetermined(CsrMatrix a, IntFunction<String> describeDof) {
        java.util.List<Floating> f = floating(a);
        if (!f.isEmpty()) {
            Floating first = f.get(0);
            throw new SolverException("floating domain: " + first.size() + " unknown(s) including "
                    + describeDof.apply(first.exampleDof()) + " are tied to no fixed value (no Dirichlet condition"
                    + " on that connected part" + (f.size() > 1 ? "; " + f.size() + " such parts" : "")
                    + "), so the system is singular");
        }
    }
}
