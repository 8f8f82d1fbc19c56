package org.dendrite.md.thermo;

import org.dendrite.md.Atoms;
import org.dendrite.md.ExactSum;
import org.dendrite.md.Units;
import org.dendrite.md.neighbor.HaloExchange;
import org.dendrite.md.state.AtomGroup;

/**
 * Thermodynamic quantities with LAMMPS {@code thermo_style} semantics and {@code thermo_modify
 * norm no} (extensive energies):
 * <ul>
 *   <li>T = 2 KE / (dof k_B), dof = 3N − 3 over the group (compute temp; frozen atoms are outside
 *       the group and so removed from N);</li>
 *   <li>kinetic tensor K_ab = mvv2e Σ m v_a v_b (compute temp vector), order xx yy zz xy xz yz;</li>
 *   <li>P = (dof k_B T + W_xx + W_yy + W_zz) / (3V) · nktv2p, which equals (2 KE + tr W)/(3V);
 *       P_ab = (K_ab + W_ab)/V · nktv2p (compute pressure), W from {@code ForceResult.virial}.</li>
 * </ul>
 * The loops are allocation-free. Sums over atoms are {@link ExactSum}s, so their bits do not depend
 * on atom order or decomposition. The overloads taking a {@link HaloExchange} add the local sums
 * over all domains (a domain holds only its own atoms) exactly; with one domain the sum is the
 * identity, so they give the same bits as the local ones.
 */
public final class Thermo {
    private Thermo() {
    }

    /** Per-thread sums (in-process domains are threads): one for KE, six for the tensor. */
    private static final ThreadLocal<ExactSum[]> SCALAR = ThreadLocal.withInitial(() -> sums(1));
    private static final ThreadLocal<ExactSum[]> TENSOR = ThreadLocal.withInitial(() -> sums(6));

    private static ExactSum[] sums(int n) {
        ExactSum[] sums = new ExactSum[n];
        for (int k = 0; k < n; k++) {
            sums[k] = new ExactSum();
        }
        return sums;
    }

    /** Kinetic energy of the group's local atoms, eV. */
    public static double kineticEnergy(Atoms a, AtomGroup g) {
        ExactSum sum = SCALAR.get()[0];
        massVelocitySquared(a, g, sum);
        return 0.5 * sum.value() * Units.MVV_TO_EV;
    }

    /**
     * Adds Σ m v² of the group's local atoms (amu Å²/ps²) to a cleared sum, term by term, so the
     * total does not depend on how atoms are split over domains or ordered.
     */
    private static void massVelocitySquared(Atoms a, AtomGroup g, ExactSum sum) {
        sum.clear();
        boolean[] mask = g.mask();
        double[] v = a.v;
        int[] type = a.type;
        int[] id = a.id;
        for (int i = 0; i < a.nlocal; i++) {
            if (mask != null && !mask[id[i]]) {
                continue;
            }
            double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            sum.add(a.species.mass(type[i]) * (vx * vx + vy * vy + vz * vz));
        }
    }

    /** Kinetic tensor mvv2e Σ m v_a v_b of the group, eV, into out[0..5] = xx yy zz xy xz yz. */
    public static void kineticTensor(Atoms a, AtomGroup g, double[] out) {
        ExactSum[] sums = TENSOR.get();
        massVelocityTensor(a, g, sums);
        tensorValues(sums, out);
    }

    /** Σ m v_a v_b of the group's local atoms into six cleared sums (xx yy zz xy xz yz). */
    private static void massVelocityTensor(Atoms a, AtomGroup g, ExactSum[] sums) {
        for (ExactSum s : sums) {
            s.clear();
        }
        boolean[] mask = g.mask();
        double[] v = a.v;
        int[] type = a.type;
        int[] id = a.id;
        for (int i = 0; i < a.nlocal; i++) {
            if (mask != null && !mask[id[i]]) {
                continue;
            }
            double m = a.species.mass(type[i]);
            double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            sums[0].add(m * vx * vx);
            sums[1].add(m * vy * vy);
            sums[2].add(m * vz * vz);
            sums[3].add(m * vx * vy);
            sums[4].add(m * vx * vz);
            sums[5].add(m * vy * vz);
        }
    }

    private static void tensorValues(ExactSum[] sums, double[] out) {
        for (int k = 0; k < 6; k++) {
            out[k] = sums[k].value() * Units.MVV_TO_EV;
        }
    }

    /** Kinetic energy of the group over all domains, eV (the same bits whatever the decomposition). */
    public static double kineticEnergy(Atoms a, AtomGroup g, HaloExchange halo) {
        ExactSum[] sum = SCALAR.get();
        massVelocitySquared(a, g, sum[0]);
        halo.sum(sum);
        return 0.5 * sum[0].value() * Units.MVV_TO_EV;
    }

    /** Kinetic tensor of the group over all domains, eV, into out[0..5] = xx yy zz xy xz yz. */
    public static void kineticTensor(Atoms a, AtomGroup g, HaloExchange halo, double[] out) {
        ExactSum[] sums = TENSOR.get();
        massVelocityTensor(a, g, sums);
        halo.sum(sums);
        tensorValues(sums, out);
    }

    /** Temperature of the group over all domains, K (the group's dof count is already global). */
    public static double temperature(Atoms a, AtomGroup g, HaloExchange halo) {
        return temperature(kineticEnergy(a, g, halo), g.temperatureDof());
    }

    /** Temperature, K, of a kinetic energy over {@code dof} degrees of freedom (0 if dof is 0). */
    public static double temperature(double kineticEnergy, double dof) {
        return dof > 0 ? 2.0 * kineticEnergy / (dof * Units.BOLTZMANN_EV_PER_K) : 0.0;
    }

    /** Temperature of the group, K. */
    public static double temperature(Atoms a, AtomGroup g) {
        return temperature(kineticEnergy(a, g), g.temperatureDof());
    }

    /**
     * Scalar pressure, bar, from the kinetic term dof·k_B·T (= 2 KE) and the virial W (eV,
     * row-major 3×3), as LAMMPS compute pressure {@code compute_scalar}.
     */
    public static double pressure(double dofKT, double[] virial, double volume) {
        return (dofKT + virial[0] + virial[4] + virial[8]) / (3.0 * volume) * Units.EV_PER_A3_TO_BAR;
    }

    /**
     * Pressure tensor, bar, into out[0..5] = xx yy zz xy xz yz, from the kinetic tensor (eV) and
     * the virial W (eV, row-major; W_xy = Σ x f_y as LAMMPS' fdotr virial).
     */
    public static void pressureTensor(double[] keTensor, double[] virial, double volume, double[] out) {
        double s = Units.EV_PER_A3_TO_BAR / volume;
        out[0] = (keTensor[0] + virial[0]) * s;
        out[1] = (keTensor[1] + virial[4]) * s;
        out[2] = (keTensor[2] + virial[8]) * s;
        out[3] = (keTensor[3] + virial[1]) * s;
        out[4] = (keTensor[4] + virial[2]) * s;
        out[5] = (keTensor[5] + virial[5]) * s;
    }
}
