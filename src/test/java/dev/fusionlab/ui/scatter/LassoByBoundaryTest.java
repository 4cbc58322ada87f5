package dev.fusionlab.ui.scatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The grid's lasso (cells classified inside / outside / crossed, only crossed cells tested point by point)
 * selects exactly what testing every point with {@link Polygon#contains} selects.
 */
class LassoByBoundaryTest {

    private static int[] bruteForce(float[] xs, float[] ys, Polygon polygon) {
        return IntStream.range(0, xs.length).filter(i -> polygon.contains(xs[i], ys[i])).toArray();
    }

    private static List<Polygon> oddPolygons(Random random, double cx, double cy, double r) {
        List<Polygon> polygons = new ArrayList<>();
        // a concave star
        double[] sx = new double[14], sy = new double[14];
        for (int k = 0; k < 14; k++) {
            double rr = k % 2 == 0 ? r : r * 0.35;
            sx[k] = cx + rr * Math.cos(Math.PI * k / 7);
            sy[k] = cy + rr * Math.sin(Math.PI * k / 7);
        }
        polygons.add(new Polygon(sx, sy));
        // a self-intersecting pentagram: its centre pentagon is outside by the even-odd rule
        double[] px = new double[5], py = new double[5];
        for (int k = 0; k < 5; k++) {
            px[k] = cx + r * Math.cos(Math.PI / 2 + 4 * Math.PI * k / 5);
            py[k] = cy + r * Math.sin(Math.PI / 2 + 4 * Math.PI * k / 5);
        }
        polygons.add(new Polygon(px, py));
        // a bow tie
        polygons.add(new Polygon(new double[] {cx - r, cx + r, cx + r, cx - r}, new double[] {cy - r, cy + r, cy - r, cy + r}));
        // a hand-drawn lasso: a jittered loop of many short segments, crossing itself near its start
        int m = 400;
        double[] lx = new double[m], ly = new double[m];
        for (int k = 0; k < m; k++) {
            double a = 2.15 * Math.PI * k / m, rr = r * (0.6 + 0.4 * Math.sin(5 * a)) + r * 0.05 * random.nextGaussian();
            lx[k] = cx + rr * Math.cos(a);
            ly[k] = cy + rr * Math.sin(a);
        }
        polygons.add(new Polygon(lx, ly));
        // axis-aligned edges on exact coordinates, a comb (very concave), and a thin sliver
        polygons.add(new Polygon(new double[] {cx - r, cx + r, cx + r, cx - r}, new double[] {cy - r, cy - r, cy + r, cy + r}));
        int teeth = 9;
        double[] cxs = new double[4 * teeth], cys = new double[4 * teeth];
        for (int t = 0; t < teeth; t++) {
            double x0 = cx - r + 2 * r * t / teeth, x1 = x0 + r / teeth;
            cxs[4 * t] = x0;
            cys[4 * t] = cy - r;
            cxs[4 * t + 1] = x0;
            cys[4 * t + 1] = cy + r;
            cxs[4 * t + 2] = x1;
            cys[4 * t + 2] = cy + r;
            cxs[4 * t + 3] = x1;
            cys[4 * t + 3] = cy - r * 0.9;
        }
        polygons.add(new Polygon(cxs, cys));
        polygons.add(new Polygon(new double[] {cx - r, cx + r, cx + r * 0.99}, new double[] {cy, cy + r * 0.01, cy}));
        // a tiny triangle, likely inside one cell, and one far larger than the data
        polygons.add(new Polygon(new double[] {cx, cx + r * 0.01, cx}, new double[] {cy, cy, cy + r * 0.01}));
        polygons.add(new Polygon(new double[] {cx - 100 * r, cx + 100 * r, cx}, new double[] {cy - 100 * r, cy - 100 * r, cy + 100 * r}));
        return polygons;
    }

    @Test
    void selectsExactlyWhatTestingEveryPointSelectsOnClustersAndOddPolygons() {
        Random random = new Random(12);
        int n = 30_000;
        float[] xs = new float[n], ys = new float[n];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(6);
            xs[i] = (float) (Math.cos(c) * 5 + random.nextGaussian() * (0.3 + c * 0.3));
            ys[i] = (float) (Math.sin(c) * 5 + random.nextGaussian() * (0.3 + c * 0.3));
        }
        xs[7] = Float.NaN; // not drawable: never selected
        ys[8] = Float.POSITIVE_INFINITY;
        SpatialGrid grid = new SpatialGrid(xs, ys, 4);
        int checked = 0;
        for (int t = 0; t < 8; t++) {
            double cx = random.nextGaussian() * 4, cy = random.nextGaussian() * 4, r = 0.5 + random.nextDouble() * 6;
            for (Polygon polygon : oddPolygons(random, cx, cy, r)) {
                int[] expected = bruteForce(xs, ys, polygon);
                assertThat(grid.inside(polygon)).as("polygon %d around (%.2f, %.2f) r %.2f", checked, cx, cy, r)
                        .containsExactly(expected);
                checked++;
            }
        }
        // the self-intersecting and concave cases really leave points out of their bounding box's middle
        Polygon pentagram = oddPolygons(new Random(1), 0, 0, 5).get(1);
        assertThat(pentagram.contains(0, 0)).isFalse();
        assertThat(grid.inside(pentagram)).isNotEmpty();
    }

    @Test
    void pointsOnGridLinesAndVerticesOnPointsAgreeWithTheTestToo() {
        // points on an integer lattice, so many lie exactly on edges and cell borders
        int side = 200;
        float[] xs = new float[side * side], ys = new float[side * side];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i % side;
            ys[i] = i / side;
        }
        SpatialGrid grid = new SpatialGrid(xs, ys, 1);
        Random random = new Random(3);
        for (int t = 0; t < 30; t++) {
            int m = 3 + random.nextInt(12);
            double[] px = new double[m], py = new double[m];
            for (int k = 0; k < m; k++) {
                px[k] = random.nextInt(side);
                py[k] = random.nextInt(side);
            }
            Polygon polygon = new Polygon(px, py);
            assertThat(grid.inside(polygon)).as("lattice polygon %d", t).containsExactly(bruteForce(xs, ys, polygon));
        }
    }

    @Test
    void aLongThinCloudWhoseGridIsCappedStillAgrees() {
        // 1 x 10000 data: the grid's 4096-column cap folds the far end into its last column
        Random random = new Random(5);
        int n = 50_000;
        float[] xs = new float[n], ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (random.nextDouble() * 10_000);
            ys[i] = (float) random.nextDouble();
        }
        SpatialGrid grid = new SpatialGrid(xs, ys, 1);
        for (Polygon polygon : List.of(
                new Polygon(new double[] {9_000, 10_001, 9_500}, new double[] {-1, 0.5, 2}),
                new Polygon(new double[] {-5, 10_005, 10_005, -5}, new double[] {0.2, 0.3, 0.7, 0.8}),
                new Polygon(new double[] {100, 9_999, 100, 9_999}, new double[] {0, 0, 1, 1}))) {
            assertThat(grid.inside(polygon)).containsExactly(bruteForce(xs, ys, polygon));
        }
    }

    @Test
    void aPolygonWithANonFiniteVertexFallsBackToTestingEachPoint() {
        float[] xs = {0, 1, 2, 3}, ys = {0, 1, 2, 3};
        Polygon polygon = new Polygon(new double[] {-1, 4, Double.NaN}, new double[] {-1, -1, 4});
        assertThat(polygon.isFinite()).isFalse();
        assertThat(new SpatialGrid(xs, ys, 1).inside(polygon)).containsExactly(bruteForce(xs, ys, polygon));
    }
}
