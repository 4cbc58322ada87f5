package dev.fusionlab.ui.model;

import dev.fusionlab.caption.CaptionScores;
import dev.fusionlab.data.Sample;
import java.util.List;
import java.util.Map;

/**
 * The captions a trained image captioner wrote for every sample of a run, with how the captioner scored on
 * the test split against the baselines.
 *
 * @param samples   the run's samples; {@code generated[i]} is the caption of {@code samples.get(i)}'s image
 * @param generated generated caption of each sample's image (beam search), null for a sample without an image
 * @param scores    BLEU-1..4 and CIDEr-D of every system on the test split, by system key
 *                  ({@code model_image}, {@code nearest_neighbour}, ...; see {@code caption.Captioning})
 * @param fromCache whether the captioner came from the cache instead of being trained now
 */
public record RunCaptions(List<Sample> samples, String[] generated, Map<String, CaptionScores> scores,
                          boolean fromCache) {

    public RunCaptions {
        if (generated.length != samples.size()) {
            throw new IllegalArgumentException(generated.length + " captions for " + samples.size() + " samples");
        }
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    }

    /** The generated caption of row {@code i}, or null. */
    public String generated(int i) {
        return i >= 0 && i < generated.length ? generated[i] : null;
    }
}
