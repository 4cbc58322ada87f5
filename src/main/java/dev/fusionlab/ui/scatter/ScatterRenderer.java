package dev.fusionlab.ui.scatter;

import java.util.Arrays;

/**
 * Draws a scatter plot into a plain ARGB pixel array by stamping precomputed discs: no scene-graph node
 * or vector path per point, so a full redraw of 100k points takes milliseconds (the JavaFX view wraps
 * the same array in a {@code PixelBuffer}; the frame-time benchmark calls this class directly). Points
 * are drawn in index order, then the highlighted ones on top, larger and outlined. Colours must be
 * opaque, so the array is valid as both straight and premultiplied ARGB.
 */
public final class ScatterRenderer {

    private Disc disc = new Disc(3);
    /** Sized by {@link #highlightRadius} from the start: a fixed 6 px here kept 3 px points' highlights small. */
    private Disc highlightDisc = new Disc(highlightRadius(3));

    /**
     * Radius of a highlighted (found or selected) point: well over twice an ordinary one, at least 6 px, so
     * that a search's hits stand out of a dense cloud (issue 13: they were barely larger than the rest).
     */
    public static double highlightRadius(double radius) {
        return Math.max(6, Math.max(0.5, radius) * 2.2 + 2.5);
    }

    /** Radius of ordinary points in pixels. */
    public void setPointRadius(double radius) {
        if (radius != disc.radius) {
            disc = new Disc(Math.max(0.5, radius));
            highlightDisc = new Disc(highlightRadius(radius));
        }
    }

    /**
     * A point radius that keeps a plot readable: large dots for a few hundred points, single-pixel
     * splats for a million.
     */
    public static double radiusFor(int pointCount) {
        if (pointCount <= 2_000) {
            return 4;
        }
        if (pointCount <= 20_000) {
            return 3;
        }
        return pointCount <= 200_000 ? 2 : 1;
    }

    /**
     * Redraws the whole frame: every point.
     *
     * @param pixels      {@code view.width() * view.height()} ARGB pixels, row-major; overwritten
     * @param colours     opaque ARGB colour of each point
     * @param highlighted indices drawn on top, enlarged and outlined in {@code outline}
     */
    public void render(int[] pixels, ViewTransform view, float[] xs, float[] ys, int[] colours, int background,
                       int[] highlighted, int outline) {
        draw(pixels, view, xs, ys, colours, background, highlighted, outline, 1);
    }

    /**
     * A cheaper frame for the middle of a pan or zoom gesture: every {@code stride}-th point only, with
     * {@code stride = ceil(n / maxPoints)}, so a million points cost what {@code maxPoints} cost. A stride
     * through the points keeps each region's share of them (a density-preserving subsample, whatever order
     * the rows come in, unless it repeats with exactly that period), drawn as at rest; the view draws the
     * full frame ({@link #render}) when the gesture ends, and exports never come from here.
     * Highlighted points are all drawn when there are at most {@value #ALL_HIGHLIGHTS} of them.
     *
     * @return the stride used: 1 when the frame is in fact complete
     */
    public int renderPreview(int[] pixels, ViewTransform view, float[] xs, float[] ys, int[] colours, int background,
                             int[] highlighted, int outline, int maxPoints) {
        int stride = previewStride(xs.length, maxPoints);
        draw(pixels, view, xs, ys, colours, background, highlighted, outline, stride);
        return stride;
    }

    /** Highlights a preview draws without skipping any. */
    static final int ALL_HIGHLIGHTS = 2_000;

    /** Every how many points a preview of at most {@code maxPoints} draws one. */
    public static int previewStride(int pointCount, int maxPoints) {
        return Math.max(1, (pointCount + Math.max(1, maxPoints) - 1) / Math.max(1, maxPoints));
    }

    private void draw(int[] pixels, ViewTransform view, float[] xs, float[] ys, int[] colours, int background,
                      int[] highlighted, int outline, int stride) {
        int w = view.width(), h = view.height();
        if (pixels.length < w * h) {
            throw new IllegalArgumentException("pixel array too small for " + w + "x" + h);
        }
        Arrays.fill(pixels, 0, w * h, background);
        double scale = view.scale();
        double ox = w / 2.0 - view.centreX() * scale;
        double oy = h / 2.0 + view.centreY() * scale;
        Disc d = disc;
        int r = d.radius;
        double lowest = -r, right = w + r, bottom = h + r;
        int[] offsets = d.offsets(w);
        int n = xs.length;
        for (int i = 0; i < n; i += stride) {
            double fx = xs[i] * scale + ox, fy = oy - ys[i] * scale;
            // off screen, or not a number: the comparisons are false for NaN
            if (!(fx >= lowest && fx < right && fy >= lowest && fy < bottom)) {
                continue;
            }
            int px = (int) Math.floor(fx), py = (int) Math.floor(fy);
            int fill = colours[i];
            if (px >= r && py >= r && px + r < w && py + r < h) {
                int base = py * w + px;
                if (d.hasRim) {
                    stampInside(pixels, base, offsets, d.rim, fill, darker(fill));
                } else {
                    for (int offset : offsets) {
                        pixels[base + offset] = fill;
                    }
                }
            } else {
                stampClipped(pixels, w, h, px, py, d, fill, d.hasRim ? darker(fill) : fill);
            }
        }
        int highlightStride = stride == 1 || highlighted.length <= ALL_HIGHLIGHTS ? 1 : stride;
        for (int k = 0; k < highlighted.length; k += highlightStride) {
            int i = highlighted[k];
            double fx = xs[i] * scale + ox, fy = oy - ys[i] * scale;
            if (Double.isNaN(fx) || Double.isNaN(fy)) {
                continue;
            }
            stamp(pixels, w, h, (int) Math.floor(fx), (int) Math.floor(fy), highlightDisc, colours[i], outline);
        }
    }

    private static void stampInside(int[] pixels, int base, int[] offsets, boolean[] isRim, int fill, int rim) {
        for (int k = 0; k < offsets.length; k++) {
            pixels[base + offsets[k]] = isRim[k] ? rim : fill;
        }
    }

    private static void stamp(int[] pixels, int w, int h, int px, int py, Disc d, int fill, int rim) {
        if (px - d.radius >= 0 && py - d.radius >= 0 && px + d.radius < w && py + d.radius < h) {
            stampInside(pixels, py * w + px, d.offsets(w), d.rim, fill, rim);
        } else {
            stampClipped(pixels, w, h, px, py, d, fill, rim);
        }
    }

    private static void stampClipped(int[] pixels, int w, int h, int px, int py, Disc d, int fill, int rim) {
        int[] dx = d.dx, dy = d.dy;
        boolean[] isRim = d.rim;
        for (int k = 0; k < dx.length; k++) {
            int x = px + dx[k], y = py + dy[k];
            if (x >= 0 && y >= 0 && x < w && y < h) {
                pixels[y * w + x] = isRim[k] ? rim : fill;
            }
        }
    }

    /** The colour at 70% brightness: a subtle rim that separates overlapping dots. */
    static int darker(int argb) {
        int r = (argb >> 16 & 0xFF) * 7 / 10, g = (argb >> 8 & 0xFF) * 7 / 10, b = (argb & 0xFF) * 7 / 10;
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
