package org.dendrite.driver.ensemble;

import org.dendrite.config.ParamException;
import org.dendrite.driver.config.ConfigException;
import org.dendrite.md.integrate.SimulationException;
import org.dendrite.md.io.InputException;
import org.dendrite.md.state.RestartFileException;

/**
 * Why an attempt of a member failed, and whether another attempt can help. Bad input (the
 * {@code dendrite run} exit-2 class: a config, structure, force field or restart that cannot be
 * used) fails the same way every time and is not retried; everything else (a blow-up, an internal
 * error, a lost executor, a cluster that did not form) is.
 */
public enum FailureClass {
    /** ConfigException, ParamException, InputException, RestartFileException: not retried. */
    BAD_INPUT("bad_input", false),
    /** The simulation stopped (non-finite force, atom lost, energy jump). */
    SIMULATION("simulation", true),
    /** The attempt's task disappeared (its run directory was left {@code .partial}). */
    EXECUTOR_LOST("executor_lost", true),
    /** Any other exception. */
    ERROR("error", true);

    private final String label;
    private final boolean retryable;

    FailureClass(String label, boolean retryable) {
        this.label = label;
        this.retryable = retryable;
    }

    public String label() {
        return label;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The class of a failure, looking through wrapping exceptions. */
    public static FailureClass of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConfigException || c instanceof ParamException || c instanceof InputException
                    || c instanceof RestartFileException) {
                return BAD_INPUT;
            }
            if (c instanceof SimulationException) {
                return SIMULATION;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return ERROR;
    }
}
