package org.dendrite.md.io;

/**
 * Bad user input bound to a file: a malformed line, an unknown species, a non-finite coordinate, two
 * atoms on top of each other. The message is always one line of the form {@code FILE:LINE: reason},
 * {@code FILE: atom ID: reason} or {@code FILE: reason}, so that the command line can print it as it
 * is (compilers and LAMMPS report errors the same way) and exit non-zero.
 *
 * <p>Unchecked, like {@link IllegalArgumentException}: the readers throw it for every problem with
 * their input, including an unreadable file, and callers that cannot fix the input just let it
 * propagate to the command line.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final long atomId;
    private final String reason;

    private InputException(String file, int line, long atomId, String reason, Throwable cause) {
        super(format(file, line, atomId, reason), cause);
        this.file = file;
        this.line = line;
        this.atomId = atomId;
        this.reason = reason;
    }

    /** {@code FILE:LINE: reason}; line numbers start at 1. */
    public static InputException atLine(String file, int line, String reason) {
        return new InputException(file, line, -1, reason, null);
    }

    /** {@code FILE: atom ID: reason}, for problems found after parsing (overlaps, unknown species). */
    public static InputException atAtom(String file, long atomId, String reason) {
        return new InputException(file, -1, atomId, reason, null);
    }

    /** {@code FILE: reason}, for problems of the file as a whole (missing section, unreadable). */
    public static InputException inFile(String file, String reason) {
        return new InputException(file, -1, -1, reason, null);
    }

    /** {@code FILE: reason} with the I/O error that caused it. */
    public static InputException inFile(String file, String reason, Throwable cause) {
        return new InputException(file, -1, -1, reason, cause);
    }

    private static String format(String file, int line, long atomId, String reason) {
        String oneLine = reason.replace('\n', ' ').replace('\r', ' ');
        if (line > 0) {
            return file + ":" + line + ": " + oneLine;
        }
        if (atomId >= 0) {
            return file + ": atom " + atomId + ": " + oneLine;
        }
        return file + ": " + oneLine;
    }

    /** The file name as given by the user. */
    public String file() {
        return file;
    }

    /** The 1-based line number, or -1 if the error is not bound to a line. */
    public int line() {
        return line;
    }

    /** The atom id, or -1 if the error is not bound to an atom. */
    public long atomId() {
        return atomId;
    }

    /** The reason without the location prefix. */
    public String reason() {
        return reason;
    }
}
