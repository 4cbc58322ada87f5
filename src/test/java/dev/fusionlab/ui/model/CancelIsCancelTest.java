package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionParams;
import dev.fusionlab.project.Projector;
import dev.fusionlab.project.Workers;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A cancelled job says "cancelled", never "failed: interrupted", and leaves no helper thread behind. */
class CancelIsCancelTest {

    private final QueuedExecutor ui = new QueuedExecutor();
    /** Helper threads alive at the moment the job posted its last update: its verdict, for the last one. */
    private final AtomicLong helpersAtLastPost = new AtomicLong(-1);
    private final BackgroundTaskViewModel task = new BackgroundTaskViewModel(r -> {
        helpersAtLastPost.set(liveHelpers());
        ui.execute(r);
    });

    private static long liveHelpers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("fusionlab-worker")).count();
    }

    /**
     * Helper threads are counted process-wide, so a projection that an earlier test of the same JVM left to
     * finish in the background (a GUI test's faithfulness job, say) must be over first; one that never ends
     * is a leak, and fails here.
     */
    @org.junit.jupiter.api.BeforeEach
    void noHelperThreadsOfEarlierTests() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (liveHelpers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(liveHelpers()).as("fusionlab-worker threads left running by earlier work").isZero();
    }

    @Test
    void aCancelledProjectionReportsCancelledWithEveryHelperThreadStopped() throws Exception {
        float[][] data = new float[3000][20];
        SplittableRandom random = new SplittableRandom(1);
        for (float[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        CountDownLatch optimising = new CountDownLatch(1);
        task.start("Run", ctx -> Projector.project(data, ProjectionMethod.TSNE,
                ProjectionParams.defaults(7).withThreads(4),
                new dev.fusionlab.task.TaskContext((stage, fraction, message) -> {
                    if (liveHelpers() > 0) {
                        optimising.countDown();
                    }
                    ctx.report(stage, fraction, message);
                }, ctx.cancellation())), r -> { });
        assertThat(optimising.await(60, TimeUnit.SECONDS)).as("helpers started").isTrue();

        task.cancel();
        ui.drainUntil(() -> !task.isRunning());

        assertThat(task.messageProperty().get()).isEqualTo("Run cancelled");
        assertThat(task.errorProperty().get()).isEmpty();
        assertThat(helpersAtLastPost.get()).as("fusionlab-worker threads alive when the job said cancelled").isZero();
    }

    @Test
    void helpersBusyInALongChunkAreWaitedForBeforeCancelledIsSaid() throws Exception {
        CountDownLatch inChunk = new CountDownLatch(2);
        task.start("Run", ctx -> {
            try (Workers workers = new Workers(3)) {
                for (int round = 0; ; round++) {
                    ctx.throwIfCancelled("umap");
                    workers.forRange(3, 1, (from, to, worker) -> {
                        if (worker == 0) {
                            return; // the caller is free at once and waits for its helpers
                        }
                        inChunk.countDown();
                        long end = System.nanoTime() + 300_000_000L; // a numerical chunk: polls nothing
                        while (System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                    });
                }
            }
        }, r -> { });
        assertThat(inChunk.await(10, TimeUnit.SECONDS)).isTrue();
        task.cancel();
        ui.drainUntil(() -> !task.isRunning());

        assertThat(task.messageProperty().get()).isEqualTo("Run cancelled");
        assertThat(helpersAtLastPost.get()).as("fusionlab-worker threads alive when the job said cancelled").isZero();
    }

    @Test
    void anInterruptWrappedByALibraryStillReadsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        task.start("Run", ctx -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) { // what native engines and executors do with an interrupt
                throw new IllegalStateException("interrupted", e);
            }
            return 1;
        }, r -> { });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        task.cancel();
        ui.drainUntil(() -> !task.isRunning());

        assertThat(task.messageProperty().get()).isEqualTo("Run cancelled");
        assertThat(task.errorProperty().get()).isEmpty();
    }

    @Test
    void whateverAStoppedJobThrowsOnItsWayOutItWasCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        task.start("Run", ctx -> {
            started.countDown();
            while (!ctx.cancellation().cancelRequested()) {
                Thread.onSpinWait();
            }
            throw new java.io.UncheckedIOException(new java.io.IOException("Stream closed"));
        }, r -> { });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        task.cancel();
        ui.drainUntil(() -> !task.isRunning());

        assertThat(task.messageProperty().get()).isEqualTo("Run cancelled");
    }

    @Test
    void aRealFailureIsStillAFailure() throws Exception {
        task.start("Run", ctx -> {
            throw new IllegalArgumentException("data.csv: no usable sample");
        }, r -> { });
        ui.drainUntil(() -> !task.isRunning());

        assertThat(task.messageProperty().get()).isEqualTo("Run failed: data.csv: no usable sample");
    }
}
