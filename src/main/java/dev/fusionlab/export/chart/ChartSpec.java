package dev.fusionlab.export.chart;

import dev.fusionlab.export.plot.PlotTheme;
import java.util.List;

/**
 * What a chart shows, independent of the file format: {@link ChartFormat} writes it as PNG or SVG with the
 * same layout ({@link ChartPainter}).
 */
public sealed interface ChartSpec permits LineChartSpec, BarChartSpec {

    /** Width and height in CSS pixels (1/96 inch); a PNG has {@code px * dpi / 96} pixels. */
    int CSS_DPI = 96;

    String title();

    String xLabel();

    String yLabel();

    List<ChartSeries> series();

    /** Lower and upper end of the y axis; NaN for "fit the data". */
    double yMin();

    double yMax();

    int widthPx();

    int heightPx();

    int dpi();

    PlotTheme theme();
}
