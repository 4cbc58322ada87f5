package dev.fusionlab.caption;

import static dev.fusionlab.pipeline.DatasetFingerprint.field;
import static dev.fusionlab.pipeline.DatasetFingerprint.floats;
import static dev.fusionlab.pipeline.DatasetFingerprint.sha256;

import dev.fusionlab.encode.BundledModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Trained caption models on disk, so that a second {@code caption} run on the same data does not train
 * again: one file {@code <key>.bin} per model under {@code ~/.cache/fusionlab/captioning} (or under
 * {@code -Dfusionlab.cache}). The key is a sha256 over everything the training depends on: the model
 * format, the settings with the seed, the device, the image encoder (id and weights sha256), and for every
 * training and validation row its split, caption, label and image embedding, so a changed image, caption,
 * label, split, encoder or setting trains a new model.
 */
public final class CaptionModelCache {

    private static final String FORMAT = "fusionlab-caption-model-1";

    private final Path dir;

    public CaptionModelCache(Path dir) {
        this.dir = dir;
    }

    /** {@code captioning/} under FusionLab's cache folder. */
    public static CaptionModelCache defaultLocation() {
        return new CaptionModelCache(BundledModels.cacheRoot().resolve("captioning"));
    }

    public Path dir() {
        return dir;
    }

    /**
     * @param encoder       the image encoder's id and weights sha256
     * @param trainingRows  the rows training reads (training and validation), in order
     */
    public static String key(CaptionSpec spec, String device, List<String> encoder, List<String> splits,
                             List<String> captions, List<String> labels, float[][] image, int[] trainingRows) {
        MessageDigest digest = sha256();
        field(digest, FORMAT);
        field(digest, spec.toString());
        field(digest, device);
        encoder.forEach(e -> field(digest, e));
        for (int r : trainingRows) {
            field(digest, splits.get(r));
            field(digest, captions.get(r));
            field(digest, labels.get(r) == null ? "" : labels.get(r));
            floats(digest, image[r]);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public Path file(String key) {
        return dir.resolve(key + ".bin");
    }

    /**
     * The model stored under {@code key}; empty when there is none.
     *
     * @throws IOException when there is one but it cannot be read (the caller trains again)
     */
    public Optional<Captioner> load(String key) throws IOException {
        Path file = file(key);
        return Files.isRegularFile(file) ? Optional.of(Captioner.read(file)) : Optional.empty();
    }

    public void store(String key, Captioner captioner) throws IOException {
        captioner.write(file(key));
    }
}
