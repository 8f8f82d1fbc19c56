package org.dendrite.driver.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.dendrite.driver.config.ConfigException;

/**
 * The output directory of one run, which never carries a name that says "complete" unless the run
 * completed: it is created as {@code DIR.partial}, renamed to {@code DIR} by {@link #complete()},
 * and renamed to {@code DIR.failed} (with an {@code error.txt}) by {@link #fail(String, Throwable)}.
 * A process killed mid-run leaves {@code DIR.partial}.
 */
public final class RunDirectory {
    public static final String PARTIAL = ".partial";
    public static final String FAILED = ".failed";

    private final Path target;
    private Path current;

    private RunDirectory(Path target, Path current) {
        this.target = target;
        this.current = current;
    }

    /**
     * Creates {@code target.partial}. Refuses to reuse a finished, failed or partial directory of
     * the same name, so an earlier result is never overwritten or mixed with a new one.
     */
    public static RunDirectory create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        for (Path p : new Path[] {abs, sibling(abs, PARTIAL), sibling(abs, FAILED)}) {
            if (Files.exists(p)) {
                throw new ConfigException(p.toString(), "output directory already exists; choose another --out or remove it");
            }
        }
        Path partial = sibling(abs, PARTIAL);
        try {
            Path parent = partial.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(partial);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException(partial.toString(), "output directory already exists");
        } catch (IOException e) {
            throw new ConfigException(partial.toString(), "cannot create output directory: " + e.getMessage());
        }
        return new RunDirectory(abs, partial);
    }

    static Path sibling(Path p, String suffix) {
        return p.resolveSibling(p.getFileName().toString() + suffix);
    }

    /** The directory files are written into now (the {@code .partial} one while running). */
    public Path path() {
        return current;
    }

    /** The name the directory gets when the run succeeds. */
    public Path target() {
        return target;
    }

    public Path resolve(String name) {
        return current.resolve(name);
    }

    /** Renames {@code DIR.partial} to {@code DIR}; returns the final path. */
    public Path complete() throws IOException {
        move(target);
        return current;
    }

    /**
     * Writes {@code error.txt} (the one-line reason, then the stack trace for whoever debugs it) and
     * renames the directory to {@code DIR.failed}. If even that rename fails, the directory keeps its
     * {@code .partial} name, which still does not look complete.
     */
    public Path fail(String reason, Throwable cause) {
        StringWriter sw = new StringWriter();
        sw.write(reason);
        sw.write(System.lineSeparator());
        if (cause != null) {
            sw.write(System.lineSeparator());
            cause.printStackTrace(new PrintWriter(sw));
        }
        try (Writer w = Files.newBufferedWriter(current.resolve("error.txt"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write(sw.toString());
        } catch (IOException ignored) {
            // The reason is printed on stderr as well; a missing error.txt must not hide it.
        }
        try {
            move(sibling(target, FAILED));
        } catch (IOException ignored) {
            // Staying ".partial" is an acceptable outcome: the name still says "not complete".
        }
        return current;
    }

    private void move(Path to) throws IOException {
        try {
            Files.move(current, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(current, to);
        }
        current = to;
    }

    /**
     * Writes a file atomically inside the run directory: to a temporary name first, then renamed,
     * so a reader (or a restart) never sees half a file.
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, content);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
