package dev.fusionlab.project.umap;

import dev.fusionlab.project.Workers;
import dev.fusionlab.task.TaskContext;
import java.util.SplittableRandom;

/**
 * UMAP's starting layout, scaled like umap-learn's to [0, 10] on both axes.
 *
 * <p>A connected graph gets the {@link SpectralInit spectral} layout. A disconnected one (isolated groups of
 * near-duplicates are enough) is laid out component by component, as umap-learn's
 * {@code multi_component_layout} does: each component gets its own spectral layout (a random blob when it is
 * too small for one), shrunk into a disk around its place in the {@link ComponentPlacement meta-layout}.
 * Without this the spectral start of the whole graph has component indicators for leading directions: a
 * few tiny components end up at the far ends of the axes and the bulk of the points in one corner.
 */
final class InitialLayout {

    private static final double RANGE = 10;
    private static final double NOISE = 1e-4;

    private InitialLayout() {
    }

    /**
     * @param data the input rows, whose component centroids place the components relative to each other
     * @return interleaved x, y positions of the n points
     */
    static float[] of(float[][] data, FuzzyGraph graph, long seed, Workers workers, TaskContext ctx) {
        SplittableRandom random = new SplittableRandom(seed);
        ConnectedComponents components = ConnectedComponents.of(graph);
        double[][] axes = components.count() == 1
                ? SpectralInit.coordinates(graph, random, workers, ctx)
                : byComponent(data, graph, components, random, workers, ctx);
        float[] positions = axes == null ? null : scaleWithNoise(axes, random);
        return positions != null ? positions : randomStart(graph.size(), seed);
    }

    private static double[][] byComponent(float[][] data, FuzzyGraph graph, ConnectedComponents components,
                                          SplittableRandom random, Workers workers, TaskContext ctx) {
        ComponentPlacement placement = ComponentPlacement.of(data, components.members(), random);
        FuzzyGraph[] parts = graph.split(components);
        double[][] axes = new double[2][graph.size()];
        for (int c = 0; c < parts.length; c++) {
            ctx.throwIfCancelled("umap");
            double[][] local = SpectralInit.coordinates(parts[c], random, workers, ctx);
            if (local == null) {
                local = randomBlob(parts[c].size(), random);
            }
            fitInDisk(local, placement.radius(c));
            int[] members = components.members()[c];
            for (int i = 0; i < members.length; i++) {
                axes[0][members[i]] = placement.centre(c)[0] + local[0][i];
                axes[1][members[i]] = placement.centre(c)[1] + local[1][i];
            }
        }
        return axes;
    }

    /** Centres the points on their mean and scales them so that the farthest is {@code radius} away. */
    private static void fitInDisk(double[][] local, double radius) {
        int m = local[0].length;
        double[] mean = new double[2];
        for (int a = 0; a < 2; a++) {
            for (double v : local[a]) {
                mean[a] += v / m;
            }
        }
        double farthest = 0;
        for (int i = 0; i < m; i++) {
            farthest = Math.max(farthest, Math.hypot(local[0][i] - mean[0], local[1][i] - mean[1]));
        }
        double scale = farthest > 0 ? radius / farthest : 0;
        for (int a = 0; a < 2; a++) {
            for (int i = 0; i < m; i++) {
                local[a][i] = (local[a][i] - mean[a]) * scale;
            }
        }
    }

    /** umap-learn's start for a component too small for a spectral layout: uniform in a square. */
    private static double[][] randomBlob(int m, SplittableRandom random) {
        double[][] local = new double[2][m];
        for (double[] axis : local) {
            for (int i = 0; i < m; i++) {
                axis[i] = random.nextDouble() - 0.5;
            }
        }
        return local;
    }

    /**
     * umap-learn's scaling: largest coordinate 10, a little noise to break ties, then each axis to [0, 10].
     *
     * @return interleaved positions, or null when an axis has no spread
     */
    private static float[] scaleWithNoise(double[][] axes, SplittableRandom random) {
        double largest = 0;
        for (double[] axis : axes) {
            for (double v : axis) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        if (!(largest > 0 && Double.isFinite(largest))) {
            return null;
        }
        int n = axes[0].length;
        float[] positions = new float[2 * n];
        for (int a = 0; a < 2; a++) {
            double[] axis = axes[a];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                axis[i] = axis[i] * RANGE / largest + NOISE * gaussian(random);
                min = Math.min(min, axis[i]);
                max = Math.max(max, axis[i]);
            }
            if (!(max > min)) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                positions[2 * i + a] = (float) (RANGE * (axis[i] - min) / (max - min));
            }
        }
        return positions;
    }

    /** umap-learn's "random" start, used when the graph gives no usable layout at all. */
    private static float[] randomStart(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] positions = new float[2 * n];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = (float) (RANGE * random.nextDouble());
        }
        return positions;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
