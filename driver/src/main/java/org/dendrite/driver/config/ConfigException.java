package org.dendrite.driver.config;

/**
 * A run configuration that cannot be used: bad YAML, an unknown or missing key, a value out of
 * range, or a bad {@code --set} override. {@link #location()} is where the problem is, as
 * {@code file:line} or {@code --set key=value}, so the command line can print one line of the form
 * {@code error: <location>: <reason>}.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String location;
    private final String reason;

    public ConfigException(String location, String reason) {
        this(location, reason, null);
    }

    public ConfigException(String location, String reason, Throwable cause) {
        super(location + ": " + reason, cause);
        this.location = location;
        this.reason = reason;
    }

    /** {@code file:line}, or {@code --set key=value} for a value from the command line. */
    public String location() {
        return location;
    }

    public String reason() {
        return reason;
    }
}
