package dev.fusionlab.export.plot;

import dev.fusionlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes a scatter plot as a one-page vector PDF with PDFBox: circles as Bézier paths, text in the
 * standard Helvetica fonts (characters outside their WinAnsi set, such as emoji, become '?'). The page
 * is the plot's CSS size at 72 points per 96 pixels, so it drops into LaTeX at its natural size.
 */
public final class PdfPlotWriter implements PlotWriter {

    private static final float POINTS_PER_PX = 72f / ScatterPlotSpec.CSS_DPI;
    /** Control-point distance of a quarter circle drawn as one cubic Bézier curve. */
    private static final double KAPPA = 0.5522847498;

    @Override
    public void write(ScatterPlotSpec spec, Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(spec.widthPx() * POINTS_PER_PX, spec.heightPx() * POINTS_PER_PX));
            document.addPage(page);
            document.getDocumentInformation().setTitle(spec.title());
            document.getDocumentInformation().setCreator("FusionLab");
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                // draw in CSS pixels with y down, like the other writers
                content.transform(new Matrix(POINTS_PER_PX, 0, 0, -POINTS_PER_PX, 0, spec.heightPx() * POINTS_PER_PX));
                PlotPainter.paint(spec, new PdfSurface(content));
            }
            AtomicFiles.write(file, document::save);
        }
    }

    /** PDF content-stream drawing in a y-down pixel space. */
    private static final class PdfSurface implements PlotSurface {

        private final PDPageContentStream content;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

        PdfSurface(PDPageContentStream content) {
            this.content = content;
        }

        @Override
        public void fillRect(double x, double y, double w, double h, int argb) throws IOException {
            content.setNonStrokingColor(colour(argb));
            content.addRect((float) x, (float) y, (float) w, (float) h);
            content.fill();
        }

        @Override
        public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) throws IOException {
            content.setStrokingColor(colour(argb));
            content.setLineWidth((float) lineWidth);
            content.addRect((float) x, (float) y, (float) w, (float) h);
            content.stroke();
        }

        @Override
        public void circle(double cx, double cy, double r, int fill, int stroke, double strokeWidth) throws IOException {
            double k = KAPPA * r;
            content.moveTo((float) (cx + r), (float) cy);
            content.curveTo((float) (cx + r), (float) (cy + k), (float) (cx + k), (float) (cy + r), (float) cx, (float) (cy + r));
            content.curveTo((float) (cx - k), (float) (cy + r), (float) (cx - r), (float) (cy + k), (float) (cx - r), (float) cy);
            content.curveTo((float) (cx - r), (float) (cy - k), (float) (cx - k), (float) (cy - r), (float) cx, (float) (cy - r));
            content.curveTo((float) (cx + k), (float) (cy - r), (float) (cx + r), (float) (cy - k), (float) (cx + r), (float) cy);
            content.closePath();
            content.setNonStrokingColor(colour(fill));
            if (strokeWidth > 0) {
                content.setStrokingColor(colour(stroke));
                content.setLineWidth((float) strokeWidth);
                content.fillAndStroke();
            } else {
                content.fill();
            }
        }

        @Override
        public void text(String s, double x, double y, double size, int argb, boolean isBold, Anchor anchor,
                         boolean vertical) throws IOException {
            PDType1Font font = isBold ? bold : regular;
            String printable = encodable(font, s);
            float width = font.getStringWidth(printable) / 1000f * (float) size;
            float shift = switch (anchor) {
                case START -> 0f;
                case MIDDLE -> -width / 2;
                case END -> -width;
            };
            content.beginText();
            content.setFont(font, (float) size);
            content.setNonStrokingColor(colour(argb));
            // the page space is flipped (y down): mirror glyphs back upright; vertical text reads upwards
            Matrix m = vertical ? new Matrix(0, -1, -1, 0, (float) x, (float) y) : new Matrix(1, 0, 0, -1, (float) x, (float) y);
            m.translate(shift, 0);
            content.setTextMatrix(m);
            content.showText(printable);
            content.endText();
        }

        @Override
        public void beginClip(double x, double y, double w, double h) throws IOException {
            content.saveGraphicsState();
            content.addRect((float) x, (float) y, (float) w, (float) h);
            content.clip();
        }

        @Override
        public void endClip() throws IOException {
            content.restoreGraphicsState();
        }

        private static java.awt.Color colour(int argb) {
            return new java.awt.Color(argb, false);
        }

        private static String encodable(PDType1Font font, String s) {
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                String ch = Character.toString(cp);
                b.append(canEncode(font, ch) ? ch : "?");
            });
            return b.toString();
        }

        private static boolean canEncode(PDType1Font font, String ch) {
            try {
                font.encode(ch);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
