package dev.fusionlab.ui.view;

import dev.fusionlab.caption.CaptionScores;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.encode.Modality;
import dev.fusionlab.ui.model.CaptionsViewModel;
import dev.fusionlab.ui.model.ColourMode;
import dev.fusionlab.ui.model.RobustnessViewModel;
import dev.fusionlab.ui.model.RunCaptions;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * Robustness of the shown run: the modality ablation (every strategy under every condition, no retraining)
 * as a table and accuracy-vs-noise charts, a condition to colour the projection by the samples it flips;
 * and the image captioner of the run with its BLEU/CIDEr-D against the baselines. Only binds to the
 * {@link RobustnessViewModel} and {@link CaptionsViewModel}.
 */
public final class RobustnessPane extends BorderPane {

    private final TableView<RobustnessViewModel.ConditionRow> table;
    private final ChartView imageNoise = new ChartView("Compute the ablation to see accuracy against noise on the image embedding.");
    private final ChartView textNoise = new ChartView("... and on the text embedding.");
    private final Button compute = new Button("Compute ablation", Icons.of(FontAwesome.Glyph.FLASK));
    private final Button caption = new Button("Caption images", Icons.of(FontAwesome.Glyph.COMMENT));

    /** @param showFlips called after the user asks to see a condition's flips in the projection */
    public RobustnessPane(WorkbenchViewModel workbench, Runnable showFlips) {
        RobustnessViewModel vm = workbench.robustness();
        getStyleClass().add("robustness-pane");

        compute.setId("ablation-compute");
        compute.disableProperty().bind(vm.canComputeBinding().not().or(workbench.task().runningProperty()));
        compute.setOnAction(e -> vm.compute());
        ComboBox<String> condition = new ComboBox<>(vm.conditionNames());
        condition.setId("flip-condition");
        condition.setPromptText("condition");
        condition.valueProperty().bindBidirectional(vm.flipConditionProperty());
        condition.disableProperty().bind(vm.reportProperty().isNull());
        Button show = new Button("Show flips in Explore", Icons.of(FontAwesome.Glyph.EYE));
        show.setId("show-flips");
        show.disableProperty().bind(vm.flipConditionProperty().isNull());
        show.setOnAction(e -> {
            workbench.projection().colourModeProperty().set(ColourMode.FLIPS);
            showFlips.run();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ChartExportMenu export = new ChartExportMenu("Export", dpi -> vm.conditionChart(dpi), "ablation", vm::export);
        export.setId("ablation-export");
        MenuItem imageChart = new MenuItem("Noise on image as PNG…");
        imageChart.setOnAction(e -> exportNoise(vm, Modality.IMAGE));
        MenuItem textChart = new MenuItem("Noise on text as PNG…");
        textChart.setOnAction(e -> exportNoise(vm, Modality.TEXT));
        MenuItem json = new MenuItem("Table as ablation.json…");
        json.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("ablation.json");
            var file = SaveDialogs.save(this, chooser);
            if (file != null) {
                vm.exportJson(file.toPath());
            }
        });
        export.getItems().addAll(imageChart, textChart, json);
        export.disableProperty().bind(vm.reportProperty().isNull());
        Label hint = new Label("Colour the projection by the test samples that flip under");
        hint.getStyleClass().add("caption");
        HBox bar = new HBox(8, compute, hint, condition, show, spacer, export);
        bar.getStyleClass().add("pane-toolbar");
        setTop(bar);

        table = new TableView<>(vm.rows());
        table.setId("ablation-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RobustnessViewModel.ConditionRow, String> name = new TableColumn<>("condition");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().condition()));
        name.setPrefWidth(120);
        name.setMinWidth(110);
        table.getColumns().add(name);
        for (Strategy s : Strategy.values()) {
            TableColumn<RobustnessViewModel.ConditionRow, String> col = new TableColumn<>(s == Strategy.LATE ? "late" : s.key());
            col.setCellValueFactory(c -> new SimpleStringProperty(String.format(Locale.ROOT, "%.3f / %.3f",
                    c.getValue().accuracy(s), c.getValue().scores().get(s).macroF1())));
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            table.getColumns().add(col);
        }
        table.setPlaceholder(new Label("Compute the ablation: each strategy is scored on the test split with one "
                + "modality dropped, shuffled or noised, without retraining."));
        Label notes = new Label("drop: late fusion uses the other classifier alone; early fusion gets the dropped "
                + "modality's training mean. shuffle: the modality's test rows permuted (pairing broken). noise: "
                + "Gaussian, sigma in training standard deviations of each dimension.");
        notes.setWrapText(true);
        notes.getStyleClass().add("caption");
        notes.setMinHeight(Region.USE_PREF_SIZE);
        Label heading = new Label("Test accuracy / macro-F1 (no retraining)");
        heading.getStyleClass().add("section-title");
        VBox left = new VBox(6, heading, table, notes, captionsCard(workbench.captions(), workbench));
        VBox.setVgrow(table, Priority.ALWAYS);
        left.getStyleClass().add("robustness-left");

        SplitPane charts = new SplitPane(imageNoise, textNoise);
        charts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        SplitPane split = new SplitPane(left, charts);
        split.setDividerPositions(0.55);
        setCenter(split);
        imageNoise.setId("noise-image-chart");
        textNoise.setId("noise-text-chart");
        vm.reportProperty().addListener((obs, old, now) -> {
            imageNoise.show(vm.noiseChart(Modality.IMAGE, 144));
            textNoise.show(vm.noiseChart(Modality.TEXT, 144));
        });
    }

    private void exportNoise(RobustnessViewModel vm, Modality m) {
        FileChooser chooser = new FileChooser();
        String stem = "ablation-noise-" + m.name().toLowerCase(Locale.ROOT);
        chooser.setInitialFileName(stem + ".png");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG", "*.png"),
                new FileChooser.ExtensionFilter("SVG", "*.svg"));
        var file = SaveDialogs.save(this, chooser);
        if (file != null) {
            boolean svg = file.getName().toLowerCase(Locale.ROOT).endsWith(".svg");
            vm.export(vm.noiseChart(m, 300), svg ? dev.fusionlab.export.chart.ChartFormat.SVG
                    : dev.fusionlab.export.chart.ChartFormat.PNG, file.toPath());
        }
    }

    /** Caption images on request; the captioner's scores against the baselines once done. */
    private VBox captionsCard(CaptionsViewModel captions, WorkbenchViewModel workbench) {
        caption.setId("caption-images");
        caption.disableProperty().bind(captions.canCaptionBinding().not().or(workbench.task().runningProperty()));
        caption.setOnAction(e -> captions.captionImages());
        Label title = new Label("Image captioning");
        title.getStyleClass().add("section-title");
        Label status = new Label();
        status.getStyleClass().add("caption");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            RunCaptions c = captions.captionsProperty().get();
            if (c != null) {
                return "GRU captioner on the image embedding" + (c.fromCache() ? " (from the cache)" : "")
                        + "; generated captions show in the hover card and the sample grid. Test split:";
            }
            return captions.canCaptionBinding().get() ? "Train a captioner on this run's images (cached: the second "
                    + "time is instant) to see generated captions beside the real ones."
                    : "No images in this run (synthetic runs have none).";
        }, captions.captionsProperty(), captions.canCaptionBinding()));
        GridPane scores = new GridPane();
        scores.setId("caption-scores");
        scores.setHgap(12);
        scores.setVgap(2);
        captions.captionsProperty().addListener((obs, old, now) -> fillScores(scores, now));
        HBox head = new HBox(8, title, caption);
        VBox card = new VBox(6, head, status, scores);
        card.getStyleClass().add("caption-card");
        return card;
    }

    private static void fillScores(GridPane grid, RunCaptions c) {
        grid.getChildren().clear();
        if (c == null) {
            return;
        }
        String[] head = {"system", "BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "CIDEr-D"};
        for (int i = 0; i < head.length; i++) {
            Label l = new Label(head[i]);
            l.getStyleClass().add("card-strategy");
            grid.add(l, i, 0);
        }
        int row = 1;
        for (var e : c.scores().entrySet()) {
            CaptionScores s = e.getValue();
            grid.add(new Label(e.getKey().replace('_', ' ')), 0, row);
            double[] v = {s.bleu1(), s.bleu2(), s.bleu3(), s.bleu4(), s.ciderD()};
            for (int i = 0; i < v.length; i++) {
                grid.add(new Label(String.format(Locale.ROOT, "%.3f", v[i])), i + 1, row);
            }
            row++;
        }
    }

    public TableView<RobustnessViewModel.ConditionRow> table() {
        return table;
    }

    public Button computeButton() {
        return compute;
    }

    public Button captionButton() {
        return caption;
    }
}
