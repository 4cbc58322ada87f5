package dev.fusionlab.export.chart;

import dev.fusionlab.export.plot.Palette;
import dev.fusionlab.export.plot.SvgText;
import dev.fusionlab.io.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A chart as SVG 1.1: every line series one {@code <polyline>} in {@code <g id="series">}, bars as
 * {@code <rect>} in {@code <g id="bars">}, the legend in {@code <g id="legend">}, so a figure can be restyled
 * in an editor.
 */
final class SvgChartWriter {

    private SvgChartWriter() {
    }

    static void write(ChartSpec spec, Path file) throws IOException {
        AtomicFiles.writeText(file, out -> {
            SvgText.open(out, spec.widthPx(), spec.heightPx());
            out.write("<title>" + SvgText.escape(spec.title()) + "</title>\n");
            ChartPainter.paint(spec, new Canvas(out));
            out.write("</svg>\n");
        });
    }

    private record Canvas(Writer out) implements ChartCanvas {

        @Override
        public void fillRect(double x, double y, double w, double h, int argb) throws IOException {
            out.write(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>\n",
                    x, y, w, h, Palette.hex(argb)));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, int argb, double width) throws IOException {
            out.write(String.format(Locale.ROOT,
                    "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"/>\n",
                    x1, y1, x2, y2, Palette.hex(argb), width));
        }

        @Override
        public void polyline(double[] xs, double[] ys, int argb, double width) throws IOException {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < xs.length; i++) {
                points.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f,%.2f", xs[i], ys[i]));
            }
            out.write(String.format(Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\" stroke-linejoin=\"round\"/>\n",
                    points, Palette.hex(argb), width));
        }

        @Override
        public void circle(double cx, double cy, double r, int fill) throws IOException {
            out.write(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"/>\n",
                    cx, cy, r, Palette.hex(fill)));
        }

        @Override
        public void text(String s, double x, double y, double size, int argb, boolean bold, TextAnchor anchor, double degrees)
                throws IOException {
            String rotate = degrees == 0 ? ""
                    : String.format(Locale.ROOT, " transform=\"rotate(%.1f %.2f %.2f)\"", -degrees, x, y);
            SvgText.text(out, s, x, y, size, argb, bold, anchor.name().toLowerCase(Locale.ROOT), rotate);
        }

        @Override
        public void beginGroup(String id) throws IOException {
            SvgText.beginGroup(out, id);
        }

        @Override
        public void endGroup() throws IOException {
            SvgText.endGroup(out);
        }
    }
}
