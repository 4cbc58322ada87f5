package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.export.plot.PlotFormat;
import dev.fusionlab.pipeline.NeighbourSpace;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.ui.model.ColourMode;
import dev.fusionlab.ui.model.LessonStep;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import dev.fusionlab.ui.view.ScatterView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the real window headless: three linked projections with one selection, the neighbours of a
 * clicked point, faithfulness colouring and its export, and the Lessons panel stepping the view.
 */
@ExtendWith(ApplicationExtension.class)
class LinkedViewsGuiTest {

    @TempDir
    static Path dir;

    private RunResult run;
    private WorkbenchViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        run = TestRuns.withJointSpace(TestRuns.clusters(300, dir.resolve("thumbs")));
        vm = new WorkbenchViewModel(new FakeWorkbenchServices(run), Platform::runLater);
        window = new MainWindow(vm);
        stage.setScene(window.createScene(1200, 760));
        stage.show();
        vm.showResult(run);
    }

    private Point2D onScreen(ScatterView scatter, int i) {
        return scatter.localToScreen(scatter.screenPositionOf(i));
    }

    @Test
    void clickingInOnePaneSelectsEverywhereAndListsTheNeighbours(FxRobot robot) throws Exception {
        robot.clickOn("Linked views");
        waitForFxEvents();
        ScatterView image = window.linked().scatter(Space.IMAGE);
        ScatterView fused = window.linked().scatter(Space.FUSED);
        assertThat(image.isVisible() && image.getWidth() > 200).isTrue();

        robot.moveTo(onScreen(fused, 299));
        waitForFxEvents();
        assertThat(vm.linked().pane(Space.IMAGE).hoveredProperty().get()).isEqualTo(299);

        robot.clickOn(onScreen(image, 298));
        waitFor(10, TimeUnit.SECONDS, () -> vm.neighbours().listsProperty().get() != null && !vm.task().isRunning());
        waitForFxEvents();
        assertThat(vm.projection().selectionProperty().get()).containsExactly(298);
        assertThat(vm.linked().pane(Space.FUSED).selectionProperty().get()).containsExactly(298);
        for (NeighbourSpace s : NeighbourSpace.values()) {
            assertThat(window.linked().neighbours().list(s).getItems()).as("%s neighbours", s).hasSize(8);
        }
        assertThat(robot.lookup("#neighbours-query").queryAs(Label.class).getText()).startsWith("s298 · ");
        assertThat(window.linked().neighbours().overlapLabel().getText()).contains("image/text").contains("fused/joint");

        // walking: a neighbour clicked in a list becomes the query
        int first = window.linked().neighbours().list(NeighbourSpace.TEXT).getItems().getFirst().row();
        robot.clickOn(robot.lookup("#neighbours-text .list-cell").queryAs(Node.class));
        waitFor(10, TimeUnit.SECONDS, () -> vm.neighbours().listsProperty().get().row() == first && !vm.task().isRunning());
        assertThat(vm.projection().focusedProperty().get()).isEqualTo(first);
    }

    @Test
    void faithfulnessColoursAllThreePanesWithALegendAndExports(FxRobot robot) throws Exception {
        robot.clickOn("Linked views");
        robot.interact(() -> vm.projection().colourModeProperty().set(ColourMode.FAITHFULNESS));
        waitFor(10, TimeUnit.SECONDS, () -> !vm.task().isRunning()
                && vm.linked().pane(Space.FUSED).colouringProperty().get().title().startsWith("neighbours kept"));
        waitForFxEvents();
        assertThat(robot.lookup("#linked-legend .legend-entry").queryAllAs(Label.class))
                .extracting(Label::getText).contains("0–20 % kept", "80–100 % kept");
        Path out = Files.createDirectories(dir.resolve("linked"));
        robot.interact(() -> assertThat(window.linked().export(PlotFormat.SVG, out, 96)).hasSize(2));
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(out.resolve("image-umap.csv"))
                && Files.exists(out.resolve("fused-umap.csv")) && !vm.task().isRunning());
        assertThat(Files.readString(out.resolve("fused-umap.svg"))).contains("neighbours kept");
        assertThat(Files.readAllLines(out.resolve("image-umap.csv")).get(1)).contains(" kept");
    }

    @Test
    void lessonsStepTheViewAndNeverBlockIt(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#lessons").tryQuery()).isEmpty();
        robot.clickOn("#lessons-toggle");
        waitForFxEvents();
        assertThat(robot.lookup("#lesson-title").queryAs(Label.class).getText()).isEqualTo("1. The image space");
        assertThat(vm.projection().spaceProperty().get()).isEqualTo(Space.IMAGE);

        robot.clickOn("#lesson-next");
        assertThat(vm.projection().spaceProperty().get()).isEqualTo(Space.TEXT);
        robot.clickOn("#space-fused"); // exploring while the lesson is open
        assertThat(vm.projection().spaceProperty().get()).isEqualTo(Space.FUSED);
        robot.clickOn("#lesson-next");
        robot.clickOn("#lesson-next");
        waitForFxEvents();
        assertThat(vm.lessons().currentProperty().get().view().place()).isEqualTo(LessonStep.Place.LINKED);
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("linked-tab");
        robot.clickOn("#lesson-back");
        assertThat(window.tabs().getSelectionModel().getSelectedIndex()).isZero();
        assertThat(robot.lookup("#lesson-progress").queryAs(Label.class).getText())
                .isEqualTo("Step 3 of " + vm.lessons().steps().size());

        robot.clickOn("#lessons-close");
        waitForFxEvents();
        assertThat(robot.lookup("#lessons").tryQuery()).isEmpty();
        assertThat(vm.projection().spaceProperty().get()).isEqualTo(Space.FUSED); // the view stays
    }
}
