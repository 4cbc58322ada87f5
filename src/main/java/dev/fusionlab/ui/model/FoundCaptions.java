package dev.fusionlab.ui.model;

import dev.fusionlab.data.Sample;
import dev.fusionlab.pipeline.Pipeline;
import java.util.List;
import java.util.Locale;

/**
 * The captions nearest to one image in the run's joint space (image-to-text retrieval), best first.
 *
 * @param query the image's sample row
 * @param image the image's sample
 * @param hits  the nearest captions with their cosine similarity
 */
public record FoundCaptions(int query, Sample image, List<Pipeline.NearCaption> hits) {

    public FoundCaptions {
        hits = List.copyOf(hits);
    }

    /** Whether a found caption is one of the image's own (its sample, or another sample of the same image file). */
    public boolean isOwn(Pipeline.NearCaption hit) {
        return hit.row() == query || (image.image() != null && image.image().equals(hit.sample().image()));
    }

    /** 1-based rank of the image's first own caption among the hits, or 0 when none is among them. */
    public int ownRank() {
        for (int i = 0; i < hits.size(); i++) {
            if (isOwn(hits.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** "1. ✓ 0.812  red heart  (s5 · Smileys)" */
    public String line(int i) {
        Pipeline.NearCaption h = hits.get(i);
        return String.format(Locale.ROOT, "%d. %s %.3f  %s  (%s%s)", i + 1, isOwn(h) ? "✓" : " ", h.similarity(),
                h.sample().text(), h.sample().id(), h.sample().label() == null ? "" : " · " + h.sample().label());
    }
}
