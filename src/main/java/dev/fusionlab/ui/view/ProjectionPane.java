package dev.fusionlab.ui.view;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.export.plot.PlotFormat;
import dev.fusionlab.export.plot.PlotTheme;
import dev.fusionlab.export.plot.ScatterPlotSpec;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.ui.model.ColourMode;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.glyphfont.FontAwesome;

/** The projection view with its toolbar: space, method, colouring, strategy, lasso, reset and export. */
public final class ProjectionPane extends BorderPane {

    private final WorkbenchViewModel vm;
    private final ScatterView scatter;

    public ProjectionPane(WorkbenchViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.scatter = new ScatterView(vm.projection(), thumbnails);
        getStyleClass().add("projection-pane");
        scatter.themeProperty().bind(Bindings.when(vm.darkThemeProperty()).then(PlotTheme.DARK).otherwise(PlotTheme.LIGHT));

        SegmentedButton space = EnumToggles.segmented(List.of(Space.values()), vm.projection().spaceProperty(),
                s -> switch (s) {
                    case IMAGE -> "Image";
                    case TEXT -> "Text";
                    case FUSED -> "Fused";
                    case LATENT -> "Latent";
                }, "space-");
        ComboBox<ProjectionMethod> method = new ComboBox<>(vm.projection().availableMethods());
        method.setId("method");
        method.valueProperty().bindBidirectional(vm.projection().methodProperty());
        method.setTooltip(new Tooltip("Projection method"));
        ComboBox<ColourMode> colour = new ComboBox<>();
        colour.getItems().setAll(ColourMode.values());
        colour.setId("colour-mode");
        colour.valueProperty().bindBidirectional(vm.projection().colourModeProperty());
        SegmentedButton strategy = EnumToggles.segmented(List.of(Strategy.values()), vm.activeStrategyProperty(),
                s -> switch (s) {
                    case IMAGE -> "Image";
                    case TEXT -> "Text";
                    case EARLY -> "Early";
                    case LATE -> "Late";
                }, "strategy-");
        strategy.setTooltip(new Tooltip("Strategy whose predictions colour the points"));

        ToggleButton lasso = new ToggleButton(null, Icons.of(FontAwesome.Glyph.CROP));
        lasso.setId("lasso");
        lasso.setTooltip(new Tooltip("Lasso: drag to select a group (or shift-drag at any time)"));
        lasso.selectedProperty().bindBidirectional(scatter.lassoModeProperty());
        Button reset = new Button(null, Icons.of(FontAwesome.Glyph.ARROWS_ALT));
        reset.setTooltip(new Tooltip("Fit all points (0)"));
        reset.setOnAction(e -> scatter.resetView());

        MenuButton export = new MenuButton("Export", Icons.of(FontAwesome.Glyph.DOWNLOAD));
        export.setId("export");
        for (PlotFormat format : PlotFormat.values()) {
            MenuItem item = new MenuItem("Plot as " + format.name() + "…");
            item.setOnAction(e -> chooseAndExport(format));
            export.getItems().add(item);
        }
        MenuItem metrics = new MenuItem("Metrics (CSV or JSON)…");
        metrics.setOnAction(e -> chooseAndExportMetrics());
        export.getItems().addAll(new SeparatorMenuItem(), metrics);
        export.disableProperty().bind(vm.predictionsProperty().isNull());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox layoutRow = new HBox(8, caption("Space"), space, caption("Method"), method, spacer, lasso, reset, export);
        javafx.scene.control.CheckBox testOnly = new javafx.scene.control.CheckBox("Test split only");
        testOnly.setId("test-only");
        testOnly.setTooltip(new Tooltip("Correct / wrong and early vs late: colour only the test samples "
                + "(training samples are almost always right), the rest grey"));
        testOnly.selectedProperty().bindBidirectional(vm.projection().testOnlyProperty());
        testOnly.disableProperty().bind(Bindings.createBooleanBinding(() ->
                colour.getValue() != ColourMode.CORRECTNESS && colour.getValue() != ColourMode.AGREEMENT,
                colour.valueProperty()));
        HBox colourRow = new HBox(8, caption("Colour by"), colour, caption("Strategy"), strategy, testOnly);
        for (HBox row : List.of(layoutRow, colourRow)) {
            row.setAlignment(Pos.CENTER_LEFT);
            row.getChildren().forEach(n -> {
                if (n instanceof Region r && n != spacer) {
                    r.setMinWidth(Region.USE_PREF_SIZE);
                }
            });
        }
        VBox bar = new VBox(6, layoutRow, colourRow);
        bar.getStyleClass().add("pane-toolbar");
        strategy.disableProperty().bind(Bindings.createBooleanBinding(() ->
                        colour.getValue() == ColourMode.LABEL || colour.getValue() == ColourMode.AGREEMENT,
                colour.valueProperty()));
        setTop(bar);
        setCenter(scatter);
        scatter.emptyTextProperty().bind(Bindings.when(vm.task().runningProperty())
                .then(Bindings.concat(vm.task().stageProperty(), "…"))
                .otherwise("Run the pipeline (Ctrl+R) to see the embeddings in 2D"));
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }

    private void chooseAndExport(PlotFormat format) {
        int dpi = 150;
        if (format == PlotFormat.PNG) {
            OptionalInt chosen = SaveDialogs.askDpi(this, 300);
            if (chosen.isEmpty()) {
                return;
            }
            dpi = chosen.getAsInt();
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export projection as " + format.name());
        chooser.setInitialFileName(vm.projection().key().fileStem() + "." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
        var file = SaveDialogs.save(this, chooser);
        if (file != null) {
            export(format, file.toPath(), dpi);
        }
    }

    private void chooseAndExportMetrics() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export metrics");
        chooser.setInitialFileName("metrics.json");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
                new FileChooser.ExtensionFilter("CSV", "*.csv"));
        var file = SaveDialogs.save(this, chooser);
        if (file != null) {
            vm.exportMetrics(file.toPath());
        }
    }


    /**
     * Writes exactly what the view shows (colours, legend, title, current viewport, selection) at the
     * view's size, plus the CSV sidecar; in the background.
     */
    public boolean export(PlotFormat format, Path file, int dpi) {
        ScatterPlotSpec spec = vm.projection().plotSpec(scatter.visibleViewport(),
                Math.max(64, (int) scatter.getWidth()), Math.max(64, (int) scatter.getHeight()), dpi,
                scatter.themeProperty().get(), scatter.pointRadius());
        return vm.exportPlot(spec, format, file, true);
    }

    public ScatterView scatter() {
        return scatter;
    }
}
