package dev.fusionlab.export.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PlotWritersTest {

    @TempDir
    Path dir;

    /** Three clusters of 10 points, one per class, plus one unlabelled point far right. */
    private static ScatterPlotSpec threeClusters() {
        int n = 31;
        float[] xs = new float[n], ys = new float[n];
        int[] category = new int[n];
        for (int i = 0; i < 30; i++) {
            category[i] = i / 10;
            xs[i] = category[i] * 10 + (i % 10) * 0.1f;
            ys[i] = (i % 10) * 0.2f;
        }
        xs[30] = 40;
        ys[30] = 0;
        category[30] = -1;
        List<LegendEntry> legend = List.of(new LegendEntry("cat", Palette.colour(0)),
                new LegendEntry("dog", Palette.colour(1)), new LegendEntry("fish & chips", Palette.colour(2)));
        return ScatterPlotSpec.of("Fused space — UMAP", xs, ys, category, Palette.colours(3), legend)
                .withAxisLabels("UMAP 1", "UMAP 2");
    }

    @Test
    void pngHasThePixelSizeOfItsDpiAndRecordsIt() throws Exception {
        ScatterPlotSpec spec = threeClusters().withSize(600, 400, 300);
        Path file = dir.resolve("plot.png");
        new PngPlotWriter().write(spec, file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(600 * 300 / 96);
        assertThat(image.getHeight()).isEqualTo(400 * 300 / 96);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            Element phys = (Element) ((Element) meta.getAsTree("javax_imageio_png_1.0"))
                    .getElementsByTagName("pHYs").item(0);
            assertThat(Integer.parseInt(phys.getAttribute("pixelsPerUnitXAxis"))).isEqualTo(11811); // 300 dpi
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
        }
    }

    @Test
    void pngShowsEachClassInItsPaletteColour() throws Exception {
        ScatterPlotSpec spec = threeClusters().withSize(600, 400, 96);
        BufferedImage image = PngPlotWriter.render(spec);
        PlotLayout layout = new PlotLayout(spec);
        for (int i : new int[] {0, 15, 25, 30}) {
            int x = (int) Math.round(layout.screenX(spec.xs()[i]));
            int y = (int) Math.round(layout.screenY(spec.ys()[i]));
            assertThat(image.getRGB(x, y) & 0xFFFFFF).as("point %d", i).isEqualTo(spec.colourOf(i) & 0xFFFFFF);
        }
    }

    @Test
    void svgIsValidXmlWithOneCirclePerVisiblePointAndALegend() throws Exception {
        ScatterPlotSpec spec = threeClusters();
        Path file = dir.resolve("plot.svg");
        new SvgPlotWriter().write(spec, file);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        NodeList points = (NodeList) xpath.evaluate("//*[@id='points']/*[local-name()='circle']", doc, XPathConstants.NODESET);
        assertThat(points.getLength()).isEqualTo(31);
        NodeList legendText = (NodeList) xpath.evaluate("//*[@id='legend']/*[local-name()='text']", doc, XPathConstants.NODESET);
        assertThat(legendText.getLength()).isEqualTo(3);
        assertThat(legendText.item(2).getTextContent()).isEqualTo("fish & chips");
        assertThat(((Element) points.item(0)).getAttribute("fill")).isEqualTo(Palette.hex(Palette.colour(0)));
    }

    @Test
    void svgLeavesOutPointsOutsideAZoomedViewport() throws Exception {
        ScatterPlotSpec full = threeClusters();
        ScatterPlotSpec zoomed = new ScatterPlotSpec(full.title(), "", "", full.xs(), full.ys(), full.category(),
                full.colours(), full.legend(), new int[] {3}, new Viewport(-1, -1, 2, 3), 500, 400, 96, 3, PlotTheme.DARK);
        Path file = dir.resolve("zoomed.svg");
        new SvgPlotWriter().write(zoomed, file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(((Number) xpath.evaluate("count(//*[@id='points']/*)", doc, XPathConstants.NUMBER)).intValue()).isEqualTo(10);
        assertThat(((Number) xpath.evaluate("count(//*[@id='highlighted']/*)", doc, XPathConstants.NUMBER)).intValue()).isEqualTo(1);
    }

    @Test
    void pdfIsOnePageOfTheCssSizeWithTitleAndLegend() throws Exception {
        Path file = dir.resolve("plot.pdf");
        new PdfPlotWriter().write(threeClusters().withSize(800, 600, 150), file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(600f);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Fused space", "UMAP", "cat", "dog", "fish & chips");
        }
    }

    @Test
    void csvSidecarHasOneRowPerPointWithItsColumns() throws Exception {
        ScatterPlotSpec spec = threeClusters();
        List<String> ids = java.util.stream.IntStream.range(0, 31).mapToObj(i -> "s" + i).toList();
        List<String> labels = java.util.stream.IntStream.range(0, 31).mapToObj(i -> i < 30 ? "c" + i / 10 : null).toList();
        Path file = dir.resolve("plot.csv");
        new PointTable(ids, Map.of("label", labels)).writeCsv(spec, file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(32);
        assertThat(lines.get(0)).isEqualTo("id,x,y,label");
        assertThat(lines.get(12)).isEqualTo("s11,10.1,0.2,c1");
        assertThat(lines.get(31)).isEqualTo("s30,40.0,0.0,");
    }

    @Test
    void specRejectsAPointWithoutColour() {
        assertThatThrownBy(() -> ScatterPlotSpec.of("t", new float[] {0}, new float[] {0}, new int[] {2},
                Palette.colours(2), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("category 2");
    }

    @Test
    void paletteStartsWithOkabeItoAndStaysDistinctForManyClasses() {
        assertThat(Palette.hex(Palette.colour(0))).isEqualTo("#e69f00");
        int[] many = Palette.colours(60);
        assertThat(Arrays.stream(many).distinct().count()).isEqualTo(60);
        assertThat(Palette.colour(-1)).isEqualTo(Palette.NEUTRAL);
    }
}
