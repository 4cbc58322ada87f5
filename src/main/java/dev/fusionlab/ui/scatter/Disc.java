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
    }
}
