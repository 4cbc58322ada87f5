package dev.fusionlab.export.chart;

import dev.fusionlab.export.plot.Palette;

/**
 * Colours for chart series: the {@link Palette} (Okabe-Ito first, colour-blind safe) without its yellow, which
 * is too pale for a thin line or a small legend swatch on a white background.
 */
public final class SeriesColours {

    private static final int PALE_YELLOW = 3;

    private SeriesColours() {
    }

    /** Colour of series {@code index} (0-based). */
    public static int colour(int index) {
        return Palette.colour(index < PALE_YELLOW ? index : index + 1);
    }
}
