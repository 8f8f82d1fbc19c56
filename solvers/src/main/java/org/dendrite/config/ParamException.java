package org.dendrite.config;

/**
 * A configuration value that is missing, of the wrong kind, out of range or unknown. Carries the
 * dotted key path (e.g. {@code stages[2].temperature_K}) so that the driver can add the file and
 * line the key came from.
 */
public final class ParamException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String reason;

    public ParamException(String path, String reason) {
        super("key '" + path + "': " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** Dotted key path, e.g. {@code stages[2].temperature_K}. */
    public String path() {
        return path;
    }

    /** Why the value is rejected, without the key. */
    public String reason() {
        return reason;
    }
}
