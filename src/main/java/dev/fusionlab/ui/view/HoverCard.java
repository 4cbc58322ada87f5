package dev.fusionlab.ui.view;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.ui.model.HoverInfo;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The card shown next to a hovered point: thumbnail, caption, label, and every strategy's prediction. */
final class HoverCard extends VBox {

    private final ThumbnailCache thumbnails;
    private final ImageView thumbnail = new ImageView();
    private final Label id = new Label();
    private final Label caption = new Label();
    private final Label generated = new Label();
    private java.util.function.IntFunction<String> generatedCaptions = row -> null;
    private final Label truth = new Label();
    private final GridPane predictions = new GridPane();

    HoverCard(ThumbnailCache thumbnails) {
        super(6);
        this.thumbnails = thumbnails;
        setId("hover-card");
        getStyleClass().add("hover-card");
        setManaged(false);
        setMouseTransparent(true);
        setVisible(false);
        thumbnail.setFitWidth(thumbnails.size());
        thumbnail.setFitHeight(thumbnails.size());
        thumbnail.setPreserveRatio(true);
        id.getStyleClass().add("card-id");
        caption.getStyleClass().add("card-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(260);
        generated.getStyleClass().add("card-generated");
        generated.setWrapText(true);
        generated.setMaxWidth(260);
        generated.managedProperty().bind(generated.visibleProperty());
        truth.getStyleClass().add("card-truth");
        predictions.getStyleClass().add("card-predictions");
        predictions.setHgap(10);
        predictions.setVgap(2);
        getChildren().addAll(thumbnail, id, caption, generated, truth, predictions);
    }

    /** Where the card finds a sample's generated caption (by row; null for none). */
    void setGeneratedCaptions(java.util.function.IntFunction<String> lookup) {
        generatedCaptions = lookup;
    }

    void show(HoverInfo info) {
        thumbnail.setImage(thumbnails.get(info.sample().image()));
        id.setText(info.sample().id() + (info.sample().split() == null ? "" : " · " + info.sample().split().name().toLowerCase(java.util.Locale.ROOT)));
        caption.setText(info.sample().text());
        String written = generatedCaptions.apply(info.index());
        generated.setText(written == null ? "" : "generated: " + written);
        generated.setVisible(written != null);
        truth.setText("label: " + info.truth());
        predictions.getChildren().clear();
        int row = 0;
        for (Map.Entry<Strategy, String> e : info.predictions().entrySet()) {
            Label name = new Label(e.getKey().key());
            name.getStyleClass().add("card-strategy");
            Label value = new Label((info.isCorrect(e.getKey()) ? "✓ " : "✗ ") + e.getValue());
            value.getStyleClass().add(info.isCorrect(e.getKey()) ? "correct" : "wrong");
            Label top = new Label(info.topLine(e.getKey())); // how sure: near miss or confident error
            top.getStyleClass().add("card-top-classes");
            predictions.addRow(row++, name, value, top);
        }
        setVisible(true);
    }
}
