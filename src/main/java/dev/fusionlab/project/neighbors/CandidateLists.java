package dev.fusionlab.project.neighbors;

import java.util.Arrays;

/**
 * For every point, a uniform random sample of at most {@code capacity} candidate neighbours: each
 * offer carries a pseudo-random priority and the smallest priorities are kept (a bounded max-heap on
 * (priority, index)). Because the priority of a pair is a hash, not a draw from a shared generator,
 * the sample does not depend on the order of the offers.
 */
final class CandidateLists {

    final int capacity;
    final int[] index;
    final float[] priority;
    final int[] count;

    CandidateLists(int n, int capacity) {
        this.capacity = capacity;
        this.index = new int[n * capacity];
        this.priority = new float[n * capacity];
        this.count = new int[n];
    }

    void clear() {
        Arrays.fill(count, 0);
    }

    void offer(int i, int j, float p) {
        int base = i * capacity;
        int c = count[i];
        if (c == capacity && !before(p, j, priority[base], index[base])) {
            return;
        }
        for (int m = base, end = base + c; m < end; m++) {
            if (index[m] == j) {
                return;
            }
        }
        if (c < capacity) {
            siftUp(base, c, j, p);
            count[i] = c + 1;
        } else {
            siftDown(base, j, p);
        }
    }

    /** Whether (j, p), offered earlier to row {@code i}, survived the sampling. */
    boolean kept(int i, int j, float p) {
        int base = i * capacity;
        return count[i] < capacity || !before(priority[base], index[base], p, j);
    }

    private static boolean before(float p1, int j1, float p2, int j2) {
        return p1 < p2 || (p1 == p2 && j1 < j2);
    }

    private void siftUp(int base, int pos, int j, float p) {
        while (pos > 0) {
            int parent = (pos - 1) / 2;
            if (!before(priority[base + parent], index[base + parent], p, j)) {
                break;
            }
            index[base + pos] = index[base + parent];
            priority[base + pos] = priority[base + parent];
            pos = parent;
        }
        index[base + pos] = j;
        priority[base + pos] = p;
    }

    private void siftDown(int base, int j, float p) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= capacity) {
                break;
            }
            int child = left;
            int right = left + 1;
            if (right < capacity && before(priority[base + left], index[base + left],
                    priority[base + right], index[base + right])) {
                child = right;
            }
            if (!before(p, j, priority[base + child], index[base + child])) {
                break;
            }
            index[base + pos] = index[base + child];
            priority[base + pos] = priority[base + child];
            pos = child;
        }
        index[base + pos] = j;
        priority[base + pos] = p;
    }
}
