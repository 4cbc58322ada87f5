package dev.fusionlab.ui.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text size of the whole window (View ▸ Text size), for projectors and high-resolution screens: every
 * font size of the workbench's stylesheets multiplied by one factor. The stylesheets give sizes in
 * pixels, so scaling the root font alone would leave most text as it is; {@link #scale(String)} rewrites
 * each {@code -fx-font-size: Npx} of a stylesheet instead, which also covers rules added later.
 */
public enum TextSize {
    NORMAL(1.0), LARGER(1.25), LARGEST(1.5);

    private static final Pattern FONT_SIZE = Pattern.compile("(-fx-font-size\\s*:\\s*)(\\d+(?:\\.\\d+)?)px");

    private final double factor;

    TextSize(double factor) {
        this.factor = factor;
    }

    public double factor() {
        return factor;
    }

    /** "100%", "125%", "150%". */
    public String label() {
        return Math.round(factor * 100) + "%";
    }

    /** The stylesheet with every pixel font size multiplied by {@link #factor()}; unchanged at 100%. */
    public String scale(String css) {
        if (this == NORMAL) {
            return css;
        }
        Matcher m = FONT_SIZE.matcher(css);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            double px = Double.parseDouble(m.group(2)) * factor;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1)
                    + String.format(Locale.ROOT, "%.2f", px).replaceAll("\\.?0+$", "") + "px"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
