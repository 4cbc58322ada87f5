package dev.fusionlab.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.task.TaskContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectorTest {

    private static float[][] random(int n, int d, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void everyMethodReturnsOneFinitePointPerRow() {
        float[][] x = random(120, 8, 1);
        for (ProjectionMethod method : ProjectionMethod.values()) {
            double[][] layout = Projector.project(x, method, ProjectionParams.defaults(3).withThreads(2),
                    TaskContext.silent());
            assertThat(layout).as(method.key()).hasNumberOfRows(120);
            for (double[] point : layout) {
                assertThat(point).hasSize(2);
                assertThat(Double.isFinite(point[0]) && Double.isFinite(point[1])).as(method.key()).isTrue();
            }
        }
    }

    @Test
    void tsneLeavesNoThreadThatWouldKeepTheJvmAlive() {
        long before = nonDaemonThreads();
        Projector.project(random(60, 5, 4), ProjectionMethod.TSNE, ProjectionParams.defaults(1), TaskContext.silent());
        assertThat(nonDaemonThreads()).isLessThanOrEqualTo(before);
    }

    private static long nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon()).count();
    }

    @Test
    void tinyAndOneDimensionalInputsStillGiveTwoColumns() {
        assertThat(Projector.project(new float[][] {{1, 2}}, ProjectionMethod.UMAP, ProjectionParams.defaults(1),
                TaskContext.silent())).isDeepEqualTo(new double[][] {{0, 0}});
        double[][] line = Projector.project(random(10, 1, 2), ProjectionMethod.PCA, ProjectionParams.defaults(1),
                TaskContext.silent());
        assertThat(line).hasNumberOfRows(10);
        assertThat(line[3]).hasSize(2);
    }

    @Test
    void raggedRowsAreRejectedNamingTheRow() {
        float[][] x = {{1, 2}, {3, 4}, {5, 6}, {7}};
        assertThatThrownBy(() -> Projector.project(x, ProjectionMethod.UMAP, ProjectionParams.defaults(1),
                TaskContext.silent())).hasMessageContaining("row 3");
    }
}
