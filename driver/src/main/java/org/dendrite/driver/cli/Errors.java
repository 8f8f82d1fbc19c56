package org.dendrite.driver.cli;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

import org.dendrite.config.ParamException;
import org.dendrite.driver.config.ConfigException;
import org.dendrite.md.integrate.SimulationException;
import org.dendrite.md.io.InputException;
import org.dendrite.md.neighbor.LostAtomException;
import org.dendrite.md.state.RestartFileException;

/** Turns exceptions into the one-line messages and exit codes of the command line. */
final class Errors {
    private Errors() {
    }

    /** A failure while reading inputs (config, structure, force field): exit code 2. */
    static CliFailure badInput(Throwable t) {
        if (t instanceof CliFailure f) {
            return f;
        }
        return new CliFailure(CliFailure.BAD_INPUT, describe(t), t);
    }

    /** A failure after a run started: exit code 1. */
    static CliFailure runFailed(Throwable t) {
        if (t instanceof CliFailure f) {
            return new CliFailure(CliFailure.RUN_FAILED, f.getMessage(), f.getCause() == null ? f : f.getCause());
        }
        return new CliFailure(CliFailure.RUN_FAILED, describe(t), t);
    }

    /**
     * The message of an exception as the user should read it: exceptions that describe bad input
     * already carry "file:line: reason", others get their type so that a bug is recognisable.
     */
    static String describe(Throwable t) {
        if (t instanceof ConfigException || t instanceof ParamException || t instanceof InputException
                || t instanceof RestartFileException || t instanceof LostAtomException
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            return Main.oneLine(t.getMessage());
        }
        if (t instanceof SimulationException) {
            // "step N, atom id I: reason" — a run that blew up, reported as LAMMPS reports lost atoms.
            return "simulation failed at " + Main.oneLine(t.getMessage());
        }
        if (t instanceof ArithmeticException || t instanceof NullPointerException
                || t instanceof IndexOutOfBoundsException || t instanceof ClassCastException) {
            return "internal error: " + t.getClass().getSimpleName() + ": " + Main.oneLine(String.valueOf(t.getMessage()))
                    + " (rerun with --debug and report it)";
        }
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + ": file not found";
        }
        if (t instanceof java.io.IOException io) {
            return "I/O error: " + Main.oneLine(io.getMessage());
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory (raise the heap with JAVA_OPTS=-Xmx...)";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + Main.oneLine(m));
    }
}
