package dev.fusionlab.embeddings;

import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.export.plot.Palette;
import dev.fusionlab.export.plot.PlotTheme;
import dev.fusionlab.export.plot.ScatterPlotSpec;
import dev.fusionlab.export.plot.Viewport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A paper figure of one 2D layout, coloured by one metadata column: sized for a journal column (3.5 in
 * wide by default, so the 12 px legend text prints at 9 pt), colour-blind-safe colours, a legend, and
 * points small enough that a million of them still show density.
 *
 * <p>Colours: up to {@value #SAFE_CATEGORIES} categories take the Okabe-Ito colours of {@link Palette}
 * (safe for the common colour-vision deficiencies); more categories keep the largest ones and pool the
 * rest as "other" (grey), unless the caller allows more, which then take the palette's further, not
 * deficiency-safe, hues. A numeric column with more distinct values than that is binned at its quantiles
 * and coloured along viridis (perceptually uniform, safe, readable in grey-scale).
 */
public final class PublicationFigure {

    /** Okabe-Ito has eight colours. */
    public static final int SAFE_CATEGORIES = 8;
    /** A column width in most journals (Nature, IEEE, ACM: 3.3-3.5 in). */
    public static final double COLUMN_WIDTH_IN = 3.5;
    private static final int NUMERIC_BINS = 6;
    private static final int LEGEND_CHARS = 16;
    private static final int[] VIRIDIS = {0xFF440154, 0xFF3B528B, 0xFF21918C, 0xFF5EC962, 0xFFFDE725};

    private PublicationFigure() {
    }

    /**
     * @param spec  the plot; its point {@code k} is input row {@code order[k]}
     * @param order grey points (no value, "other") first, so that coloured points are drawn over them
     * @param note  what was pooled or binned, empty when nothing was
     */
    public record Figure(ScatterPlotSpec spec, int[] order, String note) {

        /** {@code values} in plot order, e.g. ids for the CSV of the plotted points. */
        public <T> List<T> inPlotOrder(List<T> values) {
            return Arrays.stream(order).mapToObj(values::get).toList();
        }
    }

    /**
     * @param layout        n x 2
     * @param values        the colouring column, one value per point (null: no value, grey)
     * @param maxCategories categories shown before the rest are pooled as "other"
     */
    public static Figure of(double[][] layout, List<String> values, String title, String axisPrefix, double widthIn,
                            double heightIn, int dpi, int maxCategories) {
        int n = layout.length;
        Colouring c = numeric(values, maxCategories) ? binned(values) : categorical(values, maxCategories);
        int[] order = new int[n];
        int next = 0;
        for (int pass = 0; pass < 2; pass++) { // grey points first, then the coloured ones, each in row order
            for (int i = 0; i < n; i++) {
                int cat = c.category()[i];
                boolean grey = cat < 0 || c.colours()[cat] == Palette.NEUTRAL;
                if (grey == (pass == 0)) {
                    order[next++] = i;
                }
            }
        }
        float[] xs = new float[n];
        float[] ys = new float[n];
        int[] category = new int[n];
        for (int k = 0; k < n; k++) {
            xs[k] = (float) layout[order[k]][0];
            ys[k] = (float) layout[order[k]][1];
            category[k] = c.category()[order[k]];
        }
        double radius = Math.max(0.35, Math.min(2.2, 2.2 * Math.sqrt(2_000.0 / Math.max(1, n))));
        ScatterPlotSpec spec = new ScatterPlotSpec(title, axisPrefix + " 1", axisPrefix + " 2", xs, ys, category,
                c.colours(), c.legend(), new int[0], Viewport.fitting(xs, ys, 0.04), (int) Math.round(widthIn * 96),
                (int) Math.round(heightIn * 96), dpi, radius, PlotTheme.LIGHT);
        return new Figure(spec, order, c.note());
    }

    private record Colouring(int[] category, int[] colours, List<LegendEntry> legend, String note) {
    }

    private static boolean numeric(List<String> values, int maxCategories) {
        long distinct = values.stream().filter(v -> v != null).distinct().limit(maxCategories + 1L).count();
        if (distinct <= maxCategories) {
            return false;
        }
        for (String v : values) {
            if (v != null && parse(v) == null) {
                return false;
            }
        }
        return true;
    }

    private static Colouring categorical(List<String> values, int maxCategories) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) {
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<String> byCount = counts.keySet().stream()
                .sorted(Comparator.comparing((String k) -> -counts.get(k)).thenComparing(k -> k)).toList();
        boolean pooled = byCount.size() > maxCategories;
        List<String> shown = (pooled ? byCount.subList(0, maxCategories - 1) : byCount).stream().sorted().toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        shown.forEach(v -> index.put(v, index.size()));
        int[] colours = new int[shown.size() + 1];
        List<LegendEntry> legend = new ArrayList<>();
        for (int k = 0; k < shown.size(); k++) {
            colours[k] = Palette.colour(k);
            legend.add(new LegendEntry(shorten(shown.get(k)), colours[k]));
        }
        int other = shown.size();
        colours[other] = Palette.NEUTRAL;
        int[] category = new int[values.size()];
        boolean missing = false;
        for (int i = 0; i < category.length; i++) {
            String v = values.get(i);
            missing |= v == null;
            category[i] = v == null ? -1 : index.getOrDefault(v, other);
        }
        String note = "";
        if (pooled) {
            legend.add(new LegendEntry("other (" + (byCount.size() - shown.size()) + ")", Palette.NEUTRAL));
            note = byCount.size() + " categories: the " + shown.size() + " largest shown, the rest pooled as 'other'";
        }
        if (missing) {
            legend.add(new LegendEntry("(none)", Palette.NEUTRAL));
        }
        if (shown.size() > SAFE_CATEGORIES) {
            note = (note.isEmpty() ? "" : note + "; ") + "more than " + SAFE_CATEGORIES
                    + " colours: the ones past the eighth are not colour-blind safe";
        }
        return new Colouring(category, colours, legend, note);
    }

    /** Quantile bins of a numeric column, coloured along viridis. */
    private static Colouring binned(List<String> values) {
        double[] sorted = values.stream().filter(v -> v != null).mapToDouble(v -> parse(v)).sorted().toArray();
        double[] edges = new double[NUMERIC_BINS + 1];
        for (int b = 0; b <= NUMERIC_BINS; b++) {
            edges[b] = sorted[(int) Math.min(sorted.length - 1, (long) b * sorted.length / NUMERIC_BINS)];
        }
        edges[NUMERIC_BINS] = sorted[sorted.length - 1];
        double[] distinct = Arrays.stream(edges).distinct().toArray();
        int bins = Math.max(1, distinct.length - 1);
        int[] colours = new int[bins];
        List<LegendEntry> legend = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            colours[b] = viridis(bins == 1 ? 0.5 : (double) b / (bins - 1));
            double hi = distinct.length > 1 ? distinct[b + 1] : distinct[0];
            legend.add(new LegendEntry(String.format(Locale.ROOT, "%.3g – %.3g", distinct[b], hi), colours[b]));
        }
        int[] category = new int[values.size()];
        boolean missing = false;
        for (int i = 0; i < category.length; i++) {
            Double v = values.get(i) == null ? null : parse(values.get(i));
            if (v == null) {
                category[i] = -1;
                missing = true;
                continue;
            }
            int b = Arrays.binarySearch(distinct, v);
            b = b >= 0 ? b : -b - 2;
            category[i] = Math.max(0, Math.min(bins - 1, b));
        }
        if (missing) {
            legend.add(new LegendEntry("(none)", Palette.NEUTRAL));
        }
        return new Colouring(category, colours, legend, "numeric column: " + bins + " quantile bins, viridis");
    }

    /** Viridis at t in [0, 1], interpolated between five anchors of matplotlib's table. */
    static int viridis(double t) {
        double x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int k = Math.min(VIRIDIS.length - 2, (int) x);
        double f = x - k;
        int a = VIRIDIS[k], b = VIRIDIS[k + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    private static Double parse(String v) {
        try {
            double d = Double.parseDouble(v.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() <= LEGEND_CHARS ? s : s.substring(0, LEGEND_CHARS - 1) + "…";
    }
}
