package dev.fusionlab.project.umap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fusionlab.task.CancellationToken;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UmapTest {

    private static final int CLUSTERS = 4;
    private static final int PER_CLUSTER = 80;

    /** Well separated Gaussian clusters in 20 dimensions; label of row i is i / PER_CLUSTER. */
    private static float[][] clusters(long seed) {
        Random random = new Random(seed);
        float[][] x = new float[CLUSTERS * PER_CLUSTER][20];
        for (int c = 0; c < CLUSTERS; c++) {
            double[] centre = new double[20];
            for (int j = 0; j < 20; j++) {
                centre[j] = random.nextGaussian() * 10;
            }
            for (int p = 0; p < PER_CLUSTER; p++) {
                for (int j = 0; j < 20; j++) {
                    x[c * PER_CLUSTER + p][j] = (float) (centre[j] + random.nextGaussian());
                }
            }
        }
        return x;
    }

    private static double[][] layout(float[][] x, UmapParams params) {
        ExactNeighbors knn = new ExactNeighbors(x, params.nNeighbors() - 1);
        return Umap.layout(x, knn.indices, knn.distances, params, TaskContext.silent());
    }

    @Test
    void separatedClustersStaySeparatedAndEveryPointComesBack() {
        float[][] x = clusters(1);
        double[][] y = layout(x, UmapParams.defaults(42).withEpochs(200));

        assertThat(y).hasNumberOfRows(x.length);
        for (double[] point : y) {
            assertThat(point).hasSize(2);
            assertThat(Double.isFinite(point[0]) && Double.isFinite(point[1])).isTrue();
        }
        // every cluster is tighter than its distance to any other cluster
        double[][] centres = new double[CLUSTERS][2];
        double[] radius = new double[CLUSTERS];
        for (int i = 0; i < y.length; i++) {
            centres[i / PER_CLUSTER][0] += y[i][0] / PER_CLUSTER;
            centres[i / PER_CLUSTER][1] += y[i][1] / PER_CLUSTER;
        }
        for (int i = 0; i < y.length; i++) {
            double[] c = centres[i / PER_CLUSTER];
            radius[i / PER_CLUSTER] = Math.max(radius[i / PER_CLUSTER], Math.hypot(y[i][0] - c[0], y[i][1] - c[1]));
        }
        for (int a = 0; a < CLUSTERS; a++) {
            for (int b = a + 1; b < CLUSTERS; b++) {
                double gap = Math.hypot(centres[a][0] - centres[b][0], centres[a][1] - centres[b][1]);
                assertThat(gap).as("clusters %d and %d", a, b).isGreaterThan(radius[a] + radius[b]);
            }
        }
    }

    @Test
    void duplicatePointsStillComeBackFinite() {
        float[][] x = clusters(5);
        for (int i = 1; i < 40; i++) {
            x[i] = x[0].clone(); // 40 identical rows: zero distances everywhere in their neighbourhoods
        }
        double[][] y = layout(x, UmapParams.defaults(3).withEpochs(50));
        assertThat(y).hasNumberOfRows(x.length);
        for (double[] point : y) {
            assertThat(Double.isFinite(point[0]) && Double.isFinite(point[1])).isTrue();
        }
    }

    @Test
    void sameSeedSameLayoutForAnyThreadCount() {
        float[][] x = clusters(2);
        UmapParams params = UmapParams.defaults(7).withEpochs(60);
        double[][] one = layout(x, params.withThreads(1));
        double[][] again = layout(x, params.withThreads(1));
        double[][] three = layout(x, params.withThreads(3));
        assertThat(again).isDeepEqualTo(one);
        assertThat(three).isDeepEqualTo(one);
        double[][] otherSeed = layout(x, new UmapParams(15, 0.1, 60, 8, 1));
        assertThat(otherSeed).isNotEqualTo(one);
    }

    @Test
    void attractionCurveMatchesUmapLearnForDefaults() {
        AttractionCurve curve = AttractionCurve.fit(0.1, 1.0);
        assertThat(curve.a()).isCloseTo(1.577, within(0.005));
        assertThat(curve.b()).isCloseTo(0.895, within(0.005));
    }

    @Test
    void fastPowerIsAccurateOverTheRangeOfSquaredDistances() {
        for (double x = 1e-6; x < 1e6; x *= 1.37) {
            for (double p : new double[] {0.895, -0.105, 0.5, 1.2}) {
                double exact = Math.pow(x, p);
                assertThat((double) LayoutOptimizer.pow((float) x, p)).isCloseTo(exact, within(2e-5 * exact));
            }
        }
    }

    @Test
    void membershipsSumToLog2OfNeighbourhoodSize() {
        float[] distances = {0.5f, 0.7f, 0.8f, 1.1f, 1.5f, 1.6f, 2.0f};
        float[] w = FuzzyGraph.memberships(distances);
        double sum = 0;
        for (float v : w) {
            sum += v;
        }
        assertThat(w[0]).isEqualTo(1f); // the nearest neighbour is always fully connected
        assertThat(sum).isCloseTo(Math.log(8) / Math.log(2), within(1e-3));
    }

    @Test
    void fuzzyUnionIsSymmetric() {
        float[][] x = clusters(3);
        ExactNeighbors knn = new ExactNeighbors(x, 10);
        FuzzyGraph graph = FuzzyGraph.build(knn.indices, knn.distances);
        for (int i = 0; i < graph.size(); i++) {
            for (int e = graph.rowStart()[i]; e < graph.rowStart()[i + 1]; e++) {
                int j = graph.columns()[e];
                assertThat(weight(graph, j, i)).isEqualTo(graph.weights()[e]);
            }
        }
    }

    private static float weight(FuzzyGraph graph, int from, int to) {
        for (int e = graph.rowStart()[from]; e < graph.rowStart()[from + 1]; e++) {
            if (graph.columns()[e] == to) {
                return graph.weights()[e];
            }
        }
        return 0;
    }

    @Test
    void reportsEpochsAndStopsWhenCancelled() {
        float[][] x = clusters(4);
        ExactNeighbors knn = new ExactNeighbors(x, 14);
        CancellationToken token = new CancellationToken();
        List<String> messages = new ArrayList<>();
        TaskContext ctx = new TaskContext((stage, fraction, message) -> {
            messages.add(message);
            if (message.startsWith("epoch 3/")) {
                token.cancel();
            }
        }, token);
        assertThatThrownBy(() -> Umap.layout(x, knn.indices, knn.distances, UmapParams.defaults(1), ctx))
                .isInstanceOf(CancelledException.class);
        assertThat(messages).contains("epoch 1/500", "epoch 3/500").doesNotContain("epoch 4/500");
    }
}
