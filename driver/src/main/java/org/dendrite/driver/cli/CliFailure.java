package org.dendrite.driver.cli;

/**
 * A failure the command line reports as one line {@code error: <message>} with a given exit code:
 * {@link #BAD_INPUT} (2) for a config, structure or force field that cannot be used, {@link #RUN_FAILED}
 * (1) for a run that started and then failed. Commands wrap the exceptions of their phases in it,
 * so the exit code says which phase failed.
 */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final int RUN_FAILED = 1;
    public static final int BAD_INPUT = 2;

    private final int exitCode;

    public CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
