package dev.fusionlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.FakeWorkbenchServices;
import dev.fusionlab.ui.TestRuns;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The defects of issue 13, each reproduced as the report describes it (each of these failed before its
 * fix), on the real window over a hand-made run.
 */
@ExtendWith(ApplicationExtension.class)
class UsabilityDefectsGuiTest {

    @TempDir
    static Path dir;

    private final AtomicBoolean slowRun = new AtomicBoolean();
    private RunResult run;
    private WorkbenchViewModel vm;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        run = TestRuns.clusters(300, dir.resolve("thumbs"));
        var services = new FakeWorkbenchServices(run) {
            @Override
            public RunResult run(Dataset dataset, RunConfig config, TaskContext context, LiveLayouts live)
                    throws InterruptedException {
                for (int step = 0; slowRun.get(); step++) { // only stops when cancelled
                    context.report("encode-image", (step % 1000) / 1000.0, "batch " + step);
                    context.throwIfCancelled("encode-image");
                    Thread.sleep(10);
                }
                return run;
            }
        };
        vm = new WorkbenchViewModel(services, Platform::runLater);
        window = new MainWindow(vm);
        stage.setScene(window.createScene(1200, 760));
        stage.show();
        vm.openDataset(RunConfig.DEMO);
    }

    private void runPipeline(FxRobot robot) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> vm.datasetProperty().get() != null && !vm.task().isRunning());
        robot.clickOn("#run");
        waitFor(10, TimeUnit.SECONDS, () -> vm.comparisonProperty().get() != null && !vm.task().isRunning());
        waitForFxEvents();
    }

    /** The text a labeled control really draws (with "…" when JavaFX had to cut it). */
    private static String drawnText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }

    @Test
    void escapeCancelsAfterTheExportMenuWasUsed(FxRobot robot) throws Exception {
        runPipeline(robot);
        robot.clickOn("#export");
        robot.type(KeyCode.ESCAPE); // closes the menu; nothing runs
        waitForFxEvents();
        slowRun.set(true);
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        waitFor(5, TimeUnit.SECONDS, () -> vm.task().isRunning());
        robot.type(KeyCode.ESCAPE);
        waitFor(2, TimeUnit.SECONDS, () -> !vm.task().isRunning());
        assertThat(vm.task().messageProperty().get()).isEqualTo("Run cancelled");
    }

    @Test
    void compareForgetsTheLastRunWhenAnotherDatasetIsOpened(FxRobot robot) throws Exception {
        robot.interact(() -> window.showView("compare"));
        runPipeline(robot);
        waitFor(5, TimeUnit.SECONDS, () -> window.comparison().earlyHeatmap().matrix().length == 3);
        robot.interact(() -> window.showView("explore"));
        robot.clickOn("#open-demo");
        waitFor(5, TimeUnit.SECONDS, () -> vm.resultProperty().get() == null && !vm.task().isRunning());
        robot.interact(() -> window.showView("compare"));
        waitForFxEvents();
        assertThat(window.comparison().earlyHeatmap().matrix()).isEmpty();
        assertThat(window.comparison().lateHeatmap().matrix()).isEmpty();
        Label placeholder = (Label) window.comparison().disagreementTable().getPlaceholder();
        assertThat(placeholder.getText()).doesNotContain("agree");
    }

    @Test
    void reprojectLeavesTheKeysToTheProjectionNotTheSeed(FxRobot robot) throws Exception {
        runPipeline(robot);
        Spinner<?> seed = robot.lookup("#seed").queryAs(Spinner.class);
        String before = seed.getEditor().getText();
        robot.clickOn("#reproject");
        robot.type(KeyCode.DIGIT0);
        waitFor(20, TimeUnit.SECONDS, () -> !vm.task().isRunning());
        waitForFxEvents();
        assertThat(seed.getEditor().getText()).isEqualTo(before);
        assertThat(stage.getScene().getFocusOwner()).isSameAs(window.projection().scatter());
    }

    @Test
    void theSummaryNamesTheWholeLateFusion(FxRobot robot) throws Exception {
        robot.interact(() -> window.showView("compare"));
        runPipeline(robot);
        robot.interact(() -> vm.settings().combinerProperty().set(LateCombiner.WEIGHTED));
        waitFor(5, TimeUnit.SECONDS, () -> window.comparison().summaryLabel().getText().contains("weight"));
        waitForFxEvents();
        Label summary = window.comparison().summaryLabel();
        assertThat(drawnText(summary).replace("\n", " ")).doesNotContain("…");
        assertThat(summary.getTooltip()).isNotNull();
        assertThat(summary.getTooltip().getText()).isEqualTo(summary.getText());
        // the researcher's ask: an interval next to every score (the caveat is for splits under 100)
        var table = window.comparison().strategyTable();
        waitFor(5, TimeUnit.SECONDS, () -> String.valueOf(table.getColumns().get(1).getCellData(0)).contains("("));
        assertThat(window.comparison().caveatLabel().getText()).isEmpty();
        String accuracy = (String) table.getColumns().get(1).getCellData(0);
        assertThat(accuracy).matches("\\d+\\.\\d% {2}\\(\\d+\\.\\d\u2013\\d+\\.\\d\\)");
    }

    @Test
    void theSamplePaneGetsItsWidthBackAfterTheWindowShrankAndGrew(FxRobot robot) throws Exception {
        runPipeline(robot);
        double wide = window.samples().getWidth();
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        waitForFxEvents();
        robot.interact(() -> {
            stage.setWidth(1200);
            stage.setHeight(760);
        });
        waitForFxEvents();
        assertThat(window.samples().getWidth()).isGreaterThanOrEqualTo(Math.min(wide, 400) - 1);
        Labeled find = robot.lookup("#find-images-button").queryAs(Labeled.class);
        assertThat(drawnText(find)).isEqualTo("Find");
    }

    @Test
    void compareStaysReadableAt1000x700(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
            window.showView("compare");
        });
        runPipeline(robot);
        waitFor(5, TimeUnit.SECONDS, () -> window.comparison().earlyHeatmap().matrix().length == 3);
        waitForFxEvents();
        ConfusionHeatmap early = window.comparison().earlyHeatmap();
        assertThat(early.countsDrawn()).as("counts in the cells").isTrue();
        assertThat(early.drawnColumnLabels()).containsExactly("1", "2", "3");
        assertThat(early.drawnRowLabels()).containsExactly("1  animal", "2  food", "3  travel");
    }

    @Test
    void longClassNamesAreNotCutAtFullSize(FxRobot robot) {
        ConfusionHeatmap map = new ConfusionHeatmap("Early fusion");
        List<String> names = List.of("Activities", "Animals & Nature", "Flags", "Food & Drink", "Objects",
                "People & Body", "Smileys & Emotion", "Symbols", "Travel & Places");
        int[][] matrix = new int[9][9];
        for (int i = 0; i < 9; i++) {
            matrix[i][i] = 10;
        }
        robot.interact(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(map, 420, 360));
            s.show();
            map.show(matrix, names, false);
        });
        waitForFxEvents();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            expected.add((i + 1) + "  " + names.get(i));
        }
        assertThat(map.drawnRowLabels()).containsExactlyElementsOf(expected);
        assertThat(map.drawnColumnLabels()).hasSize(9);
        assertThat(map.countsDrawn()).isTrue();
    }

    @Test
    void theUnselectedClassifierStaysReadable(FxRobot robot) {
        robot.clickOn("#classifier-mlp");
        waitForFxEvents();
        ToggleButton softmax = robot.lookup("#classifier-softmax").queryAs(ToggleButton.class);
        assertThat(softmax.isSelected()).isFalse();
        Color fill = (Color) softmax.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text)
                .map(n -> ((Text) n).getFill()).findFirst().orElseThrow();
        assertThat(fill.getBrightness()).as("dark text on the light theme's grey button").isLessThan(0.5);
    }

    @Test
    void theMethodListNamesWhatAReprojectionDraws(FxRobot robot) throws Exception {
        runPipeline(robot);
        assertThat(vm.projection().availableMethods()).doesNotContain(ProjectionMethod.TSNE);
        double[][] coordinates = run.projections().get(new ProjectionKey(Space.FUSED, ProjectionMethod.UMAP));
        robot.interact(() -> vm.projection().previewLayout(new ProjectionKey(Space.FUSED, ProjectionMethod.TSNE),
                coordinates));
        waitForFxEvents();
        ComboBox<?> method = robot.lookup("#method").queryAs(ComboBox.class);
        assertThat(method.getItems().contains(ProjectionMethod.TSNE)).isTrue();
        assertThat(method.getValue()).isEqualTo(ProjectionMethod.TSNE);
        ListCell<?> shown = (ListCell<?>) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) method.getSkin())
                .getDisplayNode();
        assertThat(shown.getText()).isEqualTo(ProjectionMethod.TSNE.toString());
        robot.interact(() -> vm.projection().endPreview()); // as a cancelled re-projection ends
        assertThat(vm.projection().availableMethods()).doesNotContain(ProjectionMethod.TSNE);
    }

    @Test
    void dialogsResolveTheThemeColours(FxRobot robot) {
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String text = String.valueOf(record.getMessage());
                if (text.contains("Could not resolve")) {
                    warnings.add(text);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("javafx.css");
        logger.addHandler(handler);
        try {
            robot.interact(() -> {
                DialogPane pane = new DialogPane();
                pane.setHeaderText("Resolution (dots per inch)");
                pane.setContent(new Label("a label in a dialog"));
                pane.getStylesheets().add(MainWindow.STYLESHEET);
                Stage s = new Stage();
                s.setScene(new Scene(pane, 300, 200));
                s.show();
                pane.applyCss();
                s.close();
            });
            waitForFxEvents();
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(warnings).isEmpty();
    }

    /** Visible on screen: the node and every parent visible. */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
