package dev.fusionlab.ui.view;

import dev.fusionlab.export.chart.ChartImage;
import dev.fusionlab.export.chart.ChartSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * Shows a chart drawn by the same code as its PNG/SVG export ({@code export.chart}), scaled to the space
 * it has: what is exported is what is shown. A placeholder says what to do while there is no chart.
 */
public final class ChartView extends StackPane {

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

    /**
     * Draws {@code chart} off the FX thread (Java2D and its fonts, tens of milliseconds when cold) and shows it
     * when done; null shows the placeholder. Call on the FX thread.
     */
    void show(ChartSpec chart) {
        spec = chart;
        placeholder.setVisible(chart == null);
        if (chart == null) {
            image.setImage(null);
            return;
        }
        DRAWER.execute(() -> {
            try {
                BufferedImage drawn = ChartImage.render(chart);
                int w = drawn.getWidth(), h = drawn.getHeight();
                int[] argb = drawn.getRGB(0, 0, w, h, null, 0, w);
                Platform.runLater(() -> {
                    if (spec != chart) {
                        return; // a newer chart was asked for meanwhile
                    }
                    WritableImage fx = new WritableImage(w, h);
                    fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
                    image.setImage(fx);
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    image.setImage(null);
                    placeholder.setText("Cannot draw the chart: " + e.getMessage());
                    placeholder.setVisible(true);
                });
            }
        });
    }

    /** Whether a chart is drawn and shown. */
    public boolean isDrawn() {
        return image.getImage() != null;
    }

    private static final java.util.concurrent.Executor DRAWER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fusionlab-chart");
        t.setDaemon(true);
        return t;
    });

    /** The chart shown, or null. */
    ChartSpec spec() {
        return spec;
    }
}
