package org.dendrite.fem;

/**
 * A finite-element computation that cannot go on: a bad mesh, a model input that does not define
 * the problem (a region without a material constant, a domain without a fixed potential), or a
 * solver that did not converge. The message is one line that names the culprit (element, region,
 * face, iteration and residual), so the command line can print it as it is.
 */
public class FemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FemException(String message) {
        super(message.replace('\n', ' ').replace('\r', ' '));
    }

    public FemException(String message, Throwable cause) {
        super(message.replace('\n', ' ').replace('\r', ' '), cause);
    }
}
