package dev.fusionlab.project.neighbors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LaneDistanceTest {

    @Test
    void theTestsRunTheVectorImplementation() {
        // surefire passes --add-modules jdk.incubator.vector; without it the tests below would compare
        // the plain loop with itself only through LaneDistance, so make sure the vector path is live
        assertThat(LaneDistance.VECTORISED).isTrue();
    }

    @Test
    void vectorAndPlainLoopGiveTheSameBitsForEveryLength() {
        Random random = new Random(3);
        for (int d = 1; d <= 80; d++) {
            checkAgree(random, d);
        }
        for (int d : new int[] {127, 128, 129, 384, 385, 768, 1536}) {
            checkAgree(random, d);
        }
    }

    @Test
    void matchesTheEuclideanDistanceToFloatRounding() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            float[] a = row(random, 384, trial % 3);
            float[] b = row(random, 384, trial % 3);
            double exact = 0;
            double dot = 0;
            for (int j = 0; j < a.length; j++) {
                exact += ((double) a[j] - b[j]) * ((double) a[j] - b[j]);
                dot += (double) a[j] * b[j];
            }
            assertThat((double) LaneDistance.squaredEuclidean(a, b)).isCloseTo(exact,
                    org.assertj.core.data.Offset.offset(1e-5 * exact + 1e-30));
            assertThat((double) LaneDistance.dot(a, b)).isCloseTo(dot,
                    org.assertj.core.data.Offset.offset(1e-4 * Math.sqrt(squaredNorm(a) * squaredNorm(b)) + 1e-30));
        }
    }

    @Test
    void identicalRowsAreAtDistanceZero() {
        float[] a = row(new Random(1), 384, 2);
        assertThat(LaneDistance.squaredEuclidean(a, a.clone())).isZero();
        assertThat(LaneDistance.plain(a, a.clone())).isZero();
    }

    private static void checkAgree(Random random, int d) {
        for (int trial = 0; trial < 20; trial++) {
            float[] a = row(random, d, trial % 3);
            float[] b = trial % 5 == 0 ? nearCopy(a) : row(random, d, trial % 3);
            assertThat(Float.floatToRawIntBits(VectorLaneDistance.squaredEuclidean(a, b)))
                    .as("distance, d = %d, trial %d", d, trial)
                    .isEqualTo(Float.floatToRawIntBits(LaneDistance.plain(a, b)));
            assertThat(Float.floatToRawIntBits(VectorLaneDistance.dot(a, b)))
                    .as("dot, d = %d, trial %d", d, trial)
                    .isEqualTo(Float.floatToRawIntBits(LaneDistance.plainDot(a, b)));
        }
    }

    /** Unit-scale values, values with a large common offset, and values spanning many magnitudes. */
    private static float[] row(Random random, int d, int flavour) {
        float[] x = new float[d];
        for (int j = 0; j < d; j++) {
            x[j] = switch (flavour) {
                case 0 -> (float) random.nextGaussian();
                case 1 -> (float) (1000 + random.nextGaussian());
                default -> (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));
            };
        }
        return x;
    }

    private static float[] nearCopy(float[] a) {
        float[] b = a.clone();
        for (int j = 0; j < b.length; j += 3) {
            b[j] = Math.nextUp(b[j]);
        }
        return b;
    }

    private static double squaredNorm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return s;
    }
}
