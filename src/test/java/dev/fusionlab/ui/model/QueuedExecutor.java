package dev.fusionlab.ui.model;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Stands in for the FX thread in view-model tests: updates queue up and run on the test thread. */
final class QueuedExecutor implements Executor {

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs queued updates until {@code done} holds; fails after 10 s. */
    void drainUntil(BooleanSupplier done) throws InterruptedException {
        drainUntil(done, 10);
    }

    /** As {@link #drainUntil(BooleanSupplier)}, failing after {@code seconds} (real training on a busy machine). */
    void drainUntil(BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Runnable r = queue.poll(20, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            if (r == null && done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for background work");
            }
        }
    }
}
