package dev.fusionlab.project;

import dev.fusionlab.project.pca.PcaLayout;
import dev.fusionlab.project.tsne.FastTsne;
import dev.fusionlab.project.tsne.IterationListener;
import dev.fusionlab.project.umap.Umap;
import dev.fusionlab.task.TaskContext;

/**
 * The one entry point the pipeline, the GUI and the CLI use to lay embeddings out in 2D, whatever the
 * method. Every method returns one row per input row, in input order.
 */
public final class Projector {

    private Projector() {
    }

    /**
     * @param data   n x d embeddings (rows of equal length)
     * @param method PCA (fast, linear, shows global variance), t-SNE (local clusters) or UMAP (local and
     *               some global structure; fast)
     * @return n x 2 coordinates
     * @throws IllegalArgumentException on ragged input, or a data set too large for the chosen method,
     *                                  with a message that says why
     */
    public static double[][] project(float[][] data, ProjectionMethod method, ProjectionParams params,
                                     TaskContext ctx) {
        return project(data, method, params, ctx, IterationListener.NONE);
    }

    /**
     * As {@link #project(float[][], ProjectionMethod, ProjectionParams, TaskContext)}, showing t-SNE's
     * intermediate layouts to {@code live} every few iterations.
     */
    public static double[][] project(float[][] data, ProjectionMethod method, ProjectionParams params,
                                     TaskContext ctx, IterationListener live) {
        checkRows(data);
        if (data.length < 3) {
            return new double[data.length][2]; // one or two points: nothing to arrange
        }
        return switch (method) {
            case PCA -> PcaLayout.fit(data, params.seed(), params.threads(), ctx).points();
            case TSNE -> FastTsne.fit(data, params.tsne(), ctx, live).embedding();
            case UMAP -> Umap.fit(data, params.umap(), ctx);
        };
    }

    private static void checkRows(float[][] data) {
        if (data.length == 0) {
            return;
        }
        int d = data[0].length;
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != d) {
                throw new IllegalArgumentException("embedding row " + i + " has " + data[i].length
                        + " values, row 0 has " + d);
            }
        }
    }
}
