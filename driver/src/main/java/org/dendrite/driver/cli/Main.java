package org.dendrite.driver.cli;

import java.io.PrintWriter;

import org.dendrite.driver.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code dendrite} command line: {@code eval}, {@code run}, {@code bench md}. Every error reaches
 * the user as one line {@code error: <where>: <reason>} on stderr with exit code 2 (bad input or
 * config) or 1 (a run that failed); {@code --debug} adds the stack trace.
 */
@Command(name = "dendrite", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Molecular dynamics (and, later, FEM) of lithium dendrites in solid electrolytes.",
        subcommands = {EvalCommand.class, RunCommand.class, BuildCommand.class, BenchCommand.class, MemberCommand.class,
            AnalyzeCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors (for bug reports).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: eval, run, build or bench");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + oneLine(ex.getMessage()));
            err.println("(see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return CliFailure.BAD_INPUT;
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = parsed.hasMatchedOption("--debug") || hasDebugFlag(parsed);
        int code;
        String message;
        if (ex instanceof CliFailure f) {
            code = f.exitCode();
            message = f.getMessage();
        } else {
            code = CliFailure.RUN_FAILED;
            message = Errors.describe(ex);
        }
        err.println("error: " + oneLine(message));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean hasDebugFlag(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** Version line: project version, git commit it was built from, and the JVM running it. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "dendrite " + BuildInfo.version() + " (git " + BuildInfo.gitCommit() + ")",
                "java " + BuildInfo.javaVersion() + ", " + BuildInfo.osVersion(),
            };
        }
    }
}
