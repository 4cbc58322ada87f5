package dev.fusionlab.ui.view;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.model.PipelineSettingsViewModel;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * The left-hand panel: dataset, encoders, classifier, late-fusion combiner, projection (method, its
 * settings, re-project) and seed, scrolling when the window is short, above a Run button that never
 * scrolls away.
 */
public final class PipelinePanel extends VBox {

    private final Button run = new Button("Run", Icons.of(FontAwesome.Glyph.PLAY));
    private Runnable onLaunched = () -> { };

    public PipelinePanel(WorkbenchViewModel vm) {
        PipelineSettingsViewModel s = vm.settings();
        getStyleClass().add("side-panel");
        setId("pipeline-panel");

        Label dataset = new Label();
        dataset.setId("dataset-name");
        dataset.getStyleClass().add("dataset-name");
        dataset.setWrapText(true);
        dataset.textProperty().bind(Bindings.createStringBinding(() -> {
            var d = vm.datasetProperty().get();
            return d == null ? "No dataset yet" : d.name() + " · " + d.samples().size() + " samples · "
                    + d.classes().size() + " classes";
        }, vm.datasetProperty()));
        SplitMenuButton open = new SplitMenuButton();
        open.setText("Open folder…");
        open.setGraphic(Icons.of(FontAwesome.Glyph.FOLDER_OPEN));
        open.setId("open-folder");
        open.setTooltip(new Tooltip("A folder of images with metadata.csv, one folder per class, "
                + "or train / validation / test folders of either"));
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a dataset folder");
            var dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.openDataset(dir.getAbsolutePath());
            }
        });
        MenuItem captions = new MenuItem("Open captions file…");
        captions.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a captions file");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Captions (Flickr8k style: image,caption)", "*.csv", "*.txt"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            var file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                vm.openDataset(file.getAbsolutePath());
            }
        });
        MenuItem embeddings = new MenuItem("Open embeddings…");
        embeddings.setId("open-embeddings");
        embeddings.setOnAction(e -> openEmbeddings(vm));
        MenuItem shards = new MenuItem("Open folder of Parquet shards…");
        shards.setId("open-parquet-shards");
        shards.setOnAction(e -> { // a Spark job's output (docs/spark.md): one table, its metadata in the same rows
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Open a folder of Parquet shards (image_embedding, text_embedding and metadata)");
            var dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.openEmbeddings(List.of(dir.toPath()), null, dev.fusionlab.embeddings.Alignment.ORDER);
            }
        });
        open.getItems().addAll(captions, embeddings, shards);
        Button demo = new Button("Demo", Icons.of(FontAwesome.Glyph.STAR));
        demo.setId("open-demo");
        demo.setTooltip(new Tooltip("The bundled emoji dataset"));
        demo.setOnAction(e -> vm.openDataset(dev.fusionlab.pipeline.RunConfig.DEMO));
        HBox datasetButtons = new HBox(6, open, demo);
        demo.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Demo" is never cut; "Open folder…" may shrink
        open.disableProperty().bind(vm.task().runningProperty());
        demo.disableProperty().bind(vm.task().runningProperty());

        ComboBox<String> imageEncoder = new ComboBox<>(s.imageEncoders());
        imageEncoder.valueProperty().bindBidirectional(s.imageEncoderProperty());
        ComboBox<String> textEncoder = new ComboBox<>(s.textEncoders());
        textEncoder.valueProperty().bindBidirectional(s.textEncoderProperty());

        var classifier = EnumToggles.segmented(List.of(ClassifierKind.values()), s.classifierProperty(),
                k -> k == ClassifierKind.SOFTMAX ? "Softmax" : "MLP", "classifier-");

        ComboBox<LateCombiner> combiner = new ComboBox<>();
        combiner.setId("combiner");
        combiner.getItems().setAll(LateCombiner.values());
        combiner.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LateCombiner c) {
                return c == null ? "" : c.name().charAt(0) + c.name().substring(1).toLowerCase(Locale.ROOT);
            }

            @Override
            public LateCombiner fromString(String text) {
                return LateCombiner.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        combiner.valueProperty().bindBidirectional(s.combinerProperty());
        Slider weight = new Slider(0, 1, s.imageWeightProperty().get());
        weight.setId("image-weight");
        weight.valueProperty().bindBidirectional(s.imageWeightProperty());
        weight.disableProperty().bind(s.combinerProperty().isNotEqualTo(LateCombiner.WEIGHTED));
        Label weightText = new Label();
        weightText.getStyleClass().add("caption");
        weightText.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "image %.2f · text %.2f", s.imageWeightProperty().get(), 1 - s.imageWeightProperty().get()),
                s.imageWeightProperty()));
        Label liveNote = new Label("Changes apply at once, no retraining");
        liveNote.getStyleClass().add("hint");
        Label fallbackNote = new Label();
        fallbackNote.setId("late-fusion-note");
        fallbackNote.getStyleClass().add("hint");
        fallbackNote.setWrapText(true);
        fallbackNote.textProperty().bind(vm.lateFusionNoteProperty());
        fallbackNote.visibleProperty().bind(vm.lateFusionNoteProperty().isNotEmpty());
        fallbackNote.managedProperty().bind(fallbackNote.visibleProperty());

        ComboBox<ProjectionMethod> projection = new ComboBox<>();
        projection.getItems().setAll(ProjectionMethod.values());
        projection.setId("projection-method");
        projection.valueProperty().bindBidirectional(s.projectionProperty());
        VBox projectionSettings = projectionSettings(s);
        Button reproject = new Button("Re-project", Icons.of(FontAwesome.Glyph.REFRESH));
        reproject.setId("reproject");
        reproject.setMaxWidth(Double.MAX_VALUE);
        reproject.setTooltip(new Tooltip("Lay the current run out again with this method and these settings; "
                + "nothing is encoded or trained again (Ctrl+Shift+R)"));
        reproject.disableProperty().bind(vm.task().runningProperty().or(vm.resultProperty().isNull()));
        reproject.setOnAction(e -> launched(vm.reproject()));
        Spinner<Integer> seed = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE,
                (int) s.seedProperty().get()));
        seed.setEditable(true);
        seed.setId("seed");
        seed.valueProperty().addListener((obs, old, now) -> s.seedProperty().set(now));

        run.setId("run");
        run.getStyleClass().add("run-button");
        run.setMaxWidth(Double.MAX_VALUE);
        run.setTooltip(new Tooltip("Encode, train and project (Ctrl+R)"));
        run.disableProperty().bind(vm.task().runningProperty().or(vm.datasetProperty().isNull()));
        run.setOnAction(e -> launched(vm.run()));

        for (var control : List.of(imageEncoder, textEncoder, combiner, projection)) {
            control.setMaxWidth(Double.MAX_VALUE);
        }
        seed.setMaxWidth(Double.MAX_VALUE);
        VBox settings = new VBox(6,
                section("Dataset"), dataset, datasetButtons,
                section("Encoders"), caption("Image"), imageEncoder, caption("Text"), textEncoder,
                section("Classifier"), classifier,
                section("Late fusion"), caption("Combiner"), combiner, caption("Image weight (weighted)"), weight,
                weightText, liveNote, fallbackNote,
                section("Projection"), projection, projectionSettings, reproject, caption("Seed"), seed);
        settings.getStyleClass().add("pipeline-panel");
        ScrollPane scroll = new ScrollPane(settings);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("side-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox runBar = new VBox(run);
        runBar.getStyleClass().add("run-bar");
        getChildren().addAll(scroll, runBar);
    }

    /**
     * What to do once Run or Re-project started a job (the window moves the focus to the projection): the
     * button disables itself, and JavaFX would otherwise hand the focus to the next control, the seed.
     */
    public void setOnLaunched(Runnable action) {
        onLaunched = action;
    }

    private void launched(boolean started) {
        if (started) {
            onLaunched.run();
        }
    }

    /** The settings of the chosen method only: perplexity for t-SNE, neighbours and min-dist for UMAP. */
    private static VBox projectionSettings(PipelineSettingsViewModel s) {
        Spinner<Double> perplexity = new Spinner<>(
                new SpinnerValueFactory.DoubleSpinnerValueFactory(2, 200, s.tsnePerplexityProperty().get(), 5));
        perplexity.setId("tsne-perplexity");
        perplexity.setTooltip(new Tooltip("Effective number of neighbours each point attends to (5-50 is usual)"));
        perplexity.valueProperty().addListener((obs, old, now) -> s.tsnePerplexityProperty().set(now));
        Spinner<Integer> neighbors = new Spinner<>(
                new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 200, s.umapNeighborsProperty().get(), 5));
        neighbors.setId("umap-neighbors");
        neighbors.setTooltip(new Tooltip("Larger keeps more global structure, smaller more local detail"));
        neighbors.valueProperty().addListener((obs, old, now) -> s.umapNeighborsProperty().set(now));
        Spinner<Double> minDist = new Spinner<>(
                new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 0.99, s.umapMinDistProperty().get(), 0.05));
        minDist.setId("umap-min-dist");
        minDist.setTooltip(new Tooltip("Smaller packs each cluster tighter"));
        minDist.valueProperty().addListener((obs, old, now) -> s.umapMinDistProperty().set(now));
        for (Spinner<?> spinner : List.of(perplexity, neighbors, minDist)) {
            spinner.setEditable(true);
            spinner.setMaxWidth(Double.MAX_VALUE);
        }
        VBox tsne = new VBox(4, caption("Perplexity"), perplexity);
        VBox umap = new VBox(4, new HBox(6, labelled("Neighbours", neighbors), labelled("Min distance", minDist)));
        showOnlyFor(tsne, ProjectionMethod.TSNE, s);
        showOnlyFor(umap, ProjectionMethod.UMAP, s);
        return new VBox(4, tsne, umap);
    }

    private static VBox labelled(String text, Spinner<?> spinner) {
        VBox box = new VBox(4, caption(text), spinner);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static void showOnlyFor(VBox box, ProjectionMethod method, PipelineSettingsViewModel s) {
        box.visibleProperty().bind(s.projectionProperty().isEqualTo(method));
        box.managedProperty().bind(box.visibleProperty());
    }

    private static Label section(String text) {
        Label l = new Label(text.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("panel-section");
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }

    /**
     * Embeddings made elsewhere: one or two files (image first, then text), then their metadata (Cancel for
     * none), then how rows match. Nothing is guessed: the user says it once, in three short dialogs.
     */
    private void openEmbeddings(WorkbenchViewModel vm) {
        FileChooser files = new FileChooser();
        files.setTitle("Open one or two embedding files (image, then text)");
        files.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Embeddings (NumPy, TF Projector, CSV, Parquet)",
                        "*.npy", "*.tsv", "*.csv", "*.parquet"),
                new FileChooser.ExtensionFilter("All files", "*"));
        var chosen = files.showOpenMultipleDialog(getScene().getWindow());
        if (chosen == null || chosen.isEmpty()) {
            return;
        }
        if (chosen.size() > 2) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                    "Choose one file (explore and plot) or two (image and text: fusion and retrieval), not "
                            + chosen.size() + ".").showAndWait();
            return;
        }
        FileChooser meta = new FileChooser();
        meta.setTitle("Metadata of the rows (id, label, text, split, …) — Cancel for none");
        meta.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Metadata (TSV, CSV, Parquet)", "*.tsv", "*.csv", "*.parquet"),
                new FileChooser.ExtensionFilter("All files", "*"));
        meta.setInitialDirectory(chosen.getFirst().getParentFile());
        var metadata = meta.showOpenDialog(getScene().getWindow());
        var byOrder = "by row order (row i of every file is one item)";
        var byId = "by id (an id column in every file)";
        var alignment = new javafx.scene.control.ChoiceDialog<>(byOrder, byOrder, byId);
        alignment.setTitle("Open embeddings");
        alignment.setHeaderText("How do the rows of the files match?");
        alignment.showAndWait().ifPresent(how -> vm.openEmbeddings(
                chosen.stream().map(java.io.File::toPath).toList(), metadata == null ? null : metadata.toPath(),
                how.equals(byId) ? dev.fusionlab.embeddings.Alignment.ID : dev.fusionlab.embeddings.Alignment.ORDER));
    }
}
