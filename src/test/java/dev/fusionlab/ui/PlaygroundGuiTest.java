package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Sample;
import dev.fusionlab.export.chart.ChartFormat;
import dev.fusionlab.playground.Control;
import dev.fusionlab.playground.Preset;
import dev.fusionlab.ui.model.ColourMode;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.ChartView;
import dev.fusionlab.ui.view.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the real window headless through the playground (preset, run, the synthetic run shown in Explore,
 * a sweep and its chart) and the robustness view (ablation table, noise charts, flips in the projection).
 * The playground and ablation are the real core on small synthetic data; a watchdog fails the test if the
 * FX thread stalls for more than 100 ms once the window is up.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundGuiTest {

    private static final double MAX_FX_STALL_MS = 100;

    @TempDir
    static Path dir;

    private WorkbenchViewModel vm;
    private MainWindow window;
    private FxWatchdog watchdog;

    @Start
    void start(Stage stage) {
        vm = new WorkbenchViewModel(new FakeWorkbenchServices(TestRuns.clusters(30, null)), Platform::runLater);
        window = new MainWindow(vm);
        stage.setScene(window.createScene(1200, 760));
        stage.show();
    }

    @AfterEach
    void fxThreadNeverStalled() {
        if (watchdog != null) {
            watchdog.close();
            assertThat(watchdog.worstBusyMillis())
                    .as("longest FX-thread stall (CPU ms; wall %.0f ms); FX thread was in:%s",
                            watchdog.worstWallMillis(), watchdog.worstStack())
                    .isLessThan(MAX_FX_STALL_MS);
        }
    }

    @Test
    void playgroundRunShowsInExploreThenAblationTableChartsAndFlips(FxRobot robot) throws Exception {
        robot.clickOn("#playground-tab");
        waitForFxEvents();
        robot.interact(() -> vm.playground().presetProperty().set(Preset.XOR));
        waitForFxEvents();
        assertThat(robot.lookup("#playground-explanation").queryAs(Label.class).getText()).isEqualTo(Preset.XOR.explanation());
        robot.interact(() -> vm.playground().control(Control.SAMPLES).set(200));
        robot.interact(() -> vm.playground().classifierProperty().set(dev.fusionlab.classify.ClassifierKind.SOFTMAX));
        robot.interact(() -> robot.lookup("#robustness-tab").query()); // the tabs exist before any run
        waitForFxEvents();
        watchdog = FxWatchdog.start();

        robot.clickOn("#playground-run");
        waitFor(120, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null && !vm.task().isRunning());
        waitForFxEvents();

        assertThat(vm.task().errorProperty().get()).isEmpty();
        assertThat(window.tabs().getSelectionModel().getSelectedIndex()).isZero(); // Explore shows the run
        assertThat(vm.resultProperty().get().samples()).hasSize(200).allMatch(s -> s.image() == null);
        assertThat(vm.resultProperty().get().config().dataset()).isEqualTo("playground:custom");
        assertThat(vm.projection().layoutProperty().get().size()).isEqualTo(200);
        assertThat(robot.lookup("#find-images").queryAs(javafx.scene.Node.class).isDisabled()).isTrue();
        assertThat(vm.comparisonProperty().get()).isNotNull();

        robot.clickOn("#robustness-tab");
        waitForFxEvents();
        assertThat(robot.lookup("#caption-images").queryAs(Button.class).isDisabled()).isTrue(); // no images
        robot.clickOn("#ablation-compute");
        waitFor(30, TimeUnit.SECONDS, () -> vm.robustness().reportProperty().get() != null && !vm.task().isRunning());
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#noise-text-chart").queryAs(ChartView.class).isDrawn());
        waitForFxEvents();
        TableView<?> table = robot.lookup("#ablation-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(11);
        assertThat(robot.lookup("#noise-image-chart").queryAs(ChartView.class).isDrawn()).isTrue();

        robot.interact(() -> vm.activeStrategyProperty().set(Strategy.LATE));
        robot.interact(() -> vm.robustness().flipConditionProperty().set("drop_image"));
        waitFor(10, TimeUnit.SECONDS, () -> vm.projection().flipsProperty().get() != null && !vm.task().isRunning());
        waitForFxEvents();
        robot.clickOn("#show-flips");
        waitForFxEvents();
        assertThat(window.tabs().getSelectionModel().getSelectedIndex()).isZero();
        assertThat(vm.projection().colourModeProperty().get()).isEqualTo(ColourMode.FLIPS);
        assertThat(robot.lookup(".legend-entry").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("right \u2192 wrong", "unchanged", "not scored (not in test split)");

        Path svg = dir.resolve("ablation-noise.svg");
        robot.interact(() -> vm.robustness().export(vm.robustness().noiseChart(dev.fusionlab.encode.Modality.TEXT, 96),
                ChartFormat.SVG, svg));
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(svg) && !vm.task().isRunning());
        assertThat(Files.readString(svg)).contains("<polyline").contains("noise sigma on text");
    }

    @Test
    void sweepDrawsItsChartAndExportsIt(FxRobot robot) throws Exception {
        robot.clickOn("#playground-tab");
        robot.interact(() -> {
            vm.playground().presetProperty().set(Preset.REDUNDANT);
            vm.playground().control(Control.SAMPLES).set(120);
            vm.playground().sweepControlProperty().set(Control.TEXT_SNR);
            vm.playground().sweepFromProperty().set(0);
            vm.playground().sweepToProperty().set(2);
            vm.playground().sweepStepsProperty().set(2);
        });
        waitForFxEvents();
        watchdog = FxWatchdog.start();

        robot.clickOn("#playground-sweep");
        waitFor(120, TimeUnit.SECONDS, () -> vm.playground().sweepProperty().get() != null && !vm.task().isRunning());
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sweep-chart").queryAs(ChartView.class).isDrawn());

        assertThat(vm.task().errorProperty().get()).isEmpty();
        assertThat(vm.playground().sweepProperty().get().points()).hasSize(2);
        assertThat(vm.resultProperty().get()).isNull(); // a sweep draws a chart and shows no run
        Path png = dir.resolve("sweep.png");
        robot.interact(() -> vm.playground().exportChart(ChartFormat.PNG, png, 96));
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(png) && !vm.task().isRunning());
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(720);
    }
}
