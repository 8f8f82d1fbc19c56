package org.dendrite.md.engine;

/**
 * Energies (eV) and virial of one force evaluation. Reused between steps to avoid allocation.
 * The virial is W_ab = Σ r_a f_b over local and ghost atoms (periodic images included) plus the
 * explicit virial of global terms, row-major 3×3, in eV; pressure_ab = (Σ m v_a v_b + W_ab)/V.
 */
public final class ForceResult {
    /** Short-range pair energy, eV. */
    public double pairEnergy;
    /** Real-space Coulomb energy including self terms, eV. */
    public double coulombEnergy;
    /** Many-body (EAM) energy, eV. */
    public double manyBodyEnergy;
    /** Global (k-space) energy, eV. */
    public double globalEnergy;
    /** Virial W_ab, eV, row-major. */
    public final double[] virial = new double[9];
    /** Whether energies and virial were computed in this evaluation. */
    public boolean hasEnergyAndVirial;

    public double potentialEnergy() {
        return pairEnergy + coulombEnergy + manyBodyEnergy + globalEnergy;
    }

    public void clear() {
        pairEnergy = 0;
        coulombEnergy = 0;
        manyBodyEnergy = 0;
        globalEnergy = 0;
        java.util.Arrays.fill(virial, 0);
        hasEnergyAndVirial = false;
    }

    public void copyFrom(ForceResult o) {
        pairEnergy = o.pairEnergy;
        coulombEnergy = o.coulombEnergy;
        manyBodyEnergy = o.manyBodyEnergy;
        globalEnergy = o.globalEnergy;
        System.arraycopy(o.virial, 0, virial, 0, 9);
        hasEnergyAndVirial = o.hasEnergyAndVirial;
    }
}
