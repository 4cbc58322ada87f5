package dev.fusionlab.ui.view;

import dev.fusionlab.data.ImageDecoding;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Thumbnails for the grid and the hover card, decoded off the FX thread at their display size and kept
 * in a bounded least-recently-used cache, so scrolling back is instant and memory stays flat on large
 * datasets. FX-thread only.
 *
 * <p>Images are decoded by {@link ImageDecoding}, the decoder the encoders use, not by JavaFX's own
 * loader: JavaFX reads neither WebP, TIFF nor CMYK JPEG and ignores EXIF orientation, so the grid would
 * show blanks or sideways photos for images the model sees fine. A thumbnail starts transparent and
 * fills in when its image is decoded; one that cannot be decoded stays blank (the loader already
 * listed why).
 */
public final class ThumbnailCache {

    /** One decoding thread: thumbnails must never compete with a run for the cores. */
    private static final ExecutorService DECODER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fusionlab-thumbnails");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    private final int size;
    private final Map<Path, Image> cache;

    /** @param size edge of the square box a thumbnail fits in, px; @param capacity images kept */
    public ThumbnailCache(int size, int capacity) {
        this.size = size;
        this.cache = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The thumbnail of an image file; it may still be loading (it fills in when done). Null for a sample
     * without an image file ({@code file == null}): the view shows no thumbnail.
     */
    public Image get(Path file) {
        if (file == null) {
            return null;
        }
        return cache.computeIfAbsent(file, this::load);
    }

    public int size() {
        return size;
    }

    private Image load(Path file) {
        WritableImage thumbnail = new WritableImage(size, size);
        DECODER.execute(() -> {
            int[] argb;
            try {
                argb = fitted(ImageDecoding.decode(file), size);
            } catch (Exception | OutOfMemoryError e) {
                return; // stays blank: the dataset's problem list says why the image is unusable
            }
            Platform.runLater(() -> thumbnail.getPixelWriter()
                    .setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), argb, 0, size));
        });
        return thumbnail;
    }

    /** The image scaled to fit a {@code box x box} square, aspect kept, centred on transparency. */
    static int[] fitted(BufferedImage image, int box) {
        double scale = Math.min((double) box / image.getWidth(), (double) box / image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage target = new BufferedImage(box, box, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            BufferedImage current = image;
            while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) { // halve first: no aliasing
                current = halved(current);
            }
            g.drawImage(current, (box - w) / 2, (box - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        return target.getRGB(0, 0, box, box, null, 0, box);
    }

    private static BufferedImage halved(BufferedImage image) {
        BufferedImage half = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = half.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, half.getWidth(), half.getHeight(), null);
        } finally {
            g.dispose();
        }
        return half;
    }
}
