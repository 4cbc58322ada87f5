package dev.fusionlab.project.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.task.TaskContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeighbourhoodPreservationTest {

    private static float[][] points(int n, int d, long seed) {
        Random r = new Random(seed);
        float[][] out = new float[n][d];
        for (float[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        return out;
    }

    @Test
    void aLayoutThatIsTheDataKeepsEveryNeighbourhood() {
        float[][] data = points(200, 2, 1);
        double[][] layout = new double[200][];
        for (int i = 0; i < 200; i++) {
            layout[i] = new double[] {3 * data[i][0] + 1, 3 * data[i][1] - 2}; // scaled and shifted: same neighbours
        }
        double[] kept = NeighbourhoodPreservation.perPoint(data, layout, 10, 7, TaskContext.silent());
        assertThat(kept).hasSize(200).containsOnly(1.0);
    }

    @Test
    void aRandomLayoutKeepsAlmostNothingAndScoresArePerPoint() {
        float[][] data = points(300, 20, 2);
        double[][] layout = new double[300][];
        Random r = new Random(5);
        for (int i = 0; i < 300; i++) {
            layout[i] = new double[] {r.nextGaussian(), r.nextGaussian()};
        }
        double[] kept = NeighbourhoodPreservation.perPoint(data, layout, 10, 7, TaskContext.silent());
        // chance level is k / (n - 1) = 3 %
        assertThat(NeighbourhoodPreservation.mean(kept)).isLessThan(0.1);
        assertThat(java.util.Arrays.stream(kept).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }

    @Test
    void aMovedPointLosesItsNeighbourhoodAndTheOthersKeepTheirs() {
        // a line of points 0..19; the layout moves point 0 far away, among nobody
        float[][] data = new float[20][];
        double[][] layout = new double[20][];
        for (int i = 0; i < 20; i++) {
            data[i] = new float[] {i, 0, 0};
            layout[i] = new double[] {i, 0};
        }
        layout[0] = new double[] {1000, 1000};
        double[] kept = NeighbourhoodPreservation.perPoint(data, layout, 2, 1, TaskContext.silent());
        assertThat(kept[10]).isEqualTo(1.0);
        // point 0's true neighbours are 1 and 2; in the layout its nearest are 19 and 18
        assertThat(kept[0]).isEqualTo(0.0);
        // point 1's true neighbours are 0 and 2; in the layout 2 and 3
        assertThat(kept[1]).isEqualTo(0.5);
    }

    @Test
    void checksItsInput() {
        assertThatThrownBy(() -> NeighbourhoodPreservation.perPoint(new float[3][2], new double[2][2], 1, 1,
                TaskContext.silent())).hasMessageContaining("layout has 2 points but input has 3");
        assertThat(NeighbourhoodPreservation.perPoint(new float[][] {{1}}, new double[][] {{0, 0}}, 5, 1,
                TaskContext.silent())).containsExactly(1.0);
    }
}
