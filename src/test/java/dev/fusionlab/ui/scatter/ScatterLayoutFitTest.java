package dev.fusionlab.ui.scatter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.umap.Umap;
import dev.fusionlab.project.umap.UmapParams;
import dev.fusionlab.task.TaskContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 8: the fitted view of a UMAP layout whose data fall into a big group and a separate small
 * one (the demo's 270 flags next to 1,636 other emoji) shows the big group across most of the frame.
 */
class ScatterLayoutFitTest {

    private static final int BULK = 400;
    private static final int FAR = 60;
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 700;
    /** Margins of the Explore view's fit: title above, legend on the right. */
    private static final double TOP = 40, RIGHT = 220, BOTTOM = 12, LEFT = 12;

    @Test
    void theFittedViewGivesTheBulkOfThePointsMostOfTheFrame() {
        Random random = new Random(8);
        float[][] x = new float[BULK + FAR][10];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 10; j++) {
                x[i][j] = (float) random.nextGaussian() * (i < BULK ? 1 : 0.7f) + (i >= BULK && j == 5 ? 40 : 0);
            }
        }
        double[][] y = Umap.fit(x, UmapParams.defaults(3).withEpochs(200).withThreads(1), TaskContext.silent());
        ScatterLayout layout = ScatterLayout.of(new ProjectionKey(Space.FUSED, ProjectionMethod.UMAP), y);
        ViewTransform view = ViewTransform.fit(layout.bounds(), WIDTH, HEIGHT, TOP, RIGHT, BOTTOM, LEFT);

        double[] all = screenExtent(view, y, 0, y.length);
        double[] bulk = screenExtent(view, y, 0, BULK);
        double innerW = WIDTH - LEFT - RIGHT, innerH = HEIGHT - TOP - BOTTOM;
        assertThat(Math.max(all[0] / innerW, all[1] / innerH)).as("all points fill the frame in one direction")
                .isGreaterThan(0.9);
        for (int i = 0; i < y.length; i++) {
            assertThat(view.screenX(y[i][0])).isBetween(LEFT, WIDTH - RIGHT);
            assertThat(view.screenY(y[i][1])).isBetween(TOP, HEIGHT - BOTTOM);
        }
        // before UMAP moved the far group in: 0.43 and 0.51 (now 0.72 and 0.86)
        assertThat(bulk[0] / innerW).as("bulk's share of the frame's width").isGreaterThan(0.6);
        assertThat(bulk[1] / innerH).as("bulk's share of the frame's height").isGreaterThan(0.6);
    }

    /** Width and height in pixels of points [from, to). */
    private static double[] screenExtent(ViewTransform view, double[][] y, int from, int to) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            minX = Math.min(minX, view.screenX(y[i][0]));
            maxX = Math.max(maxX, view.screenX(y[i][0]));
            minY = Math.min(minY, view.screenY(y[i][1]));
            maxY = Math.max(maxY, view.screenY(y[i][1]));
        }
        return new double[] {maxX - minX, maxY - minY};
    }
}
