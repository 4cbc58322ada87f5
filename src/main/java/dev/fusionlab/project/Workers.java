package dev.fusionlab.project;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A fixed set of worker threads that runs numbered tasks and waits for all of them.
 *
 * <p>Projection kernels split their work into a fixed number of tasks that does not depend on the number
 * of threads, and every task writes only its own slice of the output; results are therefore identical
 * whatever the thread count. One {@code Workers} is created per fit and closed at its end.
 */
public final class Workers implements AutoCloseable {

    private final ExecutorService pool;
    private final int threads;

    /** @param threads number of threads; 0 or less means one per available processor */
    public Workers(int threads) {
        this.threads = resolve(threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, runnable -> {
            Thread thread = new Thread(runnable, "fusionlab-projection");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The thread count a request of {@code threads} resolves to. */
    public static int resolve(int threads) {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code task.accept(t)} for every {@code t} in {@code [0, count)} and returns when all are done. */
    public void run(int count, IntConsumer task) {
        if (pool == null || count == 1) {
            for (int t = 0; t < count; t++) {
                task.accept(t);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            int index = t;
            futures.add(pool.submit(() -> task.accept(index)));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while waiting for projection workers", e);
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Splits {@code [0, n)} into {@code parts} contiguous ranges and runs {@code body.accept(from, to)} on
     * each. The split depends only on {@code n} and {@code parts}.
     */
    public void forRanges(int n, int parts, RangeBody body) {
        int count = Math.max(1, Math.min(parts, n));
        run(count, part -> body.accept((int) ((long) n * part / count), (int) ((long) n * (part + 1) / count)));
    }

    /** A piece of work over the half-open index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void accept(int from, int to);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
