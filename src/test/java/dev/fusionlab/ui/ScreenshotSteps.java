package dev.fusionlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/** What the screenshot tools share: steps run one by one on the FX thread with a pause before each, and a window snapshot as PNG. */
final class ScreenshotSteps {

    private ScreenshotSteps() {
    }

    /** Runs {@code steps} in order on the FX thread, waiting {@code pause} before each (so layouts and workers settle). */
    static void run(List<Runnable> steps, Duration pause) {
        run(steps, 0, pause);
    }

    private static void run(List<Runnable> steps, int i, Duration pause) {
        if (i >= steps.size()) {
            return;
        }
        PauseTransition wait = new PauseTransition(pause);
        wait.setOnFinished(e -> {
            steps.get(i).run();
            run(steps, i + 1, pause);
        });
        wait.play();
    }

    /** The stage's scene as a PNG at {@code file}. */
    static void shot(Stage stage, Path file) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", new File(file.toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
