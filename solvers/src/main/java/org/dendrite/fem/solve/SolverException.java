package org.dendrite.fem.solve;

import org.dendrite.fem.FemException;

/** A solve that failed: no convergence within the iteration limit (the message gives the residual
 *  reached), a singular or floating system, or a matrix that is not positive definite. */
public final class SolverException extends FemException {
    private static final long serialVersionUID = 1L;

    public SolverException(String message) {
        super(message);
    }
}
