package dev.fusionlab.ui.model;

import dev.fusionlab.project.Workers;

/**
 * How many threads the workbench's background work (runs, re-projections, Open embeddings…, playground and
 * generative jobs) may use: every processor but one, at least one, so that UMAP or t-SNE running for minutes
 * leaves the JavaFX thread a core and pan, zoom, hover and lasso stay fluid. At 1M points on two cores, a
 * redraw took a median 22 ms on a quiet machine and 190 ms while UMAP's kNN ran on both cores
 * ({@code bench/embeddings/RESULTS.md}). The command line keeps all processors (it binds nothing).
 *
 * <p>The one place this is decided: {@link BackgroundTaskViewModel} runs every job inside {@link #run},
 * which binds {@link Workers#DEFAULT_THREADS}, the count every projection, neighbour search and PCA uses
 * when it is not given one. Layouts are the same on any thread count, only slower or faster.
 */
public final class BackgroundThreads {

    private BackgroundThreads() {
    }

    /** Worker threads for the workbench's background jobs on a machine with {@code processors} processors. */
    public static int forWorkbench(int processors) {
        return Math.max(1, processors - 1);
    }

    /** {@link #forWorkbench(int)} of this machine. */
    public static int forWorkbench() {
        return forWorkbench(Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code work} with {@link #forWorkbench()} as the default thread count of the core's workers. */
    public static <T> T run(BackgroundTaskViewModel.Work<T> work, dev.fusionlab.task.TaskContext context)
            throws Exception {
        return ScopedValue.where(Workers.DEFAULT_THREADS, forWorkbench()).call(() -> work.run(context));
    }
}
