package dev.fusionlab.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void confusionRowsAreTruthAndColumnsArePredictions() {
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] predicted = {0, 1, 0, 1, 2, 2};
        ClassificationMetrics m = ClassificationMetrics.of(truth, predicted, ABC);
        assertThat(m.confusion()).isDeepEqualTo(new int[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}});
        assertThat(m.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(m.total()).isEqualTo(6);
        // a: P 2/2, R 2/3, F1 0.8; b: P 1/2, R 1/2, F1 0.5; c: P 1/2, R 1, F1 2/3
        ClassMetrics a = m.perClass().get(0);
        assertThat(a.precision()).isEqualTo(1.0);
        assertThat(a.recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(a.f1()).isCloseTo(0.8, within(1e-12));
        assertThat(a.support()).isEqualTo(3);
        assertThat(m.perClass().get(2).f1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((0.8 + 0.5 + 2 / 3.0) / 3, within(1e-12));
    }

    @Test
    void aClassNeverPredictedScoresZeroAndCountsInMacroF1() {
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 0, 1, 1, 1, 0};
        ClassificationMetrics m = ClassificationMetrics.of(truth, predicted, ABC);
        ClassMetrics c = m.perClass().get(2);
        assertThat(c.precision()).isZero();
        assertThat(c.recall()).isZero();
        assertThat(c.f1()).isZero();
        // a: P 2/3 R 1 F1 0.8; b: P 2/3 R 1 F1 0.8; c: 0
        assertThat(m.macroF1()).isCloseTo(1.6 / 3, within(1e-12));
    }

    @Test
    void aClassAbsentFromTruthAndPredictionsIsLeftOutOfMacroF1() {
        ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 1}, new int[] {0, 1}, ABC);
        assertThat(m.macroF1()).isEqualTo(1.0);
        assertThat(m.perClass().get(2).support()).isZero();
    }

    @Test
    void rejectsMismatchedOrOutOfRangeInput() {
        assertThatThrownBy(() -> ClassificationMetrics.of(new int[] {0}, new int[] {0, 1}, ABC))
                .hasMessageContaining("1 true labels but 2 predictions");
        assertThatThrownBy(() -> ClassificationMetrics.of(new int[] {-1}, new int[] {0}, ABC))
                .hasMessageContaining("sample 0").hasMessageContaining("true label -1");
    }

    @Test
    void argmaxPrefersTheFirstOfEqualMaxima() {
        assertThat(Decisions.argmax(new float[][] {{0.2f, 0.5f, 0.3f}, {0.4f, 0.4f, 0.2f}}))
                .containsExactly(1, 0);
    }
}
