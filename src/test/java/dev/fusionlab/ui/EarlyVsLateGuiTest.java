package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Split;
import dev.fusionlab.export.plot.Palette;
import dev.fusionlab.pipeline.NeighbourSpace;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.ui.model.EarlyVsLateViewModel.Case;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import dev.fusionlab.ui.view.ScatterView;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the real window headless: Ctrl+E opens early and late side by side after a run, each pane
 * coloured by its own strategy's correctness on the test split, one selection across both, the four
 * cases as buttons and keys; the linked views' one legend over no plot; the neighbours' placeholder.
 */
@ExtendWith(ApplicationExtension.class)
class EarlyVsLateGuiTest {

    private static final int GREEN = 0xFF009E73; // correct (and "both right")
    private static final int VERMILLION = 0xFFD55E00; // wrong (and "both wrong")

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
        stage.setScene(window.createScene(1280, 720));
        stage.show();
        vm.showResult(run);
    }

    private int centrePixel(ScatterView scatter, int row) {
        Point2D p = scatter.screenPositionOf(row);
        return scatter.pixelAt((int) Math.round(p.getX()), (int) Math.round(p.getY()));
    }

    /** The first test row where early fusion is right and late fusion wrong, or the reverse. */
    private int firstWhere(boolean earlyRight, boolean lateRight) {
        var p = vm.predictionsProperty().get();
        int[] e = p.predicted(Strategy.EARLY), l = p.predicted(Strategy.LATE);
        return IntStream.range(0, p.size()).filter(i -> run.samples().get(i).split() == Split.TEST
                && (e[i] == p.truth(i)) == earlyRight && (l[i] == p.truth(i)) == lateRight).findFirst().orElseThrow();
    }

    @Test
    void ctrlEShowsEachStrategysCorrectnessSideBySideWithOneSelectionAndTheFourCases(FxRobot robot) throws Exception {
        robot.clickOn(window.projection().scatter());
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitForFxEvents();
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("early-vs-late-tab");
        ScatterView early = window.earlyVsLate().scatter(Strategy.EARLY), late = window.earlyVsLate().scatter(Strategy.LATE);
        assertThat(early.getWidth()).isGreaterThan(300);
        assertThat(late.getWidth()).isGreaterThan(300);
        assertThat(late.localToScene(0, 0).getX()).isGreaterThan(early.localToScene(early.getWidth(), 0).getX());
        assertThat(robot.lookup("#evl-early-title").queryAs(Label.class).getText()).isEqualTo("Early fusion");
        assertThat(robot.lookup("#evl-late-title").queryAs(Label.class).getText()).startsWith("Late fusion (mean");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#evl-late-score").queryAs(Label.class).getText().contains("95 % CI"));
        // no legend over either plot; one above them
        assertThat(robot.lookup("#evl-early #legend").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#evl-legend .legend-entry").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("correct", "wrong", "not in the test split");

        // a sample early fusion gets right and late fusion wrong: green on the left, vermillion on the right
        int onlyEarly = firstWhere(true, false), onlyLate = firstWhere(false, true);
        int train = IntStream.range(0, 300).filter(i -> run.samples().get(i).split() == Split.TRAIN).findFirst().orElseThrow();
        robot.interact(() -> vm.projection().select(onlyEarly)); // selected: drawn on top of its neighbours
        waitForFxEvents();
        assertThat(Integer.toHexString(centrePixel(early, onlyEarly))).isEqualTo(Integer.toHexString(GREEN));
        assertThat(Integer.toHexString(centrePixel(late, onlyEarly))).isEqualTo(Integer.toHexString(VERMILLION));
        robot.interact(() -> vm.projection().select(onlyLate));
        waitForFxEvents();
        assertThat(Integer.toHexString(centrePixel(early, onlyLate))).isEqualTo(Integer.toHexString(VERMILLION));
        assertThat(Integer.toHexString(centrePixel(late, onlyLate))).isEqualTo(Integer.toHexString(GREEN));
        robot.interact(() -> vm.projection().select(train)); // training samples are grey on both sides
        waitForFxEvents();
        assertThat(Integer.toHexString(centrePixel(early, train))).isEqualTo(Integer.toHexString(Palette.NEUTRAL));
        assertThat(Integer.toHexString(centrePixel(late, train))).isEqualTo(Integer.toHexString(Palette.NEUTRAL));

        // a click in the right pane selects the same sample in the left one and in Explore
        robot.clickOn(late.localToScreen(late.screenPositionOf(42)));
        waitForFxEvents();
        int[] clicked = vm.projection().selectionProperty().get();
        assertThat(clicked).hasSize(1);
        assertThat(window.earlyVsLate().scatter(Strategy.EARLY)).isNotNull();
        assertThat(vm.linked().pane(Space.FUSED).selectionProperty().get()).containsExactly(clicked);
        robot.moveTo(early.localToScreen(early.screenPositionOf(7)));
        waitForFxEvents();
        assertThat(vm.projection().hoveredProperty().get()).isGreaterThanOrEqualTo(0);

        // the four cases: counts on the buttons, a click selects, key 4 selects "both wrong"
        var only = robot.lookup("#evl-case-only-early").queryAs(javafx.scene.control.ToggleButton.class);
        assertThat(only.getText()).startsWith("Only early right  ");
        robot.clickOn(only);
        waitForFxEvents();
        assertThat(vm.projection().selectionProperty().get()).contains(onlyEarly).doesNotContain(onlyLate, train);
        assertThat(only.isSelected()).isTrue();
        robot.clickOn(early);
        robot.type(KeyCode.DIGIT4);
        waitForFxEvents();
        assertThat(robot.lookup("#evl-case-both-wrong").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(only.isSelected()).isFalse();
        assertThat(robot.lookup("#evl-scope").queryAs(Label.class).getText()).isEqualTo("of 240 test samples");
        assertThat(robot.lookup("#evl-mcnemar").queryAs(Label.class).getText()).startsWith("McNemar's test");
    }

    @Test
    void linkedViewsShowOneLegendAboveThePlotsAndTheJointColumnWaitsForASelection(FxRobot robot) throws Exception {
        robot.interact(() -> window.showView("linked"));
        waitForFxEvents();
        for (Space s : Space.OF_A_RUN) {
            assertThat(robot.lookup("#linked-" + s.key() + " #legend").queryAs(Node.class).isVisible()).as("%s", s).isFalse();
        }
        Node legend = robot.lookup("#linked-legend").queryAs(Node.class);
        ScatterView fused = window.linked().scatter(Space.FUSED);
        assertThat(legend.localToScene(legend.getLayoutBounds()).getMaxY())
                .isLessThanOrEqualTo(fused.localToScene(0, 0).getY());
        assertThat(robot.lookup("#linked-legend .legend-entry").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("animal (100)", "food (100)", "travel (100)");

        // the run has a joint space: before a selection, the column asks for one instead of denying it
        assertThat(robot.lookup("#neighbours-joint-placeholder").queryAs(Label.class).getText())
                .isEqualTo("Select a sample to see its neighbours");
        robot.interact(() -> vm.projection().select(12));
        waitFor(10, TimeUnit.SECONDS, () -> !window.linked().neighbours().list(NeighbourSpace.JOINT).getItems().isEmpty());
    }
}
