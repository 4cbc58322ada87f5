package dev.fusionlab.ui.scatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fusionlab.export.plot.Viewport;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hit-testing, navigation and pixel rendering of the projection view, without a display. */
class ScatterCoreTest {

    private static final Random RANDOM = new Random(11);

    private static float[] gaussian(int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (RANDOM.nextGaussian() * scale);
        }
        return v;
    }

    @Test
    void gridFindsTheSameNearestPointAsABruteForceSearch() {
        float[] xs = gaussian(20_000, 5), ys = gaussian(20_000, 2);
        xs[17] = Float.NaN; // a failed projection row must be ignored, not crash
        SpatialGrid grid = new SpatialGrid(xs, ys, 4);
        for (int q = 0; q < 500; q++) {
            double x = RANDOM.nextGaussian() * 6, y = RANDOM.nextGaussian() * 3, radius = 0.2;
            int expected = -1;
            double best = radius * radius;
            for (int i = 0; i < xs.length; i++) {
                double d2 = (xs[i] - x) * (xs[i] - x) + (ys[i] - y) * (ys[i] - y);
                if (d2 <= best) {
                    best = d2;
                    expected = i;
                }
            }
            assertThat(grid.nearest(x, y, radius)).as("query %d", q).isEqualTo(expected);
        }
    }

    @Test
    void lassoSelectsExactlyThePointsInsideAConcavePolygon() {
        float[] xs = gaussian(5_000, 3), ys = gaussian(5_000, 3);
        // an L shape: concave, so a bounding-box test alone would be wrong
        Polygon lasso = new Polygon(new double[] {-2, 2, 2, 0, 0, -2}, new double[] {-2, -2, 0, 0, 2, 2});
        int[] expected = IntStream.range(0, xs.length)
                .filter(i -> xs[i] >= -2 && xs[i] <= 2 && ys[i] >= -2 && ys[i] <= 2 && !(xs[i] > 0 && ys[i] > 0))
                .toArray();
        int[] found = new SpatialGrid(xs, ys, 4).inside(lasso);
        assertThat(found.length).isBetween(expected.length - 3, expected.length); // points exactly on an edge
        assertThat(expected).contains(found);
    }

    @Test
    void zoomKeepsThePointUnderTheCursorAndPanMovesByPixels() {
        ViewTransform view = ViewTransform.fit(new Viewport(-10, -5, 10, 5), 800, 400);
        assertThat(view.screenX(-10)).isCloseTo(0, within(1e-9));
        assertThat(view.screenY(5)).isCloseTo(0, within(1e-9));
        double dataX = view.dataX(600), dataY = view.dataY(100);
        ViewTransform zoomed = view.zoomAt(2.5, 600, 100);
        assertThat(zoomed.screenX(dataX)).isCloseTo(600, within(1e-9));
        assertThat(zoomed.screenY(dataY)).isCloseTo(100, within(1e-9));
        ViewTransform panned = zoomed.panBy(30, -20);
        assertThat(panned.screenX(dataX)).isCloseTo(630, within(1e-9));
        assertThat(panned.screenY(dataY)).isCloseTo(80, within(1e-9));
        Viewport visible = panned.visible();
        assertThat(visible.width() / visible.height()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void rendererStampsEachPointInItsColourAndHighlightsOnTop() {
        int w = 100, h = 80, background = 0xFFFFFFFF;
        ViewTransform view = new ViewTransform(10, 0, 0, w, h); // data (0,0) at pixel (50,40)
        float[] xs = {0, 2, 2.2f, 100};
        float[] ys = {0, 1, 1, 0};
        int[] colours = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFF000000};
        int[] pixels = new int[w * h];
        ScatterRenderer renderer = new ScatterRenderer();
        renderer.setPointRadius(3);

        renderer.render(pixels, view, xs, ys, colours, background, new int[0], 0xFF000000);
        assertThat(pixels[40 * w + 50]).isEqualTo(0xFFFF0000);
        assertThat(pixels[30 * w + 72]).as("point 2 drawn after point 1").isEqualTo(0xFF0000FF);
        assertThat(pixels[0]).isEqualTo(background);
        assertThat(IntStream.of(pixels).filter(p -> p == 0xFF000000).count()).as("off-screen point").isZero();

        renderer.render(pixels, view, xs, ys, colours, background, new int[] {1}, 0xFF000000);
        assertThat(pixels[30 * w + 70]).as("highlighted point on top").isEqualTo(0xFF00FF00);
    }
}
