package org.dendrite.md.minimize;

import java.io.IOException;

import org.dendrite.md.integrate.IterativeStage;

/**
 * Polak–Ribière conjugate gradients (Polak and Ribière, Rev. Fr. Inform. Rech. Oper. 16, 35
 * (1969); Nocedal and Wright, Numerical Optimization, §5.2) with LAMMPS' {@code min_style cg}
 * conventions: β = max(0, g·(g − g_old)/(g_old·g_old)), restart along the force every n_dof
 * iterations or when the direction is not downhill, and the "quadratic" line search of LAMMPS
 * min_linesearch: backtracking (α ← α/2) until the energy decrease reaches 0.4·α·(F·h), with a
 * secant projection α₀ = α − (α − α_prev)(F·h)/Δ(F·h) accepted when the energy change agrees with
 * the quadratic model to 10 %. The first trial is limited so that no coordinate moves more than
 * dmax. Where the energy change is below floating-point resolution (|ΔE| ≤ 1e-13 |E|) a step is
 * accepted when it reduced |F·h|, so that tight force tolerances can be reached; LAMMPS stops there
 * with "linesearch alpha is zero".
 */
final class ConjugateGradient {
    private static final double ALPHA_MAX = 1.0;
    private static final double ALPHA_REDUCE = 0.5;
    private static final double BACKTRACK_SLOPE = 0.4;
    private static final double QUADRATIC_TOL = 0.1;
    private static final double EMACH = 1.0e-8;
    private static final double EPS_QUAD = 1.0e-28;
    private static final double ROUNDOFF = 1.0e-13;

    private final MinSystem sys;
    private final MinSettings set;
    private final int n;
    private final double[] q, q0, f, g, h;
    private double ecurrent;

    private ConjugateGradient(MinSystem sys, MinSettings set) {
        this.sys = sys;
        this.set = set;
        this.n = sys.size();
        this.q = new double[n];
        this.q0 = new double[n];
        this.f = new double[n];
        this.g = new double[n];
        this.h = new double[n];
    }

    static StopReason run(MinSystem sys, MinSettings set, long iterationsDone, IterativeStage.Hooks hooks,
                          double[] energyOut) throws IOException {
        ConjugateGradient cg = new ConjugateGradient(sys, set);
        StopReason r = cg.iterate(iterationsDone, hooks);
        energyOut[0] = cg.ecurrent;
        return r;
    }

    private StopReason iterate(long iterationsDone, IterativeStage.Hooks hooks) throws IOException {
        sys.get(q);
        ecurrent = sys.evaluate(q, f);
        System.arraycopy(f, 0, g, 0, n);
        System.arraycopy(f, 0, h, 0, n);
        double gg = dot(f, f);
        long nlimit = Math.max(1, Math.min(Integer.MAX_VALUE, (long) n));
        long remaining = set.maxIterations() - iterationsDone;
        if (remaining <= 0) {
            return StopReason.MAX_ITERATIONS;
        }
        for (long iter = 0; iter < remaining; iter++) {
            double eprevious = ecurrent;
            StopReason fail = lineSearch();
            boolean last = iter == remaining - 1;
            StopReason stop = fail;
            if (stop == null) {
                if (sys.evaluations() >= set.maxEvaluations()) {
                    stop = StopReason.MAX_EVALUATIONS;
                } else if (set.energyConverged(ecurrent, eprevious)) {
                    stop = StopReason.ENERGY_TOLERANCE;
                } else if (sys.norm(f, set.norm()) < set.forceTolerance()) {
                    stop = StopReason.FORCE_TOLERANCE;
                } else if (last) {
                    stop = StopReason.MAX_ITERATIONS;
                }
            }
            hooks.iterationDone(stop != null);
            if (stop != null) {
                return stop;
            }
            double ff = dot(f, f);
            double fg = dot(f, g);
            double beta = Math.max(0.0, (ff - fg) / gg);
            if ((iter + 1) % nlimit == 0) {
                beta = 0.0;
            }
            gg = ff;
            for (int k = 0; k < n; k++) {
                g[k] = f[k];
                h[k] = g[k] + beta * h[k];
            }
            if (dot(g, h) <= 0.0) {
                System.arraycopy(g, 0, h, 0, n);
            }
        }
        return StopReason.MAX_ITERATIONS;
    }

    /**
     * Line search along h from q (energy ecurrent, force f). On success q, f, ecurrent hold the
     * accepted point and null is returned; on failure the start point is restored (re-evaluated,
     * so that forces and energies match the positions) and the reason returned.
     */
    private StopReason lineSearch() {
        double fh0 = dot(f, h);
        if (fh0 <= 0.0) {
            return StopReason.NOT_DOWNHILL;
        }
        double hmax = 0;
        for (int k = 0; k < n; k++) {
            hmax = Math.max(hmax, Math.abs(h[k]));
        }
        if (hmax == 0) {
            return StopReason.LINESEARCH_ALPHA_ZERO;
        }
        double alphamax = Math.min(ALPHA_MAX, set.dmax() / hmax);
        double alpha = alphamax;
        System.arraycopy(q, 0, q0, 0, n);
        double eoriginal = ecurrent;
        double fhprev = fh0;
        double engprev = eoriginal;
        double alphaprev = 0.0;
        while (true) {
            ecurrent = step(alpha);
            double fh = dot(f, h);
            double delfh = fh - fhprev;
            if (Math.abs(fh) < EPS_QUAD || Math.abs(delfh) < EPS_QUAD) {
                restore();
                return StopReason.QUADRATIC_ZERO;
            }
            // Secant projection onto the zero of F·h when the energy is quadratic enough.
            double relerr = Math.abs(1.0 - (0.5 * (alpha - alphaprev) * (fh + fhprev) + ecurrent) / engprev);
            double alpha0 = alpha - (alpha - alphaprev) * fh / delfh;
            boolean atAlpha = true;
            double eAlpha = ecurrent;
            if (relerr <= QUADRATIC_TOL && alpha0 > 0.0 && alpha0 < alphamax) {
                ecurrent = step(alpha0);
                if (ecurrent - eoriginal < EMACH) {
                    return null;
                }
                atAlpha = false;
            }
            double deIdeal = -BACKTRACK_SLOPE * alpha * fh0;
            // Near the minimum the energy change falls below floating-point resolution and the
            // sufficient-decrease test cannot pass; accept then on the slope, if |F·h| decreased.
            boolean unresolved = Math.abs(eAlpha - eoriginal) <= ROUNDOFF * Math.max(1.0, Math.abs(eoriginal))
                    && Math.abs(fh) < fh0;
            if (eAlpha - eoriginal <= deIdeal || unresolved) {
                if (!atAlpha) {
                    ecurrent = step(alpha);
                }
                return null;
            }
            fhprev = fh;
            engprev = eAlpha;
            alphaprev = alpha;
            alpha *= ALPHA_REDUCE;
            if (alpha <= 0.0 || deIdeal >= -EMACH) {
                restore();
                return StopReason.LINESEARCH_ALPHA_ZERO;
            }
        }
    }

    private double step(double alpha) {
        for (int k = 0; k < n; k++) {
            q[k] = q0[k] + alpha * h[k];
        }
        return sys.evaluate(q, f);
    }

    private void restore() {
        System.arraycopy(q0, 0, q, 0, n);
        ecurrent = sys.evaluate(q, f);
    }

    private double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
