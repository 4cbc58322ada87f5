package dev.fusionlab.export.plot;

import dev.fusionlab.io.AtomicFiles;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
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
 * Writes a scatter plot as PNG through Java2D and ImageIO. The image is {@code widthPx * dpi / 96}
 * pixels wide, and the dpi is stored in the pHYs chunk so that word processors place it at its
 * intended physical size.
 */
public final class PngPlotWriter implements PlotWriter {

    private static final double METRES_PER_INCH = 0.0254;

    @Override
    public void write(ScatterPlotSpec spec, Path file) throws IOException {
        BufferedImage image = render(spec);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            AtomicFiles.write(file, stream -> {
                try (ImageOutputStream out = ImageIO.createImageOutputStream(stream)) {
                    writer.setOutput(out);
                    IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
                    setDpi(metadata, spec.dpi());
                    writer.write(new IIOImage(image, null, metadata));
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /** Pixel size of the PNG written for {@code spec}. */
    public static int pixels(int cssPx, int dpi) {
        return (int) Math.round(cssPx * (double) dpi / ScatterPlotSpec.CSS_DPI);
    }

    /** Renders the plot to an image at the spec's dpi. */
    public static BufferedImage render(ScatterPlotSpec spec) throws IOException {
        BufferedImage image = new BufferedImage(pixels(spec.widthPx(), spec.dpi()), pixels(spec.heightPx(), spec.dpi()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setComposite(AlphaComposite.SrcOver);
            double s = (double) spec.dpi() / ScatterPlotSpec.CSS_DPI;
            g.scale(s, s);
            PlotPainter.paint(spec, new Java2dSurface(g));
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
            if (vertical) {
                g.rotate(-Math.PI / 2);
            }
            g.drawString(s, (float) shift, 0f);
            g.setTransform(saved);
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
