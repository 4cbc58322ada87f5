package dev.fusionlab.ui.scatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The faster stamping draws exactly the pixels the original per-pixel loop drew; previews are subsamples. */
class RendererFastPathTest {

    private static final int W = 301, H = 203, BACKGROUND = 0xFF1B1E23, OUTLINE = 0xFFFFFFFF;

    /** The renderer as it was before the offset tables and one-colour discs: the reference for "looks the same". */
    private static void reference(int[] pixels, ViewTransform view, float[] xs, float[] ys, int[] colours,
                                  int[] highlighted, double radius) {
        Disc disc = new Disc(Math.max(0.5, radius));
        Disc big = new Disc(ScatterRenderer.highlightRadius(radius));
        int w = view.width(), h = view.height();
        java.util.Arrays.fill(pixels, 0, w * h, BACKGROUND);
        double scale = view.scale();
        double ox = w / 2.0 - view.centreX() * scale;
        double oy = h / 2.0 + view.centreY() * scale;
        int r = disc.radius;
        for (int i = 0; i < xs.length; i++) {
            int px = (int) Math.floor(xs[i] * scale + ox);
            int py = (int) Math.floor(oy - ys[i] * scale);
            if (px < -r || py < -r || px >= w + r || py >= h + r || Float.isNaN(xs[i]) || Float.isNaN(ys[i])) {
                continue;
            }
            stamp(pixels, w, h, px, py, disc, colours[i], ScatterRenderer.darker(colours[i]));
        }
        for (int i : highlighted) {
            stamp(pixels, w, h, (int) Math.floor(xs[i] * scale + ox), (int) Math.floor(oy - ys[i] * scale), big,
                    colours[i], OUTLINE);
        }
    }

    private static void stamp(int[] pixels, int w, int h, int px, int py, Disc d, int fill, int rim) {
        for (int k = 0; k < d.dx.length; k++) {
            int x = px + d.dx[k], y = py + d.dy[k];
            if (x >= 0 && y >= 0 && x < w && y < h) {
                pixels[y * w + x] = d.rim[k] ? rim : fill;
            }
        }
    }

    private record Cloud(float[] xs, float[] ys, int[] colours) {
        static Cloud of(int n, long seed) {
            Random random = new Random(seed);
            float[] xs = new float[n], ys = new float[n];
            int[] colours = new int[n];
            for (int i = 0; i < n; i++) {
                xs[i] = (float) (random.nextGaussian() * 3); // many off the view's edges, some far away
                ys[i] = (float) (random.nextGaussian() * 2);
                colours[i] = 0xFF000000 | random.nextInt(0x1000000);
            }
            xs[3] = Float.NaN;
            ys[4] = Float.NaN;
            xs[5] = Float.POSITIVE_INFINITY;
            ys[6] = -3e38f;
            xs[7] = 1e30f;
            return new Cloud(xs, ys, colours);
        }
    }

    @Test
    void everyRadiusDrawsThePixelsTheOriginalLoopDrew() {
        Cloud cloud = Cloud.of(20_000, 1);
        ViewTransform view = new ViewTransform(25, 0.3, -0.2, W, H);
        int[] highlighted = {0, 10, 11, 12, 500};
        for (double radius : new double[] {0.5, 1, 2, 3, 4, 6}) {
            ScatterRenderer renderer = new ScatterRenderer();
            renderer.setPointRadius(radius);
            int[] fast = new int[W * H], slow = new int[W * H];
            renderer.render(fast, view, cloud.xs(), cloud.ys(), cloud.colours(), BACKGROUND, highlighted, OUTLINE);
            reference(slow, view, cloud.xs(), cloud.ys(), cloud.colours(), highlighted, radius);
            assertThat(fast).as("radius %s", radius).isEqualTo(slow);
            // the same renderer on a frame of another width: its offset table follows
            ViewTransform narrow = new ViewTransform(40, 0, 0, 120, 90);
            int[] a = new int[120 * 90], b = new int[120 * 90];
            renderer.render(a, narrow, cloud.xs(), cloud.ys(), cloud.colours(), BACKGROUND, highlighted, OUTLINE);
            reference(b, narrow, cloud.xs(), cloud.ys(), cloud.colours(), highlighted, radius);
            assertThat(a).as("radius %s, narrow frame", radius).isEqualTo(b);
        }
    }

    @Test
    void aPreviewDrawsEveryStridethPointAndAllOfAFewHighlights() {
        Cloud cloud = Cloud.of(50_000, 2);
        ViewTransform view = new ViewTransform(30, 0, 0, W, H);
        ScatterRenderer renderer = new ScatterRenderer();
        renderer.setPointRadius(1);
        int[] highlighted = {1, 2, 49_999};
        int[] preview = new int[W * H];
        int stride = renderer.renderPreview(preview, view, cloud.xs(), cloud.ys(), cloud.colours(), BACKGROUND,
                highlighted, OUTLINE, 12_000);
        assertThat(stride).isEqualTo(5).isEqualTo(ScatterRenderer.previewStride(50_000, 12_000));
        int m = (50_000 + stride - 1) / stride;
        float[] xs = new float[m + highlighted.length], ys = new float[m + highlighted.length];
        int[] colours = new int[m + highlighted.length];
        for (int k = 0; k < m; k++) {
            xs[k] = cloud.xs()[k * stride];
            ys[k] = cloud.ys()[k * stride];
            colours[k] = cloud.colours()[k * stride];
        }
        int[] moved = new int[highlighted.length];
        for (int k = 0; k < highlighted.length; k++) { // the highlights, appended, drawn on top
            xs[m + k] = cloud.xs()[highlighted[k]];
            ys[m + k] = cloud.ys()[highlighted[k]];
            colours[m + k] = cloud.colours()[highlighted[k]];
            moved[k] = m + k;
        }
        int[] expected = new int[W * H];
        renderer.render(expected, view, xs, ys, colours, BACKGROUND, moved, OUTLINE);
        // the appended highlights are also drawn as ordinary points before the top layer, which the
        // preview does not do: compare with them drawn only on top by re-rendering the subsample
        int[] subsampleOnly = new int[W * H];
        renderer.render(subsampleOnly, view, java.util.Arrays.copyOf(xs, m), java.util.Arrays.copyOf(ys, m),
                java.util.Arrays.copyOf(colours, m), BACKGROUND, new int[0], OUTLINE);
        int[] full = new int[W * H];
        renderer.render(full, view, cloud.xs(), cloud.ys(), cloud.colours(), BACKGROUND, highlighted, OUTLINE);
        int differing = 0;
        for (int p = 0; p < preview.length; p++) {
            differing += preview[p] != full[p] ? 1 : 0;
        }
        assertThat(differing).as("a fifth of the points: not the full frame").isPositive();
        // outside the highlights' discs, the preview is exactly the subsample's frame
        for (int p = 0; p < preview.length; p++) {
            if (expected[p] == subsampleOnly[p]) {
                assertThat(preview[p]).isEqualTo(subsampleOnly[p]);
            } else {
                assertThat(preview[p]).isEqualTo(expected[p]);
            }
        }
        int[] complete = new int[W * H];
        assertThat(renderer.renderPreview(complete, view, cloud.xs(), cloud.ys(), cloud.colours(), BACKGROUND,
                highlighted, OUTLINE, 50_000)).isEqualTo(1);
        assertThat(complete).as("a budget above the point count gives the full frame").isEqualTo(full);
    }
}
