package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole thing, as a user does it: the window opens on the bundled demo, the user picks PCA and
 * presses Ctrl+R, the real pipeline encodes, trains and projects, and the projection and the
 * comparison appear, while the FX thread never stalls for more than 100 ms of work.
 */
@ExtendWith(ApplicationExtension.class)
class DemoRunGuiTest {

    private CoreWorkbenchServices services;
    private WorkbenchViewModel vm;
    private FxWatchdog watchdog;

    @Start
    void start(Stage stage) {
        services = new CoreWorkbenchServices();
        vm = new WorkbenchViewModel(services, Platform::runLater);
        MainWindow window = new MainWindow(vm);
        stage.setScene(window.createScene(1200, 760));
        stage.show();
        vm.openDataset(RunConfig.DEMO);
    }

    @AfterEach
    void close() {
        if (watchdog != null) {
            watchdog.close();
        }
        services.close();
    }

    @Test
    void openTheDemoAndRunIt(FxRobot robot) throws Exception {
        waitFor(60, TimeUnit.SECONDS, () -> vm.datasetProperty().get() != null && !vm.task().isRunning());
        waitForFxEvents();
        int samples = vm.datasetProperty().get().samples().size();
        assertThat(samples).isGreaterThan(1000);
        assertThat(robot.lookup("#sample-count").queryAs(Label.class).getText())
                .isEqualTo(samples + " of " + samples + " samples");
        watchdog = FxWatchdog.start();

        robot.clickOn("#projection-method").clickOn("PCA");
        robot.clickOn("#scatter").press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        waitFor(5, TimeUnit.SECONDS, () -> vm.task().isRunning());
        waitFor(600, TimeUnit.SECONDS, () -> !vm.task().isRunning());
        waitForFxEvents();

        assertThat(vm.task().errorProperty().get()).isEmpty();
        var result = vm.resultProperty().get();
        assertThat(result).isNotNull();
        assertThat(result.config().projection()).isEqualTo(dev.fusionlab.project.ProjectionMethod.PCA);
        assertThat(vm.projection().layoutProperty().get().size()).isEqualTo(result.samples().size());
        assertThat(robot.lookup(".legend-entry").queryAll()).hasSize(result.classes().size());

        robot.clickOn("Compare");
        waitForFxEvents();
        var comparison = vm.comparisonProperty().get();
        double chance = 1.0 / result.classes().size();
        for (Strategy s : Strategy.values()) {
            assertThat(comparison.row(s).accuracy()).as("%s accuracy", s).isGreaterThan(2 * chance);
        }
        assertThat(robot.lookup("#mcnemar").queryAs(Label.class).getText()).startsWith("McNemar, early vs late:");

        assertThat(watchdog.worstBusyMillis())
                .as("longest FX-thread stall (CPU ms; wall %.0f ms); FX thread was in:%s",
                        watchdog.worstWallMillis(), watchdog.worstStack())
                .isLessThan(100);
    }
}
