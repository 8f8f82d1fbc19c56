package org.dendrite.driver.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dendrite analyze}: analyses across finished run directories (docs/cli.md). */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyses across finished runs (reads their metrics.json).",
        subcommands = {ArrheniusCommand.class})
public final class AnalyzeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing analysis: arrhenius");
    }
}
