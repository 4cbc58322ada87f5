package dev.fusionlab.ui.scatter;

import java.util.Arrays;

/**
 * The pixel offsets of a filled disc of a given radius, split into interior and rim, computed once and
 * stamped at every point: far cheaper than rasterising a circle per point.
 */
final class Disc {

    final int radius;
    final int[] dx, dy;
    final boolean[] rim;
    /** Whether any pixel is rim (discs of radius 2.5 and more): smaller ones are one colour. */
    final boolean hasRim;
    private int offsetsWidth = -1;
    private int[] offsets;

    Disc(double radius) {
        this.radius = (int) Math.ceil(radius);
        int max = (2 * this.radius + 1) * (2 * this.radius + 1);
        int[] ox = new int[max], oy = new int[max];
        boolean[] edge = new boolean[max];
        int n = 0;
        double outer = (radius + 0.5) * (radius + 0.5);
        double inner = (radius - 0.5) * (radius - 0.5);
        for (int y = -this.radius; y <= this.radius; y++) {
            for (int x = -this.radius; x <= this.radius; x++) {
                double d2 = x * x + y * y;
                if (d2 <= outer) {
                    ox[n] = x;
                    oy[n] = y;
                    edge[n] = radius >= 2.5 && d2 > inner;
                    n++;
                }
            }
        }
        dx = Arrays.copyOf(ox, n);
        dy = Arrays.copyOf(oy, n);
        rim = Arrays.copyOf(edge, n);
        boolean any = false;
        for (boolean b : rim) {
            any |= b;
        }
        hasRim = any;
    }

    /** {@code dy * width + dx} of each pixel: the stamp as offsets into a row-major frame of that width. */
    int[] offsets(int width) {
        if (width != offsetsWidth) {
            int[] o = new int[dx.length];
            for (int k = 0; k < o.length; k++) {
                o[k] = dy[k] * width + dx[k];
            }
            offsets = o;
            offsetsWidth = width;
        }
        return offsets;
    }
}
