package dev.fusionlab.ui.view;

import dev.fusionlab.export.chart.ChartImage;
import dev.fusionlab.export.chart.ChartSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * Shows a chart drawn by the same code as its PNG/SVG export ({@code export.chart}), scaled to the space
 * it has: what is exported is what is shown. A placeholder says what to do while there is no chart.
 */
final class ChartView extends StackPane {

    private final ImageView image = new ImageView();
    private final Label placeholder;
    private ChartSpec spec;

    ChartView(String emptyText) {
        getStyleClass().add("chart-view");
        placeholder = new Label(emptyText);
        placeholder.getStyleClass().add("empty-hint");
        placeholder.setWrapText(true);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.fitWidthProperty().bind(widthProperty().subtract(8));
        image.fitHeightProperty().bind(heightProperty().subtract(8));
        setMinSize(120, 80);
        getChildren().addAll(image, placeholder);
    }

    /** Draws {@code chart} (small charts take milliseconds); null shows the placeholder. */
    void show(ChartSpec chart) {
        spec = chart;
        placeholder.setVisible(chart == null);
        if (chart == null) {
            image.setImage(null);
            return;
        }
        try {
            BufferedImage drawn = ChartImage.render(chart);
            int w = drawn.getWidth(), h = drawn.getHeight();
            int[] argb = drawn.getRGB(0, 0, w, h, null, 0, w);
            WritableImage fx = new WritableImage(w, h);
            fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            image.setImage(fx);
        } catch (IOException e) {
            image.setImage(null);
            placeholder.setText("Cannot draw the chart: " + e.getMessage());
            placeholder.setVisible(true);
        }
    }

    /** The chart shown, or null. */
    ChartSpec spec() {
        return spec;
    }
}
