package dev.fusionlab.cli;

import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.TaskContext;

/** A task context for one CLI command: a progress bar on stderr, cancelled by Ctrl-C. */
final class CliContext implements AutoCloseable {

    private final TerminalProgress progress = TerminalProgress.forStderr();
    private final CancellationToken cancellation = new CancellationToken();
    private final Thread hook = new Thread(cancellation::cancel, "fusionlab-cancel");

    CliContext() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    TaskContext task() {
        return new TaskContext(progress, cancellation);
    }

    @Override
    public void close() {
        progress.finish();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting (Ctrl-C): the hook has run
        }
    }
}
