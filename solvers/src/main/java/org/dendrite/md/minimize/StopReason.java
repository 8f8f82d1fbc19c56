package org.dendrite.md.minimize;

/** Why a minimisation stopped (LAMMPS' stop conditions). */
public enum StopReason {
    ENERGY_TOLERANCE("energy tolerance"),
    FORCE_TOLERANCE("force tolerance"),
    MAX_ITERATIONS("max iterations"),
    MAX_EVALUATIONS("max force evaluations"),
    LINESEARCH_ALPHA_ZERO("linesearch alpha is zero"),
    NOT_DOWNHILL("search direction is not downhill"),
    QUADRATIC_ZERO("quadratic factors are zero"),
    FIRE_STUCK("max number of P<0 FIRE steps");

    private final String text;

    StopReason(String text) {
        this.text = text;
    }

    /** Whether the stop means the tolerances were met. */
    public boolean converged() {
        return this == ENERGY_TOLERANCE || this == FORCE_TOLERANCE;
    }

    @Override
    public String toString() {
        return text;
    }
}
