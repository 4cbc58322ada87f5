package dev.fusionlab.ui;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.playground.Preset;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.model.ColourMode;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Developer tool (test scope): the playground and robustness views on real runs (the real core: a playground
 * sweep and run, then the demo run, its ablation and captions), saving snapshots at 1600 x 1000 and 1280 x 720.
 * {@code -Dshot.dir=/tmp/shots}. Not a test, not shipped.
 */
public final class ModelsScreenshotTool extends Application {

    public static final class Main {
        public static void main(String[] args) {
            Application.launch(ModelsScreenshotTool.class, args);
        }
    }

    private record Step(String name, Runnable action, BooleanSupplier doneWhen) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();

    @Override
    public void start(Stage stage) {
        Path dir = Path.of(System.getProperty("shot.dir", "/tmp/shots"));
        WorkbenchViewModel vm = new WorkbenchViewModel(new CoreWorkbenchServices(), Platform::runLater);
        MainWindow window = new MainWindow(vm);
        stage.setScene(window.createScene(1600, 1000));
        stage.show();
        BooleanSupplier idle = () -> !vm.task().isRunning();
        var pg = vm.playground();
        boolean playground = !Boolean.getBoolean("shot.robustnessOnly");
        if (playground) {
            add("preset", () -> {
                window.tabs().getSelectionModel().select(2);
                pg.presetProperty().set(Preset.COMPLEMENTARY);
            }, () -> true);
            add("sweep", pg::runSweep, idle);
            add("run", pg::run, idle);
            add("wait", () -> window.tabs().getSelectionModel().select(2), () -> true);
            shots(stage, dir, "playground");
            add("explore", () -> window.tabs().getSelectionModel().select(0), () -> true);
            add("shot", () -> shot(stage, dir.resolve("playground-explore.png")), () -> true);
        }
        if (!Boolean.getBoolean("shot.playgroundOnly")) {
            add("demo", () -> {
                vm.settings().projectionProperty().set(ProjectionMethod.valueOf(System.getProperty("shot.method", "PCA")));
                vm.openDataset(RunConfig.DEMO);
            }, idle);
            add("demo-run", vm::run, idle);
            add("ablate", vm.robustness()::compute, idle);
            add("flips", () -> vm.robustness().flipConditionProperty().set("shuffle_text"), idle);
            add("captions", vm.captions()::captionImages, idle);
            add("tab", () -> window.tabs().getSelectionModel().select(3), () -> true);
            shots(stage, dir, "robustness");
            add("flips-explore", () -> {
                vm.activeStrategyProperty().set(Strategy.EARLY);
                vm.projection().colourModeProperty().set(ColourMode.FLIPS);
                window.tabs().getSelectionModel().select(0);
            }, () -> true);
            add("hover", () -> {
                var scatter = window.projection().scatter();
                int row = 0;
                while (row < vm.resultProperty().get().samples().size()
                        && vm.resultProperty().get().samples().get(row).split() != dev.fusionlab.data.Split.TEST) {
                    row++;
                }
                var p = scatter.localToScene(scatter.screenPositionOf(row));
                scatter.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED,
                        p.getX(), p.getY(), 0, 0, javafx.scene.input.MouseButton.NONE, 0, false, false, false,
                        false, false, false, false, false, false, false, null));
            }, () -> true);
            add("shot", () -> shot(stage, dir.resolve("robustness-flips.png")), () -> true);
        }
        add("exit", Platform::exit, () -> true);
        vm.task().messageProperty().addListener((obs, old, now) -> System.out.println("[status] " + now));
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(1500), e -> next()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private Step current;

    private void next() {
        if (current != null && !current.doneWhen().getAsBoolean()) {
            return;
        }
        current = steps.poll();
        if (current != null) {
            System.out.println("[step] " + current.name());
            current.action().run();
        }
    }

    private void add(String name, Runnable action, BooleanSupplier doneWhen) {
        steps.add(new Step(name, action, doneWhen));
    }

    /** The view at 1600 x 1000, then at 1280 x 720, then back (a resize lands asynchronously: steps wait for it). */
    private void shots(Stage stage, Path dir, String stem) {
        add("shot", () -> shot(stage, dir.resolve(stem + ".png")), () -> true);
        add("small", () -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        }, () -> stage.getScene().getWidth() == 1280);
        add("shot-small", () -> shot(stage, dir.resolve(stem + "-1280.png")), () -> true);
        add("large", () -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        }, () -> stage.getScene().getWidth() == 1600);
    }

    private static void shot(Stage stage, Path file) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", new File(file.toString()));
            System.out.println("[shot] " + file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
