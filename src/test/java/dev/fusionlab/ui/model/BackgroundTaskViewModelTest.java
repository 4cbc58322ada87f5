package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundTaskViewModelTest {

    private final QueuedExecutor ui = new QueuedExecutor();
    private final BackgroundTaskViewModel task = new BackgroundTaskViewModel(ui);

    @Test
    void cancelStopsAStageThatPollsItsToken() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        task.start("Run", ctx -> {
            for (int i = 0; ; i++) {
                started.countDown();
                ctx.report("encode-image", i / 1e6, "batch " + i);
                ctx.throwIfCancelled("encode-image");
            }
        }, (Object r) -> result.set("finished"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(task.start("Another", ctx -> 1, r -> { })).as("one job at a time").isFalse();
        task.cancel();
        ui.drainUntil(() -> !task.isRunning());
        assertThat(task.messageProperty().get()).isEqualTo("Run cancelled");
        assertThat(task.errorProperty().get()).isEmpty();
        assertThat(result.get()).isNull();
    }

    @Test
    void progressReachesTheViewAndTheResultArrives() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicReference<Integer> result = new AtomicReference<>();
        task.start("Run", ctx -> {
            ctx.report("train-early", 0.25, "epoch 5/20");
            reported.countDown();
            proceed.await();
            return 42;
        }, result::set);
        reported.await();
        ui.drainUntil(() -> task.progressProperty().get() == 0.25);
        assertThat(task.stageProperty().get()).isEqualTo("train-early");
        assertThat(task.messageProperty().get()).isEqualTo("train-early: epoch 5/20");
        proceed.countDown();
        ui.drainUntil(() -> !task.isRunning());
        assertThat(result.get()).isEqualTo(42);
        assertThat(task.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void etaExtrapolatesTheStagePaceAndRestartsWithANewStage() {
        EtaEstimator eta = new EtaEstimator();
        long s = 1_000_000_000L;
        assertThat(eta.update("encode", 0.0, 0)).isEmpty();
        assertThat(eta.update("encode", 0.25, 2 * s)).contains(Duration.ofSeconds(6));
        assertThat(eta.update("train", 0.5, 3 * s)).as("new stage: too early to tell").isEmpty();
        assertThat(EtaEstimator.format(Duration.ofSeconds(200))).isEqualTo("3 min 20 s left");
    }
}
