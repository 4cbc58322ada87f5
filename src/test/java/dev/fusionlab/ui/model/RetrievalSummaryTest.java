package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fusionlab.evaluate.RetrievalMetrics;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrievalSummaryTest {

    @Test
    void oneCaptionPerImageShowsBothDirectionsAgainstChance() {
        RetrievalMetrics m = new RetrievalMetrics(50, new RetrievalMetrics.Ranking(0.4, 0.8, 0.9, 2),
                new RetrievalMetrics.Ranking(0.3, 0.7, 0.86, 3));
        RetrievalSummary s = RetrievalSummary.of(m);
        assertThat(s.rows()).hasSize(2);
        RetrievalSummary.Direction t2i = s.rows().get(0);
        assertThat(t2i.recall()).containsExactly(0.4, 0.8, 0.9);
        assertThat(t2i.chance()).containsExactly(1 / 50.0, 5 / 50.0, 10 / 50.0);
        assertThat(t2i.chanceMedian()).isEqualTo(25.5);
        RetrievalSummary.Direction i2t = s.rows().get(1);
        // one caption per image: the same chance as the other direction
        assertThat(i2t.chance()[0]).isCloseTo(1 / 50.0, within(1e-12));
        assertThat(i2t.chance()[2]).isCloseTo(10 / 50.0, within(1e-12));
        assertThat(i2t.chanceMedian()).isEqualTo(25); // smallest k with k/50 >= 0.5
        assertThat(s.header()).contains("50 images, 50 captions");
        assertThat(s.lines().get(0)).startsWith("Text → image").contains("R@1 40% (chance 2%)")
                .contains("median rank 2 (chance 25.5)");
        assertThat(s.lines().get(1)).contains("R@10 86% (chance 20%)").contains("median rank 3 (chance 25)");
    }

    @Test
    void severalCaptionsPerImageRaiseImageToTextChance() {
        // 10 images, 50 captions: 5 own captions each
        RetrievalMetrics m = new RetrievalMetrics(50, 10, new RetrievalMetrics.Ranking(0.5, 1, 1, 1.5),
                new RetrievalMetrics.Ranking(0.6, 1, 1, 1));
        RetrievalSummary s = RetrievalSummary.of(m);
        assertThat(s.rows().get(0).chance()).containsExactly(0.1, 0.5, 1.0);
        assertThat(s.rows().get(1).chance()[0]).isCloseTo(5 / 50.0, within(1e-12));
        // none of 5 in the first 5 of 50: C(45,5)/C(50,5)
        double none = 45.0 * 44 * 43 * 42 * 41 / (50.0 * 49 * 48 * 47 * 46);
        assertThat(s.rows().get(1).chance()[1]).isCloseTo(1 - none, within(1e-12));
        assertThat(RetrievalSummary.anyWithin(50, 5, 46)).isEqualTo(1);
    }

    @Test
    void noJointSpaceNoSummary() {
        assertThat(RetrievalSummary.of(Optional.empty())).isEmpty();
    }
}
