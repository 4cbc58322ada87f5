package dev.fusionlab.ui;

import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Developer tool (test scope): the bundled demo through the real pipeline, then the Generate tab as a
 * user would drive it (train or load the MVAE, type a description, select an image, lay out the joint
 * latent), saving snapshots at 1600x1000 and 1280x720 into {@code -Dshot.dir}. Not a test, not shipped.
 * {@code java -cp ... dev.fusionlab.ui.GenerativeScreenshotTool$Main}
 */
public final class GenerativeScreenshotTool extends Application {

    public static final class Main {
        public static void main(String[] args) {
            Application.launch(GenerativeScreenshotTool.class, args);
        }
    }

    private Path dir;
    private Stage stage;

    @Override
    public void start(Stage primary) {
        stage = primary;
        dir = Path.of(System.getProperty("shot.dir", "/tmp/shots"));
        WorkbenchViewModel vm = new WorkbenchViewModel(new CoreWorkbenchServices(), Platform::runLater);
        MainWindow window = new MainWindow(vm);
        stage.setScene(window.createScene(1600, 1000));
        stage.show();
        vm.settings().projectionProperty().set(dev.fusionlab.project.ProjectionMethod.valueOf(
                System.getProperty("shot.method", "PCA")));
        var generative = vm.generative();
        AtomicBoolean ran = new AtomicBoolean();
        vm.datasetProperty().addListener((obs, old, now) -> {
            if (now != null && !ran.getAndSet(true)) {
                Platform.runLater(vm::run);
            }
        });
        AtomicBoolean trained = new AtomicBoolean();
        vm.resultProperty().addListener((obs, old, now) -> {
            if (now != null && !trained.getAndSet(true)) {
                window.showView("generate");
                later(generative::train);
            }
        });
        generative.modelProperty().addListener((obs, old, now) -> {
            if (now != null) {
                later(() -> {
                    generative.descriptionProperty().set(System.getProperty("shot.query", "red heart"));
                    generative.generate();
                });
            }
        });
        AtomicBoolean selected = new AtomicBoolean();
        generative.generatedProperty().addListener((obs, old, now) -> {
            if (now != null && !selected.getAndSet(true)) {
                RunResult r = vm.resultProperty().get();
                String want = System.getProperty("shot.sample", "grinning face");
                int row = 0;
                for (int i = 0; i < r.samples().size(); i++) {
                    if (r.samples().get(i).split() == dev.fusionlab.data.Split.TEST
                            && r.samples().get(i).text().toLowerCase(java.util.Locale.ROOT).contains(want)) {
                        row = i;
                        break;
                    }
                }
                int chosen = row;
                later(() -> vm.projection().select(chosen));
            }
        });
        AtomicBoolean shotOnce = new AtomicBoolean();
        generative.imputationProperty().addListener((obs, old, now) -> {
            if (now != null && !shotOnce.getAndSet(true)) {
                later(() -> {
                    shot("generative-1600.png");
                    stage.setWidth(1280);
                    stage.setHeight(720);
                    later(() -> {
                        shot("generative-1280.png");
                        stage.setWidth(1600);
                        stage.setHeight(1000);
                        generative.projectLatent();
                    });
                });
            }
        });
        vm.projection().spaceProperty().addListener((obs, old, now) -> {
            if (now == dev.fusionlab.pipeline.Space.LATENT) {
                window.showView("explore");
                later(() -> {
                    shot("latent.png");
                    Platform.exit();
                });
            }
        });
        generative.task().messageProperty().addListener((obs, old, now) -> System.err.println("[generative] " + now));
        vm.task().messageProperty().addListener((obs, old, now) -> System.err.println("[workbench] " + now));
        vm.openDataset(RunConfig.DEMO);
    }

    private static void later(Runnable step) {
        PauseTransition pause = new PauseTransition(Duration.millis(1500));
        pause.setOnFinished(e -> step.run());
        pause.play();
    }

    private void shot(String name) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                    new File(dir.resolve(name).toString()));
            System.err.println("[shot] " + dir.resolve(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
