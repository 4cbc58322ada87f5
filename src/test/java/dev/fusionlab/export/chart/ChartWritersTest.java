package dev.fusionlab.export.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.export.plot.Palette;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartWritersTest {

    @TempDir
    Path dir;

    private static LineChartSpec line(int dpi) {
        double[] xs = {0, 0.5, 1, 1.5, 2};
        List<ChartSeries> series = List.of(
                new ChartSeries("image", new double[] {0.25, 0.4, 0.6, 0.7, 0.75}, Palette.colour(0)),
                new ChartSeries("text", new double[] {0.8, 0.8, 0.8, 0.8, 0.8}, Palette.colour(1)),
                new ChartSeries("early", new double[] {0.8, 0.82, 0.85, 0.9, 0.93}, Palette.colour(2)),
                new ChartSeries("late (mean)", new double[] {0.78, Double.NaN, 0.84, 0.88, 0.9}, Palette.colour(3)));
        return LineChartSpec.of("accuracy vs image_snr", "image_snr", "test accuracy", xs, series, dpi).withYRange(0, 1);
    }

    @Test
    void svgHasOnePolylinePerSeriesWithOnePointPerFiniteValue() throws Exception {
        Path svg = dir.resolve("chart.svg");
        ChartFormat.SVG.write(line(150), svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        NodeList polylines = doc.getElementsByTagName("polyline");
        assertThat(polylines.getLength()).isEqualTo(4);
        assertThat(((Element) polylines.item(0)).getAttribute("points").split(" ")).hasSize(5);
        assertThat(((Element) polylines.item(3)).getAttribute("points").split(" ")).hasSize(4); // NaN skipped
        assertThat(((Element) polylines.item(1)).getAttribute("stroke")).isEqualTo(Palette.hex(Palette.colour(1)));
        String text = Files.readString(svg);
        assertThat(text).contains(">image_snr</text>", ">test accuracy</text>", ">late (mean)</text>", ">0.5</text>");
    }

    @Test
    void pngDecodesAtTheSizeTheDpiAsksFor() throws Exception {
        Path png = dir.resolve("chart.png");
        ChartFormat.PNG.write(line(192), png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(720 * 2);
        assertThat(image.getHeight()).isEqualTo(440 * 2);
        // the image line is drawn in its palette colour somewhere
        boolean found = false;
        for (int y = 0; y < image.getHeight() && !found; y++) {
            for (int x = 0; x < image.getWidth() && !found; x++) {
                found = (image.getRGB(x, y) & 0xFFFFFF) == (Palette.colour(0) & 0xFFFFFF);
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void barChartDrawsOneBarPerSeriesAndCategory() throws Exception {
        BarChartSpec bars = BarChartSpec.of("ablation", "condition", "test accuracy",
                List.of("intact", "drop_image", "noise_text_0.5"),
                List.of(new ChartSeries("image", new double[] {0.7, 0.2, 0.7}, Palette.colour(0)),
                        new ChartSeries("text", new double[] {0.8, 0.8, 0.5}, Palette.colour(1))), 96).withYRange(0, 1);
        ChartFormat.writeBoth(bars, dir, "bars");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("bars.svg").toFile());
        NodeList groups = doc.getElementsByTagName("g");
        Element barGroup = null;
        for (int i = 0; i < groups.getLength(); i++) {
            if ("bars".equals(((Element) groups.item(i)).getAttribute("id"))) {
                barGroup = (Element) groups.item(i);
            }
        }
        assertThat(barGroup).isNotNull();
        assertThat(barGroup.getElementsByTagName("rect").getLength()).isEqualTo(6);
        assertThat(ImageIO.read(dir.resolve("bars.png").toFile()).getWidth()).isEqualTo(720);
    }

    @Test
    void mismatchedSeriesAreRefused() {
        assertThatThrownBy(() -> LineChartSpec.of("t", "x", "y", new double[] {1, 2},
                List.of(new ChartSeries("a", new double[] {1}, 0xFF000000)), 96))
                .hasMessageContaining("series 'a' has 1 values for 2 x values");
    }

    @Test
    void ticksAreRoundNumbers() {
        assertThat(ChartPainter.niceTicks(0, 1)).containsExactly(0, 0.2, 0.4, 0.6000000000000001, 0.8, 1);
        assertThat(ChartPainter.format(0.25, 0.25)).isEqualTo("0.25");
        assertThat(ChartPainter.format(2.5, 2.5)).isEqualTo("2.5");
        assertThat(ChartPainter.format(100, 50)).isEqualTo("100");
    }
}
