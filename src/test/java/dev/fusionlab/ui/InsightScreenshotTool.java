package dev.fusionlab.ui;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.ui.model.ColourMode;
import dev.fusionlab.ui.model.FirstStart;
import dev.fusionlab.ui.model.Predictions;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Developer tool (test scope): the real first start (demo loaded and run by {@link FirstStart}, lessons
 * opened), then the linked views with one ambiguous sample selected; saves snapshots for the docs.
 * {@code -Dshot.dir=/tmp/shots -Dshot.size=1600x1000}. Not a test, not shipped.
 */
public final class InsightScreenshotTool extends Application {

    /** Entry point: {@code java -cp ... dev.fusionlab.ui.InsightScreenshotTool$Main}. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(InsightScreenshotTool.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("shot.dir", "/tmp/shots")));
        String[] size = System.getProperty("shot.size", "1600x1000").split("x");
        WorkbenchViewModel vm = new WorkbenchViewModel(new CoreWorkbenchServices(), Platform::runLater);
        MainWindow window = new MainWindow(vm);
        stage.setScene(window.createScene(Double.parseDouble(size[0]), Double.parseDouble(size[1])));
        stage.show();
        String suffix = System.getProperty("shot.suffix", "");
        vm.resultProperty().addListener((obs, old, now) -> {
            if (now == null) {
                return;
            }
            List<Runnable> steps = new ArrayList<>();
            steps.add(() -> shot(stage, dir.resolve("lessons" + suffix + ".png")));
            steps.add(() -> vm.lessons().goTo(5));
            steps.add(() -> shot(stage, dir.resolve("lessons-early-late" + suffix + ".png")));
            steps.add(() -> {
                vm.lessons().showingProperty().set(false);
                vm.projection().colourModeProperty().set(ColourMode.LABEL);
                window.showView("linked");
                vm.projection().select(ambiguous(vm));
            });
            steps.add(() -> { }); // neighbours are looked up in the background
            steps.add(() -> shot(stage, dir.resolve("linked-views" + suffix + ".png")));
            steps.add(() -> vm.projection().colourModeProperty().set(ColourMode.FAITHFULNESS));
            steps.add(() -> { }); // faithfulness of three layouts
            steps.add(() -> { });
            steps.add(() -> shot(stage, dir.resolve("faithfulness" + suffix + ".png")));
            steps.add(Platform::exit);
            ScreenshotSteps.run(steps, Duration.millis(2500));
        });
        vm.task().messageProperty().addListener((obs, old, now) -> {
            if (now.contains("failed")) {
                System.err.println(now);
                shot(stage, dir.resolve("failed.png"));
                Platform.exit();
            }
        });
        window.lessons().autorunBox().setSelected(true); // as the application does from the saved setting
        FirstStart.begin(vm, true);
    }

    /** A test sample the image classifier gets wrong and the text classifier right: clear in one modality only. */
    private static int ambiguous(WorkbenchViewModel vm) {
        Predictions p = vm.predictionsProperty().get();
        int[] image = p.predicted(Strategy.IMAGE), text = p.predicted(Strategy.TEXT);
        int row = Integer.getInteger("shot.row", -1);
        if (row >= 0) {
            return row;
        }
        for (int i : p.testIndices()) {
            if (p.truth(i) >= 0 && image[i] != p.truth(i) && text[i] == p.truth(i)) {
                return i;
            }
        }
        return p.testIndices()[0];
    }

    private static void shot(Stage stage, Path file) {
        ScreenshotSteps.shot(stage, file);
        System.err.println("wrote " + file);
    }
}
