package dev.fusionlab.export.plot;

import dev.fusionlab.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a scatter plot as PNG through Java2D and ImageIO. The image is {@code widthPx * dpi / 96}
 * pixels wide, and the dpi is stored in the pHYs chunk so that word processors place it at its
 * intended physical size.
 */
public final class PngPlotWriter implements PlotWriter {

    @Override
    public void write(ScatterPlotSpec spec, Path file) throws IOException {
        BufferedImage image = render(spec);
        AtomicFiles.write(file, stream -> PngImages.write(image, spec.dpi(), stream));
    }

    /** Pixel size of the PNG written for {@code spec}. */
    public static int pixels(int cssPx, int dpi) {
        return PngImages.pixels(cssPx, dpi);
    }

    /** Renders the plot to an image at the spec's dpi. */
    public static BufferedImage render(ScatterPlotSpec spec) throws IOException {
        return PngImages.render(spec.widthPx(), spec.heightPx(), spec.dpi(), g -> PlotPainter.paint(spec, new Java2dSurface(g)));
    }

    /** Java2D drawing. */
    private record Java2dSurface(Graphics2D g) implements PlotSurface {

        @Override
        public void fillRect(double x, double y, double w, double h, int argb) {
            g.setColor(new Color(argb, true));
            g.fill(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
            g.setColor(new Color(argb, true));
            g.setStroke(new BasicStroke((float) lineWidth));
            g.draw(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void circle(double cx, double cy, double r, int fill, int stroke, double strokeWidth) {
            Shape disc = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
            g.setColor(new Color(fill, true));
            g.fill(disc);
            if (strokeWidth > 0) {
                g.setColor(new Color(stroke, true));
                g.setStroke(new BasicStroke((float) strokeWidth));
                g.draw(disc);
            }
        }

        @Override
        public void text(String s, double x, double y, double size, int argb, boolean bold, Anchor anchor,
                         boolean vertical) {
            PngImages.text(g, s, x, y, size, argb, bold, switch (anchor) {
                case START -> 0;
                case MIDDLE -> 0.5;
                case END -> 1;
            }, vertical ? -Math.PI / 2 : 0);
        }

        @Override
        public void beginClip(double x, double y, double w, double h) {
            g.setClip(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void endClip() {
            g.setClip(null);
        }
    }
}
