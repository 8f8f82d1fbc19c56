package org.dendrite.partition.comm;

/** A message did not arrive in time, arrived out of step, or another domain failed. */
public final class TransportException extends RuntimeException {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
