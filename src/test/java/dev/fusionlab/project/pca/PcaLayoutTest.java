package dev.fusionlab.project.pca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fusionlab.task.TaskContext;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcaLayoutTest {

    /** The textbook definition, in the plainest code: variance of each coordinate over the sum of the columns' variances. */
    private static double[] directRatios(double[][] points, float[][] data) {
        int n = data.length, d = data[0].length;
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] row : data) {
                mean += row[j];
            }
            mean /= n;
            for (float[] row : data) {
                total += (row[j] - mean) * (row[j] - mean);
            }
        }
        double[] ratios = new double[2];
        for (int axis = 0; axis < 2; axis++) {
            double mean = 0;
            for (double[] p : points) {
                mean += p[axis];
            }
            mean /= n;
            for (double[] p : points) {
                ratios[axis] += (p[axis] - mean) * (p[axis] - mean);
            }
            ratios[axis] /= total;
        }
        return ratios;
    }

    @Test
    void theRatiosOfAFullFitAreTheVarianceOfEachCoordinateOverTheTotal() {
        float[][] x = PcaTest.anisotropic(2_000, 8, 1);

        PcaLayout layout = PcaLayout.fit(x, 7, 0, TaskContext.silent());

        double[] direct = directRatios(layout.points(), x);
        assertThat(layout.varianceRatios()).hasSize(2);
        assertThat(layout.varianceRatios()[0]).isCloseTo(direct[0], within(1e-9));
        assertThat(layout.varianceRatios()[1]).isCloseTo(direct[1], within(1e-9));
        assertThat(layout.varianceRatios()[0]).isGreaterThan(layout.varianceRatios()[1]);
        assertThat(layout.varianceRatios()[0] + layout.varianceRatios()[1]).isLessThan(1);
        assertThat(layout.points()).isDeepEqualTo(Pca.fit(x, PcaParams.of(2, 7), TaskContext.silent()).scores());
    }

    /** Axes fitted on 300 rows, 5,000 laid out: the shares are those of the 5,000 rows shown, not of the 300. */
    @Test
    void projectedRowsAreMeasuredOverAllRowsNotTheSubsample() {
        float[][] x = PcaTest.anisotropic(5_000, 6, 2);
        // a biased subsample: the first 300 rows shrunk towards their centre but for the first column, so the
        // subsample's spread differs from that of all rows
        float[][] sample = Arrays.stream(x, 0, 300).map(r -> {
            float[] c = r.clone();
            for (int j = 1; j < c.length; j++) {
                c[j] = 3 + j + (c[j] - 3 - j) / 4;
            }
            return c;
        }).toArray(float[][]::new);
        PcaResult fit = Pca.fit(sample, PcaParams.of(2, 3), TaskContext.silent());

        PcaLayout layout = PcaLayout.project(fit, x);

        assertThat(layout.points()).isDeepEqualTo(fit.transform(x));
        double[] direct = directRatios(layout.points(), x);
        assertThat(layout.varianceRatios()[0]).isCloseTo(direct[0], within(1e-9));
        assertThat(layout.varianceRatios()[1]).isCloseTo(direct[1], within(1e-9));
        assertThat(layout.varianceRatios()[0]).as("differs from the subsample's own ratio")
                .isNotCloseTo(fit.explainedVarianceRatio()[0], within(0.02));
        assertThat(PcaLayout.project(fit, x).varianceRatios()).containsExactly(layout.varianceRatios()); // deterministic
    }

    @Test
    void oneDimensionHasOneAxisAndNoVarianceHasNoRatios() {
        float[][] line = {{1}, {2}, {4}, {8}};
        PcaLayout one = PcaLayout.fit(line, 1, 1, TaskContext.silent());
        assertThat(one.points()[0]).hasSize(2);
        assertThat(Arrays.stream(one.points()).mapToDouble(p -> p[1])).containsOnly(0.0);
        assertThat(one.varianceRatios()[0]).isCloseTo(1, within(1e-6)); // single-precision products
        assertThat(one.varianceRatios()[1]).isZero();

        float[][] same = {{1, 2}, {1, 2}, {1, 2}};
        assertThat(PcaLayout.fit(same, 1, 1, TaskContext.silent()).varianceRatios()).isNull();
        assertThat(PcaLayout.fit(new float[][] {{1, 2}, {3, 4}}, 1, 1, TaskContext.silent()).varianceRatios()).isNull();
        assertThat(PcaLayout.fit(new float[][] {{1, 2}, {3, 4}}, 1, 1, TaskContext.silent()).points())
                .isDeepEqualTo(new double[2][2]);
    }
}
