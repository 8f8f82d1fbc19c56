package org.dendrite.fem.solve;

import java.util.Locale;
import java.util.function.Function;

import org.dendrite.fem.sparse.CsrMatrix;

/** The preconditioners by name, as configs select them: none, jacobi, ic0, amg. */
public enum PreconditionerType implements Function<CsrMatrix, Preconditioner> {
    NONE, JACOBI, IC0, AMG;

    @Override
    public Preconditioner apply(CsrMatrix a) {
        switch (this) {
            case JACOBI:
                return new JacobiPreconditioner(a);
            case IC0:
                return new IncompleteCholesky(a);
            case AMG:
                return new SmoothedAggregationAmg(a);
            default:
                return Preconditioner.none();
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PreconditionerType of(String key) {
        for (PreconditionerType t : values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown preconditioner '" + key + "' (expected none, jacobi, ic0 or amg)");
    }
}
