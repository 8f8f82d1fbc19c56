package org.dendrite.md.minimize;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Units;
import org.dendrite.md.integrate.MdContext;

/**
 * The function a minimiser sees: a vector of generalised coordinates q, the objective H(q) and
 * the generalised force −∇H.
 *
 * <p>Without box relaxation q holds the Cartesian positions (3N) and H is the potential energy.
 * With box relaxation (LAMMPS {@code fix box/relax}) the cell is deformed homogeneously by
 * F = diag(λ) about its centre c, atoms carried along: x = c + λ∘(u − c), where u are positions in
 * the reference (starting) cell; q = (u, e) with e_a = (λ_a − 1)·L₀_a, the displacement of a cell
 * face (Å), one per axis (aniso) or a single one with L̄ = V₀^{1/3} (iso). The objective is the
 * enthalpy H = E + P_target·V, and with W the virial (Σ r_a f_b including images):
 * −∂H/∂u_a = λ_a F_a and −∂H/∂e_a = (W_aa − P_target V/nktv2p)/(λ_a L₀_a) — the virial-only
 * pressure, as box/relax. Tilt factors scale with their row (x ∝ λ_x, …), so triclinic cells keep
 * their shape up to the diagonal stretch.
 */
final class MinSystem {
    static final int NONE = 0;
    static final int ISO = 1;
    static final int ANISO = 3;

    private final MdContext ctx;
    private final int n3;
    private final int ncell;
    private final double pTargetBar;
    private final double[] ref0 = new double[9];
    private final double[] center = new double[3];
    private final double[] l0 = new double[3];
    private final double lbar;
    private final double[] lambda = {1, 1, 1};
    private final double[] mass;
    private long evaluations;

    MinSystem(MdContext ctx, int cellMode, double pTargetBar) {
        this.ctx = ctx;
        Atoms a = ctx.atoms();
        this.n3 = 3 * a.nlocal;
        this.ncell = cellMode;
        this.pTargetBar = pTargetBar;
        Box b = ctx.box();
        ref0[0] = b.xlo();
        ref0[1] = b.ylo();
        ref0[2] = b.zlo();
        ref0[3] = b.lx();
        ref0[4] = b.ly();
        ref0[5] = b.lz();
        ref0[6] = b.xy();
        ref0[7] = b.xz();
        ref0[8] = b.yz();
        center[0] = b.xlo() + 0.5 * (b.lx() + b.xy() + b.xz());
        center[1] = b.ylo() + 0.5 * (b.ly() + b.yz());
        center[2] = b.zlo() + 0.5 * b.lz();
        l0[0] = b.lx();
        l0[1] = b.ly();
        l0[2] = b.lz();
        lbar = Math.cbrt(b.volume());
        if (cellMode != NONE) {
            for (int k = 0; k < 3; k++) {
                if (!b.periodic(k)) {
                    throw new IllegalArgumentException("box relaxation needs a periodic cell; axis " + "xyz".charAt(k)
                            + " is not periodic");
                }
            }
        }
        // Inertia of each coordinate for FIRE: the atom's mass; a cell face moves like a row of
        // N^(1/3) atoms, so that its vibration frequency is comparable with the atoms' (the stiffness
        // of e grows like the bulk modulus times the cell length).
        this.mass = new double[n3 + ncell];
        double mtot = 0;
        for (int i = 0; i < a.nlocal; i++) {
            double m = ctx.massByType()[a.type[i]];
            mass[3 * i] = m;
            mass[3 * i + 1] = m;
            mass[3 * i + 2] = m;
            mtot += m;
        }
        double mcell = a.nlocal == 0 ? 1.0 : mtot / a.nlocal * Math.cbrt(a.nlocal);
        for (int k = 0; k < ncell; k++) {
            mass[n3 + k] = ncell == ISO ? 3 * mcell : mcell;
        }
    }

    int size() {
        return n3 + ncell;
    }

    int atomCoordinates() {
        return n3;
    }

    int cellCoordinates() {
        return ncell;
    }

    double[] masses() {
        return mass;
    }

    long evaluations() {
        return evaluations;
    }

    /** Current generalised coordinates into q. */
    void get(double[] q) {
        double[] x = ctx.atoms().x;
        if (ncell == NONE) {
            System.arraycopy(x, 0, q, 0, n3);
            return;
        }
        for (int k = 0; k < n3; k++) {
            int d = k % 3;
            q[k] = center[d] + (x[k] - center[d]) / lambda[d];
        }
        if (ncell == ISO) {
            q[n3] = (lambda[0] - 1.0) * lbar;
        } else {
            for (int d = 0; d < 3; d++) {
                q[n3 + d] = (lambda[d] - 1.0) * l0[d];
            }
        }
    }

    /** Sets positions (and cell) from q. */
    void set(double[] q) {
        double[] x = ctx.atoms().x;
        if (ncell == NONE) {
            System.arraycopy(q, 0, x, 0, n3);
            return;
        }
        if (ncell == ISO) {
            double l = 1.0 + q[n3] / lbar;
            lambda[0] = lambda[1] = lambda[2] = l;
        } else {
            for (int d = 0; d < 3; d++) {
                lambda[d] = 1.0 + q[n3 + d] / l0[d];
            }
        }
        for (int d = 0; d < 3; d++) {
            if (!(lambda[d] > 0.2 && lambda[d] < 5.0)) {
                throw new IllegalStateException("box relaxation diverged: cell stretch " + lambda[d] + " along "
                        + "xyz".charAt(d));
            }
        }
        for (int k = 0; k < n3; k++) {
            int d = k % 3;
            x[k] = center[d] + lambda[d] * (q[k] - center[d]);
        }
        // Corners move as x = c + λ(x0 − c); edge vectors and tilts scale with their Cartesian row.
        double xlo = center[0] + lambda[0] * (ref0[0] - center[0]);
        double ylo = center[1] + lambda[1] * (ref0[1] - center[1]);
        double zlo = center[2] + lambda[2] * (ref0[2] - center[2]);
        ctx.box().set(xlo, ylo, zlo, lambda[0] * ref0[3], lambda[1] * ref0[4], lambda[2] * ref0[5],
                lambda[0] * ref0[6], lambda[0] * ref0[7], lambda[1] * ref0[8]);
    }

    /**
     * Evaluates H and the generalised force at q: sets positions/cell, computes forces with
     * energies and virial, writes −∇H into {@code g}, returns H (eV).
     */
    double evaluate(double[] q, double[] g) {
        set(q);
        ctx.computeForces(true);
        evaluations++;
        double[] f = ctx.atoms().f;
        if (ncell == NONE) {
            System.arraycopy(f, 0, g, 0, n3);
            return ctx.forces().potentialEnergy();
        }
        for (int k = 0; k < n3; k++) {
            g[k] = lambda[k % 3] * f[k];
        }
        double volume = ctx.box().volume();
        double pv = pTargetBar * volume / Units.EV_PER_A3_TO_BAR;
        double[] w = ctx.forces().virial;
        if (ncell == ISO) {
            g[n3] = (w[0] + w[4] + w[8] - 3.0 * pv) / (lambda[0] * lbar);
        } else {
            g[n3] = (w[0] - pv) / (lambda[0] * l0[0]);
            g[n3 + 1] = (w[4] - pv) / (lambda[1] * l0[1]);
            g[n3 + 2] = (w[8] - pv) / (lambda[2] * l0[2]);
        }
        return ctx.forces().potentialEnergy() + pv;
    }

    /**
     * Norm of a generalised force vector: LAMMPS min_modify norm two (Euclidean), max (largest
     * per-atom magnitude; each cell coordinate counts as one entry) or inf (largest component).
     */
    double norm(double[] g, ForceNorm kind) {
        switch (kind) {
            case TWO -> {
                double s = 0;
                for (int k = 0; k < n3 + ncell; k++) {
                    s += g[k] * g[k];
                }
                return Math.sqrt(s);
            }
            case MAX -> {
                double m = 0;
                for (int k = 0; k < n3; k += 3) {
                    m = Math.max(m, g[k] * g[k] + g[k + 1] * g[k + 1] + g[k + 2] * g[k + 2]);
                }
                for (int k = n3; k < n3 + ncell; k++) {
                    m = Math.max(m, g[k] * g[k]);
                }
                return Math.sqrt(m);
            }
            default -> {
                double m = 0;
                for (int k = 0; k < n3 + ncell; k++) {
                    m = Math.max(m, Math.abs(g[k]));
                }
                return m;
            }
        }
    }
}
