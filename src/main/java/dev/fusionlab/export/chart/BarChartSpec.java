package dev.fusionlab.export.chart;

import dev.fusionlab.export.plot.PlotTheme;
import java.util.List;

/**
 * A grouped bar chart: one group per category along x, one bar per series in each group, a legend.
 *
 * @param categories group names along x; every series has one value per category
 */
public record BarChartSpec(String title, String xLabel, String yLabel, List<String> categories, List<ChartSeries> series,
                           double yMin, double yMax, int widthPx, int heightPx, int dpi, PlotTheme theme)
        implements ChartSpec {

    public BarChartSpec {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one category");
        }
        for (ChartSeries s : series) {
            if (s.values().length != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().length
                        + " values for " + categories.size() + " categories");
            }
        }
        ChartChecks.size(widthPx, heightPx, dpi);
    }

    /** 60 CSS px per category (at least 720 wide) x 460, light theme, y from 0 to fit. */
    public static BarChartSpec of(String title, String xLabel, String yLabel, List<String> categories,
                                  List<ChartSeries> series, int dpi) {
        return new BarChartSpec(title, xLabel, yLabel, categories, series, 0, Double.NaN,
                Math.max(720, 160 + 60 * categories.size()), 460, dpi, PlotTheme.LIGHT);
    }

    public BarChartSpec withYRange(double min, double max) {
        return new BarChartSpec(title, xLabel, yLabel, categories, series, min, max, widthPx, heightPx, dpi, theme);
    }
}
