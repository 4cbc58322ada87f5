package dev.fusionlab.ui.view;

import dev.fusionlab.ui.model.RunDetails;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The run's provenance (what {@code run.json} holds), section by section, with "Copy as JSON" putting
 * the same document on the clipboard. Not modal: it can stay open beside the run it describes.
 */
final class RunDetailsDialog extends Dialog<Void> {

    RunDetailsDialog(Window owner, RunDetails details) {
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle("Run details");
        setHeaderText("Where this run came from: dataset, every setting, encoders and their weights, timings, versions");
        setResizable(true);
        GridPane grid = new GridPane();
        grid.setId("run-details-grid");
        grid.setHgap(12);
        grid.setVgap(2);
        int row = 0;
        for (RunDetails.Section section : details.sections()) {
            Label title = new Label(section.title());
            title.getStyleClass().add("section-title");
            grid.add(title, 0, row++, 2, 1);
            for (RunDetails.Detail e : section.entries()) {
                Label key = new Label(e.key());
                key.getStyleClass().add("caption");
                Label value = new Label(e.value());
                value.setWrapText(true);
                value.setMaxWidth(520);
                grid.addRow(row++, key, value);
            }
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(760, 520);
        Button copy = new Button("Copy as JSON");
        copy.setId("copy-run-json");
        Label copied = new Label();
        copied.getStyleClass().add("hint");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details.json());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText("run.json copied to the clipboard");
        });
        VBox box = new VBox(8, scroll, new HBox(8, copy, copied));
        getDialogPane().setContent(box);
        getDialogPane().setId("run-details");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }
}
