package dev.fusionlab.project.pca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.ProgressListener;
import dev.fusionlab.task.TaskContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    /** Rows with a decaying spectrum in a random rotation, shifted away from the origin. */
    static float[][] anisotropic(int n, int d, long seed) {
        Random random = new Random(seed);
        double[][] rotation = new double[d][d];
        for (double[] row : rotation) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        dev.fusionlab.project.DenseAlgebra.orthonormalize(rotation);
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double latent = random.nextGaussian() * 10.0 / (1 + a);
                for (int j = 0; j < d; j++) {
                    x[i][j] += (float) (latent * rotation[a][j]);
                }
            }
            for (int j = 0; j < d; j++) {
                x[i][j] += 3 + j;
            }
        }
        return x;
    }

    @Test
    void matchesSmileExactPcaUpToSign() {
        float[][] x = anisotropic(300, 40, 7);
        PcaResult ours = Pca.fit(x, PcaParams.of(3, 1), TaskContext.silent());

        double[][] asDouble = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            asDouble[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                asDouble[i][j] = x[i][j];
            }
        }
        smile.feature.extraction.PCA smilePca = smile.feature.extraction.PCA.fit(asDouble);
        double[][] reference = smilePca.getProjection(3).apply(asDouble);
        smile.tensor.Vector smileRatio = smilePca.varianceProportion();

        for (int c = 0; c < 3; c++) {
            double sign = Math.signum(reference[0][c]) * Math.signum(ours.scores()[0][c]);
            for (int i = 0; i < x.length; i++) {
                assertThat(ours.scores()[i][c]).isCloseTo(sign * reference[i][c], within(1e-3));
            }
            assertThat(ours.explainedVarianceRatio()[c]).isCloseTo(smileRatio.get(c), within(1e-6));
        }
    }

    @Test
    void explainedVarianceIsTheVarianceOfTheScores() {
        float[][] x = anisotropic(500, 30, 3);
        PcaResult pca = Pca.fit(x, PcaParams.of(2, 5), TaskContext.silent());
        for (int c = 0; c < 2; c++) {
            double mean = 0;
            for (double[] row : pca.scores()) {
                mean += row[c];
            }
            mean /= x.length;
            double variance = 0;
            for (double[] row : pca.scores()) {
                variance += (row[c] - mean) * (row[c] - mean);
            }
            variance /= x.length - 1;
            assertThat(mean).isCloseTo(0, within(1e-6));
            assertThat(pca.explainedVariance()[c]).isCloseTo(variance, within(1e-6 * variance));
        }
        assertThat(pca.explainedVarianceRatio()[0]).isGreaterThan(pca.explainedVarianceRatio()[1]);
        assertThat(pca.explainedVarianceRatio()[0] + pca.explainedVarianceRatio()[1]).isLessThanOrEqualTo(1.0);
    }

    @Test
    void allComponentsExplainAllVarianceAndTransformReproducesScores() {
        float[][] x = anisotropic(50, 6, 11);
        PcaResult pca = Pca.fit(x, new PcaParams(6, 10, 2, 9, 1), TaskContext.silent());
        double total = 0;
        for (double r : pca.explainedVarianceRatio()) {
            total += r;
        }
        assertThat(total).isCloseTo(1.0, within(1e-6)); // single-precision products
        double[][] again = pca.transform(x);
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < 6; c++) {
                assertThat(again[i][c]).isCloseTo(pca.scores()[i][c], within(1e-4));
            }
        }
    }

    @Test
    void sameResultForAnyThreadCountAndSignConventionHolds() {
        float[][] x = anisotropic(400, 20, 5);
        PcaResult one = Pca.fit(x, PcaParams.of(2, 3).withThreads(1), TaskContext.silent(), false);
        PcaResult three = Pca.fit(x, PcaParams.of(2, 3).withThreads(3), TaskContext.silent(), false);
        assertThat(three.scores()).isDeepEqualTo(one.scores());
        for (double[] axis : one.components()) {
            double largest = 0;
            for (double v : axis) {
                largest = Math.abs(v) > Math.abs(largest) ? v : largest;
            }
            assertThat(largest).isPositive();
        }
    }

    @Test
    void openBlasProductsGiveTheSameResultForAnyThreadCount() {
        // large enough that OpenBLAS would split the products by thread count, and round the pieces differently
        assertThat(dev.fusionlab.project.OpenBlas.available()).isTrue();
        float[][] x = anisotropic(3000, 300, 6);
        PcaResult one = Pca.fit(x, new PcaParams(50, 10, 2, 5, 1), TaskContext.silent(), true);
        for (int threads : new int[] {2, 3}) {
            PcaResult more = Pca.fit(x, new PcaParams(50, 10, 2, 5, threads), TaskContext.silent(), true);
            assertThat(more.scores()).as("%d threads", threads).isDeepEqualTo(one.scores());
            assertThat(more.components()).isDeepEqualTo(one.components());
        }
    }

    @Test
    void javaAndBlasProductsAgree() {
        float[][] x = anisotropic(400, 20, 8);
        PcaResult java = Pca.fit(x, PcaParams.of(3, 2), TaskContext.silent(), false);
        PcaResult blas = Pca.fit(x, PcaParams.of(3, 2), TaskContext.silent(), true);
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(blas.scores()[i][c]).isCloseTo(java.scores()[i][c], within(1e-3));
            }
        }
        assertThat(blas.explainedVarianceRatio()).containsExactly(java.explainedVarianceRatio(), within(1e-6));
    }

    @Test
    void rejectsRaggedRowsNamingTheRow() {
        float[][] x = {{1, 2}, {3, 4}, {5}};
        assertThatThrownBy(() -> Pca.fit(x, PcaParams.of(1, 1), TaskContext.silent()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2");
    }

    @Test
    void stopsWhenCancelled() {
        CancellationToken token = new CancellationToken();
        ProgressListener cancelOnFirstReport = (stage, fraction, message) -> token.cancel();
        float[][] x = anisotropic(100, 10, 1);
        assertThatThrownBy(() -> Pca.fit(x, PcaParams.of(2, 1), new TaskContext(cancelOnFirstReport, token)))
                .isInstanceOf(CancelledException.class);
    }
}
