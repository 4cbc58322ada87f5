package dev.fusionlab.ui.model;

import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.TaskContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs one long job at a time on a background thread and shows its state: stage, progress, ETA,
 * message, error. Progress from the worker is coalesced: however often the core reports, at most one
 * update is waiting on the UI thread, so a chatty stage cannot flood it. Cancel sets the job's
 * {@link CancellationToken} and interrupts the worker; the job ends at its next check, and reports
 * "cancelled" only once its code has returned, so every helper thread it started has ended by then.
 */
public final class BackgroundTaskViewModel {

    /** Work done in the background with a context to report to. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    private record Report(String stage, double fraction, String message) {
    }

    private final Executor uiThread;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fusionlab-task"); // "fusionlab-worker" are the projections' helpers
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final AtomicReference<Report> pending = new AtomicReference<>();
    private final EtaEstimator etaEstimator = new EtaEstimator();
    private RunProgress overall = new RunProgress(RunProgress.JobShape.SINGLE);
    private CancellationToken token;
    private Future<?> future;
    private volatile CountDownLatch jobEnded;

    /** @param uiThread runs updates of this view model's properties (Platform::runLater in the app) */
    public BackgroundTaskViewModel(Executor uiThread) {
        this.uiThread = uiThread;
    }

    /**
     * Starts {@code work} unless a job is running. Call on the UI thread.
     *
     * @param onSuccess receives the result on the UI thread
     * @return false when another job is still running
     */
    public <T> boolean start(String jobTitle, Work<T> work, Consumer<T> onSuccess) {
        return start(jobTitle, work, onSuccess, result -> jobTitle + " done");
    }

    /**
     * As {@link #start(String, Work, Consumer)}, with the status line to show on success.
     *
     * @param doneMessage describes the result, e.g. "Loaded emoji: 1906 samples"
     */
    public <T> boolean start(String jobTitle, Work<T> work, Consumer<T> onSuccess, Function<T, String> doneMessage) {
        return start(jobTitle, RunProgress.JobShape.SINGLE, work, onSuccess, doneMessage);
    }

    /**
     * As {@link #start(String, Work, Consumer, Function)}, showing the progress and time left of the whole
     * job of this kind (a run, a re-projection) rather than of each stage.
     */
    public <T> boolean start(String jobTitle, RunProgress.JobShape kind, Work<T> work, Consumer<T> onSuccess,
                             Function<T, String> doneMessage) {
        if (running.get()) {
            return false;
        }
        overall = new RunProgress(kind);
        etaEstimator.update("", 0, System.nanoTime()); // a new job: the estimate starts over
        CancellationToken jobToken = new CancellationToken();
        token = jobToken;
        running.set(true);
        title.set(jobTitle);
        stage.set(jobTitle);
        progress.set(-1);
        message.set(jobTitle + "…");
        eta.set("");
        error.set("");
        TaskContext context = new TaskContext(this::report, jobToken);
        CountDownLatch ended = new CountDownLatch(1);
        jobEnded = ended;
        future = worker.submit(() -> {
            try {
                T result = BackgroundThreads.run(work, context); // leaves the UI thread a core
                jobToken.throwIfCancelled(jobTitle);
                String message = doneMessage.apply(result);
                uiThread.execute(() -> { // the result is shown before the job counts as over
                    try {
                        onSuccess.accept(result);
                        finish(message, "");
                    } catch (RuntimeException e) {
                        finish(jobTitle + " failed", String.valueOf(e.getMessage()));
                    }
                });
            } catch (Exception | Error e) {
                if (jobToken.cancelRequested() || isCancellation(e)) {
                    uiThread.execute(() -> finish(jobTitle + " cancelled", ""));
                } else {
                    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    uiThread.execute(() -> finish(jobTitle + " failed", reason));
                }
            } finally {
                Thread.interrupted(); // an interrupt meant for this job must not reach the next one
                ended.countDown();
            }
            return null;
        });
        return true;
    }

    /**
     * Whether {@code e} is how a stopped job ends rather than a fault: the job's own cancellation, or an
     * interrupt surfacing through code that wraps it (a library's {@code IllegalStateException("interrupted")},
     * a file channel closed by the interrupt). A job that was asked to stop reports "cancelled" whatever it
     * threw on the way out.
     */
    static boolean isCancellation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CancelledException || t instanceof InterruptedException
                    || t instanceof java.nio.channels.ClosedByInterruptException
                    || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cancels the running job and waits, at most {@code timeoutMillis}, until its code has returned; for
     * closing the window, which must not hang on a job and must not pull resources from under one. Can
     * be called on the UI thread: it waits for the worker, not for the UI update that follows.
     *
     * @return true when no job is running any more
     */
    public boolean cancelAndAwait(long timeoutMillis) throws InterruptedException {
        CountDownLatch ended = jobEnded;
        cancel();
        return ended == null || ended.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Asks the running job to stop; it ends at its next cancellation check. */
    public void cancel() {
        if (token != null) {
            token.cancel();
        }
        if (future != null) {
            future.cancel(true);
        }
        if (running.get()) {
            message.set("Cancelling…");
        }
    }

    private void report(String reportStage, double fraction, String detail) {
        if (pending.getAndSet(new Report(reportStage, fraction, detail)) == null) {
            uiThread.execute(this::applyPendingReport);
        }
    }

    private void applyPendingReport() {
        Report r = pending.getAndSet(null);
        if (r == null || !running.get()) {
            return;
        }
        RunProgress.Step step = overall.update(r.stage(), r.fraction(), r.message());
        stage.set(step.stage());
        progress.set(step.fraction() < 0 ? -1 : Math.min(1, step.fraction()));
        message.set(r.message() == null || r.message().isEmpty() ? step.stage() : step.stage() + ": " + r.message());
        String etaKey = overall.isWholeJob() ? title.get() : step.stage();
        eta.set(etaEstimator.update(etaKey, step.fraction(), System.nanoTime()).map(EtaEstimator::format).orElse(""));
    }

    private void finish(String finalMessage, String failure) {
        pending.set(null);
        progress.set(failure.isEmpty() && !finalMessage.endsWith("cancelled") ? 1 : 0);
        eta.set("");
        message.set(failure.isEmpty() ? finalMessage : finalMessage + ": " + failure);
        error.set(failure);
        running.set(false); // last, so whoever waits for the end sees the final state
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** Fraction done in [0, 1], or -1 while unknown (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    /** Why the last job failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
