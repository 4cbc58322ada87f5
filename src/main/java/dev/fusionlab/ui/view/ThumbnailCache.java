package dev.fusionlab.ui.view;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Thumbnails for the grid and the hover card, decoded in JavaFX's background loader at their display
 * size (never the full image) and kept in a bounded least-recently-used cache, so scrolling back is
 * instant and memory stays flat on large datasets. FX-thread only.
 */
public final class ThumbnailCache {

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
     * The thumbnail of an image file; it may still be loading (an {@link Image} fills in when done). Null
     * for a sample without an image (imported embeddings), which the image views show as empty.
     */
    public Image get(Path file) {
        if (file == null) {
            return null;
        }
        return cache.computeIfAbsent(file, f -> new Image(f.toUri().toString(), size, size, true, true, true));
    }

    public int size() {
        return size;
    }
}
