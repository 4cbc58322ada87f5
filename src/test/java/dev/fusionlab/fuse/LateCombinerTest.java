package dev.fusionlab.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LateCombinerTest {

    private static final float[] IMAGE = {0.7f, 0.2f, 0.1f};
    private static final float[] TEXT = {0.1f, 0.3f, 0.6f};

    private static double sum(float[] p) {
        double s = 0;
        for (float v : p) {
            s += v;
        }
        return s;
    }

    @Test
    void weightedAtTheEndsIsOneSideAlone() {
        assertThat(LateCombiner.WEIGHTED.combine(IMAGE, TEXT, 1)).containsExactly(IMAGE);
        assertThat(LateCombiner.WEIGHTED.combine(IMAGE, TEXT, 0)).containsExactly(TEXT);
        assertThat(LateCombiner.WEIGHTED.combine(IMAGE, TEXT, 0.5)).containsExactly(LateCombiner.MEAN.combine(IMAGE, TEXT, 0.9));
    }

    @Test
    void productAndMaxAreNormalisedDistributions() {
        float[] product = LateCombiner.PRODUCT.combine(IMAGE, TEXT, 0.5);
        assertThat(sum(product)).isCloseTo(1, within(1e-6));
        assertThat(product[0] / product[2]).isCloseTo((0.7f * 0.1f) / (0.1f * 0.6f), within(1e-4f));
        float[] max = LateCombiner.MAX.combine(IMAGE, TEXT, 0.5);
        assertThat(sum(max)).isCloseTo(1, within(1e-6));
        assertThat(max[0] / max[2]).isCloseTo(0.7f / 0.6f, within(1e-4f));
    }

    @Test
    void productOfDisjointBeliefsFallsBackToUniform() {
        assertThat(LateCombiner.PRODUCT.combine(new float[] {1, 0}, new float[] {0, 1}, 0.5)).containsExactly(0.5f, 0.5f);
    }

    @Test
    void rejectsMismatchedClassesAndBadWeights() {
        assertThatThrownBy(() -> LateCombiner.MEAN.combine(IMAGE, new float[2], 0.5)).hasMessageContaining("class counts");
        assertThatThrownBy(() -> LateCombiner.WEIGHTED.combine(IMAGE, TEXT, 1.5)).hasMessageContaining("[0, 1]");
    }

    @Test
    void stackingIsNotAFormulaAndSaysWhereItsProbabilitiesComeFrom() {
        assertThat(LateCombiner.STACKING.isTrained()).isTrue();
        assertThat(LateCombiner.MEAN.isTrained()).isFalse();
        assertThatThrownBy(() -> LateCombiner.STACKING.combine(IMAGE, TEXT, 0.5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stacker")
                .hasMessageContaining("FusionModels.lateProbs");
        assertThatThrownBy(() -> LateCombiner.STACKING.combine(new float[][] {IMAGE}, new float[][] {TEXT}, 0.5))
                .isInstanceOf(IllegalStateException.class);
    }
}
