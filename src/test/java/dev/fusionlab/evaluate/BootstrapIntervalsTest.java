package dev.fusionlab.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapIntervalsTest {

    @Test
    void perfectPredictionsHaveAnIntervalOfOnePoint() {
        int[] truth = {0, 1, 2, 0, 1, 2, 0, 1};
        BootstrapIntervals ci = BootstrapIntervals.of(truth, truth.clone(), 3, 7);

        assertThat(ci.accuracy()).isEqualTo(new BootstrapIntervals.Interval(1, 1));
        assertThat(ci.macroF1()).isEqualTo(new BootstrapIntervals.Interval(1, 1));
    }

    /** For accuracy the bootstrap must agree with the normal approximation 1.96 sqrt(p(1-p)/n) at this size. */
    @Test
    void accuracyIntervalMatchesTheBinomialWidth() {
        int n = 400;
        int[] truth = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 4;
            predicted[i] = i % 4 == 3 ? (i + 1) % 4 : i % 4; // 75% right
        }
        BootstrapIntervals ci = BootstrapIntervals.of(truth, predicted, 4, 2_000, 42);

        double expectedHalfWidth = 1.96 * Math.sqrt(0.75 * 0.25 / n); // 0.0424
        assertThat(ci.accuracy().halfWidth()).isCloseTo(expectedHalfWidth, within(0.006));
        assertThat(ci.accuracy().low()).isLessThan(0.75);
        assertThat(ci.accuracy().high()).isGreaterThan(0.75);
        assertThat(ci.macroF1().low()).isLessThan(ci.macroF1().high());
        assertThat(ci.caveat()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedNearlyTheSame() {
        Random random = new Random(3);
        int[] truth = random.ints(300, 0, 5).toArray();
        int[] predicted = truth.clone();
        for (int i = 0; i < predicted.length; i += 3) {
            predicted[i] = random.nextInt(5);
        }

        assertThat(BootstrapIntervals.of(truth, predicted, 5, 11)).isEqualTo(BootstrapIntervals.of(truth, predicted, 5, 11));
        BootstrapIntervals other = BootstrapIntervals.of(truth, predicted, 5, 12);
        assertThat(other.accuracy().low()).isCloseTo(BootstrapIntervals.of(truth, predicted, 5, 11).accuracy().low(),
                within(0.02));
    }

    @Test
    void macroF1OfAConfusionMatrixIsTheMetricsRule() {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int k = 2 + random.nextInt(5);
            int[] truth = random.ints(40, 0, k).toArray();
            int[] predicted = random.ints(40, 0, k).toArray();
            ClassificationMetrics metrics = ClassificationMetrics.of(truth, predicted,
                    java.util.stream.IntStream.range(0, k).mapToObj(c -> "c" + c).toList());

            assertThat(ClassificationMetrics.macroF1(metrics.confusion())).isCloseTo(metrics.macroF1(), within(1e-12));
        }
    }

    @Test
    void aSmallTestSplitComesWithACaveat() {
        int[] truth = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        int[] predicted = {0, 1, 0, 1, 0, 1, 0, 1, 1, 0};
        BootstrapIntervals ci = BootstrapIntervals.of(truth, predicted, 2, 1);

        assertThat(ci.caveat()).contains("only 10 test samples");
        assertThat(ci.accuracy().low()).isLessThan(0.8);
    }

    @Test
    void refusesMismatchedOrEmptyInput() {
        assertThatThrownBy(() -> BootstrapIntervals.of(new int[] {0}, new int[] {0, 1}, 2, 1))
                .hasMessageContaining("1 and 2");
        assertThatThrownBy(() -> BootstrapIntervals.of(new int[0], new int[0], 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
