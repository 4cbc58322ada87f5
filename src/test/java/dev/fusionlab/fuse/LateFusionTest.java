package dev.fusionlab.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LateFusionTest {

    private static final float[] IMAGE = {0.7f, 0.2f, 0.1f};
    private static final float[] TEXT = {0.1f, 0.3f, 0.6f};

    private static double sum(float[] p) {
        double s = 0;
        for (float v : p) {
            s += v;
        }
        return s;
    }

    private static LateFusion.Formula formula(LateCombiner combiner, double imageWeight) {
        return new LateFusion.Formula(combiner, imageWeight);
    }

    @Test
    void weightedAtTheEndsIsOneSideAlone() {
        assertThat(formula(LateCombiner.WEIGHTED, 1).combine(IMAGE, TEXT)).containsExactly(IMAGE);
        assertThat(formula(LateCombiner.WEIGHTED, 0).combine(IMAGE, TEXT)).containsExactly(TEXT);
        assertThat(formula(LateCombiner.WEIGHTED, 0.5).combine(IMAGE, TEXT))
                .containsExactly(formula(LateCombiner.MEAN, 0.9).combine(IMAGE, TEXT));
    }

    @Test
    void productAndMaxAreNormalisedDistributions() {
        float[] product = formula(LateCombiner.PRODUCT, 0.5).combine(IMAGE, TEXT);
        assertThat(sum(product)).isCloseTo(1, within(1e-6));
        assertThat(product[0] / product[2]).isCloseTo((0.7f * 0.1f) / (0.1f * 0.6f), within(1e-4f));
        float[] max = formula(LateCombiner.MAX, 0.5).combine(IMAGE, TEXT);
        assertThat(sum(max)).isCloseTo(1, within(1e-6));
        assertThat(max[0] / max[2]).isCloseTo(0.7f / 0.6f, within(1e-4f));
    }

    @Test
    void productOfDisjointBeliefsFallsBackToUniform() {
        assertThat(formula(LateCombiner.PRODUCT, 0.5).combine(new float[] {1, 0}, new float[] {0, 1}))
                .containsExactly(0.5f, 0.5f);
    }

    @Test
    void rejectsMismatchedClassesAndBadWeights() {
        assertThatThrownBy(() -> formula(LateCombiner.MEAN, 0.5).combine(IMAGE, new float[2])).hasMessageContaining("class counts");
        assertThatThrownBy(() -> formula(LateCombiner.WEIGHTED, 1.5)).hasMessageContaining("[0, 1]");
    }

    @Test
    void onlyTheFourFormulasAreFormulas() {
        assertThat(LateCombiner.STACKING.isTrained()).isTrue();
        assertThat(LateCombiner.MEAN.isTrained()).isFalse();
        for (LateCombiner learned : new LateCombiner[] {LateCombiner.STACKING, LateCombiner.TUNED}) {
            assertThat(learned.isFormula()).isFalse();
            assertThatThrownBy(() -> formula(learned, 0.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a formula");
        }
    }

    @Test
    void stackingOnARunWithoutAStackerFallsBackToTheMeanAndSaysWhy() {
        LateFusionModels none = LateFusionModels.untrained("too few rows");
        LateFusion.Resolved resolved = none.resolve(LateCombiner.STACKING, 0.8);

        assertThat(resolved.asked()).isEqualTo(LateCombiner.STACKING);
        assertThat(resolved.fusion()).isEqualTo(formula(LateCombiner.MEAN, 0.8));
        assertThat(resolved.isFallback()).isTrue();
        assertThat(resolved.note()).isEqualTo("No stacking in this run (too few rows): showing mean");
        assertThatThrownBy(resolved::strict).isInstanceOf(IllegalStateException.class).hasMessageContaining("too few rows");
        assertThat(none.resolve(LateCombiner.PRODUCT, 0.8).isFallback()).isFalse();
    }

    @Test
    void tunedUsesTheWeightLearnedOnTheValidationRows() {
        LateFusionModels tuned = new LateFusionModels(StackingOutcome.skipped("not asked"), 0.85);
        LateFusion fusion = tuned.resolve(LateCombiner.TUNED, 0.1).strict();

        assertThat(fusion).isEqualTo(new LateFusion.TunedWeight(0.85));
        assertThat(fusion.combine(new float[][] {IMAGE}, new float[][] {TEXT})[0])
                .containsExactly(formula(LateCombiner.WEIGHTED, 0.85).combine(IMAGE, TEXT));
        assertThat(fusion.describe()).isEqualTo("tuned, image weight 0.85");
    }

    @Test
    void aUsersWeightIsPulledIntoRangeOnEveryPath() {
        LateFusionModels none = LateFusionModels.untrained("none");
        assertThat(none.resolve(LateCombiner.WEIGHTED, 1.7).fusion().imageWeight()).isEqualTo(1.0);
        assertThat(none.resolve(LateCombiner.WEIGHTED, -3).fusion().imageWeight()).isEqualTo(0.0);
        assertThat(none.resolve(LateCombiner.WEIGHTED, Double.NaN).fusion().imageWeight()).isEqualTo(0.5);
    }
}
