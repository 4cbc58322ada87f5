package dev.fusionlab.export.chart;

import dev.fusionlab.export.plot.PlotTheme;
import java.util.List;

/**
 * A line chart: one polyline per series over shared x values, with a marker at each point, axis labels
 * and a legend.
 *
 * @param xs x value of each point, ascending; every series has one y per x
 */
public record LineChartSpec(String title, String xLabel, String yLabel, double[] xs, List<ChartSeries> series,
                            double yMin, double yMax, int widthPx, int heightPx, int dpi, PlotTheme theme)
        implements ChartSpec {

    public LineChartSpec {
        xs = xs.clone();
        series = List.copyOf(series);
        if (xs.length == 0) {
            throw new IllegalArgumentException("a line chart needs at least one x value");
        }
        for (ChartSeries s : series) {
            if (s.values().length != xs.length) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().length
                        + " values for " + xs.length + " x values");
            }
        }
        ChartChecks.size(widthPx, heightPx, dpi);
    }

    /** 720 x 440 CSS px, light theme, y fitted to the data. */
    public static LineChartSpec of(String title, String xLabel, String yLabel, double[] xs, List<ChartSeries> series,
                                   int dpi) {
        return new LineChartSpec(title, xLabel, yLabel, xs, series, Double.NaN, Double.NaN, 720, 440, dpi, PlotTheme.LIGHT);
    }

    /** The same chart with a fixed y range (e.g. 0..1 for accuracy). */
    public LineChartSpec withYRange(double min, double max) {
        return new LineChartSpec(title, xLabel, yLabel, xs, series, min, max, widthPx, heightPx, dpi, theme);
    }
}
