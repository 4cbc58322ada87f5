package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Closing the window during a run: the run is cancelled, the application's stop returns well within a
 * second, and the models are released only when the job is out of them. And without a display the
 * launcher says so in one line.
 */
class CloseDuringRunTest {

    private final RunResult run = TestRuns.clusters(40, null);

    /** Services whose run stops at the next check, or ignores cancellation when told to. */
    private final class SlowServices extends FakeWorkbenchServices implements AutoCloseable {
        final CountDownLatch running = new CountDownLatch(1);
        final AtomicBoolean closed = new AtomicBoolean();
        final boolean deaf;

        SlowServices(boolean deaf) {
            super(run);
            this.deaf = deaf;
        }

        @Override
        public RunResult run(Dataset dataset, RunConfig config, TaskContext context, LiveLayouts live)
                throws InterruptedException {
            running.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < end) {
                if (!deaf) {
                    context.throwIfCancelled("encode-image");
                }
                Thread.onSpinWait(); // a native call: neither polls nor wakes on interrupt
            }
            return run;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private WorkbenchViewModel running(SlowServices services) throws InterruptedException {
        WorkbenchViewModel vm = new WorkbenchViewModel(services, Runnable::run);
        assertThat(vm.run()).isTrue();
        assertThat(services.running.await(5, TimeUnit.SECONDS)).isTrue();
        return vm;
    }

    @Test
    void closingDuringARunCancelsItAndReleasesTheModelsAtOnce() throws Exception {
        SlowServices services = new SlowServices(false);
        WorkbenchViewModel vm = running(services);

        long start = System.nanoTime();
        assertThat(FusionLabApp.stopWork(vm.task(), services, FusionLabApp.CLOSE_WAIT_MILLIS)).isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(millis).as("ms to stop").isLessThan(FusionLabApp.CLOSE_WAIT_MILLIS);
        assertThat(services.closed).isTrue();
        assertThat(vm.task().messageProperty().get()).isEqualTo("Run cancelled");
    }

    @Test
    void aJobStuckInNativeCodeDoesNotHoldTheWindowOpen() throws Exception {
        SlowServices services = new SlowServices(true);
        WorkbenchViewModel vm = running(services);

        long start = System.nanoTime();
        assertThat(FusionLabApp.stopWork(vm.task(), services, FusionLabApp.CLOSE_WAIT_MILLIS)).isFalse();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(millis).as("ms to give up waiting").isLessThan(1000);
        assertThat(services.closed).as("models stay with the job; the process exit ends both").isFalse();
    }

    @Test
    void noDisplayIsOneLineThatSaysWhatToDoInstead() {
        assertThat(GuiLauncher.missingDisplay(Map.<String, String>of()::get, "Linux", ""))
                .hasValueSatisfying(line -> assertThat(line).contains("$DISPLAY").contains("app/fusionlab run")
                        .contains("xvfb-run").doesNotContain("\n"));
        assertThat(GuiLauncher.missingDisplay(Map.of("DISPLAY", ":0")::get, "Linux", "")).isEmpty();
        assertThat(GuiLauncher.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0")::get, "Linux", "")).isEmpty();
        assertThat(GuiLauncher.missingDisplay(Map.<String, String>of()::get, "Linux", "Monocle")).isEmpty();
        assertThat(GuiLauncher.missingDisplay(Map.<String, String>of()::get, "Mac OS X", "")).isEmpty();
        assertThat(GuiLauncher.isDisplayFailure(new RuntimeException(new UnsupportedOperationException(
                "Unable to open DISPLAY")))).isTrue();
        assertThat(GuiLauncher.isDisplayFailure(new IllegalStateException("out of cheese"))).isFalse();
    }
}
