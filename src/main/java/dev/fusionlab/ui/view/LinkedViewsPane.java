package dev.fusionlab.ui.view;

import dev.fusionlab.export.plot.PlotFormat;
import dev.fusionlab.export.plot.PlotTheme;
import dev.fusionlab.export.plot.ScatterPlotSpec;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.ui.model.ColourMode;
import dev.fusionlab.ui.model.ProjectionViewModel;
import dev.fusionlab.ui.model.WorkbenchViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * Image, text and fused projections side by side with one selection (hover, click or lasso in any of
 * them lights the same samples up in all), above the selected sample's neighbours in every space.
 */
public final class LinkedViewsPane extends BorderPane {

    public static final String STYLESHEET = Objects.requireNonNull(
            LinkedViewsPane.class.getResource("/dev/fusionlab/ui/insight.css")).toExternalForm();

    private final WorkbenchViewModel vm;
    private final Map<Space, ScatterView> scatters = new EnumMap<>(Space.class);
    private final NeighboursPane neighbours;
    private final LegendStrip legend = new LegendStrip();

    public LinkedViewsPane(WorkbenchViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        getStyleClass().add("linked-views");
        getStylesheets().add(STYLESHEET);
        HBox row = new HBox(6);
        for (Space s : Space.OF_A_RUN) {
            ProjectionViewModel pane = vm.linked().pane(s);
            ScatterView scatter = new ScatterView(pane, thumbnails);
            scatter.setId("linked-" + s.key());
            scatter.setPrefSize(400, 360);
            scatter.themeProperty().bind(Bindings.when(vm.darkThemeProperty()).then(PlotTheme.DARK).otherwise(PlotTheme.LIGHT));
            scatter.emptyTextProperty().set("Run the pipeline to see this space");
            scatter.legendShownProperty().set(false); // one legend for the three, above them: none covers points
            pane.colouringProperty().addListener((obs, old, now) -> showLegend());
            pane.layoutProperty().addListener((obs, old, now) -> showLegend());
            scatters.put(s, scatter);
            Label title = new Label(spaceTitle(s));
            title.getStyleClass().add("linked-title");
            Label faith = new Label();
            faith.getStyleClass().add("caption");
            faith.textProperty().bind(Bindings.createStringBinding(() -> faithText(pane),
                    pane.colouringProperty(), pane.layoutProperty()));
            HBox head = new HBox(8, title, faith);
            head.setAlignment(Pos.BASELINE_LEFT);
            VBox column = new VBox(4, head, scatter);
            VBox.setVgrow(scatter, Priority.ALWAYS);
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setMinWidth(0);
            column.setPrefWidth(10);
            row.getChildren().add(column);
        }
        row.getStyleClass().add("linked-row");

        ComboBox<ColourMode> colour = new ComboBox<>();
        colour.getItems().setAll(ColourMode.values());
        colour.setId("linked-colour-mode");
        colour.valueProperty().bindBidirectional(vm.projection().colourModeProperty());
        Label hint = new Label("Hover, click or shift-drag in any view: the same samples light up in all three.");
        hint.getStyleClass().add("hint");
        hint.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        MenuButton export = new MenuButton("Export", Icons.of(FontAwesome.Glyph.DOWNLOAD));
        export.setId("linked-export");
        export.setTooltip(new Tooltip("The three plots, each with its CSV sidecar, into a folder"));
        for (PlotFormat format : PlotFormat.values()) {
            MenuItem item = new MenuItem("Plots as " + format.name() + "…");
            item.setOnAction(e -> chooseAndExport(format));
            export.getItems().add(item);
        }
        export.disableProperty().bind(vm.predictionsProperty().isNull());
        Label colourCaption = new Label("Colour by");
        colourCaption.getStyleClass().add("caption");
        colourCaption.setMinWidth(Region.USE_PREF_SIZE);
        colour.setMinWidth(Region.USE_PREF_SIZE);
        export.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, colourCaption, colour, hint, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pane-toolbar");

        legend.setId("linked-legend");
        legend.getStyleClass().add("linked-legend");
        showLegend();
        VBox plots = new VBox(0, legend, row);
        VBox.setVgrow(row, Priority.ALWAYS);
        plots.setMinHeight(0);
        neighbours = new NeighboursPane(vm, thumbnails);
        SplitPane split = new SplitPane(plots, neighbours);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        setTop(bar);
        setCenter(split);
    }

    /** The three panes share their colours: one legend, outside the plots. */
    private void showLegend() {
        legend.show(Space.OF_A_RUN.stream().map(s -> vm.linked().pane(s))
                .filter(p -> p.layoutProperty().get() != null) // a space without this layout shows no colours
                .map(p -> p.colouringProperty().get()).toList());
    }

    static String spaceTitle(Space s) {
        return switch (s) {
            case IMAGE -> "Image space";
            case TEXT -> "Text space";
            case FUSED -> "Fused (concatenation)";
            case LATENT -> "MVAE joint latent";
        };
    }

    private String faithText(ProjectionViewModel pane) {
        if (pane.layoutProperty().get() == null) {
            return "";
        }
        double mean = vm.faithfulness().mean(pane.key());
        return Double.isNaN(mean) ? "" : String.format(java.util.Locale.ROOT, "%.0f %% of neighbours kept", 100 * mean);
    }

    private void chooseAndExport(PlotFormat format) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the three plots as " + format.name());
        var dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            export(format, dir.toPath(), 150);
        }
    }

    /**
     * Writes each pane exactly as shown, named after its layout ({@code image-umap.png}, ...), each with
     * its CSV sidecar. One job after the other on the background worker.
     *
     * @return the files it will write, or an empty list when there is nothing to export
     */
    public List<Path> export(PlotFormat format, Path dir, int dpi) {
        List<ScatterPlotSpec> specs = new ArrayList<>();
        List<dev.fusionlab.export.plot.PointTable> tables = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Space s : Space.OF_A_RUN) {
            ProjectionViewModel pane = vm.linked().pane(s);
            ScatterView scatter = scatters.get(s);
            if (pane.layoutProperty().get() == null || pane.colouringProperty().get() == null) {
                continue;
            }
            specs.add(pane.plotSpec(scatter.visibleViewport(), Math.max(64, (int) scatter.getWidth()),
                    Math.max(64, (int) scatter.getHeight()), dpi, scatter.themeProperty().get(), scatter.pointRadius()));
            tables.add(pane.pointTable());
            files.add(dir.resolve(pane.key().fileStem() + "." + format.extension()));
        }
        exportNext(specs, tables, files, format, 0);
        return files;
    }

    private void exportNext(List<ScatterPlotSpec> specs, List<dev.fusionlab.export.plot.PointTable> tables, List<Path> files,
                            PlotFormat format, int i) {
        if (i >= specs.size()) {
            return;
        }
        if (vm.exportPlot(specs.get(i), format, files.get(i), tables.get(i))) {
            vm.task().runningProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean running) {
                    if (!running) {
                        obs.removeListener(this);
                        exportNext(specs, tables, files, format, i + 1);
                    }
                }
            });
        }
    }

    public ScatterView scatter(Space s) {
        return scatters.get(s);
    }

    public NeighboursPane neighbours() {
        return neighbours;
    }
}
