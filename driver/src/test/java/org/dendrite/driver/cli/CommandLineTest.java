package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dendrite.driver.BuildInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @ParameterizedTest(name = "dendrite {0} --help")
    @ValueSource(strings = {"", "eval", "run", "bench", "bench md"})
    @DisplayName("--help on every command prints its usage and exits 0")
    void helpOnEveryCommandExitsZero(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = new String[words.length + 1];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--help";
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: dendrite"), r.out());
    }

    @Test
    @DisplayName("--version prints the version and the git commit it was built from and exits 0")
    void versionExitsZero() {
        CliRunner.Result r = CliRunner.run("--version");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("dendrite " + BuildInfo.version()), r.out());
        assertTrue(r.out().contains("git " + BuildInfo.gitCommit()), r.out());
        assertFalse(BuildInfo.version().contains("${"), "version must be filtered in at build time");
    }

    @Test
    @DisplayName("an unknown option is a one-line error with exit code 2")
    void unknownOptionExitsTwo() {
        CliRunner.Result r = CliRunner.run("eval", "--structur", "x");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    @Test
    @DisplayName("a missing structure file in eval is one error line naming the file, exit code 2, no stack trace")
    void missingStructureInEvalIsOneLine() {
        CliRunner.Result r = CliRunner.run("eval", "--structure", "/nonexistent/s.extxyz",
                "--forcefield", CliRunner.DU_TETER.toString(), "--out", "/tmp/never-written.extxyz");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: /nonexistent/s.extxyz: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    @DisplayName("--debug adds the stack trace to the error line")
    void debugPrintsStackTrace() {
        CliRunner.Result r = CliRunner.run("eval", "--debug", "--structure", "/nonexistent/s.extxyz",
                "--forcefield", CliRunner.DU_TETER.toString(), "--out", "/tmp/never-written.extxyz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().lines().count() > 1, r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
