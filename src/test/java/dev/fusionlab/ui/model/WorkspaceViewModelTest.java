package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.export.plot.Viewport;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import dev.fusionlab.workspace.FusionLabDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, reopening, autosaving and restoring the workbench, without a display. */
class WorkspaceViewModelTest {

    @TempDir
    Path dir;

    private final RunResult run = TestRuns.clusters(60, null);

    private final class Bench {
        final QueuedExecutor ui = new QueuedExecutor();
        final WorkbenchViewModel vm = new WorkbenchViewModel(new FakeWorkbenchServices(run,
                List.of("mobilenet_v2", "mobilenet_v2_onnx"), List.of("all-minilm-l6-v2")), ui);
        final WorkspaceViewModel ws;

        Bench(boolean autosave) {
            ws = new WorkspaceViewModel(vm, ui, new FusionLabDirs(dir.resolve("config"), dir.resolve("cache")), autosave);
        }

        void await() throws InterruptedException {
            ui.drainUntil(() -> !vm.task().isRunning());
        }

        void runAndWait() throws InterruptedException {
            assertThat(vm.run()).isTrue();
            await();
        }

        /** Changes everything a workspace keeps. */
        void makeAnAfternoonOfChanges() throws InterruptedException {
            vm.settings().seedProperty().set(7);
            vm.settings().combinerProperty().set(LateCombiner.PRODUCT);
            vm.settings().umapMinDistProperty().set(0.3);
            runAndWait();
            vm.projection().spaceProperty().set(Space.IMAGE);
            vm.projection().colourModeProperty().set(ColourMode.CORRECTNESS);
            vm.activeStrategyProperty().set(Strategy.EARLY);
            vm.projection().selectRanked(9, 2, 31);
            vm.projection().zoomProperty().set(new Viewport(-1, -2, 3, 4));
            vm.openViewProperty().set(WorkbenchViewModel.OPEN_VIEW_COMPARE);
        }
    }

    private static void assertSamePicture(Bench a, Bench b) {
        assertThat(b.vm.resultProperty().get().probabilities().get(Strategy.IMAGE))
                .isDeepEqualTo(a.vm.resultProperty().get().probabilities().get(Strategy.IMAGE));
        assertThat(b.vm.settings().toConfig("x")).isEqualTo(a.vm.settings().toConfig("x"));
        assertThat(b.vm.projection().spaceProperty().get()).isEqualTo(Space.IMAGE);
        assertThat(b.vm.projection().methodProperty().get()).isEqualTo(a.vm.projection().methodProperty().get());
        assertThat(b.vm.projection().colourModeProperty().get()).isEqualTo(ColourMode.CORRECTNESS);
        assertThat(b.vm.activeStrategyProperty().get()).isEqualTo(Strategy.EARLY);
        assertThat(b.vm.projection().selectionProperty().get()).containsExactly(9, 2, 31);
        assertThat(b.vm.projection().zoomProperty().get()).isEqualTo(new Viewport(-1, -2, 3, 4));
        assertThat(b.vm.openViewProperty().get()).isEqualTo(WorkbenchViewModel.OPEN_VIEW_COMPARE);
        assertThat(b.vm.projection().layoutProperty().get().size()).isEqualTo(60);
        assertThat(dev.fusionlab.report.ReportJson.metrics(b.vm.comparisonProperty().get().report()).toString())
                .isEqualTo(dev.fusionlab.report.ReportJson.metrics(a.vm.comparisonProperty().get().report()).toString());
        assertThat(b.vm.datasetLocationProperty().get()).isEqualTo(a.vm.datasetLocationProperty().get());
    }

    @Test
    void aSavedWorkspaceReopensToTheSamePictureWithoutARun() throws Exception {
        Bench a = new Bench(false);
        a.makeAnAfternoonOfChanges();
        Path file = dir.resolve("afternoon.fusionlab");
        assertThat(a.ws.save(file)).isTrue();
        a.await();
        assertThat(a.vm.task().errorProperty().get()).isEmpty();
        assertThat(a.ws.currentProperty().get()).isEqualTo(file);

        Bench b = new Bench(false);
        assertThat(b.ws.recent()).containsExactly(file);
        assertThat(b.ws.open(file)).isTrue();
        b.await();
        assertThat(b.vm.task().errorProperty().get()).isEmpty();
        assertSamePicture(a, b);
        // the test run's images do not exist: the dataset is reported as moved, with a way to relink
        b.ui.drainUntil(() -> !b.ws.datasetWarningProperty().get().isEmpty());
        assertThat(b.ws.datasetWarningProperty().get()).contains("relink");
    }

    @Test
    void aWorkspaceFromANewerVersionIsRefusedAndNothingChanges() throws Exception {
        Bench a = new Bench(false);
        a.runAndWait();
        Path folder = dir.resolve("w");
        a.ws.save(folder);
        a.await();
        Path manifest = folder.resolve("workspace.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"schema_version\" : 1", "\"schema_version\" : 99"));

        Bench b = new Bench(false);
        b.runAndWait();
        RunResult before = b.vm.resultProperty().get();
        b.ws.open(folder);
        b.await();
        assertThat(b.vm.task().errorProperty().get()).contains("newer FusionLab").contains(folder.toString());
        assertThat(b.vm.resultProperty().get()).isSameAs(before);
    }

    @Test
    void workAutosavedBeforeACrashIsOfferedBackAndACleanExitOffersNothing() throws Exception {
        Bench crashed = new Bench(true);
        assertThat(crashed.ws.restoreOfferProperty().get()).isNull();
        crashed.makeAnAfternoonOfChanges();
        Path autosave = dir.resolve("cache/autosave/autosave.fusionlab");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(autosave) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(WorkspaceViewModel.AUTOSAVE_DEBOUNCE_MILLIS + 1500); // the last change's save, too
        // no closeCleanly: the process "crashed"

        Bench next = new Bench(true);
        assertThat(next.ws.restoreOfferProperty().get()).isEqualTo(autosave);
        assertThat(next.ws.acceptRestore()).isTrue();
        next.await();
        assertThat(next.ws.restoreOfferProperty().get()).isNull();
        assertSamePicture(crashed, next);
        next.ws.closeCleanly();

        assertThat(new Bench(true).ws.restoreOfferProperty().get()).as("after a clean exit").isNull();
    }

    @Test
    void decliningTheOfferKeepsTheFileButStopsOfferingIt() throws Exception {
        Bench crashed = new Bench(true);
        crashed.runAndWait();
        Path autosave = dir.resolve("cache/autosave/autosave.fusionlab");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(autosave) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Bench next = new Bench(true);
        assertThat(next.ws.restoreOfferProperty().get()).isNotNull();
        next.ws.declineRestore();
        assertThat(autosave).exists();
        assertThat(new Bench(true).ws.restoreOfferProperty().get()).isNull();
    }
}
