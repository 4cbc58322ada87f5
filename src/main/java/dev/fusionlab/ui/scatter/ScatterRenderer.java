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
    private Disc highlightDisc = new Disc(6);

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
     * Redraws the whole frame.
     *
     * @param pixels      {@code view.width() * view.height()} ARGB pixels, row-major; overwritten
     * @param colours     opaque ARGB colour of each point
     * @param highlighted indices drawn on top, enlarged and outlined in {@code outline}
     */
    public void render(int[] pixels, ViewTransform view, float[] xs, float[] ys, int[] colours, int background,
                       int[] highlighted, int outline) {
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
        for (int i = 0; i < xs.length; i++) {
            int px = (int) Math.floor(xs[i] * scale + ox);
            int py = (int) Math.floor(oy - ys[i] * scale);
            if (px < -r || py < -r || px >= w + r || py >= h + r || Float.isNaN(xs[i]) || Float.isNaN(ys[i])) {
                continue; // off screen, or not a number (floor(NaN) casts to 0)
            }
            stamp(pixels, w, h, px, py, d, colours[i], darker(colours[i]));
        }
        for (int i : highlighted) {
            int px = (int) Math.floor(xs[i] * scale + ox);
            int py = (int) Math.floor(oy - ys[i] * scale);
            stamp(pixels, w, h, px, py, highlightDisc, colours[i], outline);
        }
    }

    private static void stamp(int[] pixels, int w, int h, int px, int py, Disc d, int fill, int rim) {
        boolean inside = px - d.radius >= 0 && py - d.radius >= 0 && px + d.radius < w && py + d.radius < h;
        int[] dx = d.dx, dy = d.dy;
        boolean[] isRim = d.rim;
        if (inside) {
            int base = py * w + px;
            for (int k = 0; k < dx.length; k++) {
                pixels[base + dy[k] * w + dx[k]] = isRim[k] ? rim : fill;
            }
        } else {
            for (int k = 0; k < dx.length; k++) {
                int x = px + dx[k], y = py + dy[k];
                if (x >= 0 && y >= 0 && x < w && y < h) {
                    pixels[y * w + x] = isRim[k] ? rim : fill;
                }
            }
        }
    }

    /** The colour at 70% brightness: a subtle rim that separates overlapping dots. */
    static int darker(int argb) {
        int r = (argb >> 16 & 0xFF) * 7 / 10, g = (argb >> 8 & 0xFF) * 7 / 10, b = (argb & 0xFF) * 7 / 10;
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
