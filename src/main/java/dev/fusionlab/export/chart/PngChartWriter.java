package dev.fusionlab.export.chart;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A chart as PNG through Java2D: {@code widthPx * dpi / 96} pixels wide, the dpi stored in the pHYs chunk
 * (as the scatter plots' {@code PngPlotWriter} does) so documents place it at its intended size.
 */
final class PngChartWriter {

    private static final double METRES_PER_INCH = 0.0254;

    private PngChartWriter() {
    }

    /** Pixel size of a PNG of {@code cssPx} CSS pixels at {@code dpi}. */
    static int pixels(int cssPx, int dpi) {
        return (int) Math.round(cssPx * (double) dpi / ChartSpec.CSS_DPI);
    }

    static void write(ChartSpec spec, Path file) throws IOException {
        BufferedImage image = render(spec);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            setDpi(metadata, spec.dpi());
            writer.write(new IIOImage(image, null, metadata));
        } catch (IOException e) {
            throw new IOException("cannot write PNG " + file + ": " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    static BufferedImage render(ChartSpec spec) throws IOException {
        BufferedImage image = new BufferedImage(pixels(spec.widthPx(), spec.dpi()), pixels(spec.heightPx(), spec.dpi()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setComposite(AlphaComposite.SrcOver);
            double s = (double) spec.dpi() / ChartSpec.CSS_DPI;
            g.scale(s, s);
            ChartPainter.paint(spec, new Canvas(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void setDpi(IIOMetadata metadata, int dpi) throws IIOInvalidTreeException {
        String perMetre = Integer.toString((int) Math.round(dpi / METRES_PER_INCH));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", perMetre);
        phys.setAttribute("pixelsPerUnitYAxis", perMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        metadata.mergeTree("javax_imageio_png_1.0", root);
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
            g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size));
            g.setColor(new Color(argb, true));
            double width = g.getFontMetrics().getStringBounds(s, g).getWidth();
            double shift = switch (anchor) {
                case START -> 0;
                case MIDDLE -> -width / 2;
                case END -> -width;
            };
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            if (degrees != 0) {
                g.rotate(-Math.toRadians(degrees));
            }
            g.drawString(s, (float) shift, 0f);
            g.setTransform(saved);
        }
    }
}
