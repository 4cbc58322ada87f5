package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.export.plot.PlotFormat;
import dev.fusionlab.export.plot.PngPlotWriter;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.ui.model.ColourMode;
import dev.fusionlab.ui.model.WorkbenchServices;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import dev.fusionlab.ui.view.ScatterView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window headless (Monocle): run, projection, colours, hover, lasso, export, cancel.
 * The run is a hand-made result (see {@link TestRuns}); a watchdog fails any test in which the FX
 * thread stalls for more than 100 ms.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchGuiTest {

    private static final double MAX_FX_STALL_MS = 100;

    @TempDir
    static Path dir;

    private static boolean warmedUp;
    private static Stage warmStage;
    private static MainWindow warmWindow;
    private static WorkbenchViewModel warmVm;
    private final AtomicBoolean slowRun = new AtomicBoolean();
    private WorkbenchServices services;
    private RunResult run;
    private WorkbenchViewModel vm;
    private MainWindow window;
    private FxWatchdog watchdog;

    @Start
    void start(Stage stage) {
        run = TestRuns.clusters(300, dir.resolve("thumbs"));
        services = new FakeWorkbenchServices(run) {
            @Override
            public RunResult run(Dataset dataset, RunConfig config, TaskContext context, LiveLayouts live)
                throws InterruptedException {
                for (int step = 0; slowRun.get(); step++) { // a stage that only stops when cancelled
                    context.report("encode-image", (step % 1000) / 1000.0, "batch " + step);
                    context.throwIfCancelled("encode-image");
                    Thread.sleep(10);
                }
                return run;
            }
        };
        vm = new WorkbenchViewModel(services, Platform::runLater);
        window = new MainWindow(vm);
        stage.setScene(window.createScene(1200, 760)); // inside Monocle's 1280x800 headless screen
        stage.show();
        vm.openDataset(RunConfig.DEMO);
    }

    /**
     * Starts the watchdog once the window is up and the demo is loaded. The first test first drives a
     * throwaway window through a run and both tabs, so that the watchdog measures the GUI's work, not
     * the JIT compiling JavaFX's layout code for the first time.
     */
    @BeforeEach
    void startWatchdog(FxRobot robot) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> vm.datasetProperty().get() != null && !vm.task().isRunning());
        waitForFxEvents();
        if (!warmedUp) {
            warmedUp = true;
            robot.interact(() -> {
                warmVm = new WorkbenchViewModel(services, Platform::runLater);
                MainWindow warm = new MainWindow(warmVm);
                Stage stage = new Stage();
                stage.setScene(warm.createScene(1200, 760));
                stage.show();
                warmVm.showResult(run);
                warmStage = stage;
                warmWindow = warm;
            });
            waitForFxEvents();
            for (ColourMode mode : ColourMode.values()) {
                robot.interact(() -> warmWindow.projection().scatter().requestRedraw());
                robot.interact(() -> warmVm.projection().colourModeProperty().set(mode));
            }
            robot.interact(() -> warmWindow.showView("compare"));
            waitForFxEvents();
            robot.interact(() -> warmVm.projection().select(1, 2, 3));
            robot.interact(() -> warmWindow.showView("explore"));
            waitForFxEvents();
            robot.interact(() -> warmStage.close());
        }
        waitForFxEvents();
        watchdog = FxWatchdog.start();
    }

    @AfterEach
    void fxThreadNeverStalled() {
        watchdog.close();
        assertThat(watchdog.worstBusyMillis())
                .as("longest FX-thread stall (CPU ms; wall %.0f ms); FX thread was in:%s",
                        watchdog.worstWallMillis(), watchdog.worstStack())
                .isLessThan(MAX_FX_STALL_MS);
    }

    private void runPipeline(FxRobot robot) throws Exception {
        robot.clickOn("#run");
        waitFor(10, TimeUnit.SECONDS, () -> vm.projection().layoutProperty().get() != null);
        waitForFxEvents();
    }

    /** Visible on screen: the node and every parent visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private ScatterView scatter() {
        return window.projection().scatter();
    }

    private Point2D onScreen(int i) {
        Point2D local = scatter().screenPositionOf(i);
        return scatter().localToScreen(local);
    }

    private int pixelOf(int i) {
        Point2D local = scatter().screenPositionOf(i);
        return scatter().pixelAt((int) Math.floor(local.getX()), (int) Math.floor(local.getY())) & 0xFFFFFF;
    }

    @Test
    void runShowsTheProjectionColouredByLabel(FxRobot robot) throws Exception {
        runPipeline(robot);
        assertThat(vm.projection().layoutProperty().get().size()).isEqualTo(300);
        int[] colours = vm.projection().colouringProperty().get().argb();
        for (int i : new int[] {297, 298, 299}) { // the last point of each cluster: nothing is drawn over it
            assertThat(pixelOf(i)).as("pixel of point %d", i).isEqualTo(colours[i] & 0xFFFFFF);
        }
        assertThat(robot.lookup("#legend").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup(".legend-entry").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("animal (100)", "food (100)", "travel (100)"); // with their counts (issue 13)
    }

    @Test
    void theChosenMethodsSettingsShowAndReprojectAddsItsLayout(FxRobot robot) throws Exception {
        runPipeline(robot);
        robot.interact(() -> vm.settings().projectionProperty().set(ProjectionMethod.TSNE));
        waitForFxEvents();
        assertThat(shown(robot.lookup("#tsne-perplexity").queryAs(Node.class))).isTrue();
        assertThat(shown(robot.lookup("#umap-neighbors").queryAs(Node.class))).isFalse();
        robot.interact(() -> robot.lookup("#tsne-perplexity").<javafx.scene.control.Spinner<Double>>query()
                .getValueFactory().setValue(12.0));

        robot.clickOn("#reproject");
        waitFor(20, TimeUnit.SECONDS, () -> !vm.task().isRunning()
                && vm.projection().availableMethods().contains(ProjectionMethod.TSNE));
        waitForFxEvents();

        assertThat(vm.resultProperty().get().config().projectionSettings().tsnePerplexity()).isEqualTo(12.0);
        assertThat(vm.projection().methodProperty().get()).isEqualTo(ProjectionMethod.TSNE);
        assertThat(vm.projection().layoutProperty().get().size()).isEqualTo(300);
        assertThat(robot.lookup("#method").<javafx.scene.control.ComboBox<ProjectionMethod>>query().getItems())
                .contains(ProjectionMethod.UMAP, ProjectionMethod.TSNE);
    }

    @Test
    void switchingEarlyAndLateRecoloursAndRescoresAtOnce(FxRobot robot) throws Exception {
        runPipeline(robot);
        robot.interact(() -> vm.projection().colourModeProperty().set(ColourMode.CORRECTNESS));
        robot.interact(() -> vm.projection().select(3)); // drawn on top, so its centre pixel is its colour
        robot.clickOn("#strategy-early");
        waitForFxEvents();
        // sample 3: early fusion wrong (3 % 7 == 3), late (mean) right
        int early = pixelOf(3);
        robot.clickOn("#strategy-late");
        waitForFxEvents();
        int late = pixelOf(3);
        assertThat(early).isEqualTo(0xD55E00);
        assertThat(late).isEqualTo(0x009E73);

        robot.clickOn("Compare");
        waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<dev.fusionlab.ui.model.Comparison.StrategyRow> scores = robot.lookup("#strategy-scores").queryAs(TableView.class);
        double meanLate = vm.comparisonProperty().get().row(Strategy.LATE).accuracy();
        robot.interact(() -> {
            vm.settings().combinerProperty().set(LateCombiner.WEIGHTED);
            vm.settings().imageWeightProperty().set(1.0);
        });
        waitForFxEvents();
        var lateRow = scores.getItems().stream().filter(r -> r.strategy() == Strategy.LATE).findFirst().orElseThrow();
        var imageRow = scores.getItems().stream().filter(r -> r.strategy() == Strategy.IMAGE).findFirst().orElseThrow();
        assertThat(lateRow.accuracy()).isEqualTo(imageRow.accuracy()).isNotEqualTo(meanLate);
        assertThat(robot.lookup("#comparison-summary").queryAs(Label.class).getText())
                .endsWith("late fusion: weighted, image weight 1.00"); // not one change behind
        assertThat(robot.lookup("#mcnemar").queryAs(Label.class).getText()).startsWith("McNemar, early vs late:");
    }

    @Test
    void hoveringAPointShowsItsCard(FxRobot robot) throws Exception {
        runPipeline(robot);
        robot.moveTo(onScreen(7));
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#hover-card").queryAs(Node.class).isVisible());
        assertThat(vm.projection().hoveredProperty().get()).isEqualTo(7);
        var labels = robot.lookup("#hover-card .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(labels).contains("food caption number 7", "label: food");
        assertThat(String.join(" ", labels)).contains("early", "late", "image", "text");
    }

    @Test
    void lassoSelectsAGroupAndTheGridShowsIt(FxRobot robot) throws Exception {
        runPipeline(robot);
        // circle the "animal" cluster (samples 0, 3, 6, ...) on screen, a little wider than its extent
        var layout = vm.projection().layoutProperty().get();
        double radius = 0;
        Point2D mean = new Point2D(0, 0);
        for (int i = 0; i < layout.size(); i += 3) {
            mean = mean.add(scatter().localToScreen(scatter().screenPositionOf(i)));
        }
        mean = mean.multiply(3.0 / layout.size());
        for (int i = 0; i < layout.size(); i += 3) {
            radius = Math.max(radius, scatter().localToScreen(scatter().screenPositionOf(i)).distance(mean));
        }
        robot.clickOn("#lasso");
        robot.moveTo(mean.add(radius + 12, 0)).press(MouseButton.PRIMARY);
        for (int step = 1; step <= 24; step++) {
            double a = 2 * Math.PI * step / 24;
            robot.moveTo(mean.add(Math.cos(a) * (radius + 12), Math.sin(a) * (radius + 12)));
        }
        robot.release(MouseButton.PRIMARY);
        waitForFxEvents();
        assertThat(vm.projection().selectionProperty().get()).hasSize(100);
        assertThat(vm.samples().shown()).hasSize(100).allMatch(item -> "animal".equals(item.sample().label()));
        assertThat(robot.lookup("#sample-count").queryAs(Label.class).getText()).isEqualTo("100 of 100 selected");
        robot.clickOn("#clear-selection");
        assertThat(vm.samples().shown()).hasSize(300);
    }

    @Test
    void exportWritesWhatTheViewShows(FxRobot robot) throws Exception {
        runPipeline(robot);
        robot.clickOn("#scatter").type(KeyCode.EQUALS, 2); // zoom in: some points leave the view (twice: the fit
        // is tight since issue 13, and the export shows a little more along one axis)
        waitForFxEvents();
        Path png = dir.resolve("view.png");
        Path svg = dir.resolve("view.svg");
        robot.interact(() -> window.projection().export(PlotFormat.PNG, png, 300));
        waitFor(10, TimeUnit.SECONDS, () -> !vm.task().isRunning());
        robot.interact(() -> window.projection().export(PlotFormat.SVG, svg, 96));
        waitFor(10, TimeUnit.SECONDS, () -> !vm.task().isRunning());

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(PngPlotWriter.pixels((int) scatter().getWidth(), 300));
        assertThat(image.getHeight()).isEqualTo(PngPlotWriter.pixels((int) scatter().getHeight(), 300));

        var visible = scatter().visibleViewport();
        var layout = vm.projection().layoutProperty().get();
        int inView = 0;
        for (int i = 0; i < layout.size(); i++) {
            if (layout.xs()[i] > visible.minX() + 0.05 && layout.xs()[i] < visible.maxX() - 0.05
                    && layout.ys()[i] > visible.minY() + 0.05 && layout.ys()[i] < visible.maxY() - 0.05) {
                inView++;
            }
        }
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        int circles = ((Number) XPathFactory.newInstance().newXPath()
                .evaluate("count(//*[@id='points']/*[local-name()='circle'])", doc, XPathConstants.NUMBER)).intValue();
        assertThat(inView).isLessThan(300);
        // the plot area fits the whole viewport, and shows a little more along one axis when its shape differs
        assertThat(circles).isGreaterThanOrEqualTo(inView).isLessThan(300);
        assertThat(Files.readAllLines(dir.resolve("view.csv"))).hasSize(301);
    }

    @Test
    void pickingADisagreementPointsItOutInTheProjection(FxRobot robot) throws Exception {
        runPipeline(robot);
        robot.clickOn("#scatter");
        for (int i = 0; i < 6; i++) {
            robot.type(KeyCode.EQUALS); // zoom in far: most points are off screen
        }
        robot.clickOn("Compare");
        TableView<?> table = robot.lookup("#disagreements").queryAs(TableView.class);
        waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() > 3); // tables fill over a few frames
        waitForFxEvents();
        robot.clickOn(robot.lookup("#disagreements .table-row-cell")
                .match((javafx.scene.control.TableRow<?> row) -> row.getIndex() == 3).queryAs(Node.class));
        int picked = vm.comparisonProperty().get().disagreements().get(3).index();
        assertThat(vm.projection().focusedProperty().get()).isEqualTo(picked);

        robot.clickOn("Explore");
        waitForFxEvents();
        Point2D at = scatter().screenPositionOf(picked);
        assertThat(at.getX()).isBetween(0.0, scatter().getWidth());
        assertThat(at.getY()).isBetween(0.0, scatter().getHeight());
        assertThat(pixelOf(picked)).isEqualTo(vm.projection().colouringProperty().get().argb()[picked] & 0xFFFFFF);
    }

    @Test
    void escapeCancelsARunningStageWithinASecond(FxRobot robot) throws Exception {
        slowRun.set(true);
        robot.clickOn("#run");
        waitFor(5, TimeUnit.SECONDS, () -> vm.task().isRunning() && vm.task().progressProperty().get() >= 0);
        assertThat(robot.lookup("#cancel").queryAs(Node.class).isVisible()).isTrue();
        long start = System.nanoTime();
        robot.type(KeyCode.ESCAPE);
        waitFor(1, TimeUnit.SECONDS, () -> !vm.task().isRunning());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(millis).isLessThan(1000);
        assertThat(vm.task().messageProperty().get()).isEqualTo("Run cancelled");
        assertThat(vm.resultProperty().get()).isNull();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
