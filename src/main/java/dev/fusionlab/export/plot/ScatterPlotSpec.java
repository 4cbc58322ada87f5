package dev.fusionlab.export.plot;

import java.util.List;
import java.util.Objects;

/**
 * Everything needed to draw one 2D scatter plot, independent of the output format. The GUI builds one
 * from what its projection view shows (colours, legend, title, current viewport); the CLI builds one
 * coloured by label. {@link PngPlotWriter}, {@link SvgPlotWriter} and {@link PdfPlotWriter} all lay it
 * out with the same {@link PlotLayout}, so the three files look alike.
 *
 * <p>Arrays are taken as they are, not copied: do not change them while a writer runs.
 *
 * @param title        drawn above the plot; empty for none
 * @param xAxisLabel   e.g. "UMAP 1"; empty for none
 * @param yAxisLabel   e.g. "UMAP 2"; empty for none
 * @param xs           x of each point, data units
 * @param ys           y of each point, data units (up is positive, as in the view)
 * @param category     colour category of each point, an index into {@code colours}; -1 for neutral grey
 * @param colours      packed ARGB colour of each category
 * @param legend       legend lines, in order; empty for no legend
 * @param highlighted  indices of points drawn last, larger and outlined (a selection); may be empty
 * @param viewport     the data rectangle to show; points outside it are left out
 * @param widthPx      width in CSS pixels (1/96 inch)
 * @param heightPx     height in CSS pixels
 * @param dpi          resolution of raster output; a PNG is {@code widthPx * dpi / 96} pixels wide
 * @param pointRadius  point radius in CSS pixels
 * @param theme        background and ink colours
 */
public record ScatterPlotSpec(String title, String xAxisLabel, String yAxisLabel, float[] xs, float[] ys,
                              int[] category, int[] colours, List<LegendEntry> legend, int[] highlighted,
                              Viewport viewport, int widthPx, int heightPx, int dpi, double pointRadius,
                              PlotTheme theme) {

    /** Dots per inch of a CSS pixel: the unit of {@code widthPx} and {@code heightPx}. */
    public static final int CSS_DPI = 96;

    public ScatterPlotSpec {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(colours, "colours");
        Objects.requireNonNull(viewport, "viewport");
        Objects.requireNonNull(theme, "theme");
        if (xs.length != ys.length || xs.length != category.length) {
            throw new IllegalArgumentException("xs, ys and category differ in length: "
                    + xs.length + ", " + ys.length + ", " + category.length);
        }
        for (int c : category) {
            if (c >= colours.length) {
                throw new IllegalArgumentException("category " + c + " has no colour (" + colours.length + " colours)");
            }
        }
        if (widthPx < 64 || heightPx < 64) {
            throw new IllegalArgumentException("plot too small: " + widthPx + " x " + heightPx + " px");
        }
        if (dpi < 24 || dpi > 2400) {
            throw new IllegalArgumentException("dpi out of range [24, 2400]: " + dpi);
        }
        title = title == null ? "" : title;
        xAxisLabel = xAxisLabel == null ? "" : xAxisLabel;
        yAxisLabel = yAxisLabel == null ? "" : yAxisLabel;
        legend = legend == null ? List.of() : List.copyOf(legend);
        highlighted = highlighted == null ? new int[0] : highlighted;
    }

    /**
     * A plot of the whole layout in its fitting viewport, 1000 x 800 px at 150 dpi, light theme: what
     * the CLI writes.
     */
    public static ScatterPlotSpec of(String title, float[] xs, float[] ys, int[] category, int[] colours,
                                     List<LegendEntry> legend) {
        return new ScatterPlotSpec(title, "", "", xs, ys, category, colours, legend, new int[0],
                Viewport.fitting(xs, ys, 0.04), 1000, 800, 150, 3.0, PlotTheme.LIGHT);
    }

    public int size() {
        return xs.length;
    }

    /** Colour of point {@code i}. */
    public int colourOf(int i) {
        return category[i] < 0 ? Palette.NEUTRAL : colours[category[i]];
    }

    public ScatterPlotSpec withSize(int newWidthPx, int newHeightPx, int newDpi) {
        return new ScatterPlotSpec(title, xAxisLabel, yAxisLabel, xs, ys, category, colours, legend, highlighted,
                viewport, newWidthPx, newHeightPx, newDpi, pointRadius, theme);
    }

    public ScatterPlotSpec withAxisLabels(String x, String y) {
        return new ScatterPlotSpec(title, x, y, xs, ys, category, colours, legend, highlighted,
                viewport, widthPx, heightPx, dpi, pointRadius, theme);
    }
}
