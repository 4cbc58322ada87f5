package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.project.Workers;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

    @Test
    void theWorkbenchLeavesItsUiThreadOneCoreAndNeverAsksForNone() {
        assertThat(BackgroundThreads.forWorkbench(1)).isEqualTo(1);
        assertThat(BackgroundThreads.forWorkbench(2)).isEqualTo(1);
        assertThat(BackgroundThreads.forWorkbench(16)).isEqualTo(15);
        assertThat(BackgroundThreads.forWorkbench(0)).isEqualTo(1);
    }

    @Test
    void aBackgroundJobsWorkersGetTheWorkbenchCountAndCodeOutsideKeepsEveryProcessor() throws Exception {
        QueuedExecutor ui = new QueuedExecutor();
        BackgroundTaskViewModel task = new BackgroundTaskViewModel(ui);
        AtomicInteger inJob = new AtomicInteger(-1), explicit = new AtomicInteger(-1);
        task.start("Project", ctx -> {
            try (Workers workers = new Workers(0); Workers three = new Workers(3)) {
                inJob.set(workers.threads());
                explicit.set(three.threads());
            }
            return 1;
        }, r -> { });
        ui.drainUntil(() -> !task.isRunning());
        assertThat(task.errorProperty().get()).isEmpty();
        assertThat(inJob.get()).isEqualTo(BackgroundThreads.forWorkbench());
        assertThat(explicit.get()).as("an explicit count is kept").isEqualTo(3);
        try (Workers cli = new Workers(0)) {
            assertThat(cli.threads()).as("the CLI and the core's own callers use every processor")
                    .isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }
}
