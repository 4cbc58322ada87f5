package dev.fusionlab.project;

import dev.fusionlab.task.CancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small fixed set of worker threads that splits an index range into chunks handed out on demand.
 * The numerical loops of the projections (thousands of short parallel sections per run) use it
 * instead of parallel streams so that the thread count is the caller's choice and a worker number is
 * available for per-thread scratch buffers.
 */
public final class Workers implements AutoCloseable {

    /** Body of a parallel loop: handles indices {@code [from, to)} on worker {@code worker}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to, int worker);
    }

    /**
     * What "0 threads" means in the code it is bound around: the workbench binds it to leave its UI thread a
     * core ({@code ui.model.BackgroundThreads}); unbound (the CLI, tests), it is every available processor.
     * Results do not depend on the thread count (docs/reproducibility.md), only the speed does.
     */
    public static final ScopedValue<Integer> DEFAULT_THREADS = ScopedValue.newInstance();

    private final int threads;
    private final ExecutorService pool;
    /** The pool's threads, joined on close: a terminated pool's threads may still be finishing their exit. */
    private final List<Thread> started = new ArrayList<>();

    /** @param threads number of threads, at least 1; 0 or less means {@link #defaultThreads()} */
    public Workers(int threads) {
        this.threads = threads > 0 ? threads : defaultThreads();
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, runnable -> {
            Thread t = new Thread(runnable, "fusionlab-worker");
            t.setDaemon(true);
            synchronized (started) {
                started.add(t);
            }
            return t;
        }) : null;
    }

    public int threads() {
        return threads;
    }

    /** The thread count of {@code new Workers(0)} here: {@link #DEFAULT_THREADS} where bound, else all processors. */
    public static int defaultThreads() {
        return Math.max(1, DEFAULT_THREADS.orElse(Runtime.getRuntime().availableProcessors()));
    }

    /** Runs {@code task} over {@code [0, n)} in chunks of {@code chunk}; the caller thread works too. */
    public void forRange(int n, int chunk, RangeTask task) {
        if (n <= 0) {
            return;
        }
        int step = Math.max(1, chunk);
        if (pool == null || n <= step) {
            task.run(0, n, 0);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int helpers = Math.min(threads - 1, (n + step - 1) / step - 1);
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int w = 1; w <= helpers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> drain(n, step, next, task, worker)));
        }
        RuntimeException failure = null;
        try {
            drain(n, step, next, task, 0);
        } catch (RuntimeException e) {
            failure = e;
            next.set(n);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                // interrupted = cancelled (the GUI interrupts a job it cancels): never "failed: interrupted"
                Thread.currentThread().interrupt();
                next.set(n);
                if (failure == null || !(failure instanceof CancelledException)) {
                    failure = new CancelledException("parallel section");
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void drain(int n, int step, AtomicInteger next, RangeTask task, int worker) {
        for (int from = next.getAndAdd(step); from < n; from = next.getAndAdd(step)) {
            task.run(from, Math.min(n, from + step), worker);
        }
    }

    /**
     * Stops the threads and waits until they have ended, so that a stage that returns (or reports
     * "cancelled") leaves no worker running behind it. Helpers only ever run one short chunk, so the
     * wait is brief; an interrupt does not cut it short (it is passed on afterwards).
     */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
                System.getLogger(Workers.class.getName()).log(System.Logger.Level.WARNING,
                        "worker threads still busy after a minute; waiting on");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        List<Thread> threadsToJoin;
        synchronized (started) {
            threadsToJoin = List.copyOf(started);
        }
        for (Thread t : threadsToJoin) { // after termination only their exit is left: a bounded wait
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
