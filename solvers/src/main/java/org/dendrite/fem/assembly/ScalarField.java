package org.dendrite.fem.assembly;

/** A scalar function of position (source terms, boundary data, exact solutions); z = 0 in 2-D. */
@FunctionalInterface
public interface ScalarField {
    double value(double x, double y, double z);

    /** The constant function. */
    static ScalarField constant(double c) {
        return (x, y, z) -> c;
    }
}
