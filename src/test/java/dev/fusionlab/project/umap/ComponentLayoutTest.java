package dev.fusionlab.project.umap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fusionlab.project.Workers;
import dev.fusionlab.project.quality.Trustworthiness;
import dev.fusionlab.task.TaskContext;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** UMAP on graphs that fall apart into several connected components. */
class ComponentLayoutTest {

    private static final int BLOB = 300;
    private static final int DIMENSIONS = 10;
    private static final int K = 14;

    /** A Gaussian blob at the origin followed by three pairs of points, each pair far away in its own direction. */
    private static float[][] blobAndFarPairs() {
        Random random = new Random(11);
        float[][] x = new float[BLOB + 6][DIMENSIONS];
        for (int i = 0; i < BLOB; i++) {
            for (int j = 0; j < DIMENSIONS; j++) {
                x[i][j] = (float) random.nextGaussian();
            }
        }
        for (int pair = 0; pair < 3; pair++) {
            for (int p = 0; p < 2; p++) {
                float[] point = x[BLOB + 2 * pair + p];
                point[pair] = 40 + (pair == 1 ? -80 : 0);
                point[pair + 3] = 0.05f * p;
            }
        }
        return x;
    }

    /**
     * The blob's exact k nearest neighbours among blob points; each pair's only neighbour is its partner: the
     * graph has four components, as a kNN graph gets when near-duplicates fill each other's neighbourhoods.
     */
    private static double[][] layout(float[][] x, UmapParams params) {
        KnnLists knn = knn(x);
        return Umap.layout(x, knn.indices(), knn.distances(), params, TaskContext.silent());
    }

    private static FuzzyGraph graph(float[][] x) {
        KnnLists knn = knn(x);
        return FuzzyGraph.build(knn.indices(), knn.distances());
    }

    private record KnnLists(int[][] indices, float[][] distances) {
    }

    private static KnnLists knn(float[][] x) {
        ExactNeighbors blob = new ExactNeighbors(Arrays.copyOf(x, BLOB), K);
        int[][] indices = Arrays.copyOf(blob.indices, x.length);
        float[][] distances = Arrays.copyOf(blob.distances, x.length);
        for (int i = BLOB; i < x.length; i++) {
            int partner = i ^ 1; // BLOB is even: pairs are (BLOB, BLOB + 1), ...
            indices[i] = new int[] {partner};
            distances[i] = new float[] {distance(x[i], x[partner])};
        }
        return new KnnLists(indices, distances);
    }

    private static float distance(float[] a, float[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return (float) Math.sqrt(sum);
    }

    /** Width and height of the bounding box of points [from, to). */
    private static double[] extent(double[][] y, int from, int to) {
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = from; i < to; i++) {
            for (int a = 0; a < 2; a++) {
                min[a] = Math.min(min[a], y[i][a]);
                max[a] = Math.max(max[a], y[i][a]);
            }
        }
        return new double[] {max[0] - min[0], max[1] - min[1]};
    }

    @Test
    void eachComponentStartsSpreadOutAndTheBigOneGetsMostOfThePlot() {
        float[][] x = blobAndFarPairs();
        double[][] start;
        try (Workers workers = new Workers(1)) {
            float[] positions = InitialLayout.of(x, graph(x), 5, workers, TaskContext.silent());
            start = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                start[i] = new double[] {positions[2 * i], positions[2 * i + 1]};
            }
        }
        double[] all = extent(start, 0, start.length);
        double[] blob = extent(start, 0, BLOB);
        // a spectral start of the whole graph puts every component near one point (its leading eigenvectors are
        // component indicators); laid out separately, the blob keeps its own spread and most of the room
        double areaShare = blob[0] * blob[1] / (all[0] * all[1]);
        assertThat(areaShare).as("share of the start's bounding box covered by the blob").isGreaterThan(0.5);
    }

    @Test
    void tinyComponentsEndUpFiniteAndTogether() {
        float[][] x = blobAndFarPairs();
        double[][] y = layout(x, UmapParams.defaults(5).withEpochs(200));

        for (double[] point : y) {
            assertThat(Double.isFinite(point[0]) && Double.isFinite(point[1])).isTrue();
        }
        double[] blob = extent(y, 0, BLOB);
        assertThat(Math.min(blob[0], blob[1])).as("the blob keeps a spread").isGreaterThan(2);
        for (int i = BLOB; i < y.length; i += 2) {
            double pairGap = Math.hypot(y[i][0] - y[i + 1][0], y[i][1] - y[i + 1][1]);
            assertThat(pairGap).isLessThan(0.2 * Math.min(blob[0], blob[1]));
        }
    }

    /**
     * Issue 13: a tiny component far away in the input must neither get a huge disk (its two points were
     * spread across the gap to the rest) nor stay far out, or the bulk of the points ends up one small blob
     * once the layout is scaled to [0, 10] and the figure fitted.
     */
    @Test
    void aFarTinyComponentGetsASmallDiskNextToTheRest() {
        double[][] centres = {{0, 0}, {1, 0}, {100, 0}};
        int[] sizes = {300, 300, 2};
        double[] radii = ComponentPlacement.radii(centres, sizes);
        assertThat(radii[2]).isLessThanOrEqualTo(radii[0] * Math.sqrt(2.0 / 300) * 1.001);
        double[][] placed = ComponentPlacement.compact(centres, radii, sizes);
        double reach = 0;
        for (int c = 0; c < 3; c++) {
            reach = Math.max(reach, Math.hypot(placed[c][0] - placed[0][0], placed[c][1] - placed[0][1]) + radii[c]);
            for (int o = 0; o < c; o++) {
                assertThat(Math.hypot(placed[c][0] - placed[o][0], placed[c][1] - placed[o][1]))
                        .as("disks %d and %d do not overlap", c, o).isGreaterThanOrEqualTo(radii[c] + radii[o]);
            }
        }
        assertThat(reach).as("everything within a few radii of the largest component").isLessThan(5 * radii[0]);
        assertThat(placed[2][0]).as("the far component stays on its side").isGreaterThan(placed[1][0]);
    }

    /**
     * Issue 13, item 8: a blob, a second cluster far away in the input (its own component) and three far
     * pairs. SGD's negative sampling pushes the separate groups away until they sit several times their size
     * from the blob, so a frame fitted to the layout showed the blob in a third of it. Compacted, the blob spans
     * most of the layout in both directions and the groups keep a visible gap; every neighbourhood is as good.
     */
    @Test
    void separateGroupsEndUpCloseToTheBulkWithAGap() {
        float[][] x = blobFarClusterAndPairs();
        KnnLists knn = knnWithCluster(x);
        assertThat(ConnectedComponents.of(FuzzyGraph.build(knn.indices(), knn.distances())).count()).isEqualTo(5);
        double[][] y = Umap.layout(x, knn.indices(), knn.distances(), UmapParams.defaults(5).withEpochs(200),
                TaskContext.silent());

        double[] all = extent(y, 0, y.length);
        double[] blob = extent(y, 0, BLOB);
        // without compaction: 0.27 and 0.32, the cluster 8.2 away; trustworthiness 0.879 either way
        assertThat(blob[0] / all[0]).as("blob's share of the layout's width").isGreaterThan(0.55);
        assertThat(blob[1] / all[1]).as("blob's share of the layout's height").isGreaterThan(0.55);
        assertThat(minimumDistance(y, 0, BLOB, BLOB, BLOB + CLUSTER)).as("gap between blob and cluster")
                .isBetween(IslandCompaction.MIN_GAP * 0.999, 2.0);
        assertThat(Trustworthiness.compute(x, y, 10, 1)).isGreaterThan(0.87);
    }

    @Test
    void compactionMovesIslandsRigidlyAndLeavesCloseOnesAlone() {
        // a unit-spaced 10 x 10 grid of points 0.1 apart, a 2 x 2 square 20 away, a pair 0.8 from the grid
        float[] p = new float[2 * (100 + 4 + 2)];
        for (int i = 0; i < 100; i++) {
            p[2 * i] = 0.1f * (i % 10);
            p[2 * i + 1] = 0.1f * (i / 10);
        }
        for (int i = 0; i < 4; i++) {
            p[200 + 2 * i] = 20 + 0.1f * (i % 2);
            p[200 + 2 * i + 1] = 0.1f * (i / 2);
        }
        p[208] = -0.8f;
        p[209] = 0.5f;
        p[210] = -0.85f;
        p[211] = 0.5f;
        float[] before = p.clone();

        assertThat(IslandCompaction.apply(p)).isEqualTo(3);
        for (int i = 0; i < 100; i++) {
            assertThat(p[2 * i]).isEqualTo(before[2 * i]);
        }
        assertThat(p[208]).as("the pair already within the gap stays").isEqualTo(before[208]);
        double dx = p[200] - before[200], dy = p[201] - before[201];
        for (int i = 100; i < 104; i++) {
            assertThat((double) p[2 * i] - before[2 * i]).isCloseTo(dx, within(1e-5));
            assertThat((double) p[2 * i + 1] - before[2 * i + 1]).isCloseTo(dy, within(1e-5));
        }
        assertThat(p[200]).as("the square now sits a gap away from the grid's right edge")
                .isBetween(0.9f + (float) IslandCompaction.MIN_GAP, 0.9f + 2.5f * (float) IslandCompaction.MIN_GAP);
    }

    @Test
    void anIslandSlidesTowardsThePointsItIsLinkedToInTheGraph() {
        // a row of 100 points 0.1 apart along y = 0, and a 2 x 2 square far up and to the right
        float[] p = new float[2 * 104];
        int[][] indices = new int[104][];
        float[][] distances = new float[104][];
        for (int i = 0; i < 100; i++) {
            p[2 * i] = 0.1f * i;
            indices[i] = new int[] {i == 99 ? 98 : i + 1};
            distances[i] = new float[] {0.1f};
        }
        for (int i = 0; i < 4; i++) {
            p[200 + 2 * i] = 20 + 0.1f * (i % 2);
            p[201 + 2 * i] = 5 + 0.1f * (i / 2);
            indices[100 + i] = new int[] {100 + (i + 1) % 4};
            distances[100 + i] = new float[] {0.1f};
        }
        float[] unlinked = p.clone();
        IslandCompaction.apply(unlinked, FuzzyGraph.build(indices, distances));
        indices[100] = new int[] {101, 0}; // the square's first point is a neighbour of the row's left end
        distances[100] = new float[] {0.1f, 0.2f};
        float[] linked = p.clone();
        IslandCompaction.apply(linked, FuzzyGraph.build(indices, distances));

        assertThat(unlinked[200]).as("unlinked: beside the nearest point, the row's right end").isGreaterThan(9);
        assertThat(linked[200]).as("linked: nearer the row's left end").isLessThan(8);
        for (float[] q : List.of(unlinked, linked)) {
            double gap = Double.POSITIVE_INFINITY;
            for (int i = 0; i < 100; i++) {
                for (int j = 100; j < 104; j++) {
                    gap = Math.min(gap, Math.hypot(q[2 * i] - q[2 * j], q[2 * i + 1] - q[2 * j + 1]));
                }
            }
            assertThat(gap).as("a gap of one unit, no more").isBetween(0.999, 1.1);
        }
    }

    private static final int CLUSTER = 60;

    /** {@link #blobAndFarPairs()} with a cluster of {@value #CLUSTER} points 40 away inserted after the blob. */
    private static float[][] blobFarClusterAndPairs() {
        float[][] pairs = blobAndFarPairs();
        Random random = new Random(12);
        float[][] x = new float[pairs.length + CLUSTER][];
        System.arraycopy(pairs, 0, x, 0, BLOB);
        for (int i = 0; i < CLUSTER; i++) {
            x[BLOB + i] = new float[DIMENSIONS];
            for (int j = 0; j < DIMENSIONS; j++) {
                x[BLOB + i][j] = (float) random.nextGaussian() * 0.7f + (j == 5 ? 40 : 0);
            }
        }
        System.arraycopy(pairs, BLOB, x, BLOB + CLUSTER, 6);
        return x;
    }

    /** Exact k nearest neighbours within the blob and within the cluster; each pair's points only see each other. */
    private static KnnLists knnWithCluster(float[][] x) {
        ExactNeighbors blob = new ExactNeighbors(Arrays.copyOf(x, BLOB), K);
        ExactNeighbors cluster = new ExactNeighbors(Arrays.copyOfRange(x, BLOB, BLOB + CLUSTER), K);
        int[][] indices = new int[x.length][];
        float[][] distances = new float[x.length][];
        System.arraycopy(blob.indices, 0, indices, 0, BLOB);
        System.arraycopy(blob.distances, 0, distances, 0, BLOB);
        for (int i = 0; i < CLUSTER; i++) {
            indices[BLOB + i] = Arrays.stream(cluster.indices[i]).map(j -> j + BLOB).toArray();
            distances[BLOB + i] = cluster.distances[i];
        }
        for (int i = BLOB + CLUSTER; i < x.length; i++) {
            int partner = i ^ 1; // BLOB + CLUSTER is even
            indices[i] = new int[] {partner};
            distances[i] = new float[] {distance(x[i], x[partner])};
        }
        return new KnnLists(indices, distances);
    }

    private static double minimumDistance(double[][] y, int fromA, int toA, int fromB, int toB) {
        double best = Double.POSITIVE_INFINITY;
        for (int a = fromA; a < toA; a++) {
            for (int b = fromB; b < toB; b++) {
                best = Math.min(best, Math.hypot(y[a][0] - y[b][0], y[a][1] - y[b][1]));
            }
        }
        return best;
    }

    @Test
    void disconnectedLayoutIsTheSameForAnyThreadCount() {
        float[][] x = blobAndFarPairs();
        UmapParams params = UmapParams.defaults(9).withEpochs(30);
        assertThat(layout(x, params.withThreads(3))).isDeepEqualTo(layout(x, params.withThreads(1)));
    }

    @Test
    void wellSeparatedClustersKeepTheirNeighbourhoods() {
        // four far-apart Gaussian clusters: four components, each laid out by its own spectral start
        Random random = new Random(4);
        float[][] x = new float[4 * 80][20];
        for (int c = 0; c < 4; c++) {
            double[] centre = new double[20];
            for (int j = 0; j < 20; j++) {
                centre[j] = random.nextGaussian() * 10;
            }
            for (int p = 0; p < 80; p++) {
                for (int j = 0; j < 20; j++) {
                    x[c * 80 + p][j] = (float) (centre[j] + random.nextGaussian());
                }
            }
        }
        ExactNeighbors knn = new ExactNeighbors(x, K);
        FuzzyGraph graph = FuzzyGraph.build(knn.indices, knn.distances);
        assertThat(ConnectedComponents.of(graph).count()).isEqualTo(4);

        double[][] y = Umap.layout(x, knn.indices, knn.distances, UmapParams.defaults(2).withEpochs(200),
                TaskContext.silent());
        assertThat(Trustworthiness.compute(x, y, 10, 1)).isGreaterThan(0.9);
    }

    @Test
    void componentsAreFoundAndNumberedByFirstPoint() {
        // edges 0-3, 3-5 | 1-4 | 2 alone
        int[][] indices = {{3}, {4}, {}, {5}, {1}, {3}};
        float[][] distances = {{1}, {1}, {}, {1}, {1}, {1}};
        ConnectedComponents components = ConnectedComponents.of(FuzzyGraph.build(indices, distances));

        assertThat(components.labels()).containsExactly(0, 1, 2, 0, 1, 0);
        assertThat(components.members()).isDeepEqualTo(new int[][] {{0, 3, 5}, {1, 4}, {2}});
        FuzzyGraph first = FuzzyGraph.build(indices, distances).split(components)[0];
        assertThat(first.size()).isEqualTo(3);
        assertThat(first.columns()).containsExactly(1, 0, 2, 1); // 0-3 and 3-5, renumbered 0-1 and 1-2
    }

    @Test
    void componentDisksDoNotOverlapAndGrowWithSize() {
        double[][] centres = {{0, 0}, {1, 0}, {0, 1}, {5, 5}};
        int[] sizes = {1000, 4, 2, 50};
        double[] radii = ComponentPlacement.radii(centres, sizes);
        for (int a = 0; a < centres.length; a++) {
            for (int b = a + 1; b < centres.length; b++) {
                double gap = Math.hypot(centres[a][0] - centres[b][0], centres[a][1] - centres[b][1]);
                assertThat(radii[a] + radii[b]).isLessThanOrEqualTo(gap + 1e-12);
            }
        }
        assertThat(radii[0]).isGreaterThan(5 * radii[1]);
    }
}
