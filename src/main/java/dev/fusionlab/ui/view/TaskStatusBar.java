package dev.fusionlab.ui.view;

import dev.fusionlab.ui.model.BackgroundTaskViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.glyphfont.FontAwesome;

/** Bottom bar: what the background job is doing, its progress bar and ETA, and Cancel (Esc). */
public final class TaskStatusBar extends HBox {

    public TaskStatusBar(BackgroundTaskViewModel task) {
        super(10);
        getStyleClass().add("status-bar");
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(task.messageProperty());
        message.getStyleClass().add("status-message");
        message.setMinWidth(120);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.styleProperty().bind(task.errorProperty().map(e -> e.isEmpty() ? "" : "-fx-text-fill: -fl-danger;"));

        ProgressBar bar = new ProgressBar();
        bar.setId("progress");
        bar.setPrefWidth(240);
        bar.progressProperty().bind(task.progressProperty());
        Label eta = new Label();
        eta.setId("eta");
        eta.getStyleClass().add("caption");
        eta.textProperty().bind(task.etaProperty());
        Button cancel = new Button("Cancel", Icons.of(FontAwesome.Glyph.STOP));
        cancel.setId("cancel");
        cancel.setTooltip(new Tooltip("Stop the running stage (Esc)"));
        cancel.setOnAction(e -> task.cancel());
        for (var node : java.util.List.of(bar, eta, cancel)) {
            node.visibleProperty().bind(task.runningProperty());
            node.managedProperty().bind(task.runningProperty());
        }
        Region gap = new Region();
        getChildren().addAll(message, gap, eta, bar, cancel);
    }
}
