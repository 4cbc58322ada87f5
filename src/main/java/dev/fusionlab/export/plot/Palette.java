package dev.fusionlab.export.plot;

import java.util.Locale;

/**
 * The categorical colours of every FusionLab plot, shared by the GUI and the headless CLI so that a
 * class has the same colour on screen, in a PNG and in a paper figure.
 *
 * <p>The first eight colours are the Okabe-Ito palette (distinguishable with the common forms of
 * colour-blindness, black swapped for brown); the next twelve extend it with Tableau-like hues chosen away
 * from those eight; beyond twenty classes the
 * hues are generated around the colour wheel with the golden angle, so any class count gets distinct,
 * stable colours. Colours are packed ARGB ints (0xAARRGGBB), the format of Java2D and of JavaFX pixel
 * buffers alike.
 */
public final class Palette {

    /** Colour of points without a category (unlabelled samples, no prediction). */
    public static final int NEUTRAL = 0xFF9AA0A6;

    private static final int[] BASE = {
        // Okabe-Ito, with its black replaced by a brown that stays visible on a dark background
        0xFFE69F00, 0xFF56B4E9, 0xFF009E73, 0xFFF0E442, 0xFF0072B2, 0xFFD55E00, 0xFFCC79A7, 0xFF9C755F,
        // Tableau-like hues that none of the above is close to, most distinct first
        0xFFE15759, 0xFF76B7B2, 0xFFB07AA1, 0xFF59A14F, 0xFFFF9DA7, 0xFF8CD17D,
        0xFFB6992D, 0xFF499894, 0xFFD37295, 0xFF4E79A7, 0xFFF28E2B, 0xFFBAB0AC,
    };

    private Palette() {
    }

    /** Colour of category {@code index} (0-based); negative indices get {@link #NEUTRAL}. */
    public static int colour(int index) {
        if (index < 0) {
            return NEUTRAL;
        }
        if (index < BASE.length) {
            return BASE[index];
        }
        double hue = ((index - BASE.length) * 137.50776) % 360.0;
        double lightness = 0.45 + 0.12 * ((index / 7) % 2);
        return hsl(hue, 0.55, lightness);
    }

    /** The first {@code count} colours. */
    public static int[] colours(int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = colour(i);
        }
        return out;
    }

    /** {@code #rrggbb} of a packed ARGB colour, as SVG and CSS want it. */
    public static String hex(int argb) {
        return String.format(Locale.ROOT, "#%06x", argb & 0xFFFFFF);
    }

    /** Alpha in [0, 1] of a packed ARGB colour. */
    public static double alpha(int argb) {
        return (argb >>> 24) / 255.0;
    }

    private static int hsl(double hue, double saturation, double lightness) {
        double c = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double h = hue / 60.0;
        double x = c * (1 - Math.abs(h % 2 - 1));
        double r = 0, g = 0, b = 0;
        switch ((int) h) {
            case 0 -> { r = c; g = x; }
            case 1 -> { r = x; g = c; }
            case 2 -> { g = c; b = x; }
            case 3 -> { g = x; b = c; }
            case 4 -> { r = x; b = c; }
            default -> { r = c; b = x; }
        }
        double m = lightness - c / 2;
        return 0xFF000000 | channel(r + m) << 16 | channel(g + m) << 8 | channel(b + m);
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
