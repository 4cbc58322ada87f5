package dev.fusionlab.project.tsne;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.project.Workers;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftRepulsionTest {

    /** Three blobs of 100 points spread over about 30 units, like a layout in mid-optimisation. */
    private static double[] layout(double spread) {
        SplittableRandom random = new SplittableRandom(3);
        double[] y = new double[2 * 300];
        for (int i = 0; i < 300; i++) {
            double cx = (i % 3 - 1) * spread;
            double cy = (i % 3 == 1 ? 0.5 : -0.5) * spread;
            y[2 * i] = cx + 2 * (random.nextDouble() - 0.5) * spread / 4;
            y[2 * i + 1] = cy + 2 * (random.nextDouble() - 0.5) * spread / 4;
        }
        return y;
    }

    private static double exact(double[] y, double[] force) {
        int n = y.length / 2;
        double z = 0;
        for (int i = 0; i < n; i++) {
            double fx = 0;
            double fy = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double q = 1 / (1 + dx * dx + dy * dy);
                    z += q;
                    fx += q * q * dx;
                    fy += q * q * dy;
                }
            }
            force[2 * i] = fx;
            force[2 * i + 1] = fy;
        }
        return z;
    }

    private static void assertMatchesExact(double spread, double tolerance) {
        double[] y = layout(spread);
        double[] expected = new double[y.length];
        double[] actual = new double[y.length];
        double exactZ = exact(y, expected);
        double z;
        try (Workers workers = new Workers(2)) {
            z = new FftRepulsion(y.length / 2, workers).compute(y, actual);
        }
        double error = 0;
        double norm = 0;
        for (int c = 0; c < y.length; c++) {
            error += (actual[c] - expected[c]) * (actual[c] - expected[c]);
            norm += expected[c] * expected[c];
        }
        assertThat(Math.sqrt(error / norm)).as("relative force error, spread %s", spread).isLessThan(tolerance);
        assertThat(z).isCloseTo(exactZ, org.assertj.core.data.Percentage.withPercentage(100 * tolerance));
    }

    @Test
    void forcesAndNormalisationMatchTheExactSumsOnACompactLayout() {
        assertMatchesExact(3, 1e-3);
    }

    @Test
    void forcesAndNormalisationMatchTheExactSumsOnAWideLayout() {
        assertMatchesExact(20, 1e-2);
    }

    @Test
    void boxWidthsAreRoundedUpToFewerThanTenPercent() {
        for (double w = 0.01; w < 100; w *= 1.37) {
            assertThat(FftRepulsion.quantizedWidth(w)).isBetween(w, w * 1.091);
        }
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        double[] y = layout(20);
        double[] one = new double[y.length];
        double[] two = new double[y.length];
        double z1;
        double z2;
        try (Workers single = new Workers(1); Workers pair = new Workers(2)) {
            z1 = new FftRepulsion(300, single).compute(y, one);
            z2 = new FftRepulsion(300, pair).compute(y, two);
        }
        assertThat(two).containsExactly(one);
        assertThat(z2).isEqualTo(z1);
    }

    @Test
    void gridGrowsWithTheLayoutUpToTheCap() {
        assertThat(FftRepulsion.fftSizeFor(1e-3)).isEqualTo(FftRepulsion.MIN_FFT);
        assertThat(FftRepulsion.fftSizeFor(60)).isEqualTo(512);
        assertThat(FftRepulsion.boxesFor(512)).isGreaterThanOrEqualTo(60);
        assertThat(FftRepulsion.fftSizeFor(120)).isEqualTo(FftRepulsion.MAX_FFT);
        assertThat(FftRepulsion.fftSizeFor(1e6)).isEqualTo(FftRepulsion.MAX_FFT);
    }
}
