package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.ScatterView;
import dev.fusionlab.ui.view.ThumbnailCache;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The scatter view's layout pass only places labels: the frame (pixel buffer and drawing) follows at the
 * next pulse, and resizing reuses the pixel array while it is large enough.
 */
@ExtendWith(ApplicationExtension.class)
class ScatterLayoutPassTest {

    private ScatterView scatter;

    @Start
    void start(Stage stage) {
        RunResult run = TestRuns.clusters(2_000, null);
        WorkbenchViewModel vm = new WorkbenchViewModel(new FakeWorkbenchServices(run), Platform::runLater);
        scatter = new ScatterView(vm.projection(), new ThumbnailCache(96, 10));
        scatter.resize(900, 600);
        stage.setScene(new Scene(new Group(scatter), 1000, 700)); // a Group keeps the size set here
        stage.show();
        vm.showResult(run);
    }

    @Test
    void aLayoutPassDrawsNothingAndTheNextPulseDraws(FxRobot robot) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> scatter.framesDrawn() > 0 && scatter.getWidth() > 0);
        waitForFxEvents();
        int capacity = scatter.pixelCapacity();
        AtomicLong framesAfterLayout = new AtomicLong();
        AtomicLong framesBefore = new AtomicLong();

        robot.interact(() -> { // one step smaller: a layout pass, measured on its own
            framesBefore.set(scatter.framesDrawn());
            scatter.resize(scatter.getWidth() - 40, scatter.getHeight() + 20);
            scatter.layout();
            framesAfterLayout.set(scatter.framesDrawn());
        });
        assertThat(framesAfterLayout.get()).as("frames drawn inside the layout pass").isEqualTo(framesBefore.get());
        waitFor(5, TimeUnit.SECONDS, () -> scatter.framesDrawn() > framesBefore.get());
        assertThat(scatter.pixelCapacity()).as("the pixel array is reused").isEqualTo(capacity);
        Platform.runLater(() -> { });
        waitForFxEvents();
        int x = (int) scatter.getWidth() - 2;
        assertThat(scatter.pixelAt(x, 2)).as("the resized frame is painted to its edge").isNotZero();
    }
}
