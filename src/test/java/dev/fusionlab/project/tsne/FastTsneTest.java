package dev.fusionlab.project.tsne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.project.testdata.GaussianMixture;
import dev.fusionlab.task.CancelledException;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastTsneTest {

    /** Five blobs far apart in 20 dimensions. */
    private static final GaussianMixture BLOBS = GaussianMixture.generate(500, 20, 5, 12, 3);

    private static TsneResult fit(float[][] data, TsneParams params) {
        return FastTsne.fit(data, params, TaskContext.silent(), IterationListener.NONE);
    }

    @Test
    void costIsCloseToSmilesExactTsne() {
        GaussianMixture mixture = GaussianMixture.generate(600, 30, 6, 2, 11);
        float[][] data = mixture.points();
        double[][] asDouble = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            asDouble[i] = new double[data[i].length];
            for (int j = 0; j < data[i].length; j++) {
                asDouble[i][j] = data[i][j];
            }
        }
        smile.manifold.TSNE exact = smile.manifold.TSNE.fit(asDouble,
                new smile.manifold.TSNE.Options(2, 30, 200, 12, 1000));

        TsneResult ours = fit(data, TsneParams.defaults());

        double smileCost = KlDivergence.exact(data, exact.coordinates(), 30);
        double ourCost = KlDivergence.exact(data, ours.embedding(), 30);
        // Barnes-Hut and sparse affinities cost a few percent against the exact O(n^2) method
        assertThat(ourCost).isLessThan(smileCost * 1.10);
        assertThat(ours.klDivergence()).isBetween(0.5 * ourCost, 1.5 * ourCost);
    }

    @Test
    void separatedClustersStaySeparated() {
        TsneResult result = fit(BLOBS.points(), TsneParams.defaults());

        assertThat(nearestNeighbourAccuracy(result.embedding(), BLOBS.labels())).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void sameSeedGivesTheSameLayoutWhateverTheThreadCount() {
        TsneParams params = TsneParams.defaults().withIterations(300).withSeed(5);

        double[][] one = fit(BLOBS.points(), params.withThreads(1)).embedding();
        double[][] two = fit(BLOBS.points(), params.withThreads(2)).embedding();
        double[][] three = fit(BLOBS.points(), params.withThreads(3)).embedding();

        assertThat(two).isDeepEqualTo(one);
        assertThat(three).isDeepEqualTo(one);
    }

    @Test
    void differentSeedsGiveDifferentRandomStarts() {
        TsneParams params = TsneParams.defaults().withIterations(300)
                .withInitialization(TsneParams.Initialization.RANDOM);

        double[][] a = fit(BLOBS.points(), params.withSeed(1)).embedding();
        double[][] b = fit(BLOBS.points(), params.withSeed(2)).embedding();

        assertThat(b).isNotEqualTo(a);
        assertThat(nearestNeighbourAccuracy(b, BLOBS.labels())).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void listenerSeesSnapshotsEndingWithTheFinalLayout() {
        List<Integer> iterations = new ArrayList<>();
        float[][] last = new float[1][];
        IterationListener listener = new IterationListener() {
            @Override
            public void onSnapshot(int iteration, int total, float[] layout) {
                iterations.add(iteration);
                last[0] = layout.clone();
            }

            @Override
            public int snapshotInterval() {
                return 40;
            }
        };

        TsneResult result = FastTsne.fit(BLOBS.points(), TsneParams.defaults().withIterations(100),
                TaskContext.silent(), listener);

        assertThat(iterations).containsExactly(40, 80, 100);
        assertThat(last[0][2 * 7 + 1]).isEqualTo((float) result.embedding()[7][1]);
    }

    @Test
    void cancellationStopsTheOptimisation() {
        TaskContext ctx = TaskContext.silent();
        List<Integer> seen = new ArrayList<>();
        IterationListener cancelAtFirstSnapshot = (iteration, total, layout) -> {
            seen.add(iteration);
            ctx.cancellation().cancel();
        };

        assertThatThrownBy(() -> FastTsne.fit(BLOBS.points(), TsneParams.defaults(), ctx, cancelAtFirstSnapshot))
                .isInstanceOf(CancelledException.class);
        assertThat(seen).containsExactly(10);
    }

    @Test
    void wideInputIsReducedByPcaAndStillSeparated() {
        GaussianMixture wide = GaussianMixture.generate(400, 120, 4, 12, 9);

        TsneResult result = fit(wide.points(), TsneParams.defaults().withIterations(500));

        assertThat(nearestNeighbourAccuracy(result.embedding(), wide.labels())).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void fftInterpolationKeepsClustersSeparatedAndCostsAboutWhatBarnesHutCosts() {
        TsneParams params = TsneParams.defaults().withIterations(500);

        TsneResult barnesHut = fit(BLOBS.points(), params.withRepulsion(RepulsionMethod.BARNES_HUT));
        TsneResult fft = fit(BLOBS.points(), params.withRepulsion(RepulsionMethod.FFT_INTERPOLATION));

        assertThat(nearestNeighbourAccuracy(fft.embedding(), BLOBS.labels())).isGreaterThanOrEqualTo(0.99);
        double bhCost = KlDivergence.exact(BLOBS.points(), barnesHut.embedding(), 30);
        double fftCost = KlDivergence.exact(BLOBS.points(), fft.embedding(), 30);
        assertThat(fftCost).isBetween(0.95 * bhCost, 1.05 * bhCost);
    }

    @Test
    void fftInterpolationIsReproducibleWhateverTheThreadCount() {
        TsneParams params = TsneParams.defaults().withIterations(300).withSeed(5)
                .withRepulsion(RepulsionMethod.FFT_INTERPOLATION);

        double[][] one = fit(BLOBS.points(), params.withThreads(1)).embedding();
        double[][] two = fit(BLOBS.points(), params.withThreads(2)).embedding();

        assertThat(two).isDeepEqualTo(one);
    }

    @Test
    void anotherCpusRoundingOfThePcaStartGivesALayoutOfTheSameQuality() {
        // OpenBLAS rounds the PCA products differently on another CPU (it picks its kernels by CPU); the plain
        // Java products stand in for that here. The neighbours and affinities do not change (they never depend
        // on the BLAS), only the last bits of the starting layout, which t-SNE may amplify into another layout
        TsneParams params = TsneParams.defaults().withIterations(500).withSeed(5);
        TsneResult blas = fit(BLOBS.points(), params);
        TsneResult java;
        System.setProperty("fusionlab.pca.java", "true");
        try {
            java = fit(BLOBS.points(), params);
        } finally {
            System.clearProperty("fusionlab.pca.java");
        }

        double blasCost = KlDivergence.exact(BLOBS.points(), blas.embedding(), 30);
        double javaCost = KlDivergence.exact(BLOBS.points(), java.embedding(), 30);
        assertThat(javaCost).isBetween(0.95 * blasCost, 1.05 * blasCost);
        assertThat(nearestNeighbourAccuracy(java.embedding(), BLOBS.labels())).isGreaterThanOrEqualTo(0.99);
        assertThat(nearestNeighbourAccuracy(blas.embedding(), BLOBS.labels())).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void tooFewPointsAreRejected() {
        assertThatThrownBy(() -> fit(new float[][] {{1}, {2}, {3}}, TsneParams.defaults()))
                .hasMessageContaining("at least 4 points");
    }

    /** Leave-one-out 1-nearest-neighbour accuracy of the labels in the layout. */
    static double nearestNeighbourAccuracy(double[][] layout, int[] labels) {
        int correct = 0;
        for (int i = 0; i < layout.length; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < layout.length; j++) {
                double dx = layout[i][0] - layout[j][0];
                double dy = layout[i][1] - layout[j][1];
                double d = dx * dx + dy * dy;
                if (j != i && d < bestD) {
                    bestD = d;
                    best = j;
                }
            }
            if (labels[best] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / layout.length;
    }
}
