package dev.fusionlab.caption;

import dev.fusionlab.pipeline.EncodedDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One captioning experiment on a dataset's test split (see {@link Captioning}).
 *
 * @param datasetRoot          the dataset folder or file
 * @param datasetName          its name
 * @param samples              encoded samples
 * @param trainCaptions        training image-caption pairs (captions with at least one word)
 * @param validationCaptions   validation pairs
 * @param testCaptions         test captions (the references)
 * @param testImages           distinct test images (each captioned once)
 * @param rows                 one row per test caption, in sample order
 * @param scores               BLEU and CIDEr-D of every system, by its key (see {@link Captioning})
 * @param models               the trained (or cached) models, by conditioning
 * @param mostFrequentCaption  the most frequent training caption (the constant baseline's answer)
 * @param imageEncoder         the image encoder whose embeddings were captioned
 * @param settings             seed, beam width, epochs
 * @param stageMillis          wall time of each stage
 */
public record CaptioningResult(Path datasetRoot, String datasetName, int samples, int trainCaptions,
                               int validationCaptions, int testCaptions, int testImages, List<Row> rows,
                               Map<String, CaptionScores> scores, Map<Conditioning, Model> models,
                               String mostFrequentCaption, EncodedDataset.EncoderInfo imageEncoder,
                               CaptioningSettings settings, Map<String, Long> stageMillis) {

    public CaptioningResult {
        rows = List.copyOf(rows);
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
    }

    /**
     * One test caption with what each system generated for its image.
     *
     * @param generatedWithLabel the image + label model's caption; null for unlabelled datasets
     */
    public record Row(String id, String reference, String generated, String nearestNeighbour,
                      String generatedWithLabel) {
    }

    /**
     * A model of the experiment.
     *
     * @param cacheKey  its key in the {@link CaptionModelCache}
     * @param fromCache whether it was read from the cache instead of trained
     */
    public record Model(Captioner captioner, String cacheKey, boolean fromCache) {
    }
}
