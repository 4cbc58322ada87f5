package dev.fusionlab.generate;

import dev.fusionlab.encode.ImagePreprocessor;
import dev.fusionlab.encode.PixelLayout;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Images as the generative model sees them: {@code 3 x size x size} floats in [0, 1], planar RGB,
 * transparent pixels composited onto white (the encoders' {@link ImagePreprocessor}, without
 * normalisation), and back to PNG.
 */
public final class PixelImages {

    private PixelImages() {
    }

    /**
     * Reads and resizes one image file.
     *
     * @throws IOException naming the file when it cannot be read or decoded
     */
    public static float[] read(Path file, int size) throws IOException {
        ImagePreprocessor preprocessor = new ImagePreprocessor(size, null, null, PixelLayout.CHANNELS_FIRST);
        float[] pixels = new float[preprocessor.floatsPerImage()];
        try {
            preprocessor.write(Files.readAllBytes(file), pixels, 0);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return pixels;
    }

    /** Side of a square planar RGB image of {@code floats} values. */
    public static int sizeOf(float[] pixels) {
        int size = (int) Math.round(Math.sqrt(pixels.length / 3.0));
        if (3 * size * size != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " floats are not a square RGB image");
        }
        return size;
    }

    /** One image, each value clamped to [0, 1]. */
    public static BufferedImage toImage(float[] pixels) {
        int size = sizeOf(pixels);
        int plane = size * size;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < plane; p++) {
            int rgb = (channel(pixels[p]) << 16) | (channel(pixels[plane + p]) << 8) | channel(pixels[2 * plane + p]);
            image.setRGB(p % size, p / size, rgb);
        }
        return image;
    }

    /**
     * A grid of equally sized images, {@code columns} wide, separated by a 2-pixel white gutter, each
     * enlarged by {@code scale} (nearest neighbour, so the model's pixels stay visible).
     */
    public static BufferedImage grid(List<float[]> images, int columns, int scale) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one image");
        }
        int size = sizeOf(images.getFirst()) * scale;
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        int gap = 2;
        BufferedImage grid = new BufferedImage(cols * size + (cols - 1) * gap, rows * size + (rows - 1) * gap,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            for (int i = 0; i < images.size(); i++) {
                g.drawImage(toImage(images.get(i)), (i % cols) * (size + gap), (i / cols) * (size + gap), size, size,
                        null);
            }
        } finally {
            g.dispose();
        }
        return grid;
    }

    public static void writePng(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException(file + ": no PNG writer");
        }
    }

    /** Mean squared difference of two images of equal size. */
    public static double mse(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("images of " + a.length + " and " + b.length + " floats");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum / a.length;
    }

    private static int channel(float v) {
        return Math.round(Math.min(1f, Math.max(0f, v)) * 255f);
    }
}
