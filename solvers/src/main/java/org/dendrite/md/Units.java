package org.dendrite.md;

/**
 * LAMMPS {@code metal} units: length Å, energy eV, time ps, mass amu (g/mol), temperature K,
 * pressure bar, charge e. The constants are those LAMMPS uses (update.cpp, {@code units metal}),
 * so that energies, temperatures and pressures agree with LAMMPS to the last digit.
 */
public final class Units {
    private Units() {
    }

    /** Boltzmann constant, eV/K. */
    public static final double BOLTZMANN_EV_PER_K = 8.617343e-5;
    /** Converts mass·velocity² (amu·Å²/ps²) to energy (eV). */
    public static final double MVV_TO_EV = 1.0364269e-4;
    /** Converts force/mass (eV/Å/amu) to acceleration (Å/ps²). */
    public static final double FORCE_OVER_MASS_TO_ACCEL = 1.0 / 1.0364269e-4;
    /** Converts (energy/volume) eV/Å³ to bar. */
    public static final double EV_PER_A3_TO_BAR = 1.6021765e6;
    /** Coulomb constant e²/(4π ε0) in eV·Å. */
    public static final double COULOMB_EV_A = 14.399645;
    /** Femtosecond in ps. */
    public static final double FEMTOSECOND_PS = 1.0e-3;
}
