package dev.fusionlab.project.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrustworthinessTest {

    private static final int N = 400;
    private static final float[][] PLANE = new float[N][2];
    private static final double[][] SAME = new double[N][2];
    private static final double[][] SCRAMBLED = new double[N][2];

    static {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < N; i++) {
            PLANE[i][0] = (float) random.nextDouble();
            PLANE[i][1] = (float) random.nextDouble();
            SAME[i][0] = PLANE[i][0] * 3;
            SAME[i][1] = PLANE[i][1] * 3;
            SCRAMBLED[i][0] = random.nextDouble();
            SCRAMBLED[i][1] = random.nextDouble();
        }
    }

    @Test
    void aLayoutPreservingAllDistancesIsFullyTrustworthy() {
        assertThat(Trustworthiness.compute(PLANE, SAME, 10, 2)).isEqualTo(1.0);
    }

    @Test
    void anUnrelatedLayoutScoresNearChance() {
        // random neighbours have an expected input rank of about n/2, which the formula maps to about 0.5
        assertThat(Trustworthiness.compute(PLANE, SCRAMBLED, 10, 2)).isBetween(0.4, 0.6);
    }

    @Test
    void penalisesFalseNeighboursByTheirInputRank() {
        // input positions with all distances distinct; k = 1; worked by hand:
        // layout neighbour and its input rank: p0->p2 (2), p1->p4 (4), p2->p0 (2), p3->p2 (1), p4->p1 (3),
        // p5->p3 (2), so the penalty sum(rank - k) is 1 + 3 + 1 + 0 + 2 + 1 = 8
        float[][] input = {{0}, {1}, {3}, {7}, {15}, {31}};
        double[][] layout = {{0, 0}, {10, 0}, {1, 0}, {2.5, 0}, {11.5, 0}, {5, 0}};

        assertThat(Trustworthiness.compute(input, layout, 1, 1)).isCloseTo(1 - 2.0 / (6 * 1 * (12 - 3 - 1)) * 8,
                within(1e-12));
    }

    @Test
    void sampledEstimateIsCloseToTheExactValue() {
        double[][] noisy = new double[N][2];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < N; i++) {
            noisy[i][0] = PLANE[i][0] + random.nextDouble() * 0.1;
            noisy[i][1] = PLANE[i][1] + random.nextDouble() * 0.1;
        }
        double exact = Trustworthiness.compute(PLANE, noisy, 10, 2);

        assertThat(Trustworthiness.estimate(PLANE, noisy, 10, 200, 1, 2)).isCloseTo(exact, within(0.02));
        assertThat(exact).isBetween(0.8, 0.999);
    }

    @Test
    void mismatchedSizesAreRejected() {
        assertThatThrownBy(() -> Trustworthiness.compute(PLANE, new double[3][2], 1, 1))
                .hasMessageContaining("layout has 3 points");
    }
}
