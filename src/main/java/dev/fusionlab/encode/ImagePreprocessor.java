package dev.fusionlab.encode;

import dev.fusionlab.data.ImageDecoding;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;

/**
 * Decodes image file bytes and writes them as one image's slice of a float batch, in the engine's
 * {@link PixelLayout}, in plain Java so a whole batch lands in one array without any per-image
 * native tensor.
 *
 * <p>Steps: decode ({@link ImageDecoding}, shared with the dataset loader: every ImageIO and TwelveMonkeys
 * format and mode, format from the bytes, first frame, EXIF orientation applied); composite onto <b>white</b> (emoji and icons are
 * transparent PNGs whose invisible pixels often hold black or garbage RGB: dropping alpha without
 * compositing would turn a yellow smiley on transparent into a smiley on black); bilinear resize to
 * {@code size x size} (aspect ratio not kept, like DJL's {@code Resize}); when shrinking by more
 * than 2x, successive bilinear halvings first, so large photos are averaged instead of aliased;
 * finally RGB / 255, then {@code (x - mean) / std} per channel when the model asks for it.
 */
public final class ImagePreprocessor {

    /**
     * Version of what this class does to the pixels (compositing, resizing, scaling), part of every image
     * encoder's {@link InputPipeline} and so of every embedding-cache key. <b>Bump it with any change
     * that alters the floats written</b> (not with a pure speed-up that writes the same floats, nor with a
     * {@link PixelLayout} change: the layout is memory order only), or caches keep serving vectors made
     * the old way. 1: white compositing, halvings then bilinear resize, RGB / 255, (x - mean) / std.
     */
    public static final int VERSION = 1;

    private final int size;
    private final float[] mean;
    private final float[] std;
    private final PixelLayout layout;

    /**
     * @param size   target width and height in pixels
     * @param mean   per-channel RGB mean subtracted after scaling to [0, 1], or null for none
     * @param std    per-channel RGB std divided by, or null for none
     * @param layout how the floats of one image are ordered in the batch
     */
    public ImagePreprocessor(int size, float[] mean, float[] std, PixelLayout layout) {
        if (size <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + size);
        }
        this.size = size;
        this.layout = layout;
        this.mean = mean == null ? new float[] {0f, 0f, 0f} : checkRgb(mean, "mean");
        this.std = std == null ? new float[] {1f, 1f, 1f} : checkRgb(std, "std");
    }

    public int size() {
        return size;
    }

    public PixelLayout layout() {
        return layout;
    }

    /** Floats one image occupies: 3 x size x size. */
    public int floatsPerImage() {
        return 3 * size * size;
    }

    /**
     * Decodes {@code encoded} and writes its floats into {@code batch} from {@code offset}.
     *
     * @throws IOException with a user-readable reason when the bytes are not a decodable image
     */
    public void write(byte[] encoded, float[] batch, int offset) throws IOException {
        write(ImageDecoding.decode(encoded), batch, offset);
    }

    /** Writes an already decoded image; see the class comment for the steps. */
    public void write(BufferedImage image, float[] batch, int offset) {
        int[] rgb = onWhiteResized(image);
        int channel = layout.channelStride(size);
        int step = layout.pixelStride();
        for (int p = 0, at = offset; p < rgb.length; p++, at += step) {
            int pixel = rgb[p];
            batch[at] = (((pixel >>> 16) & 0xFF) / 255f - mean[0]) / std[0];
            batch[at + channel] = (((pixel >>> 8) & 0xFF) / 255f - mean[1]) / std[1];
            batch[at + 2 * channel] = ((pixel & 0xFF) / 255f - mean[2]) / std[2];
        }
    }

    private int[] onWhiteResized(BufferedImage image) {
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        while (w / 2 >= size && h / 2 >= size) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h);
        }
        BufferedImage target = draw(current, size, size);
        return ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static float[] checkRgb(float[] values, String what) {
        if (values.length != 3) {
            throw new IllegalArgumentException(what + " needs 3 values (R, G, B), got " + values.length);
        }
        return values.clone();
    }
}
