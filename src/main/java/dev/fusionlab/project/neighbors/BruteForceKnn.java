package dev.fusionlab.project.neighbors;

import dev.fusionlab.project.OpenBlas;
import dev.fusionlab.project.Workers;
import dev.fusionlab.task.TaskContext;

/**
 * Exact neighbours by comparing every pair: the reference, and the fastest choice for small data. The
 * distances come from one OpenBLAS product ({@link GramKnn}) where the native library loads, else from
 * pairwise Java loops.
 */
final class BruteForceKnn {

    private BruteForceKnn() {
    }

    static NeighborHeaps search(float[][] rows, int k, Workers workers, TaskContext ctx) {
        return OpenBlas.available() ? GramKnn.search(rows, k, workers, ctx) : searchInJava(rows, k, workers, ctx);
    }

    /** Every pair's distance in plain Java. */
    static NeighborHeaps searchInJava(float[][] rows, int k, Workers workers, TaskContext ctx) {
        int n = rows.length;
        NeighborHeaps heaps = new NeighborHeaps(n, k);
        workers.forRange(n, 64, (from, to, worker) -> {
            ctx.throwIfCancelled("knn");
            for (int i = from; i < to; i++) {
                float[] a = rows[i];
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        float d = Distances.squaredEuclidean(a, rows[j]);
                        if (d <= heaps.worst(i)) {
                            heaps.push(i, j, d, 0);
                        }
                    }
                }
            }
        });
        return heaps;
    }
}
