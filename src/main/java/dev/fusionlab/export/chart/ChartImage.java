package dev.fusionlab.export.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * A chart drawn into memory exactly as its PNG file would be, for front ends that show the chart they
 * export (the workbench's playground and robustness views).
 */
public final class ChartImage {

    private ChartImage() {
    }

    /** The chart as an ARGB image of {@code widthPx * dpi / 96} by {@code heightPx * dpi / 96} pixels. */
    public static BufferedImage render(ChartSpec spec) throws IOException {
        return PngChartWriter.render(spec);
    }
}
