package org.dendrite.fem.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.dendrite.fem.sparse.CsrMatrix;

/**
 * Smoothed-aggregation algebraic multigrid (Vaněk, Mandel and Brezina, Computing 56 (1996) 179) as a
 * symmetric V(1,1)-cycle preconditioner for CG on scalar elliptic problems such as ∇·(σ∇φ) = 0 with
 * strongly varying σ (grains and resistive grain boundaries).
 *
 * <p>Setup, per level:
 * <ol>
 *   <li>Strong connections: |a_ij| ≥ θ_l sqrt(|a_ii a_jj|), θ_l = θ·2^(−l), so the aggregates follow
 *       the conductivity: a grain boundary much less conductive than its grains is not aggregated
 *       with them. The paper's θ = 0.08 leaves trilinear hexahedra (whose edge and corner couplings
 *       are 1/16 and 1/32 of the diagonal, face couplings zero) without any strong connection, so
 *       the default here is θ = 0.025.</li>
 *   <li>Aggregation in the paper's three passes: seed aggregates of a node and all its strong
 *       neighbours when none is taken; attach leftovers to the neighbouring aggregate they are most
 *       strongly tied to; group what is still left. Nodes without strong neighbours (e.g. rows of
 *       eliminated Dirichlet dofs) belong to no aggregate and are handled by the smoother alone.</li>
 *   <li>Tentative prolongator P̂: the constant (the near-null space of a scalar diffusion operator)
 *       on each aggregate, columns normalized.</li>
 *   <li>Smoothed prolongator P = (I − ω D_F⁻¹ A_F) P̂, with A_F the filtered matrix (weak entries
 *       dropped and added to the diagonal, so A_F·1 = A·1) and ω = 4/(3ρ), ρ the spectral radius of
 *       D_F⁻¹A_F estimated by power iteration.</li>
 *   <li>Galerkin coarse matrix A_c = Pᵀ A P (two sparse products).</li>
 * </ol>
 * Coarsening stops at {@link Options#maxCoarse} unknowns (dense Cholesky there) or when a level
 * would shrink by less than 20 % (then 20 symmetric Gauss–Seidel sweeps approximate the coarse
 * solve). The cycle smooths with one forward Gauss–Seidel sweep before and one backward sweep
 * after the coarse correction, which keeps the preconditioner symmetric as CG needs.
 */
public final class SmoothedAggregationAmg implements Preconditioner {
    /** Strength threshold θ, coarsest size, level limit, sweeps before/after the coarse correction. */
    public record Options(double strength, int maxCoarse, int maxLevels, int preSweeps, int postSweeps) {
        public static Options defaults() {
            return new Options(0.025, 400, 25, 1, 1);
        }
    }

    private final List<CsrMatrix> a = new ArrayList<>();
    private final List<CsrMatrix> p = new ArrayList<>();
    private final List<CsrMatrix> r = new ArrayList<>();
    private final List<double[]> dinv = new ArrayList<>();
    private double[][] xs;
    private double[][] bs;
    private double[][] res;
    private final Options opt;
    private double[] chol;
    private int coarseN;
    private boolean coarseDense;
    private final double setupSeconds;

    public SmoothedAggregationAmg(CsrMatrix a0) {
        this(a0, Options.defaults());
    }

    public SmoothedAggregationAmg(CsrMatrix a0, Options opt) {
        long t0 = System.nanoTime();
        this.opt = opt;
        CsrMatrix cur = a0;
        double theta = opt.strength();
        while (true) {
            a.add(cur);
            dinv.add(inverseDiagonal(cur, a.size() - 1));
            if (cur.rows <= opt.maxCoarse() || a.size() >= opt.maxLevels()) {
                break;
            }
            CsrMatrix pl = prolongator(cur, theta);
            if (pl == null) {
                break;
            }
            CsrMatrix rl = pl.transpose();
            CsrMatrix next = rl.multiply(cur.multiply(pl));
            p.add(pl);
            r.add(rl);
            cur = next;
            theta *= 0.5;
        }
        int levels = a.size();
        xs = new double[levels][];
        bs = new double[levels][];
        res = new double[levels][];
        for (int l = 0; l < levels; l++) {
            int n = a.get(l).rows;
            xs[l] = new double[n];
            bs[l] = new double[n];
            res[l] = new double[n];
        }
        CsrMatrix c = a.get(levels - 1);
        coarseN = c.rows;
        coarseDense = coarseN <= Math.max(opt.maxCoarse(), 5000);
        if (coarseDense) {
            chol = denseCholesky(c);
        }
        setupSeconds = (System.nanoTime() - t0) * 1e-9;
    }

    private static double[] inverseDiagonal(CsrMatrix m, int level) {
        double[] d = new double[m.rows];
        m.diagonal(d);
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] > 0)) {
                throw new SolverException("AMG: non-positive diagonal " + d[i] + " in row " + i + " of level " + level
                        + " (the matrix is not symmetric positive definite)");
            }
            d[i] = 1 / d[i];
        }
        return d;
    }

    /** The smoothed prolongator of one level, or null when coarsening has stalled. */
    private static CsrMatrix prolongator(CsrMatrix m, double theta) {
        int n = m.rows;
        double[] diag = new double[n];
        m.diagonal(diag);
        int nnz = m.nnz();
        boolean[] strong = new boolean[nnz];
        for (int i = 0; i < n; i++) {
            for (int q = m.rowPtr[i]; q < m.rowPtr[i + 1]; q++) {
                int j = m.colIdx[q];
                double v = m.values[q];
                strong[q] = j != i && v != 0 && Math.abs(v) >= theta * Math.sqrt(Math.abs(diag[i] * diag[j]));
            }
        }
        // Aggregation: -1 free, -2 isolated (no strong neighbour), >= 0 aggregate id.
        int[] agg = new int[n];
        boolean[] firstPass = new boolean[n];
        Arrays.fill(agg, -1);
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (int q = m.rowPtr[i]; q < m.rowPtr[i + 1] && !any; q++) {
                any = strong[q];
            }
            if (!any) {
                agg[i] = -2;
            }
        }
        int nAgg = 0;
        for (int i = 0; i < n; i++) {
            if (agg[i] != -1) {
                continue;
            }
            boolean free = true;
            for (int q = m.rowPtr[i]; q < m.rowPtr[i + 1] && free; q++) {
                if (strong[q] && agg[m.colIdx[q]] >= 0) {
                    free = false;
                }
            }
            if (!free) {
                continue;
            }
            agg[i] = nAgg;
            firstPass[i] = true;
            for (int q = m.rowPtr[i]; q < m.rowPtr[i + 1]; q++) {
                int j = m.colIdx[q];
                if (strong[q] && agg[j] == -1) {
                    agg[j] = nAgg;
                    firstPass[j] = true;
                }
            }
            nAgg++;
        }
        for (int i = 0; i < n; i++) {
            if (agg[i] != -1) {
                continue;
            }
            double best = -1;
            int target = -1;
            for (int q = m.rowPtr[i]; q < m.rowPtr[i + 1]; q++) {
                int j = m.colIdx[q];
                if (strong[q] && firstPass[j] && Math.abs(m.values[q]) > best) {
                    best = Math.abs(m.values[q]);
                    target = agg[j];
                }
            }
            if (target >= 0) {
                agg[i] = target;
            }
        }
        for (int i = 0; i < n; i++) {
            if (agg[i] != -1) {
                continue;
            }
            agg[i] = nAgg;
            for (int q = m.rowPtr[i]; q < m.rowPtr[i + 1]; q++) {
                int j = m.colIdx[q];
                if (strong[q] && agg[j] == -1) {
                    agg[j] = nAgg;
                }
            }
            nAgg++;
        }
        if (nAgg == 0 || nAgg > 0.8 * n) {
            return null;
        }
        int[] size = new int[nAgg];
        for (int i = 0; i < n; i++) {
            if (agg[i] >= 0) {
                size[agg[i]]++;
            }
        }
        // Tentative prolongator: one entry per aggregated row.
        int[] tp = new int[n + 1];
        for (int i = 0; i < n; i++) {
            tp[i + 1] = tp[i] + (agg[i] >= 0 ? 1 : 0);
        }
        int[] tc = new int[tp[n]];
        double[] tv = new double[tp[n]];
        for (int i = 0; i < n; i++) {
            if (agg[i] >= 0) {
                tc[tp[i]] = agg[i];
                tv[tp[i]] = 1 / Math.sqrt(size[agg[i]]);
            }
        }
        CsrMatrix pt = new CsrMatrix(n, nAgg, tp, tc, tv);
        // Filtered matrix: strong entries and the diagonal, weak entries lumped into the diagonal.
        int[] fp = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int q = m.rowPtr[i]; q < m.rowPtr[i + 1]; q++) {
                if (strong[q] || m.colIdx[q] == i) {
                    c++;
                }
            }
            fp[i + 1] = fp[i] + c;
        }
        int[] fc = new int[fp[n]];
        double[] fv = new double[fp[n]];
        double[] fdiag = new double[n];
        for (int i = 0; i < n; i++) {
            int k = fp[i];
            double lump = 0;
            int dpos = -1;
            for (int q = m.rowPtr[i]; q < m.rowPtr[i + 1]; q++) {
                int j = m.colIdx[q];
                if (j == i) {
                    dpos = k;
                    fc[k] = j;
                    fv[k++] = m.values[q];
                } else if (strong[q]) {
                    fc[k] = j;
                    fv[k++] = m.values[q];
                } else {
                    lump += m.values[q];
                }
            }
            fv[dpos] += lump;
            fdiag[i] = fv[dpos];
            if (!(fdiag[i] > 0)) {
                // Lumping can cancel the diagonal of a row dominated by weak positive entries;
                // fall back to the unfiltered diagonal for the smoothing weight.
                fdiag[i] = diag[i];
            }
        }
        CsrMatrix af = new CsrMatrix(n, n, fp, fc, fv);
        double omega = 4.0 / (3.0 * spectralRadius(af, fdiag));
        CsrMatrix ap = af.multiply(pt);
        // P = P̂ − ω D_F⁻¹ A_F P̂; P̂'s entry (i, agg[i]) is inside A_F P̂'s row pattern.
        for (int i = 0; i < n; i++) {
            double s = -omega / fdiag[i];
            for (int q = ap.rowPtr[i]; q < ap.rowPtr[i + 1]; q++) {
                ap.values[q] *= s;
                if (agg[i] >= 0 && ap.colIdx[q] == agg[i]) {
                    ap.values[q] += tv[tp[i]];
                }
            }
        }
        return ap;
    }

    /** ρ(D⁻¹A) by 15 power iterations from a fixed pseudo-random start, times 1.05 for safety. */
    private static double spectralRadius(CsrMatrix m, double[] diag) {
        int n = m.rows;
        double[] v = new double[n];
        double[] w = new double[n];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < n; i++) {
            s ^= s << 13;
            s ^= s >>> 7;
            s ^= s << 17;
            v[i] = (s >>> 11) * 0x1.0p-53 - 0.5;
        }
        double lambda = 1;
        for (int it = 0; it < 15; it++) {
            double norm = Vectors.norm(v);
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
            m.multiply(v, w);
            for (int i = 0; i < n; i++) {
                w[i] /= diag[i];
            }
            lambda = Vectors.norm(w);
            double[] t = v;
            v = w;
            w = t;
        }
        return 1.05 * lambda;
    }

    private static double[] denseCholesky(CsrMatrix c) {
        int n = c.rows;
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int q = c.rowPtr[i]; q < c.rowPtr[i + 1]; q++) {
                l[i * n + c.colIdx[q]] = c.values[q];
            }
        }
        for (int j = 0; j < n; j++) {
            double d = l[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0)) {
                throw new SolverException("AMG: coarsest matrix (" + n + " unknowns) is not positive definite"
                        + " (pivot " + d + " at " + j + "); is the system singular?");
            }
            d = Math.sqrt(d);
            l[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = l[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / d;
            }
        }
        return l;
    }

    @Override
    public void apply(double[] rhs, double[] z) {
        System.arraycopy(rhs, 0, bs[0], 0, rhs.length);
        cycle(0);
        System.arraycopy(xs[0], 0, z, 0, rhs.length);
    }

    private void cycle(int l) {
        double[] x = xs[l];
        double[] b = bs[l];
        if (l == a.size() - 1) {
            coarseSolve(b, x);
            return;
        }
        CsrMatrix m = a.get(l);
        double[] di = dinv.get(l);
        Arrays.fill(x, 0);
        for (int s = 0; s < opt.preSweeps(); s++) {
            gaussSeidel(m, di, b, x, true);
        }
        m.residual(b, x, res[l]);
        r.get(l).multiply(res[l], bs[l + 1]);
        cycle(l + 1);
        CsrMatrix pl = p.get(l);
        double[] xc = xs[l + 1];
        for (int i = 0; i < pl.rows; i++) {
            double s = 0;
            for (int q = pl.rowPtr[i]; q < pl.rowPtr[i + 1]; q++) {
                s += pl.values[q] * xc[pl.colIdx[q]];
            }
            x[i] += s;
        }
        for (int s = 0; s < opt.postSweeps(); s++) {
            gaussSeidel(m, di, b, x, false);
        }
    }

    private void coarseSolve(double[] b, double[] x) {
        int n = coarseN;
        if (!coarseDense) {
            CsrMatrix m = a.get(a.size() - 1);
            double[] di = dinv.get(a.size() - 1);
            Arrays.fill(x, 0);
            for (int s = 0; s < 10; s++) {
                gaussSeidel(m, di, b, x, true);
                gaussSeidel(m, di, b, x, false);
            }
            return;
        }
        double[] l = chol;
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
    }

    private static void gaussSeidel(CsrMatrix m, double[] di, double[] b, double[] x, boolean forward) {
        int n = m.rows;
        int[] rp = m.rowPtr;
        int[] ci = m.colIdx;
        double[] v = m.values;
        if (forward) {
            for (int i = 0; i < n; i++) {
                double s = b[i];
                for (int q = rp[i]; q < rp[i + 1]; q++) {
                    s -= v[q] * x[ci[q]];
                }
                x[i] += s * di[i];
            }
        } else {
            for (int i = n - 1; i >= 0; i--) {
                double s = b[i];
                for (int q = rp[i]; q < rp[i + 1]; q++) {
                    s -= v[q] * x[ci[q]];
                }
                x[i] += s * di[i];
            }
        }
    }

    /** Number of levels (1 = the coarse solve only). */
    public int levels() {
        return a.size();
    }

    /** Σ nnz(A_l) / nnz(A_0): the memory and work of one cycle relative to one smoothing sweep. */
    public double operatorComplexity() {
        double s = 0;
        for (CsrMatrix m : a) {
            s += m.nnz();
        }
        return s / a.get(0).nnz();
    }

    public double setupSeconds() {
        return setupSeconds;
    }

    /** "5 levels: 1000000 → 42000 → … unknowns, operator complexity 1.38, setup 2.1 s". */
    public String summary() {
        StringBuilder sb = new StringBuilder().append(levels()).append(" levels: ");
        for (int l = 0; l < a.size(); l++) {
            sb.append(l > 0 ? " → " : "").append(a.get(l).rows);
        }
        return sb.append(String.format(Locale.ROOT, " unknowns, operator complexity %.2f, setup %.2f s",
                operatorComplexity(), setupSeconds)).toString();
    }

    @Override
    public String name() {
        return "amg";
    }
}
