package dev.fusionlab.export.chart;

import dev.fusionlab.export.plot.PngImages;
import dev.fusionlab.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A chart as PNG through Java2D: {@code widthPx * dpi / 96} pixels wide, the dpi stored in the pHYs chunk
 * (as the scatter plots' {@code PngPlotWriter} does) so documents place it at its intended size.
 */
final class PngChartWriter {

    private PngChartWriter() {
    }

    static void write(ChartSpec spec, Path file) throws IOException {
        BufferedImage image = render(spec);
        AtomicFiles.write(file, out -> PngImages.write(image, spec.dpi(), out));
    }

    static BufferedImage render(ChartSpec spec) throws IOException {
        return PngImages.render(spec.widthPx(), spec.heightPx(), spec.dpi(), g -> ChartPainter.paint(spec, new Canvas(g)));
    }

    private record Canvas(Graphics2D g) implements ChartCanvas {

        @Override
        public void fillRect(double x, double y, double w, double h, int argb) {
            g.setColor(new Color(argb, true));
            g.fill(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, int argb, double width) {
            g.setColor(new Color(argb, true));
            g.setStroke(new BasicStroke((float) width));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void polyline(double[] xs, double[] ys, int argb, double width) {
            if (xs.length == 0) {
                return;
            }
            Path2D.Double path = new Path2D.Double();
            path.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) {
                path.lineTo(xs[i], ys[i]);
            }
            g.setColor(new Color(argb, true));
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }

        @Override
        public void circle(double cx, double cy, double r, int fill) {
            g.setColor(new Color(fill, true));
            g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        }

        @Override
        public void text(String s, double x, double y, double size, int argb, boolean bold, TextAnchor anchor, double degrees) {
            PngImages.text(g, s, x, y, size, argb, bold, switch (anchor) {
                case START -> 0;
                case MIDDLE -> 0.5;
                case END -> 1;
            }, degrees != 0 ? -Math.toRadians(degrees) : 0);
        }
    }
}
