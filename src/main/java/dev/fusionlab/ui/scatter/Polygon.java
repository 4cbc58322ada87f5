package dev.fusionlab.ui.scatter;

import java.util.Arrays;

/** A closed polygon (a lasso path) in data coordinates, with an even-odd point-in-polygon test. */
public final class Polygon {

    private final double[] xs, ys;
    private final double minX, minY, maxX, maxY;

    public Polygon(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices, got " + Math.min(xs.length, ys.length));
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.minX = Arrays.stream(xs).min().orElseThrow();
        this.maxX = Arrays.stream(xs).max().orElseThrow();
        this.minY = Arrays.stream(ys).min().orElseThrow();
        this.maxY = Arrays.stream(ys).max().orElseThrow();
    }

    public boolean contains(double x, double y) {
        if (x < minX || x > maxX || y < minY || y > maxY) {
            return false;
        }
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** False when a vertex is NaN or infinite: then only a point-by-point test is meaningful. */
    public boolean isFinite() {
        return Double.isFinite(minX) && Double.isFinite(maxX) && Double.isFinite(minY) && Double.isFinite(maxY)
                && Arrays.stream(xs).allMatch(Double::isFinite) && Arrays.stream(ys).allMatch(Double::isFinite);
    }

    /** The vertices' x coordinates, in order (a copy). */
    double[] xs() {
        return xs.clone();
    }

    /** The vertices' y coordinates, in order (a copy). */
    double[] ys() {
        return ys.clone();
    }

    public double minX() {
        return minX;
    }

    public double minY() {
        return minY;
    }

    public double maxX() {
        return maxX;
    }

    public double maxY() {
        return maxY;
    }
}
