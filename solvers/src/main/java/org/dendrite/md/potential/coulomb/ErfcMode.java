package org.dendrite.md.potential.coulomb;

/** How a damped Coulomb kernel evaluates erfc(αr) inside the pair loop. */
public enum ErfcMode {
    /** Cody's rational approximation, full double precision ({@link Erfc}); the default. */
    EXACT,
    /**
     * The Abramowitz–Stegun 7.1.26 polynomial (absolute error ≤ 1.5e-7) that LAMMPS coul/dsf and
     * coul/long use in their pair loops; only for bit-level comparisons with LAMMPS.
     */
    LAMMPS_POLYNOMIAL;

    /** erfc(x) given exp(−x²), by this mode's method. */
    public double erfc(double x, double expMinusXSq) {
        return this == EXACT ? Erfc.erfcGivenExp(x, expMinusXSq) : Erfc.erfcAbramowitzStegun(x, expMinusXSq);
    }

    /** Parses the force-field key value: {@code exact} or {@code lammps-polynomial}. */
    public static ErfcMode parse(String s) {
        return switch (s) {
            case "exact" -> EXACT;
            case "lammps-polynomial" -> LAMMPS_POLYNOMIAL;
            default -> throw new IllegalArgumentException("erfc must be 'exact' or 'lammps-polynomial', got '" + s + "'");
        };
    }
}
