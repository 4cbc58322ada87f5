package dev.fusionlab.export.chart;

import dev.fusionlab.export.plot.PlotTheme;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out and draws a {@link ChartSpec} on a {@link ChartCanvas}: title, frame, grid and ticks, axis labels,
 * the series (polylines with markers, or grouped bars) and a legend on the right. Text widths are estimated
 * from the character count (0.6 em), the same for every format, so PNG and SVG share one layout.
 */
final class ChartPainter {

    private static final double TITLE_SIZE = 15;
    private static final double LABEL_SIZE = 12;
    private static final double TICK_SIZE = 11;
    private static final double TOP = 44;
    private static final double LEFT = 66;

    private ChartPainter() {
    }

    static void paint(ChartSpec spec, ChartCanvas g) throws IOException {
        PlotTheme theme = spec.theme();
        g.fillRect(0, 0, spec.widthPx(), spec.heightPx(), theme.background());
        g.text(spec.title(), spec.widthPx() / 2.0, 26, TITLE_SIZE, theme.ink(), true, ChartCanvas.TextAnchor.MIDDLE, 0);

        double legendWidth = spec.series().isEmpty() ? 12
                : 44 + spec.series().stream().mapToInt(s -> s.name().length()).max().orElse(0) * 0.6 * LABEL_SIZE;
        double bottom = switch (spec) {
            case LineChartSpec line -> 56;
            case BarChartSpec bars -> 44 + bars.categories().stream().mapToInt(String::length).max().orElse(0)
                    * 0.6 * TICK_SIZE * Math.sin(Math.toRadians(40));
        };
        double x0 = LEFT;
        double y0 = TOP;
        double w = Math.max(40, spec.widthPx() - LEFT - legendWidth - 12);
        double h = Math.max(40, spec.heightPx() - TOP - bottom);

        double[] yRange = yRange(spec);
        Axis y = new Axis(yRange[0], yRange[1], y0 + h, y0);
        g.beginGroup("grid");
        for (double t : niceTicks(yRange[0], yRange[1])) {
            double py = y.map(t);
            g.line(x0, py, x0 + w, py, theme.frame(), 0.8);
            g.text(format(t, tickStep(yRange[0], yRange[1])), x0 - 6, py + 4, TICK_SIZE, theme.mutedInk(), false,
                    ChartCanvas.TextAnchor.END, 0);
        }
        g.endGroup();
        g.text(spec.yLabel(), 18, y0 + h / 2, LABEL_SIZE, theme.ink(), false, ChartCanvas.TextAnchor.MIDDLE, 90);
        g.text(spec.xLabel(), x0 + w / 2, spec.heightPx() - 12, LABEL_SIZE, theme.ink(), false, ChartCanvas.TextAnchor.MIDDLE, 0);

        switch (spec) {
            case LineChartSpec line -> paintLines(line, g, x0, w, y, y0 + h);
            case BarChartSpec bars -> paintBars(bars, g, x0, w, y, y0 + h);
        }
        g.line(x0, y0 + h, x0 + w, y0 + h, theme.mutedInk(), 1);
        g.line(x0, y0, x0, y0 + h, theme.mutedInk(), 1);
        paintLegend(spec, g, x0 + w + 16, y0 + 4);
    }

    private static void paintLines(LineChartSpec spec, ChartCanvas g, double x0, double w, Axis y, double axisY)
            throws IOException {
        double[] xs = spec.xs();
        double min = xs[0];
        double max = xs[0];
        for (double v : xs) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max == min) {
            min -= 0.5;
            max += 0.5;
        }
        double pad = (max - min) * 0.03;
        Axis x = new Axis(min - pad, max + pad, x0, x0 + w);
        double[] ticks = xs.length <= 11 ? xs : niceTicks(min, max);
        double step = xs.length <= 11 ? smallestGap(xs) : tickStep(min, max);
        for (double t : ticks) {
            double px = x.map(t);
            g.line(px, axisY, px, axisY + 4, spec.theme().mutedInk(), 1);
            g.text(format(t, step), px, axisY + 17, TICK_SIZE, spec.theme().mutedInk(), false, ChartCanvas.TextAnchor.MIDDLE, 0);
        }
        g.beginGroup("series");
        for (ChartSeries s : spec.series()) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(s.values()[i])) {
                    points.add(new double[] {x.map(xs[i]), y.map(s.values()[i])});
                }
            }
            g.polyline(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray(),
                    s.colour(), 2);
        }
        g.endGroup();
        g.beginGroup("markers");
        for (ChartSeries s : spec.series()) {
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(s.values()[i])) {
                    g.circle(x.map(xs[i]), y.map(s.values()[i]), 3.2, s.colour());
                }
            }
        }
        g.endGroup();
    }

    private static void paintBars(BarChartSpec spec, ChartCanvas g, double x0, double w, Axis y, double axisY)
            throws IOException {
        int groups = spec.categories().size();
        int n = Math.max(1, spec.series().size());
        double groupWidth = w / groups;
        double barWidth = groupWidth * 0.8 / n;
        double base = y.map(Math.max(y.from, Math.min(y.to, 0)));
        g.beginGroup("bars");
        for (int c = 0; c < groups; c++) {
            double left = x0 + c * groupWidth + groupWidth * 0.1;
            for (int s = 0; s < spec.series().size(); s++) {
                double v = spec.series().get(s).values()[c];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double top = y.map(Math.max(y.from, Math.min(y.to, v)));
                g.fillRect(left + s * barWidth, Math.min(top, base), Math.max(0.5, barWidth - 1), Math.abs(base - top),
                        spec.series().get(s).colour());
            }
        }
        g.endGroup();
        for (int c = 0; c < groups; c++) {
            double centre = x0 + (c + 0.5) * groupWidth;
            g.text(spec.categories().get(c), centre + 4, axisY + 14, TICK_SIZE, spec.theme().mutedInk(), false,
                    ChartCanvas.TextAnchor.END, 40);
        }
    }

    private static void paintLegend(ChartSpec spec, ChartCanvas g, double x, double y) throws IOException {
        g.beginGroup("legend");
        for (int i = 0; i < spec.series().size(); i++) {
            ChartSeries s = spec.series().get(i);
            double cy = y + 10 + i * 20;
            if (spec instanceof LineChartSpec) {
                g.line(x, cy, x + 22, cy, s.colour(), 2);
                g.circle(x + 11, cy, 3.2, s.colour());
            } else {
                g.fillRect(x + 4, cy - 6, 14, 12, s.colour());
            }
            g.text(s.name(), x + 28, cy + 4, LABEL_SIZE, spec.theme().ink(), false, ChartCanvas.TextAnchor.START, 0);
        }
        g.endGroup();
    }

    private static double[] yRange(ChartSpec spec) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : spec.series()) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double min = Double.isNaN(spec.yMin()) ? lo : spec.yMin();
        double max = Double.isNaN(spec.yMax()) ? hi : spec.yMax();
        if (max <= min) {
            max = min + 1;
        }
        if (Double.isNaN(spec.yMax()) || Double.isNaN(spec.yMin())) { // round the fitted end(s) out to a tick
            double step = tickStep(min, max);
            min = Double.isNaN(spec.yMin()) ? Math.floor(min / step) * step : min;
            max = Double.isNaN(spec.yMax()) ? Math.ceil(max / step) * step : max;
        }
        return new double[] {min, max};
    }

    /** A 1, 2, 2.5 or 5 times a power of ten giving about five intervals. */
    static double tickStep(double min, double max) {
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static double[] niceTicks(double min, double max) {
        double step = tickStep(min, max);
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double smallestGap(double[] xs) {
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < xs.length; i++) {
            double d = Math.abs(xs[i] - xs[i - 1]);
            if (d > 0) {
                gap = Math.min(gap, d);
            }
        }
        return Double.isInfinite(gap) ? 1 : gap;
    }

    /** {@code v} with as many decimals as {@code step} needs. */
    static String format(double v, double step) {
        int decimals = 0;
        while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
                > 1e-6 * Math.max(1, step * Math.pow(10, decimals))) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A linear map from data values to pixels. */
    private record Axis(double from, double to, double pxFrom, double pxTo) {
        double map(double v) {
            return pxFrom + (v - from) / (to - from) * (pxTo - pxFrom);
        }
    }
}
