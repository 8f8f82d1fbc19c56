package org.dendrite.md.analysis;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.potential.CoulombKernel;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.PairEvaluator;

/**
 * Potential energy per atom of a pairwise force field (short-range pairs with their shifts, real-
 * space Coulomb with its self term), each pair energy split equally between its two atoms, as
 * LAMMPS {@code compute pe/atom}. Σ_i e_i is the engine's potential energy. Force fields with
 * many-body or k-space terms have no such split here and are refused.
 */
public final class PerAtomEnergy {
    private final ForceField ff;
    private final PairScan scan = new PairScan();
    private final double cutoff;

    public PerAtomEnergy(ForceField ff) {
        if (!supports(ff)) {
            throw new IllegalArgumentException("per-atom energies need a pairwise force field (no many-body or "
                    + "k-space terms)");
        }
        this.ff = ff;
        this.cutoff = ff.maxCutoff();
    }

    /** Whether the force field is pairwise (per-atom energies are defined here). */
    public static boolean supports(ForceField ff) {
        return ff != null && ff.manyBody().isEmpty() && ff.global().isEmpty();
    }

    /** Fills {@code e[i]} (eV) for the local atoms of {@code atoms}, all of the system. */
    public void compute(Atoms atoms, Box box, double[] e) {
        int n = atoms.nlocal;
        java.util.Arrays.fill(e, 0, n, 0.0);
        CoulombKernel coul = ff.coulomb();
        double rcCoul2 = coul == null ? 0 : coul.cutoff() * coul.cutoff();
        scan.scan(atoms, box, cutoff);
        double[] x = scan.x();
        int[] type = scan.type();
        for (int i = 0; i < n; i++) {
            if (coul != null) {
                e[i] += coul.selfEnergy(atoms.q[i]);
            }
            for (int k = scan.list.offsets[i]; k < scan.list.offsets[i + 1]; k++) {
                int j = scan.list.neighbors[k];
                double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                int oj = scan.owner(j);
                double v = 0;
                PairEvaluator pe = ff.pair(type[i], type[j]);
                if (pe != null && r2 < pe.cutoff() * pe.cutoff()) {
                    v += pe.energy(r2) - ff.energyShift(type[i], type[j]);
                }
                if (coul != null && r2 < rcCoul2) {
                    v += atoms.q[i] * atoms.q[oj] * coul.energyPerQQ(r2);
                }
                e[i] += 0.5 * v;
                e[oj] += 0.5 * v;
            }
        }
    }
}
