package dev.fusionlab.ui;

import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.ui.model.ColourMode;
import dev.fusionlab.ui.model.WorkbenchServices;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Developer tool (test scope): opens the window on a hand-made result and saves snapshots of the scene,
 * to look at the layout under Xvfb. {@code -Dshot.dir=/tmp/shots}. Not a test, not shipped.
 */
public final class ScreenshotTool extends Application {

    /** Entry point: {@code java -cp ... dev.fusionlab.ui.ScreenshotTool$Main}. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(ScreenshotTool.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Path dir = Path.of(System.getProperty("shot.dir", "/tmp/shots"));
        RunResult run = TestRuns.clusters(600, dir.resolve("thumbs"));
        WorkbenchServices services = new FakeWorkbenchServices(run);
        boolean real = Boolean.getBoolean("shot.real");
        WorkbenchViewModel vm = new WorkbenchViewModel(real ? new CoreWorkbenchServices() : services, Platform::runLater);
        MainWindow window = new MainWindow(vm);
        stage.setScene(window.createScene(Integer.getInteger("shot.width", 1500), Integer.getInteger("shot.height", 940)));
        stage.show();
        if (real) { // the bundled demo through the real pipeline: load, then Run as a user would
            vm.openDataset(RunConfig.DEMO);
            var ranOnce = new java.util.concurrent.atomic.AtomicBoolean();
            vm.datasetProperty().addListener((obs, old, now) -> {
                if (now != null && !ranOnce.getAndSet(true)) {
                    Platform.runLater(vm::run);
                }
            });
            vm.resultProperty().addListener((obs, old, now) -> ScreenshotSteps.run(steps(stage, window, vm, dir), Duration.millis(1200)));
            String method = System.getProperty("shot.method");
            if (method != null) {
                vm.settings().projectionProperty().set(dev.fusionlab.project.ProjectionMethod.valueOf(method));
            }
            var frame = new java.util.concurrent.atomic.AtomicInteger();
            javafx.animation.Timeline duringRun = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                    Duration.seconds(3), e -> {
                        if (vm.task().isRunning()) {
                            ScreenshotSteps.shot(stage, dir.resolve(String.format("running-%02d.png", frame.incrementAndGet())));
                        }
                    }));
            duringRun.setCycleCount(60);
            duringRun.play();
            vm.task().messageProperty().addListener((obs, old, now) -> {
                if (now.startsWith("Run failed")) {
                    ScreenshotSteps.shot(stage, dir.resolve("failed.png"));
                    Platform.exit();
                }
            });
            return;
        }
        vm.showResult(run);
        vm.projection().select(5, 8, 11);
        ScreenshotSteps.run(steps(stage, window, vm, dir), Duration.millis(1200));
    }

    private static List<Runnable> steps(Stage stage, MainWindow window, WorkbenchViewModel vm, Path dir) {
        return List.of(
                () -> {
                    var scatter = window.projection().scatter();
                    var p = scatter.localToScene(scatter.screenPositionOf(40));
                    scatter.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED,
                            p.getX(), p.getY(), 0, 0, javafx.scene.input.MouseButton.NONE, 0, false, false, false,
                            false, false, false, false, false, false, false, null));
                },
                () -> ScreenshotSteps.shot(stage, dir.resolve("explore-light.png")),
                () -> {
                    vm.projection().colourModeProperty().set(ColourMode.AGREEMENT);
                    vm.darkThemeProperty().set(true);
                },
                () -> ScreenshotSteps.shot(stage, dir.resolve("explore-dark.png")),
                () -> {
                    vm.darkThemeProperty().set(false);
                    window.showView("compare");
                },
                () -> ScreenshotSteps.shot(stage, dir.resolve("compare.png")),
                () -> vm.darkThemeProperty().set(true),
                () -> ScreenshotSteps.shot(stage, dir.resolve("compare-dark.png")),
                () -> {
                    vm.darkThemeProperty().set(false);
                    window.showView("explore");
                    vm.findImages(System.getProperty("shot.query", "red heart"));
                },
                () -> { }, // the query is encoded in the background
                () -> ScreenshotSteps.shot(stage, dir.resolve("find-images.png")),
                Platform::exit);
    }
}
