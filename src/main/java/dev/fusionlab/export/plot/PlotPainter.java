package dev.fusionlab.export.plot;

import java.io.IOException;
import java.util.List;

/** Paints a {@link ScatterPlotSpec} onto any {@link PlotSurface}: the one place that decides what a plot looks like. */
final class PlotPainter {

    private PlotPainter() {
    }

    /** @return the number of points drawn (those inside the viewport) */
    static int paint(ScatterPlotSpec spec, PlotSurface surface) throws IOException {
        PlotLayout layout = new PlotLayout(spec);
        PlotTheme theme = spec.theme();
        surface.fillRect(0, 0, spec.widthPx(), spec.heightPx(), theme.background());
        if (!spec.title().isEmpty()) {
            surface.text(spec.title(), layout.plotX(), PlotLayout.PAD + PlotLayout.TITLE_SIZE, PlotLayout.TITLE_SIZE,
                    theme.ink(), true, PlotSurface.Anchor.START, false);
        }
        if (!spec.xAxisLabel().isEmpty()) {
            surface.text(spec.xAxisLabel(), layout.plotX() + layout.plotWidth() / 2,
                    layout.plotY() + layout.plotHeight() + PlotLayout.TEXT_SIZE + 4, PlotLayout.TEXT_SIZE,
                    theme.mutedInk(), false, PlotSurface.Anchor.MIDDLE, false);
        }
        if (!spec.yAxisLabel().isEmpty()) {
            surface.text(spec.yAxisLabel(), layout.plotX() - 6, layout.plotY() + layout.plotHeight() / 2,
                    PlotLayout.TEXT_SIZE, theme.mutedInk(), false, PlotSurface.Anchor.MIDDLE, true);
        }
        surface.strokeRect(layout.plotX(), layout.plotY(), layout.plotWidth(), layout.plotHeight(), theme.frame(), 1);
        int drawn = paintPoints(spec, layout, surface);
        paintLegend(spec, layout, surface);
        return drawn;
    }

    private static int paintPoints(ScatterPlotSpec spec, PlotLayout layout, PlotSurface surface) throws IOException {
        int drawn = 0;
        double r = spec.pointRadius();
        surface.beginClip(layout.plotX(), layout.plotY(), layout.plotWidth(), layout.plotHeight());
        surface.beginGroup("points");
        for (int i = 0; i < spec.size(); i++) {
            double sx = layout.screenX(spec.xs()[i]), sy = layout.screenY(spec.ys()[i]);
            if (layout.inPlot(sx, sy)) {
                surface.circle(sx, sy, r, spec.colourOf(i), 0, 0);
                drawn++;
            }
        }
        surface.endGroup();
        surface.beginGroup("highlighted");
        for (int i : spec.highlighted()) {
            double sx = layout.screenX(spec.xs()[i]), sy = layout.screenY(spec.ys()[i]);
            if (layout.inPlot(sx, sy)) {
                surface.circle(sx, sy, Math.max(6, r * 2.2 + 2.5), spec.colourOf(i), spec.theme().highlightOutline(), 2);
            }
        }
        surface.endGroup();
        surface.endClip();
        return drawn;
    }

    private static void paintLegend(ScatterPlotSpec spec, PlotLayout layout, PlotSurface surface) throws IOException {
        List<LegendEntry> entries = spec.legend();
        if (entries.isEmpty()) {
            return;
        }
        int rows = layout.legendRows();
        int shown = entries.size() <= rows ? entries.size() : rows - 1;
        surface.beginGroup("legend");
        double swatchX = layout.legendX() + PlotLayout.LEGEND_SWATCH_RADIUS;
        for (int i = 0; i < shown; i++) {
            double centreY = layout.legendY() + PlotLayout.LEGEND_LINE * (i + 0.5);
            surface.circle(swatchX, centreY, PlotLayout.LEGEND_SWATCH_RADIUS, entries.get(i).argb(), 0, 0);
            surface.text(entries.get(i).label(), swatchX + 2 * PlotLayout.LEGEND_SWATCH_RADIUS + 2,
                    centreY + PlotLayout.TEXT_SIZE * 0.35, PlotLayout.TEXT_SIZE, spec.theme().ink(), false,
                    PlotSurface.Anchor.START, false);
        }
        if (shown < entries.size()) {
            double baseline = layout.legendY() + PlotLayout.LEGEND_LINE * (shown + 0.5) + PlotLayout.TEXT_SIZE * 0.35;
            surface.text("+" + (entries.size() - shown) + " more", layout.legendX(), baseline, PlotLayout.TEXT_SIZE,
                    spec.theme().mutedInk(), false, PlotSurface.Anchor.START, false);
        }
        surface.endGroup();
    }
}
