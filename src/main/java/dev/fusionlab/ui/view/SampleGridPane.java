package dev.fusionlab.ui.view;

import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.ui.model.SampleBrowserViewModel;
import dev.fusionlab.ui.model.SampleItem;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * The dataset panel: a virtualised thumbnail grid (only visible cells exist, thumbnails load in the
 * background) with search, a label filter, the projection's selection as a filter, and the skipped
 * items with their reasons.
 */
public final class SampleGridPane extends BorderPane {

    private static final int CELL_WIDTH = 132, CELL_HEIGHT = 168;

    private final GridView<SampleItem> grid;

    public SampleGridPane(WorkbenchViewModel workbench, ThumbnailCache thumbnails) {
        SampleBrowserViewModel vm = workbench.samples();
        getStyleClass().add("sample-pane");
        setMinWidth(300);

        TextField search = TextFields.createClearableTextField();
        search.setId("search");
        search.setPromptText("Search id, caption, label");
        search.textProperty().bindBidirectional(vm.filterTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<String> label = new ComboBox<>(vm.labels());
        label.setId("label-filter");
        label.valueProperty().bindBidirectional(vm.labelFilterProperty());
        label.setMinWidth(Region.USE_PREF_SIZE);
        search.setMinWidth(120);

        Label count = new Label();
        count.getStyleClass().add("caption");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int shown = vm.shown().size();
            int selected = vm.selectedCountProperty().get();
            return selected > 0 ? shown + " of " + selected + " selected" : shown + " of " + vm.totalCount() + " samples";
        }, vm.shown(), vm.selectedCountProperty()));
        count.setId("sample-count");

        Button clearSelection = new Button("Show all", Icons.of(FontAwesome.Glyph.TIMES));
        clearSelection.setId("clear-selection");
        clearSelection.visibleProperty().bind(vm.selectedCountProperty().greaterThan(0));
        clearSelection.managedProperty().bind(clearSelection.visibleProperty());
        clearSelection.setOnAction(e -> workbench.projection().clearSelection());

        Button skipped = new Button();
        skipped.setId("skipped");
        skipped.getStyleClass().add("warning-badge");
        skipped.setGraphic(Icons.of(FontAwesome.Glyph.WARNING));
        skipped.textProperty().bind(Bindings.concat(vm.skippedCount().asString(), " skipped"));
        skipped.visibleProperty().bind(vm.skippedCount().greaterThan(0));
        skipped.managedProperty().bind(skipped.visibleProperty());
        skipped.setTooltip(new Tooltip("Items that could not be used, and why"));
        skipped.setOnAction(e -> showProblems(vm));

        HBox filters = new HBox(8, search, label);
        HBox status = new HBox(8, count, spacer(), clearSelection, skipped);
        status.getStyleClass().add("grid-status");
        VBox top = new VBox(6, findImagesRow(workbench), filters, status);
        top.getStyleClass().add("pane-toolbar");
        setTop(top);

        grid = new GridView<>(vm.shown());
        grid.setId("sample-grid");
        grid.setCellWidth(CELL_WIDTH);
        grid.setCellHeight(CELL_HEIGHT);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        grid.setCellFactory(g -> new SampleCell(thumbnails, workbench));
        setCenter(grid);
        // new generated captions: cells are made again to show them
        workbench.captions().captionsProperty().addListener((obs, old, now) ->
                grid.setCellFactory(g -> new SampleCell(thumbnails, workbench)));
    }

    /** Cross-modal retrieval: a description in, the nearest images of the joint space selected. */
    private static HBox findImagesRow(WorkbenchViewModel workbench) {
        TextField query = TextFields.createClearableTextField();
        query.setId("find-images");
        query.setPromptText("Find images by meaning, e.g. \u201cred heart\u201d");
        query.setTooltip(new Tooltip("Looks the words up in the joint image-text space learned in the run "
                + "and selects the " + WorkbenchViewModel.FOUND_IMAGES + " nearest images (Enter)"));
        HBox.setHgrow(query, Priority.ALWAYS);
        Button find = new Button("Find", Icons.of(FontAwesome.Glyph.SEARCH));
        find.setId("find-images-button");
        var disabled = workbench.canFindImagesBinding().not().or(workbench.task().runningProperty());
        query.disableProperty().bind(disabled);
        find.disableProperty().bind(disabled.or(query.textProperty().isEmpty()));
        query.setOnAction(e -> workbench.findImages(query.getText()));
        find.setOnAction(e -> workbench.findImages(query.getText()));
        find.setMinWidth(Region.USE_PREF_SIZE);
        query.setMinWidth(140);
        Button captions = new Button("Captions", Icons.of(FontAwesome.Glyph.COMMENT));
        captions.setId("find-captions-button");
        captions.setTooltip(new Tooltip("The " + WorkbenchViewModel.FOUND_CAPTIONS + " captions nearest to the selected"
                + " image in the joint image-text space (image \u2192 text)"));
        captions.disableProperty().bind(disabled.or(Bindings.createBooleanBinding(() -> workbench.captionQuery() < 0,
                workbench.projection().selectionProperty(), workbench.projection().focusedProperty())));
        captions.setMinWidth(Region.USE_PREF_SIZE);
        captions.setOnAction(e -> workbench.findCaptions());
        workbench.foundCaptionsProperty().addListener((obs, old, now) -> {
            if (now != null && captions.getScene() != null) {
                showCaptions(captions, now);
            }
        });
        return new HBox(8, query, find, captions);
    }

    /** The found captions in a window that can stay open beside the projection. */
    private static void showCaptions(Button owner, dev.fusionlab.ui.model.FoundCaptions found) {
        ListView<String> list = new ListView<>();
        list.setId("found-captions");
        for (int i = 0; i < found.hits().size(); i++) {
            list.getItems().add(found.line(i));
        }
        list.setPrefSize(640, 300);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner.getScene().getWindow());
        alert.initModality(javafx.stage.Modality.NONE);
        alert.setTitle("Nearest captions");
        alert.setHeaderText("Captions nearest to image " + found.image().id() + " in the joint space (cosine; \u2713 = its own)");
        alert.getDialogPane().setContent(list);
        alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        alert.show();
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private void showProblems(SampleBrowserViewModel vm) {
        ListView<SampleProblem> list = new ListView<>(vm.problems());
        list.setPrefSize(640, 320);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Skipped items");
        alert.setHeaderText(vm.problems().size() + " items were skipped; the rest of the dataset is used");
        alert.getDialogPane().setContent(list);
        alert.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        alert.show();
    }

    public GridView<SampleItem> grid() {
        return grid;
    }

    /** One thumbnail with its id, caption and label; a click focuses the sample in the projection. */
    private static final class SampleCell extends GridCell<SampleItem> {

        private final ThumbnailCache thumbnails;
        private final ImageView image = new ImageView();
        private final Label caption = new Label();
        private final Label label = new Label();
        private final Label generated = new Label();
        private final Label found = new Label();
        private final javafx.scene.layout.StackPane picture = new javafx.scene.layout.StackPane(image, found);
        private final VBox box = new VBox(4, picture, caption, generated, label);
        private final Tooltip tooltip = new Tooltip();
        private final WorkbenchViewModel workbench;

        SampleCell(ThumbnailCache thumbnails, WorkbenchViewModel workbench) {
            this.thumbnails = thumbnails;
            this.workbench = workbench;
            getStyleClass().add("sample-cell");
            generated.getStyleClass().add("cell-generated");
            generated.setMaxWidth(CELL_WIDTH - 8);
            generated.managedProperty().bind(generated.visibleProperty());
            found.getStyleClass().add("found-rank");
            found.setStyle("-fx-background-color: rgba(0,0,0,0.7); -fx-text-fill: white; -fx-padding: 1 4 1 4;"
                    + " -fx-font-size: 0.85em;");
            found.visibleProperty().bind(found.textProperty().isNotEmpty());
            javafx.scene.layout.StackPane.setAlignment(found, javafx.geometry.Pos.TOP_LEFT);
            workbench.foundProperty().addListener((obs, old, now) -> showFound());
            image.setFitWidth(thumbnails.size());
            image.setFitHeight(thumbnails.size());
            image.setPreserveRatio(true);
            caption.getStyleClass().add("cell-caption");
            caption.setMaxWidth(CELL_WIDTH - 8);
            label.getStyleClass().add("cell-label");
            box.getStyleClass().add("cell-box");
            setOnMouseClicked(e -> {
                if (getItem() != null && workbench.resultProperty().get() != null) {
                    workbench.projection().focusedProperty().set(getItem().index());
                }
            });
        }

        @Override
        protected void updateItem(SampleItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            image.setImage(thumbnails.get(item.sample().image()));
            caption.setText(item.sample().text());
            String written = workbench.resultProperty().get() == null ? null : workbench.captions().generated(item.index());
            generated.setText(written == null ? "" : "\u2248 " + written);
            generated.setVisible(written != null);
            label.setText(item.sample().isLabelled() ? item.sample().label() : "unlabelled");
            tooltip.setText(item.sample().id() + "\n" + item.sample().text()
                    + (written == null ? "" : "\ngenerated: " + written));
            setTooltip(tooltip);
            showFound();
            setGraphic(box);
        }

        /** Rank and cosine similarity to the last "find by meaning" query, on the thumbnail. */
        private void showFound() {
            var hits = workbench.foundProperty().get();
            SampleItem item = getItem();
            found.setText(hits == null || item == null ? "" : hits.badge(item.index()).orElse(""));
            found.setId(found.getText().isEmpty() ? null : "found-rank-" + item.index());
        }
    }
}
