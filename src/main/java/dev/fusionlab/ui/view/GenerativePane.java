package dev.fusionlab.ui.view;

import dev.fusionlab.ui.model.GenerativeModel.CaptionMatch;
import dev.fusionlab.ui.model.GenerativeModel.GeneratedPicture;
import dev.fusionlab.ui.model.GenerativeModel.ImputationScore;
import dev.fusionlab.ui.model.GenerativeModel.ImputedPrediction;
import dev.fusionlab.ui.model.GenerativeModel.PixelNeighbour;
import dev.fusionlab.ui.model.GenerativeModel.TextToImageResult;
import dev.fusionlab.ui.model.GenerativeViewModel;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The generative tab: trains the multimodal VAE on request (with its own progress and cancel), then text
 * to image beside the nearest real images, the captions nearest the text generated from the selected
 * image, the missing-modality measures and the selected sample's predictions with each modality
 * imputed, and a button that adds the joint latent to the projection. It only binds to
 * {@link GenerativeViewModel}.
 */
public final class GenerativePane extends ScrollPane {

    /** Generated images are drawn this many pixels wide, without smoothing (they are 32 px). */
    static final int PICTURE = 112;
    static final int NEIGHBOUR = 72;

    private final GenerativeViewModel vm;
    private final FlowPane pictures = new FlowPane(8, 8);
    private final FlowPane neighbours = new FlowPane(8, 8);

    public GenerativePane(GenerativeViewModel vm) {
        this.vm = vm;
        getStyleClass().add("generative-pane");
        setFitToWidth(true);

        Label summary = new Label();
        summary.setId("generative-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Button train = new Button("Train generative model");
        train.setId("train-generative");
        train.setDefaultButton(false);
        train.disableProperty().bind(vm.task().runningProperty());
        train.setOnAction(e -> vm.train());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-generative");
        cancel.disableProperty().bind(vm.task().runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(220);
        progress.progressProperty().bind(vm.task().progressProperty());
        progress.visibleProperty().bind(vm.task().runningProperty());
        Label message = new Label();
        message.setId("generative-message");
        message.getStyleClass().add("status-message");
        message.textProperty().bind(Bindings.concat(vm.task().messageProperty(), " ", vm.task().etaProperty()));
        Button latent = new Button("Show joint latent in projection");
        latent.setId("project-latent");
        latent.disableProperty().bind(vm.readyBinding().not().or(vm.task().runningProperty()));
        latent.setOnAction(e -> vm.projectLatent());
        HBox controls = new HBox(8, train, cancel, progress, message);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, title("Generative model: multimodal VAE (product of experts)"), summary, controls);

        // text -> image
        TextField description = new TextField();
        description.setId("generate-text");
        description.setPromptText("Describe an image, e.g. red heart, then press Enter");
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        description.setOnAction(e -> vm.generate());
        HBox.setHgrow(description, Priority.ALWAYS);
        Spinner<Integer> samples = new Spinner<>(0, 8, vm.samplesProperty().get());
        samples.setId("generate-samples");
        samples.setPrefWidth(70);
        samples.valueProperty().addListener((obs, old, now) -> vm.samplesProperty().set(now));
        Button generate = new Button("Generate");
        generate.setId("generate");
        generate.disableProperty().bind(vm.readyBinding().not().or(vm.task().runningProperty())
                .or(vm.descriptionProperty().isEmpty()));
        generate.setOnAction(e -> vm.generate());
        HBox ask = new HBox(8, description, new Label("samples"), samples, generate);
        ask.setAlignment(Pos.CENTER_LEFT);
        pictures.setId("generated-images");
        neighbours.setId("nearest-real-images");
        Label picturesHint = hint("The decoded mean of q(z | text) first, then samples of the posterior.");
        Label neighboursHint = hint("Nearest real training images (pixel distance to the mean):");
        vm.generatedProperty().addListener((obs, old, now) -> show(now));
        VBox textToImage = new VBox(8, title("Text \u2192 image"), ask, picturesHint, pictures, neighboursHint, neighbours);

        // image -> text
        Label selected = new Label();
        selected.setWrapText(true);
        selected.textProperty().bind(Bindings.when(vm.selectedIdProperty().isEmpty())
                .then("Select an image in the projection or the sample grid.")
                .otherwise(Bindings.concat("Captions nearest to the text generated from ", vm.selectedIdProperty(), ":")));
        TableView<CaptionMatch> captions = new TableView<>(vm.captions());
        captions.setId("nearest-captions");
        captions.getColumns().add(column("Caption", CaptionMatch::caption));
        captions.getColumns().add(column("Label", CaptionMatch::label));
        captions.getColumns().add(column("Cosine", c -> String.format(Locale.ROOT, "%.3f", c.similarity())));
        captions.getColumns().add(column("Own", c -> c.id().equals(vm.selectedIdProperty().get()) ? "\u2713 own" : ""));
        compact(captions, GenerativeViewModel.CAPTIONS);
        captions.setPlaceholder(new Label("Train the model, then select an image"));
        VBox imageToText = new VBox(8, title("Image \u2192 text"), selected, captions);

        // missing modality
        TableView<ImputationScore> measures = new TableView<>();
        measures.setId("missing-modality");
        measures.getColumns().add(column("Test split", ImputationScore::description));
        measures.getColumns().add(column("Accuracy", r -> percent(r.accuracy())));
        measures.getColumns().add(column("Macro-F1", r -> percent(r.macroF1())));
        compact(measures, 10);
        measures.setPlaceholder(new Label("Measured after training"));
        Label note = hint("");
        vm.measuresProperty().addListener((obs, old, now) -> {
            measures.getItems().setAll(now == null ? java.util.List.of() : now.rows());
            note.setText(now == null ? "" : now.note());
        });
        TableView<ImputedPrediction> imputed = new TableView<>();
        imputed.setId("sample-imputation");
        imputed.getColumns().add(column("Selected sample", ImputedPrediction::condition));
        imputed.getColumns().add(column("Predicted", ImputedPrediction::predicted));
        imputed.getColumns().add(column("p", r -> String.format(Locale.ROOT, "%.2f", r.probability())));
        compact(imputed, 8);
        imputed.setPlaceholder(new Label("Select a labelled image"));
        Label truth = new Label();
        vm.imputationProperty().addListener((obs, old, now) -> {
            imputed.getItems().setAll(now == null ? java.util.List.of() : now.predictions());
            truth.setText(now == null ? "" : now.id() + (now.truth().isEmpty() ? " (no label)" : ": true label " + now.truth()));
        });
        VBox missing = new VBox(8, title("Missing modality"), measures, note, truth, imputed,
                latent, hint("Adds the joint latent (mean of q(z | image, text)) of the run's samples to the "
                        + "projection as its Latent space, laid out with the run's method."));

        GridPane grid = new GridPane(24, 16);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(top, 0, 0, 2, 1);
        grid.add(new VBox(20, textToImage, imageToText), 0, 1);
        grid.add(missing, 1, 1);
        grid.setPadding(new Insets(12));
        grid.getStyleClass().add("section");
        setContent(grid);
    }

    private void show(TextToImageResult result) {
        pictures.getChildren().clear();
        neighbours.getChildren().clear();
        if (result == null) {
            return;
        }
        for (int i = 0; i < result.images().size(); i++) {
            ImageView view = new ImageView(image(result.images().get(i)));
            view.setFitWidth(PICTURE);
            view.setFitHeight(PICTURE);
            view.setSmooth(false);
            pictures.getChildren().add(new VBox(2, view, hint(i == 0 ? "mean" : "sample " + i)));
        }
        for (PixelNeighbour n : result.nearest()) {
            ImageView view = new ImageView(new Image(n.image().toUri().toString(), NEIGHBOUR, NEIGHBOUR, true, true, true));
            view.setFitWidth(NEIGHBOUR);
            view.setFitHeight(NEIGHBOUR);
            Label caption = hint(n.caption());
            caption.setMaxWidth(NEIGHBOUR + 24);
            VBox cell = new VBox(2, view, caption, hint(String.format(Locale.ROOT, "MSE %.3f", n.mse())));
            cell.setId("neighbour-" + n.id());
            neighbours.getChildren().add(cell);
        }
    }

    static WritableImage image(GeneratedPicture p) {
        WritableImage image = new WritableImage(p.width(), p.height());
        image.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0,
                p.width());
        return image;
    }

    private static <T> TableColumn<T, String> column(String name, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** The first column (the long text) takes what the narrow value columns leave. */
    private static void compact(TableView<?> table, int rows) {
        var columns = table.getColumns();
        double narrow = 0;
        for (int i = 1; i < columns.size(); i++) {
            String header = columns.get(i).getText();
            columns.get(i).setPrefWidth(header.equals("Label") || header.equals("Predicted") ? 150 : 82);
            narrow += columns.get(i).getPrefWidth();
        }
        columns.getFirst().prefWidthProperty().bind(table.widthProperty().subtract(narrow + 18));
        table.setFixedCellSize(26);
        table.setPrefHeight(26 * (rows + 1) + 6);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    public GenerativeViewModel viewModel() {
        return vm;
    }
}
