package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.ScatterView;
import dev.fusionlab.ui.view.ThumbnailCache;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.VerticalDirection;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A large layout's pan and zoom frames are previews (a stride of the points) and the view ends every
 * gesture on a full frame: on release of a drag, and once the wheel has been still for a moment.
 */
@ExtendWith(ApplicationExtension.class)
class ScatterGesturePreviewTest {

    private ScatterView scatter;

    @Start
    void start(Stage stage) {
        RunResult run = TestRuns.clusters(2_000, null);
        WorkbenchViewModel vm = new WorkbenchViewModel(new FakeWorkbenchServices(run), Platform::runLater);
        scatter = new ScatterView(vm.projection(), new ThumbnailCache(96, 10));
        scatter.setPreview(1_000, 300); // 2,000 points count as "large" here
        scatter.resize(700, 500);
        stage.setScene(new Scene(new Group(scatter), 800, 600));
        stage.show();
        vm.showResult(run);
    }

    @Test
    void gesturesDrawPreviewsAndEndOnTheFullFrame(FxRobot robot) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> scatter.framesDrawn() > 0 && scatter.getWidth() > 0);
        waitForFxEvents();
        assertThat(scatter.lastFrameWasPreview()).as("a frame at rest").isFalse();
        assertThat(scatter.previewFramesDrawn()).isZero();

        robot.moveTo(scatter).scroll(3, VerticalDirection.UP);
        waitFor(5, TimeUnit.SECONDS, () -> scatter.previewFramesDrawn() > 0);
        waitFor(5, TimeUnit.SECONDS, () -> !scatter.lastFrameWasPreview());
        long afterWheel = scatter.previewFramesDrawn();

        robot.moveTo(scatter).press(MouseButton.PRIMARY).moveBy(30, 10).moveBy(30, 10);
        waitForFxEvents();
        assertThat(scatter.previewFramesDrawn()).as("drag frames are previews").isGreaterThan(afterWheel);
        assertThat(scatter.lastFrameWasPreview()).isTrue();
        robot.release(MouseButton.PRIMARY);
        waitForFxEvents();
        assertThat(scatter.lastFrameWasPreview()).as("released: every point again").isFalse();
    }
}
