package dev.fusionlab.project.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.project.testdata.GaussianMixture;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.TaskContext;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearestNeighborsTest {

    private static final float[][] DATA = GaussianMixture.generate(6000, 32, 10, 3, 7).points();
    private static final int[] QUERIES = IntStream.range(0, DATA.length).filter(i -> i % 7 == 0).toArray();

    /**
     * Off-centre rows (as embeddings are) in several flavours that stress a product-based search: exact
     * duplicates, near-duplicates one float step apart, rows on an integer grid (many exactly equal
     * distances, so ties decide) and a large common offset (cancellation in |a|² + |b|² - 2 a·b).
     */
    private static float[][] awkwardRows(int n, int d, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                x[i][c] = switch (i % 4) {
                    case 0 -> (float) (5 + random.nextGaussian());
                    case 1 -> x[i - 1][c]; // duplicate
                    case 2 -> Math.nextUp(x[i - 2][c]); // one float step away
                    default -> (float) (1000 + random.nextInt(3)); // grid far off-centre: ties
                };
            }
        }
        return x;
    }

    @Test
    void theBlasScreenedSearchIsBitIdenticalToPairwiseJavaLoopsForAnyThreadCount() {
        // the OpenBLAS path must really run here (surefire puts the library on the path), or this proves nothing
        assertThat(dev.fusionlab.project.OpenBlas.available()).isTrue();
        float[][] x = awkwardRows(600, 48, 4);
        float[][] unit = Distances.normalizedRows(x);
        for (int k : new int[] {1, 10, 91}) {
            KnnGraph reference;
            KnnGraph cosineReference;
            try (dev.fusionlab.project.Workers one = new dev.fusionlab.project.Workers(1)) {
                reference = BruteForceKnn.searchInJava(x, k, one, TaskContext.silent()).toGraph(false);
                cosineReference = BruteForceKnn.searchInJava(unit, k, one, TaskContext.silent()).toGraph(true);
            }
            for (int threads : new int[] {1, 2, 3}) {
                try (dev.fusionlab.project.Workers workers = new dev.fusionlab.project.Workers(threads)) {
                    KnnGraph product = GramKnn.search(x, k, workers, TaskContext.silent()).toGraph(false);
                    KnnGraph cosine = GramKnn.search(unit, k, workers, TaskContext.silent()).toGraph(true);
                    assertThat(product.indices()).as("k=%d, %d threads", k, threads).isDeepEqualTo(reference.indices());
                    assertThat(product.distances()).as("k=%d, %d threads", k, threads)
                            .isDeepEqualTo(reference.distances());
                    assertThat(cosine.indices()).isDeepEqualTo(cosineReference.indices());
                    assertThat(cosine.distances()).isDeepEqualTo(cosineReference.distances());
                }
            }
        }
    }

    @Test
    void approximateSearchFindsAlmostAllTrueNeighbours() {
        KnnGraph approximate = NearestNeighbors.search(DATA, 30, 1, TaskContext.silent());
        KnnGraph exact = NearestNeighbors.exact(DATA, 30, Metric.EUCLIDEAN, 0, TaskContext.silent());

        assertThat(NearestNeighbors.recall(approximate, exact, QUERIES)).isGreaterThan(0.95);
    }

    @Test
    void cosineSearchFindsAlmostAllTrueNeighbours() {
        KnnGraph approximate = NearestNeighbors.search(DATA, 15, Metric.COSINE, 3, 2, TaskContext.silent());
        KnnGraph exact = NearestNeighbors.exact(DATA, 15, Metric.COSINE, 0, TaskContext.silent());

        assertThat(NearestNeighbors.recall(approximate, exact, QUERIES)).isGreaterThan(0.95);
        assertThat(approximate.distances()[0][0]).isBetween(0f, 2f);
    }

    @Test
    void graphExcludesSelfAndIsSortedWithTrueDistances() {
        KnnGraph graph = NearestNeighbors.search(DATA, 10, 5, TaskContext.silent());

        assertThat(graph.size()).isEqualTo(DATA.length);
        assertThat(graph.k()).isEqualTo(10);
        for (int i = 0; i < DATA.length; i++) {
            int[] idx = graph.indices()[i];
            float[] dist = graph.distances()[i];
            assertThat(idx).doesNotContain(i).doesNotHaveDuplicates();
            for (int m = 0; m < idx.length; m++) {
                float expected = (float) Math.sqrt(Distances.squaredEuclidean(DATA[i], DATA[idx[m]]));
                assertThat(dist[m]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4f));
                if (m > 0) {
                    assertThat(dist[m]).isGreaterThanOrEqualTo(dist[m - 1]);
                }
            }
        }
    }

    @Test
    void sameSeedGivesSameGraphWhateverTheThreadCount() {
        KnnGraph one = NearestNeighbors.search(DATA, 20, Metric.EUCLIDEAN, 11, 1, TaskContext.silent());
        KnnGraph two = NearestNeighbors.search(DATA, 20, Metric.EUCLIDEAN, 11, 2, TaskContext.silent());

        assertThat(two.indices()).isDeepEqualTo(one.indices());
        assertThat(two.distances()).isDeepEqualTo(one.distances());
    }

    /**
     * Embedding-like width (100 dimensions: six 16-lane steps and a 4-dimension tail of the distance
     * kernel): recall and bit-identity across thread counts.
     */
    @Test
    void wideRowsKeepRecallAndAreBitIdenticalForAnyThreadCount() {
        float[][] wide = GaussianMixture.generate(5000, 100, 8, 3, 13).points();
        KnnGraph one = NearestNeighbors.search(wide, 15, Metric.EUCLIDEAN, 21, 1, TaskContext.silent());
        KnnGraph two = NearestNeighbors.search(wide, 15, Metric.EUCLIDEAN, 21, 2, TaskContext.silent());
        KnnGraph three = NearestNeighbors.search(wide, 15, Metric.EUCLIDEAN, 21, 3, TaskContext.silent());
        KnnGraph exact = NearestNeighbors.exact(wide, 15, Metric.EUCLIDEAN, 0, TaskContext.silent());

        assertThat(NearestNeighbors.recall(two, exact, IntStream.range(0, 5000).filter(i -> i % 5 == 0).toArray()))
                .isGreaterThan(0.95);
        assertThat(two.indices()).isDeepEqualTo(one.indices());
        assertThat(two.distances()).isDeepEqualTo(one.distances());
        assertThat(three.indices()).isDeepEqualTo(one.indices());
        assertThat(three.distances()).isDeepEqualTo(one.distances());
    }

    @Test
    void exactSearchOnSmallDataMatchesHandComputedNeighbours() {
        float[][] line = {{0}, {1}, {3}, {7}};
        KnnGraph graph = NearestNeighbors.search(line, 2, 0, TaskContext.silent());

        assertThat(graph.indices()).isDeepEqualTo(new int[][] {{1, 2}, {0, 2}, {1, 0}, {2, 1}});
        assertThat(graph.distances()[3]).containsExactly(4f, 6f);
    }

    @Test
    void cancelledSearchStops() {
        TaskContext ctx = TaskContext.silent();
        ctx.cancellation().cancel();

        assertThatThrownBy(() -> NearestNeighbors.search(DATA, 10, 1, ctx)).isInstanceOf(CancelledException.class);
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        assertThatThrownBy(() -> NearestNeighbors.search(new float[][] {{1, 2}, {3}}, 1, 0, TaskContext.silent()))
                .hasMessageContaining("row 1");
        assertThatThrownBy(() -> NearestNeighbors.search(new float[][] {{1}, {Float.NaN}}, 1, 0, TaskContext.silent()))
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> NearestNeighbors.search(new float[][] {{1}, {2}}, 2, 0, TaskContext.silent()))
                .hasMessageContaining("k must be");
    }
}
