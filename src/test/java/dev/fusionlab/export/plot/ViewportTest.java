package dev.fusionlab.export.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The robust fit of figures and of the GUI's '0' (issue 13, item 8). */
class ViewportTest {

    private static float[][] unitSquare(int n, int far) {
        Random random = new Random(3);
        float[] xs = new float[n + far], ys = new float[n + far];
        for (int i = 0; i < n; i++) {
            xs[i] = random.nextFloat();
            ys[i] = random.nextFloat();
        }
        for (int i = n; i < n + far; i++) {
            xs[i] = 1000 + i;
            ys[i] = -500;
        }
        return new float[][] {xs, ys};
    }

    @Test
    void aFewFarPointsDoNotShrinkTheRest() {
        float[][] p = unitSquare(1000, 4);
        Viewport robust = Viewport.robustFitting(p[0], p[1], 0.04);
        assertThat(robust.width()).isLessThan(1.2);
        assertThat(robust.height()).isLessThan(1.2);
        assertThat(robust.minX()).isLessThan(0.02);
        assertThat(robust.maxX()).isGreaterThan(0.98);
        assertThat(Viewport.fitting(p[0], p[1], 0.04).width()).as("the plain box does shrink them").isGreaterThan(1000);
    }

    @Test
    void withoutOutliersEveryPointShowsWithTheMargin() {
        float[][] p = unitSquare(500, 0);
        Viewport robust = Viewport.robustFitting(p[0], p[1], 0.04);
        Viewport box = Viewport.fitting(p[0], p[1], 0.04);
        assertThat(robust).isEqualTo(box);
    }

    @Test
    void degenerateInputStillGivesAViewport() {
        Viewport one = Viewport.robustFitting(new float[] {2}, new float[] {3}, 0.04);
        assertThat(one.width()).isPositive();
        Viewport none = Viewport.robustFitting(new float[] {Float.NaN}, new float[] {1}, 0.04);
        assertThat(none.width()).isPositive();
    }
}
