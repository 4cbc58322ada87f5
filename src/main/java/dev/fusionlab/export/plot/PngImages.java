package dev.fusionlab.export.plot;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * The Java2D and PNG parts every raster figure shares (scatter plots here, line and bar charts in
 * {@code export.chart}): a canvas of {@code cssPx * dpi / 96} pixels scaled so painters draw in CSS pixels,
 * anchored text, and PNG bytes whose pHYs chunk carries the dpi so documents place the image at its
 * intended physical size.
 */
public final class PngImages {

    private static final double METRES_PER_INCH = 0.0254;

    private PngImages() {
    }

    /** Draws a figure on a canvas already scaled to CSS pixels. */
    @FunctionalInterface
    public interface Painter {
        void paint(Graphics2D g) throws IOException;
    }

    /** Pixel size of a PNG of {@code cssPx} CSS pixels at {@code dpi}. */
    public static int pixels(int cssPx, int dpi) {
        return (int) Math.round(cssPx * (double) dpi / ScatterPlotSpec.CSS_DPI);
    }

    /**
     * An ARGB image of {@code widthCss × heightCss} CSS pixels at {@code dpi}, antialiased, painted by
     * {@code painter} in CSS-pixel coordinates.
     */
    public static BufferedImage render(int widthCss, int heightCss, int dpi, Painter painter) throws IOException {
        BufferedImage image = new BufferedImage(pixels(widthCss, dpi), pixels(heightCss, dpi), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setComposite(AlphaComposite.SrcOver);
            double s = (double) dpi / ScatterPlotSpec.CSS_DPI;
            g.scale(s, s);
            painter.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes {@code image} as PNG to {@code stream} (left open) with {@code dpi} in its pHYs chunk. */
    public static void write(BufferedImage image, int dpi, OutputStream stream) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(stream)) {
            writer.setOutput(out);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            setDpi(metadata, dpi);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
    }

    /**
     * Draws {@code s} in sans-serif with its baseline at ({@code x}, {@code y}), shifted left by
     * {@code anchor} of its width (0 start, 0.5 middle, 1 end) and turned by {@code radians} about that point.
     */
    public static void text(Graphics2D g, String s, double x, double y, double size, int argb, boolean bold,
                            double anchor, double radians) {
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size));
        g.setColor(new Color(argb, true));
        double width = g.getFontMetrics().getStringBounds(s, g).getWidth();
        double shift = -width * anchor;
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (radians != 0) {
            g.rotate(radians);
        }
        g.drawString(s, (float) shift, 0f);
        g.setTransform(saved);
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
}
