package dev.fusionlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: the same pipeline as the workbench, for scripts. Every command exits
 * non-zero with a one-line reason on failure.
 */
@Command(name = "fusionlab", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Multimodal (image + text) fusion workbench, headless.%n"
                + "Without a command, app/fusionlab opens the workbench window.",
        subcommands = {RunCommand.class, EmbedCommand.class, ProjectCommand.class, SearchCommand.class,
                PlaygroundCommand.class, AblateCommand.class, CaptionCommand.class, GenerateCommand.class,
                PlotCommand.class})
public final class FusionLabCli {

    private FusionLabCli() {
    }

    /** Runs a command line and returns its exit code. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new FusionLabCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println("fusionlab " + line.getCommandName() + ": " + oneLine(ex));
            if (Boolean.getBoolean("fusionlab.debug")) {
                ex.printStackTrace(err);
            }
            return ex instanceof dev.fusionlab.task.CancelledException ? 130 : 1;
        });
        return cli.execute(args);
    }

    static String oneLine(Throwable ex) {
        Throwable t = ex;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
