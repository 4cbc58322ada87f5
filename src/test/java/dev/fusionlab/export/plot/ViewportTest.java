package dev.fusionlab.export.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fit of figures and of the GUI's '0' (issue 13, item 8): every point, a small margin. */
class ViewportTest {

    @Test
    void everyPointShowsWithTheMarginEvenAFarSmallGroup() {
        Random random = new Random(3);
        int n = 1000;
        float[] xs = new float[n + 5], ys = new float[n + 5];
        for (int i = 0; i < n; i++) {
            xs[i] = random.nextFloat();
            ys[i] = random.nextFloat();
        }
        for (int i = n; i < n + 5; i++) { // 0.5% of the points, far out: a percentile fit would cut them off
            xs[i] = 9 + 0.01f * i;
            ys[i] = -2;
        }
        Viewport fit = Viewport.fitting(xs, ys, 0.04);
        for (int i = 0; i < xs.length; i++) {
            assertThat(xs[i]).isBetween((float) fit.minX(), (float) fit.maxX());
            assertThat(ys[i]).isBetween((float) fit.minY(), (float) fit.maxY());
        }
        double spanX = 9 + 0.01 * (n + 4) - minimum(xs);
        assertThat(fit.width()).isCloseTo(spanX * 1.08, within(1e-4));
    }

    @Test
    void nonFiniteAndDegenerateInputStillGiveAViewport() {
        Viewport one = Viewport.fitting(new float[] {2, Float.NaN}, new float[] {3, 1}, 0.04);
        assertThat(one.width()).isEqualTo(1.0);
        assertThat(one.minX()).isEqualTo(1.5);
        Viewport none = Viewport.fitting(new float[] {Float.NaN}, new float[] {1}, 0.04);
        assertThat(none.width()).isPositive();
    }

    private static float minimum(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
