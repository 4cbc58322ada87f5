package dev.fusionlab.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Split;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static float[] sure(int c) {
        float[] p = new float[2];
        p[c] = 1f;
        return p;
    }

    @Test
    void scoresOnlyLabelledTestRowsAndListsDisagreements() {
        int[] truth = {0, 1, 0, 1, -1, 1};
        Split[] splits = {Split.TRAIN, Split.TEST, Split.TEST, Split.TEST, Split.TEST, Split.VALIDATION};
        Map<Strategy, float[][]> probs = new EnumMap<>(Strategy.class);
        // rows 1..3 are the labelled test rows; row 0 (train), 4 (unlabelled), 5 (validation) must not count
        probs.put(Strategy.IMAGE, new float[][] {sure(1), sure(1), sure(0), sure(0), sure(0), sure(0)});
        probs.put(Strategy.EARLY, new float[][] {sure(1), sure(1), sure(0), sure(1), sure(1), sure(0)});
        Evaluation e = Evaluation.onTest(truth, splits, probs, List.of("x", "y"));

        assertThat(e.testRows()).containsExactly(1, 2, 3);
        assertThat(e.metrics().get(Strategy.IMAGE).accuracy()).isEqualTo(2 / 3.0);
        assertThat(e.metrics().get(Strategy.EARLY).accuracy()).isEqualTo(1.0);
        Evaluation.StrategyPair cmp = e.comparison(Strategy.EARLY, Strategy.IMAGE);
        assertThat(cmp.a()).isEqualTo(Strategy.IMAGE);
        assertThat(cmp.mcNemar().b()).isZero();
        assertThat(cmp.mcNemar().c()).isEqualTo(1);
        assertThat(cmp.disagreements()).containsExactly(new Disagreement(3, 1, 0, 1));
        assertThat(cmp.disagreements().getFirst().winner()).isEqualTo(Disagreement.Winner.B);

        Evaluation.StrategyPair asked = e.pair(Strategy.EARLY, Strategy.IMAGE); // oriented as asked
        assertThat(asked.a()).isEqualTo(Strategy.EARLY);
        assertThat(asked.mcNemar().b()).isEqualTo(1);
        assertThat(asked.mcNemar().c()).isZero();
        assertThat(asked.mcNemar().pValue()).isEqualTo(cmp.mcNemar().pValue());
        assertThat(asked.disagreements()).containsExactly(new Disagreement(3, 1, 1, 0));
        assertThat(asked.disagreements().getFirst().winner()).isEqualTo(Disagreement.Winner.A);
    }

    @Test
    void refusesATestSplitWithoutLabels() {
        assertThatThrownBy(() -> Evaluation.onTest(new int[] {-1}, new Split[] {Split.TEST},
                Map.of(Strategy.IMAGE, new float[][] {sure(0)}), List.of("x", "y")))
                .hasMessageContaining("no labelled sample");
    }
}
