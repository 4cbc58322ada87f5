package dev.fusionlab.export.plot;

import dev.fusionlab.io.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a scatter plot as SVG 1.1: every point a vector {@code <circle>} inside {@code <g id="points">},
 * the legend in {@code <g id="legend">}, so the figure stays sharp at any zoom and can be restyled in an
 * editor. Streams to the file, so a million points need no big string in memory.
 */
public final class SvgPlotWriter implements PlotWriter {

    @Override
    public void write(ScatterPlotSpec spec, Path file) throws IOException {
        AtomicFiles.writeText(file, out -> {
            SvgText.open(out, spec.widthPx(), spec.heightPx());
            if (!spec.title().isEmpty()) {
                out.write("<title>" + SvgText.escape(spec.title()) + "</title>\n");
            }
            PlotPainter.paint(spec, new SvgSurface(out));
            out.write("</svg>\n");
        });
    }

    /** SVG elements, streamed. */
    private static final class SvgSurface implements PlotSurface {

        private final Writer out;
        private int clipCount;

        SvgSurface(Writer out) {
            this.out = out;
        }

        @Override
        public void fillRect(double x, double y, double w, double h, int argb) throws IOException {
            out.write(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"%s/>\n",
                    x, y, w, h, Palette.hex(argb), opacity("fill-opacity", argb)));
        }

        @Override
        public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) throws IOException {
            out.write(String.format(Locale.ROOT,
                    "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\"/>\n",
                    x, y, w, h, Palette.hex(argb), lineWidth));
        }

        @Override
        public void circle(double cx, double cy, double r, int fill, int stroke, double strokeWidth) throws IOException {
            String outline = strokeWidth > 0
                    ? String.format(Locale.ROOT, " stroke=\"%s\" stroke-width=\"%.2f\"", Palette.hex(stroke), strokeWidth)
                    : "";
            out.write(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"%s%s/>\n",
                    cx, cy, r, Palette.hex(fill), opacity("fill-opacity", fill), outline));
        }

        @Override
        public void text(String s, double x, double y, double size, int argb, boolean bold, Anchor anchor,
                         boolean vertical) throws IOException {
            String rotate = vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.2f %.2f)\"", x, y) : "";
            SvgText.text(out, s, x, y, size, argb, bold, anchor.name().toLowerCase(Locale.ROOT), rotate);
        }

        @Override
        public void beginClip(double x, double y, double w, double h) throws IOException {
            String id = "plot-area-" + clipCount++;
            out.write(String.format(Locale.ROOT,
                    "<clipPath id=\"%s\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/></clipPath>\n<g clip-path=\"url(#%s)\">\n",
                    id, x, y, w, h, id));
        }

        @Override
        public void endClip() throws IOException {
            out.write("</g>\n");
        }

        @Override
        public void beginGroup(String id) throws IOException {
            SvgText.beginGroup(out, id);
        }

        @Override
        public void endGroup() throws IOException {
            SvgText.endGroup(out);
        }

        private static String opacity(String attribute, int argb) {
            int a = argb >>> 24;
            return a == 255 ? "" : String.format(Locale.ROOT, " %s=\"%.3f\"", attribute, a / 255.0);
        }
    }
}
