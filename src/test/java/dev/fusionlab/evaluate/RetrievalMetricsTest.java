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
}
