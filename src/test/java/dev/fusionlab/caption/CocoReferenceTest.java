package dev.fusionlab.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BLEU and CIDEr-D on a random corpus (80 images, 1 to 5 references each, candidates made by perturbing a
 * reference) against the numbers of coco-caption's own scorers ({@code pycocoevalcap/bleu/bleu_scorer.py}
 * with the "closest" reference length, {@code pycocoevalcap/cider/cider_scorer.py}), run in Python 3
 * (ported: only {@code xrange} and {@code iteritems} changed) on 2026-11-29, since neither nltk nor
 * pycocoevalcap could be installed offline. coco-caption's BLEU adds 1e-15 / 1e-9 to avoid dividing by
 * zero, so it agrees to about 1e-9 here, not exactly.
 */
class CocoReferenceTest {

    private static final double[] COCO_BLEU = {0.8015650010840353, 0.655953477749678, 0.5339851616096275,
            0.4350363660661897};
    private static final double COCO_CIDER_D = 1.8972951932710695;

    @Test
    void agreesWithCocoCaptionsScorers() throws Exception {
        JsonNode data;
        try (InputStream in = getClass().getResourceAsStream("coco-reference-case.json")) {
            data = new ObjectMapper().readTree(in);
        }
        List<List<String>> candidates = new ArrayList<>();
        data.get("candidates").forEach(c -> candidates.add(words(c)));
        List<List<List<String>>> references = new ArrayList<>();
        data.get("references").forEach(refs -> {
            List<List<String>> r = new ArrayList<>();
            refs.forEach(ref -> r.add(words(ref)));
            references.add(r);
        });
        assertThat(candidates).hasSize(80);
        double[] bleu = Bleu.corpus(candidates, references, 4);
        for (int n = 0; n < 4; n++) {
            assertThat(bleu[n]).as("BLEU-%d", n + 1).isCloseTo(COCO_BLEU[n], within(1e-8));
        }
        assertThat(CiderD.corpus(candidates, references)).isCloseTo(COCO_CIDER_D, within(1e-9));
    }

    private static List<String> words(JsonNode array) {
        List<String> w = new ArrayList<>();
        array.forEach(x -> w.add(x.asText()));
        return w;
    }
}
