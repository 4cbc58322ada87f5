package dev.fusionlab.export.chart;

/**
 * One named series of a chart: a line of a {@link LineChartSpec} or one bar per category of a
 * {@link BarChartSpec}.
 *
 * @param name   legend label
 * @param values y value per x value (line) or per category (bar); NaN leaves a gap
 * @param colour packed ARGB, e.g. from {@link dev.fusionlab.export.plot.Palette}
 */
public record ChartSeries(String name, double[] values, int colour) {

    public ChartSeries {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a series needs a name");
        }
        values = values.clone();
    }
}
