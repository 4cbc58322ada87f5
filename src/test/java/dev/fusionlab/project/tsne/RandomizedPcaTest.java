package dev.fusionlab.project.tsne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fusionlab.project.neighbors.Workers;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomizedPcaTest {

    @Test
    void scoresFollowTheAxesOfLargestVarianceInOrder() {
        // standard deviations 5, 3, 1 along three orthogonal but rotated axes of a 6-d space
        SplittableRandom random = new SplittableRandom(4);
        double[][] axes = {{1, 1, 0, 0, 0, 0}, {1, -1, 0, 0, 1, 0}, {0, 0, 1, 0, 0, 1}};
        double[] sd = {5, 3, 1};
        int n = 4000;
        float[][] data = new float[n][6];
        for (float[] row : data) {
            for (int a = 0; a < 3; a++) {
                double norm = 0;
                for (double v : axes[a]) {
                    norm += v * v;
                }
                double t = (random.nextDouble() * 2 - 1) * Math.sqrt(3) * sd[a];
                for (int j = 0; j < 6; j++) {
                    row[j] += (float) (t * axes[a][j] / Math.sqrt(norm));
                }
            }
            row[3] += 7; // an offset that centring must remove
        }

        float[][] scores;
        try (Workers workers = new Workers(2)) {
            scores = RandomizedPca.scores(data, 2, 1, workers);
        }

        assertThat(standardDeviation(scores, 0)).isCloseTo(5, within(0.2));
        assertThat(standardDeviation(scores, 1)).isCloseTo(3, within(0.15));
        double dot = 0;
        for (float[] s : scores) {
            dot += s[0] * s[1];
        }
        assertThat(dot / n).isCloseTo(0, within(0.05));
    }

    private static double standardDeviation(float[][] scores, int column) {
        double sum = 0;
        double sq = 0;
        for (float[] s : scores) {
            sum += s[column];
            sq += s[column] * s[column];
        }
        double mean = sum / scores.length;
        return Math.sqrt(sq / scores.length - mean * mean);
    }
}
