package dev.fusionlab.ui.view;

import dev.fusionlab.export.chart.ChartFormat;
import dev.fusionlab.export.chart.ChartSpec;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import org.controlsfx.glyphfont.FontAwesome;

/** "Export" for a chart: PNG at a chosen dpi or SVG, written by {@code export.chart} as the view draws it. */
final class ChartExportMenu extends MenuButton {

    /** Writes a chart in the background (a view model's export). */
    @FunctionalInterface
    interface Exporter {
        boolean export(ChartSpec spec, ChartFormat format, Path file);
    }

    /**
     * @param chartAt the chart at a dpi; null while there is none (the items then do nothing)
     * @param stem    file name without extension, e.g. {@code sweep}
     */
    ChartExportMenu(String text, IntFunction<ChartSpec> chartAt, String stem, Exporter exporter) {
        super(text, Icons.of(FontAwesome.Glyph.DOWNLOAD));
        for (ChartFormat format : ChartFormat.values()) {
            MenuItem item = new MenuItem("Chart as " + format.name() + "\u2026");
            item.setOnAction(e -> choose(format, chartAt, stem, exporter));
            getItems().add(item);
        }
    }

    private void choose(ChartFormat format, IntFunction<ChartSpec> chartAt, String stem, Exporter exporter) {
        int dpi = 150;
        if (format == ChartFormat.PNG) {
            OptionalInt chosen = SaveDialogs.askDpi(this, 150);
            if (chosen.isEmpty()) {
                return;
            }
            dpi = chosen.getAsInt();
        }
        ChartSpec spec = chartAt.apply(dpi);
        if (spec == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export chart as " + format.name());
        chooser.setInitialFileName(stem + "." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
        var file = SaveDialogs.save(this, chooser);
        if (file != null) {
            exporter.export(spec, format, file.toPath());
        }
    }
}
