package dev.fusionlab.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LateWeightTunerTest {

    private static final int[] TRUTH = {0, 1, 0, 1};
    private static final int[] ALL = {0, 1, 2, 3};

    /** Rows that give the true class probability {@code p} (two classes). */
    private static float[][] confident(float p) {
        float[][] probs = new float[TRUTH.length][];
        for (int r = 0; r < probs.length; r++) {
            probs[r] = TRUTH[r] == 0 ? new float[] {p, 1 - p} : new float[] {1 - p, p};
        }
        return probs;
    }

    @Test
    void trustsTheModalityThatIsRight() {
        assertThat(LateWeightTuner.bestImageWeight(confident(0.1f), confident(0.9f), TRUTH, ALL)).isZero();
        assertThat(LateWeightTuner.bestImageWeight(confident(0.9f), confident(0.1f), TRUTH, ALL)).isEqualTo(1.0);
    }

    @Test
    void keepsEqualWeightsWhenBothSidesAreAlike() {
        assertThat(LateWeightTuner.bestImageWeight(confident(0.7f), confident(0.7f), TRUTH, ALL)).isEqualTo(0.5);
        assertThat(LateWeightTuner.bestImageWeight(confident(0.1f), confident(0.9f), TRUTH, new int[0])).isEqualTo(0.5);
    }

    @Test
    void balancesModalitiesThatAreEachRightOnHalfTheRows() {
        float[][] image = {{0.9f, 0.1f}, {0.9f, 0.1f}, {0.9f, 0.1f}, {0.9f, 0.1f}}; // right on rows 0 and 2
        float[][] text = {{0.1f, 0.9f}, {0.1f, 0.9f}, {0.1f, 0.9f}, {0.1f, 0.9f}}; // right on rows 1 and 3
        assertThat(LateWeightTuner.bestImageWeight(image, text, TRUTH, ALL)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void onlyTheGivenRowsCount() {
        float[][] image = {{0.9f, 0.1f}, {0.9f, 0.1f}, {0.9f, 0.1f}, {0.9f, 0.1f}};
        float[][] text = {{0.1f, 0.9f}, {0.1f, 0.9f}, {0.1f, 0.9f}, {0.1f, 0.9f}};
        assertThat(LateWeightTuner.bestImageWeight(image, text, TRUTH, new int[] {1, 3})).isZero();
    }
}
