package dev.fusionlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What a researcher expected to find in the window (issue 13), on the real window over a hand-made run. */
@ExtendWith(ApplicationExtension.class)
class ResearcherViewsGuiTest {

    @TempDir
    static Path dir;

    private WorkbenchViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        RunResult run = TestRuns.withJointSpace(TestRuns.clusters(120, dir.resolve("thumbs")));
        vm = new WorkbenchViewModel(new FakeWorkbenchServices(run), Platform::runLater);
        window = new MainWindow(vm);
        stage.setScene(window.createScene(1200, 760));
        stage.show();
        vm.openDataset(RunConfig.DEMO);
    }

    private void runPipeline(FxRobot robot) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> vm.datasetProperty().get() != null && !vm.task().isRunning());
        robot.clickOn("#run");
        waitFor(10, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null && !vm.task().isRunning());
        waitForFxEvents();
    }

    @Test
    void compareShowsRetrievalInBothDirectionsWithChance(FxRobot robot) throws Exception {
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        runPipeline(robot);
        Label card = robot.lookup("#retrieval-card").queryAs(Label.class);
        assertThat(card.getText()).contains("Text → image").contains("Image → text").contains("R@10")
                .contains("chance").contains("median rank");
        assertThat(card.isVisible()).isTrue();
    }

    @Test
    void theSampleGridShowsRankAndCosineOfFoundImages(FxRobot robot) throws Exception {
        runPipeline(robot);
        robot.clickOn("#find-images").write("s5");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(5, TimeUnit.SECONDS, () -> vm.foundProperty().get() != null && !vm.task().isRunning());
        waitForFxEvents();
        int best = vm.foundProperty().get().rows()[0];
        Label badge = robot.lookup("#found-rank-" + best).queryAs(Label.class);
        assertThat(badge.getText()).startsWith("#1 · cos ");
        assertThat(badge.isVisible()).isTrue();
    }

    @Test
    void theHoverCardListsEachStrategysMostProbableClasses(FxRobot robot) throws Exception {
        runPipeline(robot);
        ScatterView scatter = window.projection().scatter();
        robot.moveTo(scatter.localToScreen(scatter.screenPositionOf(7)));
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#hover-card").queryAs(javafx.scene.Node.class).isVisible());
        var tops = robot.lookup("#hover-card .card-top-classes").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(tops).hasSize(4); // image, text, early, late
        assertThat(tops).allSatisfy(t -> assertThat(t.split(" · ")).hasSize(3)); // the run has 3 classes
        assertThat(tops.get(0)).matches("\\d+% \\S.*");
    }

    @Test
    void runDetailsOpenAndCopyRunJson(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#run-details-button").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();
        runPipeline(robot);
        robot.clickOn("#run-details-button");
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#run-details").tryQuery().isPresent());
        var texts = robot.lookup("#run-details-grid .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(texts).contains("config", "timings_ms", "versions", "encoders");
        robot.clickOn("#copy-run-json");
        waitForFxEvents();
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo(dev.fusionlab.ui.model.RunDetails.of(vm.resultProperty().get()).json());
    }

    @Test
    void aPcaLayoutNamesTheVarianceOfItsAxesInTheTitle(FxRobot robot) throws Exception {
        runPipeline(robot);
        robot.interact(() -> {
            vm.projection().spaceProperty().set(dev.fusionlab.pipeline.Space.FUSED);
            vm.projection().methodProperty().set(dev.fusionlab.project.ProjectionMethod.PCA);
        });
        waitForFxEvents();
        var titles = robot.lookup(".plot-title").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(titles).anySatisfy(t -> assertThat(t).containsPattern("PC1 \\(\\d+\\.\\d%\\), PC2 \\("));
    }

    @Test
    void theCaptionsButtonListsTheCaptionsNearestToTheSelectedImage(FxRobot robot) throws Exception {
        runPipeline(robot);
        assertThat(robot.lookup("#find-captions-button").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();
        robot.interact(() -> vm.projection().selectRanked(5));
        robot.clickOn("#find-captions-button");
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#found-captions").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        var list = (javafx.scene.control.ListView<String>) robot.lookup("#found-captions").query();
        assertThat(list.getItems()).hasSize(dev.fusionlab.ui.model.WorkbenchViewModel.FOUND_CAPTIONS);
        assertThat(list.getItems().get(0)).startsWith("1. ");
    }

    @Test
    void viewTextSizeEnlargesTheWindowsText(FxRobot robot) throws Exception {
        runPipeline(robot);
        Label summary = robot.lookup("#comparison-summary").queryAs(Label.class);
        double before = summary.getFont().getSize();
        robot.clickOn("#view-menu").clickOn("Text size").clickOn("150%");
        waitForFxEvents();
        assertThat(vm.textSizeProperty().get()).isEqualTo(dev.fusionlab.ui.model.TextSize.LARGEST);
        assertThat(summary.getFont().getSize()).isCloseTo(before * 1.5, org.assertj.core.api.Assertions.within(0.01));
        robot.interact(() -> vm.textSizeProperty().set(dev.fusionlab.ui.model.TextSize.NORMAL));
        waitForFxEvents();
        assertThat(summary.getFont().getSize()).isEqualTo(before);
    }
}
