package dev.fusionlab.project.neighbors;

import java.util.Arrays;

/**
 * One bounded max-heap of (distance, index) per point, stored flat so that millions of neighbour
 * slots cost no objects. Ties in distance are broken by index, so the set kept for a row depends only
 * on the candidates offered, not on the order in which threads offer them: the search stays
 * reproducible with several threads.
 */
final class NeighborHeaps {

    private static final int LOCK_STRIPES = 1024;

    final int n;
    final int k;
    final int[] index;
    final float[] distance;
    /** Whether the slot's neighbour has not yet taken part in a local join. */
    final boolean[] fresh;
    /** Iteration in which the slot was last filled, to count the updates of an iteration deterministically. */
    final int[] stamp;
    /**
     * Copy of each row's largest kept distance in a small array: the join tests it for every pair,
     * and reading it from the big heap array would miss the cache almost every time.
     */
    private final float[] worst;
    private final Object[] locks = new Object[LOCK_STRIPES];

    NeighborHeaps(int n, int k) {
        this.n = n;
        this.k = k;
        this.index = new int[n * k];
        this.distance = new float[n * k];
        this.fresh = new boolean[n * k];
        this.stamp = new int[n * k];
        Arrays.fill(index, -1);
        Arrays.fill(distance, Float.POSITIVE_INFINITY);
        this.worst = new float[n];
        Arrays.fill(worst, Float.POSITIVE_INFINITY);
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Largest distance kept for row {@code i} (infinite while the row is not full). */
    float worst(int i) {
        return worst[i];
    }

    /** Offers neighbour {@code j} at distance {@code d} to row {@code i}; the row must be owned by the caller. */
    boolean push(int i, int j, float d, int iteration) {
        int base = i * k;
        if (!closer(d, j, distance[base], index[base])) {
            return false;
        }
        for (int m = base, end = base + k; m < end; m++) {
            if (index[m] == j) {
                return false;
            }
        }
        siftDown(base, j, d, iteration);
        worst[i] = distance[base];
        return true;
    }

    /** Like {@link #push} but safe when several threads offer neighbours to the same row. */
    boolean pushShared(int i, int j, float d, int iteration) {
        if (!(d <= worst[i])) {
            return false;
        }
        synchronized (locks[i & (LOCK_STRIPES - 1)]) {
            return push(i, j, d, iteration);
        }
    }

    private static boolean closer(float d1, int j1, float d2, int j2) {
        return d1 < d2 || (d1 == d2 && j1 < j2);
    }

    private void siftDown(int base, int j, float d, int iteration) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= k) {
                break;
            }
            int right = left + 1;
            int child = left;
            if (right < k && closer(distance[base + left], index[base + left],
                    distance[base + right], index[base + right])) {
                child = right;
            }
            if (!closer(d, j, distance[base + child], index[base + child])) {
                break;
            }
            move(base + child, base + pos);
            pos = child;
        }
        index[base + pos] = j;
        distance[base + pos] = d;
        fresh[base + pos] = true;
        stamp[base + pos] = iteration;
    }

    private void move(int from, int to) {
        index[to] = index[from];
        distance[to] = distance[from];
        fresh[to] = fresh[from];
        stamp[to] = stamp[from];
    }

    /** Number of slots filled in {@code iteration}. */
    long updatesIn(int iteration) {
        long count = 0;
        for (int s : stamp) {
            if (s == iteration) {
                count++;
            }
        }
        return count;
    }

    /**
     * Rows sorted closest first, equal distances by index (so the order depends only on the set kept, not
     * on the order in which it was offered). Stored values are squared euclidean distances; they are reported
     * as euclidean distances, or as cosine distances (half the squared distance of unit rows).
     */
    KnnGraph toGraph(boolean cosine) {
        return toGraph(cosine, null);
    }

    /**
     * Like {@link #toGraph(boolean)} for heaps built over reordered rows: {@code order[p]} is the input
     * index of row p; the graph is returned in input order and indices.
     */
    KnnGraph toGraph(boolean cosine, int[] order) {
        int[][] idx = new int[n][k];
        float[][] dist = new float[n][k];
        long[] keys = new long[k];
        for (int p = 0; p < n; p++) {
            int i = order == null ? p : order[p];
            int base = p * k;
            for (int m = 0; m < k; m++) {
                if (index[base + m] < 0) {
                    throw new IllegalStateException("point " + i + " has fewer than " + k + " neighbours");
                }
                // distances are non-negative, so their IEEE bits sort like the values
                keys[m] = ((long) Float.floatToIntBits(Math.max(0f, distance[base + m])) << 32) | index[base + m];
            }
            Arrays.sort(keys);
            for (int m = 0; m < k; m++) {
                int j = (int) (keys[m] & 0xffffffffL);
                idx[i][m] = order == null ? j : order[j];
                float sq = Float.intBitsToFloat((int) (keys[m] >>> 32));
                dist[i][m] = cosine ? sq / 2f : (float) Math.sqrt(sq);
            }
        }
        return new KnnGraph(idx, dist);
    }
}
