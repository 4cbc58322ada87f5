package dev.fusionlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import dev.fusionlab.ui.view.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Generate tab driven headless (Monocle) over a hand-made model: train, type a description, see images. */
@ExtendWith(ApplicationExtension.class)
class GenerativeGuiTest {

    @TempDir
    static Path dir;

    private WorkbenchViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        RunResult run = TestRuns.clusters(60, dir.resolve("thumbs"));
        vm = new WorkbenchViewModel(new FakeWorkbenchServices(run), Platform::runLater);
        window = new MainWindow(vm);
        stage.setScene(window.createScene(1200, 760));
        stage.show();
        vm.showResult(run);
    }

    @Test
    void typingADescriptionShowsTheGeneratedAndTheNearestRealImages(FxRobot robot) throws Exception {
        robot.interact(() -> window.tabs().getSelectionModel().select(
                window.tabs().getTabs().stream().filter(t -> "generate-tab".equals(t.getId())).findFirst().orElseThrow()));
        waitForFxEvents();
        Label summary = robot.lookup("#generative-summary").queryAs(Label.class);
        assertThat(summary.getText()).contains("minutes");
        assertThat(robot.lookup("#generate").queryAs(Button.class).isDisabled()).as("no model yet").isTrue();

        robot.clickOn("#train-generative");
        waitFor(10, TimeUnit.SECONDS, () -> vm.generative().modelProperty().get() != null && !vm.generative().task().isRunning());
        waitForFxEvents();
        assertThat(summary.getText()).isEqualTo("fake MVAE on 60 samples");

        robot.clickOn("#generate-text").write("red heart").type(KeyCode.ENTER);
        Pane pictures = robot.lookup("#generated-images").queryAs(Pane.class);
        waitFor(10, TimeUnit.SECONDS, () -> pictures.getChildren().size() == 1 + vm.generative().samplesProperty().get());
        waitForFxEvents();
        Pane nearest = robot.lookup("#nearest-real-images").queryAs(Pane.class);
        assertThat(nearest.getChildren()).hasSize(5);
        Node first = pictures.getChildren().getFirst();
        assertThat(first.isVisible()).isTrue();
        assertThat(vm.generative().generatedProperty().get().description()).isEqualTo("red heart");
    }
}
