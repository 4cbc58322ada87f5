package dev.fusionlab.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ModalityNormalizerTest {

    private static float[][] randomRows(int n, int dim, double offset, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][dim];
        for (float[] row : x) {
            for (int d = 0; d < dim; d++) {
                row[d] = (float) (offset + (d + 1) * random.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void usesTheTrainingRowsOnly() {
        float[][] x = randomRows(50, 8, 3, 1);
        int[] train = java.util.stream.IntStream.range(0, 30).toArray();
        float[] probe = x[45].clone();
        float[] before = ModalityNormalizer.fit(x, train).apply(probe);
        for (int r = 30; r < 50; r++) { // rewrite every non-training row
            java.util.Arrays.fill(x[r], 1000f);
        }
        assertThat(ModalityNormalizer.fit(x, train).apply(probe)).containsExactly(before);
    }

    @Test
    void trainingRowsComeOutCentredWithUnitExpectedSquaredNorm() {
        int dim = 20;
        float[][] x = randomRows(400, dim, 5, 2);
        int[] all = java.util.stream.IntStream.range(0, x.length).toArray();
        float[][] z = ModalityNormalizer.fit(x, all).apply(x);
        double squaredNorms = 0;
        for (int d = 0; d < dim; d++) {
            double mean = 0;
            for (float[] row : z) {
                mean += row[d];
            }
            assertThat(mean / z.length).isCloseTo(0, within(1e-5));
        }
        for (float[] row : z) {
            for (float v : row) {
                squaredNorms += v * v;
            }
        }
        assertThat(squaredNorms / z.length).isCloseTo(1, within(1e-3));
    }

    @Test
    void ignoresEachVectorsLengthAndSurvivesConstantDimensions() {
        float[][] x = {{1, 2, 7}, {2, 1, 7}, {3, 3, 7}};
        ModalityNormalizer n = ModalityNormalizer.fit(x, new int[] {0, 1, 2});
        float[] scaled = {5, 10, 35};
        float[] a = n.apply(x[0]);
        float[] b = n.apply(scaled);
        for (int d = 0; d < a.length; d++) {
            assertThat(b[d]).isCloseTo(a[d], within(1e-5f));
            assertThat(Float.isFinite(a[d])).isTrue();
        }
    }
}
