package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.export.RunExporter;
import dev.fusionlab.export.plot.PlotFormat;
import dev.fusionlab.export.plot.PlotTheme;
import dev.fusionlab.export.plot.ScatterPlotSpec;
import dev.fusionlab.io.AtomicFiles;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports into a place that cannot take them (full disk, a file where the folder should be): the user
 * reads why, no partial file is left, and the run stays open to be exported elsewhere.
 */
class ExportFaultsTest {

    @TempDir
    Path dir;

    private final RunResult run = TestRuns.clusters(60, null);
    private final QueuedExecutor ui = new QueuedExecutor();
    private final WorkbenchViewModel vm = new WorkbenchViewModel(new FakeWorkbenchServices(run), ui);

    @Test
    void aFullDiskFailsThePlotExportButKeepsTheRun() throws Exception {
        showRun();
        Path svg = dir.resolve("fused.svg");
        try (AutoCloseable fault = AtomicFiles.injectFault(2_000, "No space left on device")) {
            assertThat(vm.exportPlot(spec(), PlotFormat.SVG, svg, true)).isTrue();
            ui.drainUntil(() -> !vm.task().isRunning());
        }
        assertThat(vm.task().messageProperty().get()).startsWith("Exporting fused.svg failed: cannot write")
                .contains("fused.svg").contains("the disk is full");
        assertThat(listing(dir)).as("no partial file").isEmpty();
        assertThat(vm.resultProperty().get()).as("the run is kept").isSameAs(run);

        Path elsewhere = dir.resolve("elsewhere").resolve("fused.svg");
        assertThat(vm.exportPlot(spec(), PlotFormat.SVG, elsewhere, true)).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());
        assertThat(vm.task().errorProperty().get()).isEmpty();
        assertThat(Files.readString(elsewhere)).endsWith("</svg>\n");
    }

    @Test
    void aFileInTheWayOfTheFolderIsNamed() throws Exception {
        showRun();
        Path blocker = Files.writeString(dir.resolve("exports"), "not a folder");
        assertThat(vm.exportMetrics(blocker.resolve("metrics.json"))).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());

        assertThat(vm.task().errorProperty().get()).contains("a file is in the way").contains(blocker.toString());
        assertThat(vm.comparisonProperty().get()).as("the comparison is kept").isNotNull();
    }

    @Test
    void aRunExportThatRunsOutOfDiskLeavesOnlyCompleteFiles() throws Exception {
        Path out = dir.resolve("run");
        try (AutoCloseable fault = AtomicFiles.injectFault(20_000, "No space left on device")) {
            Assertions.assertThatThrownBy(() -> RunExporter.writeAll(run, out, 96, TaskContext.silent()))
                    .isInstanceOf(IOException.class).hasMessageContaining("the disk is full");
        }
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
            for (Path p : written) { // each file either complete or absent: compare with a clean export
                Path clean = dir.resolve("clean").resolve(out.relativize(p));
                if (!Files.exists(dir.resolve("clean"))) {
                    RunExporter.writeAll(run, dir.resolve("clean"), 96, TaskContext.silent());
                }
                if (!p.getFileName().toString().equals("run.json") && !p.getFileName().toString().endsWith(".png")) {
                    assertThat(Files.mismatch(p, clean)).as(p.toString()).isEqualTo(-1L);
                }
            }
        }
    }

    private void showRun() throws InterruptedException {
        assertThat(vm.run()).isTrue();
        ui.drainUntil(() -> !vm.task().isRunning());
    }

    private ScatterPlotSpec spec() {
        var layout = vm.projection().layoutProperty().get();
        return vm.projection().plotSpec(layout.bounds(), 800, 600, 96, PlotTheme.LIGHT, 3);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
