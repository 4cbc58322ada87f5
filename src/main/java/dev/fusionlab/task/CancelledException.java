package dev.fusionlab.task;

/** Thrown by a stage that stopped because its {@link CancellationToken} was cancelled. */
public final class CancelledException extends RuntimeException {

    public CancelledException(String stage) {
        super("cancelled: " + stage);
    }
}
