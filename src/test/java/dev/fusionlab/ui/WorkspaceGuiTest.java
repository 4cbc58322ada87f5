package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.export.plot.Viewport;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.ui.model.ColourMode;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.model.WorkspaceViewModel;
import dev.fusionlab.ui.view.MainWindow;
import dev.fusionlab.ui.view.WorkspaceControls;
import dev.fusionlab.workspace.Autosave;
import dev.fusionlab.workspace.FusionLabDirs;
import dev.fusionlab.workspace.ViewState;
import dev.fusionlab.workspace.Workspace;
import dev.fusionlab.workspace.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The workspace menu and banners in the real window (Monocle): a crash's autosave is offered and restored
 * to the same picture (zoom and tab included), a changed dataset is reported, Ctrl+S saves.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceGuiTest {

    @TempDir
    static Path dir;

    private RunResult run;
    private FusionLabDirs dirs;
    private WorkbenchViewModel vm;
    private WorkspaceViewModel ws;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        run = TestRuns.clusters(300, dir.resolve("thumbs"));
        dirs = new FusionLabDirs(dir.resolve("config"), dir.resolve("cache"));
        // a session that crashed after autosaving: no clean exit recorded
        try (Autosave crashed = new Autosave(dirs, 0, Throwable::printStackTrace)) {
            crashed.saveNow(new Workspace(run.config(), run, new ViewState("compare", "FUSED", "UMAP", "CORRECTNESS",
                    "EARLY", new int[] {4, 8, 15}, new double[] {-3, -4, 5, 6}), "demo"));
        }
        vm = new WorkbenchViewModel(new FakeWorkbenchServices(run), Platform::runLater);
        ws = new WorkspaceViewModel(vm, Platform::runLater, dirs, true);
        window = new MainWindow(vm, new WorkspaceControls(ws, () -> vm.openDataset("demo")));
        stage.setScene(window.createScene(1200, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        ws.closeCleanly();
    }

    @Test
    void anAutosaveIsOfferedAndRestoredToTheSamePicture(FxRobot robot) throws Exception {
        Node banner = robot.lookup("#restore-autosave").query().getParent();
        assertThat(banner.isVisible()).isTrue();
        robot.clickOn("#restore-autosave");
        waitFor(10, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null && !vm.task().isRunning());
        waitForFxEvents();

        assertThat(banner.isVisible()).isFalse();
        assertThat(vm.projection().selectionProperty().get()).containsExactly(4, 8, 15);
        assertThat(vm.projection().colourModeProperty().get()).isEqualTo(ColourMode.CORRECTNESS);
        assertThat(vm.activeStrategyProperty().get()).isEqualTo(Strategy.EARLY);
        assertThat(vm.projection().spaceProperty().get()).isEqualTo(Space.FUSED);
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getId()).as("the open tab").isEqualTo("compare-tab");

        robot.interact(() -> window.showView("explore")); // the scatter draws once shown
        waitForFxEvents();
        assertThat(vm.openViewProperty().get()).isEqualTo(WorkbenchViewModel.OPEN_VIEW_EXPLORE);
        Viewport shown = window.projection().scatter().visibleViewport();
        // the saved rectangle is shown whole and centred (the view's aspect ratio may add a margin)
        assertThat(shown.minX()).isLessThanOrEqualTo(-3 + 1e-9);
        assertThat(shown.maxX()).isGreaterThanOrEqualTo(5 - 1e-9);
        assertThat(shown.minY()).isLessThanOrEqualTo(-4 + 1e-9);
        assertThat(shown.maxY()).isGreaterThanOrEqualTo(6 - 1e-9);
        assertThat((shown.minX() + shown.maxX()) / 2).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Math.min(shown.width() / 8, shown.height() / 10)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-6));

        // the hand-made run's fingerprint is not its images': the dataset is reported as changed
        waitFor(10, TimeUnit.SECONDS, () -> !ws.datasetWarningProperty().get().isEmpty());
        waitForFxEvents();
        Label warning = robot.lookup("#dataset-warning").query();
        assertThat(warning.getParent().isVisible()).isTrue();
        assertThat(warning.getText()).contains("changed since this workspace was saved");
    }

    @Test
    void ctrlSSavesTheOpenWorkspaceAgain(FxRobot robot) throws Exception {
        robot.clickOn("#decline-autosave");
        waitFor(10, TimeUnit.SECONDS, () -> vm.datasetProperty().get() != null && !vm.task().isRunning());
        Path file = dir.resolve("saved.fusionlab");
        WorkspaceStore.save(new Workspace(run.config(), run, ViewState.defaults(), "demo"), file);
        robot.interact(() -> ws.open(file));
        waitFor(10, TimeUnit.SECONDS, () -> !vm.task().isRunning() && file.equals(ws.currentProperty().get()));
        robot.clickOn("#scatter"); // focus in the window (a click on empty space clears the selection)
        robot.interact(() -> vm.projection().select(7));
        long before = Files.getLastModifiedTime(file).toMillis();
        Thread.sleep(20);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(10, TimeUnit.SECONDS, () -> Files.getLastModifiedTime(file).toMillis() > before && !vm.task().isRunning());
        assertThat(WorkspaceStore.open(file).view().selection()).containsExactly(7);
        assertThat(ws.recent()).first().isEqualTo(file);
    }
}
