package dev.fusionlab.task;

/**
 * What every long-running stage receives: where to report progress and how to learn it should stop.
 * Core code never touches a GUI; the GUI and the CLI adapt this to a progress bar.
 */
public record TaskContext(ProgressListener progress, CancellationToken cancellation) {

    /** A context that reports nothing and is never cancelled: for tests and simple calls. */
    public static TaskContext silent() {
        return new TaskContext(ProgressListener.NONE, new CancellationToken());
    }

    public void report(String stage, double fraction, String message) {
        progress.update(stage, fraction, message);
    }

    public void throwIfCancelled(String stage) {
        cancellation.throwIfCancelled(stage);
    }
}
