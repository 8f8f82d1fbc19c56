package org.dendrite.md.potential.coulomb;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Units;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.GlobalTerm;
import org.dendrite.md.potential.StyleParams;

/**
 * Reciprocal-space part of the Ewald sum with the k-vector choice of LAMMPS {@code kspace_style
 * ewald} (ewald.cpp, orthorhombic and triclinic), for small reference cells:
 * <pre>
 *   E_k   = k_e · [ Σ_{G in half space} (4π/V)·exp(−G²/4α²)/G² · |S(G)|²  −  (π/2)·Q²/(α²V) ]
 *   S(G)  = Σ_j q_j exp(iG·r_j),  G = 2π H^{−T} n,  Q = Σ_j q_j
 *   W_ab  = k_e Σ_G (4π/V)·exp(−G²/4α²)/G²·|S|²·(δ_ab − 2(1/G² + 1/4α²) G_a G_b)  +  E_background δ_ab
 * </pre>
 * The self term −α/√π·k_e Σq² is {@link EwaldRealSpace#selfEnergy}. The second term of E_k is the
 * energy of a neutralising background for a non-neutral cell, as LAMMPS. Difference from LAMMPS:
 * LAMMPS leaves that background term out of the virial; here it is included (W_aa += E_bg) so that
 * the virial is −∂E/∂ε also for charged cells. Neutral cells are unaffected.
 *
 * <p>k-vectors: with a relative accuracy δ (LAMMPS {@code kspace_style ewald δ}), the absolute
 * accuracy is δ·k_e (LAMMPS' two-charge force at 1 Å in metal units), kx_max is the smallest
 * integer with 2q²α/L_x·√(1/(π kx N))·exp(−π²kx²/(α²L_x²)) ≤ accuracy (likewise y, z; q² = k_e Σq²),
 * G²_max = max_a (2π k_a,max/L_a)²·1.00001, and for triclinic cells the k_a,max are rescaled by H^T
 * as LAMMPS does. Explicit {@code kmax} (LAMMPS {@code kspace_modify kmax/ewald}) is also accepted.
 * The k-vectors are rebuilt whenever the box changes (LAMMPS Ewald::setup); N and Σq² are those
 * of the first evaluation (LAMMPS init), refreshed when the atom count changes.
 *
 * <p>Works on the local atoms of a single domain (structure factors are not summed across domains).
 * The k-vector cache and scratch arrays are per calling thread.
 */
public final class EwaldSum implements GlobalTerm {
    private final double alpha;
    private final double accuracyAbs;
    private final int[] kmaxFixed;

    /** Per-thread k-vectors and scratch, so that one force field can serve several engines at once. */
    private final ThreadLocal<Worker> worker = ThreadLocal.withInitial(Worker::new);

    private EwaldSum(double alpha, double accuracyAbs, int[] kmaxFixed) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ewald: alpha must be positive, got " + alpha);
        }
        this.alpha = alpha;
        this.accuracyAbs = accuracyAbs;
        this.kmaxFixed = kmaxFixed;
    }

    /** k-vectors from a relative accuracy (LAMMPS kspace_style ewald relAccuracy). */
    public static EwaldSum withAccuracy(double alpha, double relativeAccuracy) {
        if (!(relativeAccuracy > 0) || !(relativeAccuracy < 1)) {
            throw new IllegalArgumentException("ewald: accuracy must be in (0, 1), got " + relativeAccuracy);
        }
        return new EwaldSum(alpha, relativeAccuracy * Units.COULOMB_EV_A, null);
    }

    /** Fixed k-vector limits (LAMMPS kspace_modify kmax/ewald kx ky kz). */
    public static EwaldSum withKmax(double alpha, int kx, int ky, int kz) {
        if (kx < 1 || ky < 1 || kz < 1) {
            throw new IllegalArgumentException("ewald: kmax must be >= 1 in every direction, got "
                    + kx + " " + ky + " " + kz);
        }
        return new EwaldSum(alpha, Double.NaN, new int[] {kx, ky, kz});
    }

    /**
     * The splitting parameter α (1/Å) that LAMMPS Ewald::init chooses for a relative accuracy δ and
     * real-space cut-off r_c: a = δ·k_e·√(N r_c L_x L_y L_z)/(2 k_e Σq²); α = √(−ln a)/r_c if a &lt; 1,
     * else (1.35 − 0.15 ln(δ k_e))/r_c.
     */
    public static double alphaForAccuracy(double relativeAccuracy, double cutoff, int natoms, double qsqsum, Box box) {
        if (!(qsqsum > 0)) {
            throw new IllegalArgumentException("ewald: cannot choose alpha from the accuracy for an uncharged system; give alpha");
        }
        double accuracy = relativeAccuracy * Units.COULOMB_EV_A;
        double q2 = qsqsum * Units.COULOMB_EV_A;
        double a = accuracy * Math.sqrt(natoms * cutoff * box.lx() * box.ly() * box.lz()) / (2.0 * q2);
        if (a >= 1.0) {
            return (1.35 - 0.15 * Math.log(accuracy)) / cutoff;
        }
        return Math.sqrt(-Math.log(a)) / cutoff;
    }

    /**
     * Force-field file entry for {@code method: ewald}: cutoff (Å, real space), and either
     * {@code accuracy} (relative, as LAMMPS kspace_style ewald) or both {@code alpha} (1/Å) and
     * {@code kmax} (one integer or [kx, ky, kz]); any of alpha and kmax given overrides the choice
     * from the accuracy. Choosing alpha from the accuracy needs the structure (N, Σq², box), as
     * LAMMPS chooses it at init; optional erfc (exact | lammps-polynomial) for the real-space loop.
     */
    public static void install(StyleParams p, ForceField.Builder builder, Atoms atoms, Box box) {
        double cutoff = p.requirePositive("cutoff");
        ErfcMode mode = CoulombDsf.erfcMode(p);
        double accuracy = p.has("accuracy") ? p.requirePositive("accuracy") : Double.NaN;
        if (!Double.isNaN(accuracy) && !(accuracy < 1)) {
            throw p.error("accuracy", "is relative and must be below 1, got " + accuracy);
        }
        double alpha;
        if (p.has("alpha")) {
            alpha = p.requirePositive("alpha");
        } else if (Double.isNaN(accuracy)) {
            throw p.error("needs 'accuracy' (relative force accuracy) or 'alpha' with 'kmax'");
        } else if (atoms == null || box == null) {
            throw p.error("accuracy", "without 'alpha' needs the structure to choose alpha (as LAMMPS init); "
                    + "load the force field together with the structure or give alpha");
        } else {
            double qsq = 0;
            for (int i = 0; i < atoms.nlocal; i++) {
                qsq += atoms.q[i] * atoms.q[i];
            }
            if (!(qsq > 0)) {
                throw p.error("accuracy", "cannot choose alpha for a structure without charges; give alpha");
            }
            alpha = alphaForAccuracy(accuracy, cutoff, atoms.nlocal, qsq, box);
        }
        EwaldSum sum;
        if (p.has("kmax")) {
            int[] k = p.requireIntOrList("kmax", 3);
            if (k[0] < 1 || k[1] < 1 || k[2] < 1) {
                throw p.error("kmax", "must be >= 1 in every direction");
            }
            sum = withKmax(alpha, k[0], k[1], k[2]);
        } else if (Double.isNaN(accuracy)) {
            throw p.error("needs 'kmax' or 'accuracy' to choose the k-vectors");
        } else {
            sum = withAccuracy(alpha, accuracy);
        }
        builder.coulomb(new EwaldRealSpace(alpha, cutoff, mode));
        builder.global(sum);
    }

    public double alpha() {
        return alpha;
    }

    /** Number of k-vectors (half space) in use after the calling thread's last evaluation. */
    public int kVectorCount() {
        return worker.get().kcount;
    }

    /** kx_max, ky_max, kz_max after the calling thread's last evaluation. */
    public int[] kmax() {
        Worker w = worker.get();
        return new int[] {w.kxmax, w.kymax, w.kzmax};
    }

    @Override
    public double compute(Atoms atoms, Box box, double[] f, double[] virial) {
        return worker.get().compute(atoms, box, f, virial);
    }

    /** The k-vectors and sums of one thread; see the class comment for the formulas. */
    private final class Worker {
        private int natoms = -1;
        private double q2;

        private final double[] lastBox = new double[6];
        private boolean setUp;

        private int kxmax;
        private int kymax;
        private int kzmax;
        private int kmax;
        private int kcount;
        private int[] kn = new int[0];
        private double[] g = new double[0];
        private double[] ug = new double[0];
        private double volume;

        private double[] cs = new double[0];
        private double[] sn = new double[0];
        private double[] sfs = new double[0];
        private double[] frac = new double[0];

        private double rms(int km, double prd) {
            int n = Math.max(natoms, 1);
            return 2.0 * q2 * alpha / prd * Math.sqrt(1.0 / (Math.PI * km * n))
                    * Math.exp(-Math.PI * Math.PI * km * km / (alpha * alpha * prd * prd));
        }

        private void setup(Box box) {
            double lx = box.lx();
            double ly = box.ly();
            double lz = box.lz();
            boolean triclinic = box.isTriclinic();
            volume = lx * ly * lz;
            double[] unitk = {2 * Math.PI / lx, 2 * Math.PI / ly, 2 * Math.PI / lz};
            double gsqmx;
            if (kmaxFixed == null) {
                kxmax = 1;
                while (rms(kxmax, lx) > accuracyAbs) {
                    kxmax++;
                }
                kymax = 1;
                while (rms(kymax, ly) > accuracyAbs) {
                    kymax++;
                }
                kzmax = 1;
                while (rms(kzmax, lz) > accuracyAbs) {
                    kzmax++;
                }
                gsqmx = Math.max(Math.max(sq(unitk[0] * kxmax), sq(unitk[1] * kymax)), sq(unitk[2] * kzmax));
                if (triclinic) {
                    // LAMMPS scales the per-axis limits by H^T with the absolute tilts for a skewed
                    // cell (Ewald::setup with KSpace::lamda2xT), truncating to integers.
                    double t0 = kxmax / lx;
                    double t1 = kymax / ly;
                    double t2 = kzmax / lz;
                    kxmax = Math.max(1, (int) (lx * t0));
                    kymax = Math.max(1, (int) (Math.abs(box.xy()) * t0 + ly * t1));
                    kzmax = Math.max(1, (int) (Math.abs(box.xz()) * t0 + Math.abs(box.yz()) * t1 + lz * t2));
                }
            } else {
                kxmax = kmaxFixed[0];
                kymax = kmaxFixed[1];
                kzmax = kmaxFixed[2];
                gsqmx = Math.max(Math.max(sq(unitk[0] * kxmax), sq(unitk[1] * kymax)), sq(unitk[2] * kzmax));
            }
            kmax = Math.max(kxmax, Math.max(kymax, kzmax));
            gsqmx *= 1.00001;

            int cap = 4 * kmax * kmax * kmax + 6 * kmax * kmax + 3 * kmax;
            if (kn.length < 3 * cap) {
                kn = new int[3 * cap];
                g = new double[3 * cap];
                ug = new double[cap];
                sfs = new double[2 * cap];
            }
            kcount = 0;
            if (!triclinic) {
                // Same set as LAMMPS Ewald::coeffs: axis vectors up to kmax, the rest inside the k_a,max box.
                for (int m = 1; m <= kmax; m++) {
                    addIfInside(m, 0, 0, box, gsqmx);
                    addIfInside(0, m, 0, box, gsqmx);
                    addIfInside(0, 0, m, box, gsqmx);
                }
                for (int k = 1; k <= kxmax; k++) {
                    for (int l = 1; l <= kymax; l++) {
                        addIfInside(k, l, 0, box, gsqmx);
                        addIfInside(k, -l, 0, box, gsqmx);
                    }
                }
                for (int l = 1; l <= kymax; l++) {
                    for (int m = 1; m <= kzmax; m++) {
                        addIfInside(0, l, m, box, gsqmx);
                        addIfInside(0, l, -m, box, gsqmx);
                    }
                }
                for (int k = 1; k <= kxmax; k++) {
                    for (int m = 1; m <= kzmax; m++) {
                        addIfInside(k, 0, m, box, gsqmx);
                        addIfInside(k, 0, -m, box, gsqmx);
                    }
                }
                for (int k = 1; k <= kxmax; k++) {
                    for (int l = 1; l <= kymax; l++) {
                        for (int m = 1; m <= kzmax; m++) {
                            addIfInside(k, l, m, box, gsqmx);
                            addIfInside(k, -l, m, box, gsqmx);
                            addIfInside(k, l, -m, box, gsqmx);
                            addIfInside(k, -l, -m, box, gsqmx);
                        }
                    }
                }
            } else {
                // LAMMPS Ewald::coeffs_triclinic: the half space k > 0, then k = 0 with l > 0, then (0, 0, m).
                for (int k = 1; k <= kxmax; k++) {
                    for (int l = -kymax; l <= kymax; l++) {
                        for (int m = -kzmax; m <= kzmax; m++) {
                            addIfInside(k, l, m, box, gsqmx);
                        }
                    }
                }
                for (int l = 1; l <= kymax; l++) {
                    for (int m = -kzmax; m <= kzmax; m++) {
                        addIfInside(0, l, m, box, gsqmx);
                    }
                }
                for (int m = 1; m <= kmax; m++) {
                    addIfInside(0, 0, m, box, gsqmx);
                }
            }
            lastBox[0] = lx;
            lastBox[1] = ly;
            lastBox[2] = lz;
            lastBox[3] = box.xy();
            lastBox[4] = box.xz();
            lastBox[5] = box.yz();
            setUp = true;
        }

        private static double sq(double x) {
            return x * x;
        }

        /** Appends n = (k, l, m) with G = 2π H^{−T} n if G² ≤ G²_max. */
        private void addIfInside(int k, int l, int m, Box box, double gsqmx) {
            double lx = box.lx();
            double ly = box.ly();
            double lz = box.lz();
            double xy = box.xy();
            double xz = box.xz();
            double yz = box.yz();
            double gx = 2 * Math.PI * k / lx;
            double gy = 2 * Math.PI * (-xy / (lx * ly) * k + l / ly);
            double gz = 2 * Math.PI * ((xy * yz - ly * xz) / (lx * ly * lz) * k - yz / (ly * lz) * l + m / lz);
            double gsq = gx * gx + gy * gy + gz * gz;
            if (gsq > gsqmx) {
                return;
            }
            int c = kcount;
            kn[3 * c] = k;
            kn[3 * c + 1] = l;
            kn[3 * c + 2] = m;
            g[3 * c] = gx;
            g[3 * c + 1] = gy;
            g[3 * c + 2] = gz;
            ug[c] = 4.0 * Math.PI / (lx * ly * lz) * Math.exp(-0.25 * gsq / (alpha * alpha)) / gsq;
            kcount++;
        }

        private boolean boxChanged(Box box) {
            return !setUp || lastBox[0] != box.lx() || lastBox[1] != box.ly() || lastBox[2] != box.lz()
                    || lastBox[3] != box.xy() || lastBox[4] != box.xz() || lastBox[5] != box.yz();
        }

        double compute(Atoms atoms, Box box, double[] f, double[] virial) {
            int n = atoms.nlocal;
            double[] q = atoms.q;
            double qsum = 0;
            double qsqsum = 0;
            for (int i = 0; i < n; i++) {
                qsum += q[i];
                qsqsum += q[i] * q[i];
            }
            if (n != natoms) {
                natoms = n;
                q2 = qsqsum * Units.COULOMB_EV_A;
                setUp = false;
            }
            if (qsqsum == 0.0) {
                return 0.0;
            }
            if (boxChanged(box)) {
                setup(box);
            }
            fillPhases(atoms, box);

            int stride = kmax + 1;
            // Structure factors S(G) = Σ q_j exp(i 2π n·s_j).
            for (int c = 0; c < kcount; c++) {
                int k = kn[3 * c];
                int l = kn[3 * c + 1];
                int m = kn[3 * c + 2];
                double sl = l < 0 ? -1 : 1;
                double sm = m < 0 ? -1 : 1;
                int la = Math.abs(l);
                int ma = Math.abs(m);
                double re = 0;
                double im = 0;
                for (int i = 0; i < n; i++) {
                    int base = 3 * stride * i;
                    double cx = cs[base + k];
                    double sx = sn[base + k];
                    double cy = cs[base + stride + la];
                    double sy = sl * sn[base + stride + la];
                    double cz = cs[base + 2 * stride + ma];
                    double sz = sm * sn[base + 2 * stride + ma];
                    double cyz = cy * cz - sy * sz;
                    double syz = sy * cz + cy * sz;
                    re += q[i] * (cx * cyz - sx * syz);
                    im += q[i] * (sx * cyz + cx * syz);
                }
                sfs[2 * c] = re;
                sfs[2 * c + 1] = im;
            }

            double ke = Units.COULOMB_EV_A;
            double energy = 0;
            double invFourAlphaSq = 0.25 / (alpha * alpha);
            double wxx = 0, wyy = 0, wzz = 0, wxy = 0, wxz = 0, wyz = 0;
            for (int c = 0; c < kcount; c++) {
                double s2 = sfs[2 * c] * sfs[2 * c] + sfs[2 * c + 1] * sfs[2 * c + 1];
                double uk = ug[c] * s2;
                energy += uk;
                double gx = g[3 * c];
                double gy = g[3 * c + 1];
                double gz = g[3 * c + 2];
                double gsq = gx * gx + gy * gy + gz * gz;
                double vterm = -2.0 * (1.0 / gsq + invFourAlphaSq);
                wxx += uk * (1.0 + vterm * gx * gx);
                wyy += uk * (1.0 + vterm * gy * gy);
                wzz += uk * (1.0 + vterm * gz * gz);
                wxy += uk * vterm * gx * gy;
                wxz += uk * vterm * gx * gz;
                wyz += uk * vterm * gy * gz;
            }

            // Forces F_i = 2 k_e q_i Σ_G ug·G·(sin(G·r_i) Re S − cos(G·r_i) Im S).
            for (int i = 0; i < n; i++) {
                int base = 3 * stride * i;
                double ex = 0, ey = 0, ez = 0;
                for (int c = 0; c < kcount; c++) {
                    int k = kn[3 * c];
                    int l = kn[3 * c + 1];
                    int m = kn[3 * c + 2];
                    int la = Math.abs(l);
                    int ma = Math.abs(m);
                    double cx = cs[base + k];
                    double sx = sn[base + k];
                    double cy = cs[base + stride + la];
                    double sy = (l < 0 ? -1 : 1) * sn[base + stride + la];
                    double cz = cs[base + 2 * stride + ma];
                    double sz = (m < 0 ? -1 : 1) * sn[base + 2 * stride + ma];
                    double cyz = cy * cz - sy * sz;
                    double syz = sy * cz + cy * sz;
                    double cosg = cx * cyz - sx * syz;
                    double sing = sx * cyz + cx * syz;
                    double partial = 2.0 * ug[c] * (sing * sfs[2 * c] - cosg * sfs[2 * c + 1]);
                    ex += partial * g[3 * c];
                    ey += partial * g[3 * c + 1];
                    ez += partial * g[3 * c + 2];
                }
                double s = ke * q[i];
                f[3 * i] += s * ex;
                f[3 * i + 1] += s * ey;
                f[3 * i + 2] += s * ez;
            }

            double background = -ke * 0.5 * Math.PI * qsum * qsum / (alpha * alpha * volume);
            virial[0] += ke * wxx + background;
            virial[4] += ke * wyy + background;
            virial[8] += ke * wzz + background;
            virial[1] += ke * wxy;
            virial[3] += ke * wxy;
            virial[2] += ke * wxz;
            virial[6] += ke * wxz;
            virial[5] += ke * wyz;
            virial[7] += ke * wyz;
            return ke * energy + background;
        }

        /** cos and sin of 2π m s_a for m = 0..kmax, each axis a, each atom (s = fractional coordinates). */
        private void fillPhases(Atoms atoms, Box box) {
            int n = atoms.nlocal;
            int stride = kmax + 1;
            int need = 3 * stride * n;
            if (cs.length < need) {
                cs = new double[need];
                sn = new double[need];
            }
            if (frac.length < 3) {
                frac = new double[3];
            }
            for (int i = 0; i < n; i++) {
                box.toFractional(atoms.x[3 * i], atoms.x[3 * i + 1], atoms.x[3 * i + 2], frac, 0);
                for (int a = 0; a < 3; a++) {
                    int base = 3 * stride * i + a * stride;
                    double phase = 2.0 * Math.PI * frac[a];
                    double c1 = Math.cos(phase);
                    double s1 = Math.sin(phase);
                    cs[base] = 1.0;
                    sn[base] = 0.0;
                    // Powers of exp(iφ) by recurrence, as LAMMPS eik_dot_r (error grows like m·ε).
                    for (int m = 1; m <= kmax; m++) {
                        double cp = cs[base + m - 1];
                        double sp = sn[base + m - 1];
                        cs[base + m] = cp * c1 - sp * s1;
                        sn[base + m] = sp * c1 + cp * s1;
                    }
                }
            }
        }
    }
}
