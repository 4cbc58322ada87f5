package dev.fusionlab.export.plot;

/**
 * Where title, plot area and legend go, and how data coordinates map to CSS pixels. The mapping is
 * isotropic (one data unit is as long on x as on y), because distances are what a projection shows;
 * the viewport is centred in the plot area and fully visible.
 */
public final class PlotLayout {

    static final double PAD = 16;
    static final double TITLE_SIZE = 18;
    static final double TEXT_SIZE = 12;
    static final double LEGEND_LINE = 20;
    static final double LEGEND_SWATCH_RADIUS = 5;
    private static final double AXIS_LABEL_SPACE = 20;
    private static final double MAX_LEGEND_WIDTH = 260;

    private final double plotX, plotY, plotW, plotH;
    private final double legendX, legendY;
    private final double scale, offsetX, offsetY;
    private final int legendRows;

    public PlotLayout(ScatterPlotSpec spec) {
        double titleH = spec.title().isEmpty() ? 0 : TITLE_SIZE + 14;
        double xLabelH = spec.xAxisLabel().isEmpty() ? 0 : AXIS_LABEL_SPACE;
        double yLabelW = spec.yAxisLabel().isEmpty() ? 0 : AXIS_LABEL_SPACE;
        double legendW = legendWidth(spec);
        plotX = PAD + yLabelW;
        plotY = PAD + titleH;
        plotW = Math.max(16, spec.widthPx() - plotX - PAD - legendW);
        plotH = Math.max(16, spec.heightPx() - plotY - PAD - xLabelH);
        legendX = plotX + plotW + (legendW > 0 ? PAD : 0);
        legendY = plotY;
        legendRows = Math.max(1, (int) (plotH / LEGEND_LINE));

        Viewport vp = spec.viewport();
        scale = Math.min(plotW / vp.width(), plotH / vp.height());
        double centreX = (vp.minX() + vp.maxX()) / 2, centreY = (vp.minY() + vp.maxY()) / 2;
        offsetX = plotX + plotW / 2 - centreX * scale;
        offsetY = plotY + plotH / 2 + centreY * scale;
    }

    private static double legendWidth(ScatterPlotSpec spec) {
        if (spec.legend().isEmpty()) {
            return 0;
        }
        int longest = 0;
        for (LegendEntry e : spec.legend()) {
            longest = Math.max(longest, e.label().length());
        }
        return Math.min(MAX_LEGEND_WIDTH, longest * TEXT_SIZE * 0.58 + 4 * LEGEND_SWATCH_RADIUS + 8);
    }

    public double screenX(double dataX) {
        return offsetX + dataX * scale;
    }

    public double screenY(double dataY) {
        return offsetY - dataY * scale;
    }

    public double plotX() {
        return plotX;
    }

    public double plotY() {
        return plotY;
    }

    public double plotWidth() {
        return plotW;
    }

    public double plotHeight() {
        return plotH;
    }

    public double legendX() {
        return legendX;
    }

    public double legendY() {
        return legendY;
    }

    /** How many legend lines fit beside the plot. */
    public int legendRows() {
        return legendRows;
    }

    /** Whether a screen position lies inside the plot area (a point there is drawn). */
    public boolean inPlot(double sx, double sy) {
        return sx >= plotX && sx <= plotX + plotW && sy >= plotY && sy <= plotY + plotH;
    }
}
