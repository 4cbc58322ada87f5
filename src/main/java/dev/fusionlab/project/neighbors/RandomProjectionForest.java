package dev.fusionlab.project.neighbors;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random projection trees: each node splits its points by the hyperplane halfway between two of them,
 * so a leaf holds points that are likely close. Comparing the points within each leaf gives NN-descent
 * a good start, which cuts its iterations (as in PyNNDescent).
 */
final class RandomProjectionForest {

    private RandomProjectionForest() {
    }

    /** Leaves (arrays of point indices) of one tree grown with the given seed. */
    static List<int[]> leaves(float[][] rows, int leafSize, long seed) {
        int n = rows.length;
        int[] points = new int[n];
        for (int i = 0; i < n; i++) {
            points[i] = i;
        }
        List<int[]> out = new ArrayList<>();
        split(rows, points, 0, n, leafSize, new SplittableRandom(seed), new float[n], out);
        return out;
    }

    private static void split(float[][] rows, int[] points, int from, int to, int leafSize,
                              SplittableRandom random, float[] side, List<int[]> out) {
        int size = to - from;
        if (size <= leafSize) {
            int[] leaf = new int[size];
            System.arraycopy(points, from, leaf, 0, size);
            out.add(leaf);
            return;
        }
        int mid = partition(rows, points, from, to, random, side);
        split(rows, points, from, mid, leafSize, random, side, out);
        split(rows, points, mid, to, leafSize, random, side, out);
    }

    /** Reorders {@code points[from, to)} by side of a random hyperplane; returns the boundary. */
    private static int partition(float[][] rows, int[] points, int from, int to, SplittableRandom random,
                                 float[] side) {
        int size = to - from;
        float[] a = rows[points[from + random.nextInt(size)]];
        float[] b = rows[points[from + random.nextInt(size)]];
        int d = a.length;
        float[] normal = new float[d];
        double offset = 0;
        for (int j = 0; j < d; j++) {
            normal[j] = a[j] - b[j];
            offset += normal[j] * (a[j] + b[j]) * 0.5;
        }
        for (int p = from; p < to; p++) {
            side[p] = (float) (LaneDistance.dot(normal, rows[points[p]]) - offset);
        }
        int lo = from;
        int hi = to - 1;
        while (lo <= hi) {
            if (side[lo] > 0) {
                lo++;
            } else {
                swap(points, side, lo, hi);
                hi--;
            }
        }
        int mid = lo;
        int minSide = Math.max(1, size / 10);
        if (mid - from < minSide || to - mid < minSide) {
            // duplicates or an unlucky pair: fall back to a random halving so the tree stays balanced
            for (int p = to - 1; p > from; p--) {
                swap(points, side, p, from + random.nextInt(p - from + 1));
            }
            mid = from + size / 2;
        }
        return mid;
    }

    private static void swap(int[] points, float[] side, int i, int j) {
        int t = points[i];
        points[i] = points[j];
        points[j] = t;
        float s = side[i];
        side[i] = side[j];
        side[j] = s;
    }
}
