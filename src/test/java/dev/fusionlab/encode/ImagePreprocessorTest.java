package dev.fusionlab.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

    /** A 2x2 image: red, green / blue, white (row-major). */
    private static BufferedImage fourColours() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        image.setRGB(1, 0, 0x00FF00);
        image.setRGB(0, 1, 0x0000FF);
        image.setRGB(1, 1, 0xFFFFFF);
        return image;
    }

    @Test
    void channelsFirstWritesOnePlanePerColour() {
        float[] batch = new float[1 + 12];
        new ImagePreprocessor(2, null, null, PixelLayout.CHANNELS_FIRST).write(fourColours(), batch, 1);
        assertArrayEquals(new float[] {0,
            1, 0, 0, 1,    // red plane
            0, 1, 0, 1,    // green plane
            0, 0, 1, 1},   // blue plane
            batch, 1e-6f);
    }

    @Test
    void channelsLastWritesRgbPerPixel() {
        float[] batch = new float[1 + 12];
        new ImagePreprocessor(2, null, null, PixelLayout.CHANNELS_LAST).write(fourColours(), batch, 1);
        assertArrayEquals(new float[] {0,
            1, 0, 0,   0, 1, 0,
            0, 0, 1,   1, 1, 1},
            batch, 1e-6f);
    }

    @Test
    void webpDecodesAndItsTransparentPixelsBecomeWhite() throws Exception {
        byte[] webp;
        try (var in = ImagePreprocessorTest.class.getResourceAsStream(
                "/dev/fusionlab/data/red-left-transparent-right.lossless.webp")) {
            webp = in.readAllBytes();
        }
        int size = 8;
        float[] rgb = new float[3 * size * size];
        new ImagePreprocessor(size, null, null, PixelLayout.CHANNELS_LAST).write(webp, rgb, 0);
        int row = 4 * size * 3;
        assertArrayEquals(new float[] {1, 0, 0}, java.util.Arrays.copyOfRange(rgb, row + 3, row + 6), 0.02f);
        assertArrayEquals(new float[] {1, 1, 1}, java.util.Arrays.copyOfRange(rgb, row + 18, row + 21), 0.02f);
    }

    @Test
    void meanAndStdApplyPerChannelInEitherLayout() {
        float[] mean = {0.5f, 0f, 0f};
        float[] std = {0.5f, 1f, 2f};
        float[] planar = new float[12];
        float[] interleaved = new float[12];
        new ImagePreprocessor(2, mean, std, PixelLayout.CHANNELS_FIRST).write(fourColours(), planar, 0);
        new ImagePreprocessor(2, mean, std, PixelLayout.CHANNELS_LAST).write(fourColours(), interleaved, 0);
        assertArrayEquals(new float[] {1, -1, -1, 1}, new float[] {planar[0], planar[1], planar[2], planar[3]});
        for (int pixel = 0; pixel < 4; pixel++) {
            for (int channel = 0; channel < 3; channel++) {
                assertArrayEquals(new float[] {planar[channel * 4 + pixel]},
                        new float[] {interleaved[pixel * 3 + channel]}, 1e-6f,
                        "pixel " + pixel + " channel " + channel);
            }
        }
    }
}
