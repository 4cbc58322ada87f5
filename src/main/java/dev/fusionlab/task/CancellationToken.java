package dev.fusionlab.task;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag that a user (or a test) sets to stop running work; workers poll it between small steps. */
public final class CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    /** True once {@link #cancel()} was called, whichever thread asks (unlike {@link #isCancelled()}). */
    public boolean cancelRequested() {
        return cancelled.get();
    }

    /** True once cancelled, or when the calling thread has been interrupted. */
    public boolean isCancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }

    /** @throws CancelledException when cancelled, naming the stage that stopped */
    public void throwIfCancelled(String stage) {
        if (isCancelled()) {
            throw new CancelledException(stage);
        }
    }
}
