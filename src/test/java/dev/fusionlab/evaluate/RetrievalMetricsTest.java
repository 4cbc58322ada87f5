package dev.fusionlab.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

    private static final float[][] AXES = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    @Test
    void perfectPairsRankFirstInBothDirections() {
        RetrievalMetrics m = RetrievalMetrics.of(AXES, AXES);
        assertThat(m.pairs()).isEqualTo(3);
        assertThat(m.textToImage()).isEqualTo(new RetrievalMetrics.Ranking(1, 1, 1, 1));
        assertThat(m.imageToText()).isEqualTo(new RetrievalMetrics.Ranking(1, 1, 1, 1));
    }

    @Test
    void ranksCountTheItemsMoreSimilarThanTheRightOne() {
        // caption 0 points at image 1, caption 1 at image 0, caption 2 at image 2 but weakly
        float[][] texts = {{0.2f, 0.9f, 0}, {0.9f, 0.1f, 0}, {0.5f, 0.4f, 0.3f}};
        RetrievalMetrics m = RetrievalMetrics.of(AXES, texts);
        // text -> image ranks: 2 (image 1 beats image 0), 2, 3 (images 0 and 1 beat image 2)
        assertThat(m.textToImage()).isEqualTo(new RetrievalMetrics.Ranking(0, 1, 1, 2));
        // image -> text: image 0 has 0.2 with its caption, 0.9 and 0.5 with the others -> rank 3; image 1 the
        // same (0.1 against 0.9 and 0.4) -> 3; image 2: only caption 2 has a z component -> rank 1
        assertThat(m.imageToText()).isEqualTo(new RetrievalMetrics.Ranking(1 / 3.0, 1, 1, 3));
    }

    @Test
    void tiesCountAgainstTheRightAnswer() {
        // two images with the same caption: neither caption can tell its image from the other
        float[][] images = {{1, 0}, {1, 0}, {0, 1}};
        float[][] texts = {{1, 0}, {1, 0}, {0, 1}};
        RetrievalMetrics m = RetrievalMetrics.of(images, texts);
        assertThat(m.textToImage().recallAt1()).isEqualTo(1 / 3.0);
        assertThat(m.imageToText().recallAt1()).isEqualTo(1 / 3.0);

        float[][] collapsed = {{1, 0}, {1, 0}, {1, 0}};
        assertThat(RetrievalMetrics.of(collapsed, collapsed).textToImage())
                .isEqualTo(new RetrievalMetrics.Ranking(0, 1, 1, 3));
    }

    @Test
    void refusesUnpairedInput() {
        assertThatThrownBy(() -> RetrievalMetrics.of(AXES, new float[][] {{1, 0, 0}}))
                .hasMessageContaining("3 vs 1");
    }

    // ---- several captions per image (Flickr8k/30k, COCO protocol) ----

    @Test
    void oneCaptionPerImageGivesTheSameScoresAsPairs() {
        float[][] texts = {{0.2f, 0.9f, 0}, {0.9f, 0.1f, 0}, {0.5f, 0.4f, 0.3f}};
        RetrievalMetrics pairs = RetrievalMetrics.of(AXES, texts);
        RetrievalMetrics grouped = RetrievalMetrics.of(AXES, texts, new int[] {0, 1, 2});
        assertThat(grouped).isEqualTo(pairs);
        assertThat(grouped.images()).isEqualTo(3);
    }

    @Test
    void anImageIsHitWhenAnyOfItsCaptionsIsRetrieved() {
        // image 0 owns captions 0 and 1, image 1 owns captions 2 and 3
        float[][] images = {{1, 0}, {0, 1}};
        float[][] texts = {
            {0.1f, 1},  // caption 0 of image 0, but closer to image 1
            {1, 0},     // caption 1 of image 0, exactly image 0
            {0, 1},     // caption 2 of image 1
            {0.6f, 0.8f}, // caption 3 of image 1
        };
        RetrievalMetrics m = RetrievalMetrics.of(images, texts, new int[] {0, 0, 1, 1});
        assertThat(m.pairs()).isEqualTo(4);
        assertThat(m.images()).isEqualTo(2);
        // text -> image: caption 0 ranks its image 2nd (0.1 < 1), the others 1st
        assertThat(m.textToImage()).isEqualTo(new RetrievalMetrics.Ranking(0.75, 1, 1, 1));
        // image -> text: image 0's best own caption (1, similarity 1) beats every other caption: rank 1;
        // image 1's best own caption (2, similarity 1) ties with caption 0 (similarity 1): ties count against, rank 2
        assertThat(m.imageToText()).isEqualTo(new RetrievalMetrics.Ranking(0.5, 1, 1, 1.5));
    }

    @Test
    void imageToTextCountsOnlyOtherImagesCaptionsAheadOfTheBestOwnOne() {
        float[][] images = {{1, 0}, {0, 1}};
        float[][] texts = {
            {0.5f, 0.9f}, // image 0's first caption: 0.5 with image 0, 0.9 with image 1
            {0.9f, 0.1f}, // image 0's second caption: 0.9 with image 0
            {0.7f, 0.8f}, // image 1's caption: 0.7 with image 0, 0.8 with image 1
        };
        RetrievalMetrics m = RetrievalMetrics.of(images, texts, new int[] {0, 0, 1});
        // image 0: best own caption 0.9; image 1's caption only reaches 0.7 -> rank 1 (its first caption alone,
        // at 0.5, would have ranked 2nd). Image 1: best own 0.8; image 0's first caption reaches 0.9 -> rank 2
        assertThat(m.imageToText()).isEqualTo(new RetrievalMetrics.Ranking(0.5, 1, 1, 1.5));
        // text -> image: caption 0 finds image 1 first (rank 2), captions 1 and 2 their own image first
        assertThat(m.textToImage()).isEqualTo(new RetrievalMetrics.Ranking(2 / 3.0, 1, 1, 1));
    }

    @Test
    void refusesAnImageWithoutCaptionsAndAnOwnerOutOfRange() {
        assertThatThrownBy(() -> RetrievalMetrics.of(AXES, new float[][] {{1, 0, 0}}, new int[] {0}))
                .hasMessageContaining("image 1 has no caption");
        assertThatThrownBy(() -> RetrievalMetrics.of(AXES, AXES, new int[] {0, 1, 3}))
                .hasMessageContaining("belongs to image 3");
    }
}
