package dev.fusionlab.export.plot;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The SVG text every vector figure shares (scatter plots here, line and bar charts in {@code export.chart}):
 * the document header, XML escaping, {@code <text>} elements and named groups, so the two writers cannot
 * drift apart in how they quote a label or open a file.
 */
public final class SvgText {

    private SvgText() {
    }

    /** The XML declaration and the opening {@code <svg>} tag of a {@code width × height} CSS-pixel figure. */
    public static void open(Writer out, int width, int height) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"Helvetica, Arial, sans-serif\">\n",
                width, height, width, height));
    }

    /** {@code s} safe inside XML text and attribute values; control characters other than tab are dropped. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * One {@code <text>} element; {@code anchor} is SVG's {@code text-anchor} ("start", "middle", "end") and
     * {@code transform} an attribute string starting with a space, or empty.
     */
    public static void text(Writer out, String s, double x, double y, double size, int argb, boolean bold,
                            String anchor, String transform) throws IOException {
        out.write(String.format(Locale.ROOT,
                "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" fill=\"%s\" text-anchor=\"%s\"%s%s>%s</text>\n",
                x, y, size, Palette.hex(argb), anchor, bold ? " font-weight=\"bold\"" : "", transform, escape(s)));
    }

    /** Opens {@code <g id="…">}. */
    public static void beginGroup(Writer out, String id) throws IOException {
        out.write("<g id=\"" + escape(id) + "\">\n");
    }

    /** Closes a group. */
    public static void endGroup(Writer out) throws IOException {
        out.write("</g>\n");
    }
}
