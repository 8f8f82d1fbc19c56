package org.dendrite.driver.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in-process and captures exit code, stdout and stderr. */
final class CliRunner {
    /** The repository root (tests run with the driver module as working directory). */
    static final Path ROOT = findRoot();
    static final Path LLZO_192 = ROOT.resolve("conf/structures/llzo-tetragonal-192.extxyz");
    static final Path DU_TETER = ROOT.resolve("conf/forcefields/llzo-du-teter.yaml");

    record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("conf/structures"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("tests must run inside the repository (conf/structures not found)");
        }
        return p;
    }
}
