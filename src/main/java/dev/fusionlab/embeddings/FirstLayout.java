package dev.fusionlab.embeddings;

import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionParams;
import dev.fusionlab.project.Projector;
import dev.fusionlab.project.Workers;
import dev.fusionlab.project.pca.Pca;
import dev.fusionlab.project.pca.PcaResult;
import dev.fusionlab.task.TaskContext;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The first layout of a large matrix, in seconds: PCA axes fitted on a seeded random subsample of
 * {@value #SAMPLE_ROWS} rows, then every row projected onto them (one pass over the data, in parallel).
 * Two principal axes of 100k random rows of a 1M-row matrix agree with the full fit to a cosine of
 * 0.999+ (measured in {@code bench/embeddings}), and fitting costs a tenth. Smaller matrices get the
 * ordinary full PCA of {@link Projector}.
 */
public final class FirstLayout {

    /** Rows the axes are fitted on; also the size up to which the full PCA is used. */
    public static final int SAMPLE_ROWS = 100_000;

    private FirstLayout() {
    }

    /** n x 2 PCA coordinates, seeded: same data and seed, same layout. */
    public static double[][] pca(float[][] data, long seed, TaskContext ctx) {
        return pca(data, seed, SAMPLE_ROWS, ctx);
    }

    /** As {@link #pca(float[][], long, TaskContext)}, fitted on {@code sampleRows} rows above that many. */
    static double[][] pca(float[][] data, long seed, int sampleRows, TaskContext ctx) {
        if (data.length <= sampleRows || data[0].length < 2) {
            return Projector.project(data, ProjectionMethod.PCA, ProjectionParams.defaults(seed), ctx);
        }
        PcaResult fit = Pca.fit(sample(data, seed, sampleRows), ProjectionParams.defaults(seed).pca(2), ctx);
        ctx.report("project", 0.9, "PCA: projecting " + data.length + " rows");
        double[][] out = new double[data.length][];
        try (Workers workers = new Workers(0)) { // the caller's thread budget (the workbench keeps a core for its view)
            workers.forRange(data.length, 16_384, (from, to, worker) -> {
                double[][] part = fit.transform(Arrays.copyOfRange(data, from, to));
                System.arraycopy(part, 0, out, from, to - from);
            });
        }
        return out;
    }

    /** The fitted axes of the subsample (k x d), for the benchmark's agreement check. */
    public static double[][] sampledAxes(float[][] data, long seed, TaskContext ctx) {
        return Pca.fit(sample(data, seed, SAMPLE_ROWS), ProjectionParams.defaults(seed).pca(2), ctx).components();
    }

    private static float[][] sample(float[][] data, long seed, int size) {
        int[] rows = new SplittableRandom(seed).ints(0, data.length).distinct().limit(size).sorted().toArray();
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data[rows[i]];
        }
        return out;
    }
}
