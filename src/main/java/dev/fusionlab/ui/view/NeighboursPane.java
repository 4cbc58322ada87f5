package dev.fusionlab.ui.view;

import dev.fusionlab.pipeline.NeighbourLists;
import dev.fusionlab.pipeline.NeighbourSpace;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.ui.model.NeighboursViewModel;
import dev.fusionlab.ui.model.NeighboursViewModel.NeighbourRow;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * The selected sample's k nearest samples in the image, text, fused and joint spaces (thumbnail, id,
 * caption, label, distance), with how much the four neighbourhoods overlap. Clicking a neighbour selects
 * it, so one can walk from sample to sample.
 */
public final class NeighboursPane extends BorderPane {

    private final WorkbenchViewModel vm;
    private final NeighboursViewModel model;
    private final Map<NeighbourSpace, ListView<NeighbourRow>> lists = new EnumMap<>(NeighbourSpace.class);
    private final Map<NeighbourSpace, Label> headers = new EnumMap<>(NeighbourSpace.class);
    private final Label query = new Label("Select one point to see its neighbours in every space.");
    private final ImageView queryImage = new ImageView();
    private final Label overlap = new Label();
    private final ThumbnailCache thumbnails;

    public NeighboursPane(WorkbenchViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.model = vm.neighbours();
        this.thumbnails = thumbnails;
        getStyleClass().add("neighbours-pane");
        setId("neighbours");
        query.setId("neighbours-query");
        query.getStyleClass().add("neighbours-query");
        query.setMinWidth(0);
        overlap.setId("neighbours-overlap");
        overlap.getStyleClass().add("caption");
        overlap.setWrapText(true);
        queryImage.setFitWidth(40);
        queryImage.setFitHeight(40);
        queryImage.setPreserveRatio(true);

        Spinner<Integer> k = new Spinner<>(1, 50, model.kProperty().get());
        k.setId("neighbours-k");
        k.setPrefWidth(72);
        k.setMinWidth(72);
        k.setEditable(true);
        k.valueProperty().addListener((obs, old, now) -> model.kProperty().set(now));
        k.setTooltip(new Tooltip("Neighbours per space"));
        Button export = new Button("CSV", Icons.of(FontAwesome.Glyph.DOWNLOAD));
        export.setId("neighbours-export");
        export.setTooltip(new Tooltip("Export the four lists and their overlaps as CSV"));
        export.disableProperty().bind(model.listsProperty().isNull());
        export.setOnAction(e -> chooseAndExport());
        export.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label kCaption = new Label("k");
        kCaption.getStyleClass().add("caption");
        VBox about = new VBox(2, query, overlap);
        about.setMinWidth(0);
        HBox top = new HBox(8, queryImage, about, spacer, kCaption, k, export);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("neighbours-top");
        HBox.setHgrow(about, Priority.SOMETIMES);

        HBox columns = new HBox(6);
        for (NeighbourSpace s : NeighbourSpace.values()) {
            Label header = new Label(title(s));
            header.getStyleClass().add("linked-title");
            ListView<NeighbourRow> list = new ListView<>();
            list.setId("neighbours-" + s.key());
            list.setCellFactory(l -> new NeighbourCell());
            Label placeholder = new Label();
            placeholder.setId("neighbours-" + s.key() + "-placeholder");
            placeholder.getStyleClass().add("hint");
            placeholder.setWrapText(true);
            placeholder.textProperty().bind(model.placeholderBinding(s));
            list.setPlaceholder(placeholder);
            list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    vm.projection().focusedProperty().set(now.row());
                }
            });
            VBox.setVgrow(list, Priority.ALWAYS);
            VBox column = new VBox(4, header, list);
            column.setMinWidth(0);
            column.setPrefWidth(10);
            HBox.setHgrow(column, Priority.ALWAYS);
            columns.getChildren().add(column);
            lists.put(s, list);
            headers.put(s, header);
        }
        setTop(top);
        setCenter(columns);
        model.listsProperty().addListener((obs, old, now) -> show(now));
    }

    private static String title(NeighbourSpace s) {
        return switch (s) {
            case IMAGE -> "Image";
            case TEXT -> "Text";
            case FUSED -> "Fused";
            case JOINT -> "Joint (image-text)";
        };
    }

    private void show(NeighbourLists found) {
        RunResult run = vm.resultProperty().get();
        if (found == null || run == null) {
            lists.values().forEach(l -> l.getItems().clear());
            query.setText("Select one point to see its neighbours in every space.");
            queryImage.setImage(null);
            overlap.setText("");
            headers.forEach((s, h) -> h.setText(title(s)));
            return;
        }
        var sample = run.samples().get(found.row());
        int t = run.truth()[found.row()];
        query.setText(sample.id() + " · " + (t < 0 ? "unlabelled" : run.classes().get(t)) + " · \u201c" + sample.text() + "\u201d");
        queryImage.setImage(thumbnails.get(sample.image()));
        for (NeighbourSpace s : NeighbourSpace.values()) {
            lists.get(s).getItems().setAll(model.rows(s));
            double same = model.sameLabelShare(s);
            headers.get(s).setText(title(s) + (Double.isNaN(same) ? ""
                    : String.format(Locale.ROOT, " · %.0f %% same label", 100 * same)));
        }
        List<String> pairs = new ArrayList<>();
        NeighbourSpace[] spaces = NeighbourSpace.values();
        for (int a = 0; a < spaces.length; a++) {
            for (int b = a + 1; b < spaces.length; b++) {
                double j = found.overlap(spaces[a], spaces[b]);
                if (!Double.isNaN(j)) {
                    pairs.add(spaces[a].key() + "/" + spaces[b].key() + String.format(Locale.ROOT, " %.0f %%", 100 * j));
                }
            }
        }
        overlap.setText("Overlap of the neighbourhoods (Jaccard): " + String.join(" · ", pairs));
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export neighbours");
        chooser.setInitialFileName("neighbours.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        var file = SaveDialogs.save(this, chooser);
        if (file != null) {
            model.exportCsv(file.toPath());
        }
    }

    public ListView<NeighbourRow> list(NeighbourSpace s) {
        return lists.get(s);
    }

    public Label overlapLabel() {
        return overlap;
    }

    /** Thumbnail, id and caption, label, distance. */
    private final class NeighbourCell extends ListCell<NeighbourRow> {
        private final ImageView image = new ImageView();
        private final Label text = new Label();
        private final Label label = new Label();
        private final Label distance = new Label();
        private final HBox box;

        NeighbourCell() {
            setPrefWidth(0); // as wide as the list, never wider: long captions end in an ellipsis instead
            image.setFitWidth(32);
            image.setFitHeight(32);
            image.setPreserveRatio(true);
            text.setMinWidth(0);
            text.setMaxWidth(Double.MAX_VALUE);
            text.getStyleClass().add("cell-caption");
            label.getStyleClass().add("cell-label");
            distance.getStyleClass().add("caption");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            VBox words = new VBox(0, text, label);
            words.setMinWidth(0);
            HBox.setHgrow(words, Priority.ALWAYS);
            box = new HBox(6, image, words, distance);
            box.setAlignment(Pos.CENTER_LEFT);
            distance.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(NeighbourRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            image.setImage(thumbnails.get(row.image()));
            text.setText(row.rank() + ". " + row.caption());
            label.setText(row.label().isEmpty() ? "unlabelled" : row.label());
            distance.setText(String.format(Locale.ROOT, "%.3f", row.distance()));
            setTooltip(new Tooltip(row.id() + "\n" + row.caption()));
            setGraphic(box);
        }
    }
}
