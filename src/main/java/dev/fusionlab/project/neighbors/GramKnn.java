package dev.fusionlab.project.neighbors;

import dev.fusionlab.project.Workers;
import dev.fusionlab.task.TaskContext;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import smile.linalg.blas.cblas_h;

/**
 * Exact neighbours with the distances screened by matrix products: {@code |a - b|² = |a|² + |b|² - 2 a·b},
 * the dot products of the (centred) rows computed a block of rows at a time by OpenBLAS's sgemm. For the
 * demo's 1,906 x 1,280 image embeddings that replaces about 2 s of pairwise Java loops by a fraction of a
 * second.
 *
 * <p>The products only choose candidates; the neighbours and their distances are then computed in Java,
 * exactly as {@link BruteForceKnn#searchInJava} does. So the result is bit-identical to the plain Java search,
 * whatever the CPU, the OpenBLAS kernel or the thread count. That matters: OpenBLAS rounds a product
 * differently depending on its kernel (which depends on the CPU) and on how the product is cut into
 * pieces, and a neighbour graph that changed in its last bits changed every t-SNE layout built on it.
 * Each row keeps as candidates all points whose product-estimated distance is within twice a rounding
 * bound of its k-th smallest estimate; the bound covers the single-precision errors of the centring, the
 * norms, the dot products and the Java distance, so every true neighbour is among the candidates.
 */
final class GramKnn {

    /** Rows handled by one product: a block of 64 rows times all rows. */
    private static final int ROW_CHUNK = 64;
    /** Unit roundoff of single precision. */
    private static final double UNIT_ROUNDOFF = 0x1p-24;

    private GramKnn() {
    }

    /** Needs {@link dev.fusionlab.project.OpenBlas#available()}. */
    static NeighborHeaps search(float[][] rows, int k, Workers workers, TaskContext ctx) {
        int n = rows.length;
        int d = rows[0].length;
        float[] mean = columnMeans(rows);
        float[] squaredNorms = new float[n];
        NeighborHeaps heaps = new NeighborHeaps(n, k);
        try (Arena arena = Arena.ofShared()) {
            // (X - mean)^T, d x n column-major: row i of the data is column i
            MemorySegment centred = arena.allocate((long) d * n * Float.BYTES, 64);
            workers.forRange(n, ROW_CHUNK, (from, to, worker) -> {
                for (int i = from; i < to; i++) {
                    float norm = 0;
                    for (int c = 0; c < d; c++) {
                        float v = rows[i][c] - mean[c];
                        centred.setAtIndex(ValueLayout.JAVA_FLOAT, (long) i * d + c, v);
                        norm += v * v;
                    }
                    squaredNorms[i] = norm;
                }
            });
            ctx.throwIfCancelled("knn");
            float largestNorm = max(squaredNorms);
            double boundPerNorm = 4.0 * (d + 8) * UNIT_ROUNDOFF;
            MemorySegment[] products = new MemorySegment[workers.threads()];
            for (int w = 0; w < products.length; w++) {
                products[w] = arena.allocate((long) ROW_CHUNK * n * Float.BYTES, 64);
            }
            float[][] estimates = new float[workers.threads()][n];
            float[][] kthHeaps = new float[workers.threads()][k];
            int chunks = (n + ROW_CHUNK - 1) / ROW_CHUNK;
            workers.forRange(chunks, 1, (firstChunk, endChunk, worker) -> {
                for (int chunk = firstChunk; chunk < endChunk; chunk++) {
                    ctx.throwIfCancelled("knn");
                    int from = chunk * ROW_CHUNK;
                    int to = Math.min(n, from + ROW_CHUNK);
                    MemorySegment block = products[worker];
                    // block (m x n, column-major, leading dimension m): rows from..to-1 times all rows
                    cblas_h.cblas_sgemm(cblas_h.CblasColMajor(), cblas_h.CblasTrans(), cblas_h.CblasNoTrans(),
                            to - from, n, d, 1f, centred.asSlice((long) from * d * Float.BYTES), d, centred, d, 0f,
                            block, to - from);
                    for (int i = from; i < to; i++) {
                        double bound = boundPerNorm * ((double) squaredNorms[i] + largestNorm);
                        offerCandidates(rows, i, k, block, from, to, squaredNorms, bound, estimates[worker],
                                kthHeaps[worker], heaps);
                    }
                }
            });
        }
        return heaps;
    }

    /**
     * Row {@code i}'s distances estimated from its products (column-major block of rows from..to-1), then the
     * exact Java distances of the candidates within 2 x bound of the k-th smallest estimate offered to its heap.
     */
    private static void offerCandidates(float[][] rows, int i, int k, MemorySegment block, int from, int to,
                                        float[] squaredNorms, double bound, float[] estimate, float[] kthHeap,
                                        NeighborHeaps heaps) {
        int n = rows.length;
        int m = to - from;
        int r = i - from;
        for (int j = 0; j < n; j++) {
            float dot = block.getAtIndex(ValueLayout.JAVA_FLOAT, (long) j * m + r);
            estimate[j] = Math.max(0f, squaredNorms[i] + squaredNorms[j] - 2 * dot);
        }
        estimate[i] = Float.POSITIVE_INFINITY;
        double threshold = kthSmallest(estimate, k, kthHeap) + 2 * bound;
        float[] a = rows[i];
        for (int j = 0; j < n; j++) {
            if (estimate[j] <= threshold) {
                float distance = Distances.squaredEuclidean(a, rows[j]);
                if (distance <= heaps.worst(i)) {
                    heaps.push(i, j, distance, 0);
                }
            }
        }
    }

    /** The k-th smallest of {@code values} (k &lt;= length), through a bounded max-heap in {@code heap}. */
    static float kthSmallest(float[] values, int k, float[] heap) {
        for (int m = 0; m < k; m++) {
            heap[m] = values[m];
            siftUp(heap, m);
        }
        for (int j = k; j < values.length; j++) {
            float v = values[j];
            if (v < heap[0]) {
                heap[0] = v;
                siftDown(heap, k);
            }
        }
        return heap[0];
    }

    private static void siftUp(float[] heap, int pos) {
        float v = heap[pos];
        while (pos > 0) {
            int parent = (pos - 1) / 2;
            if (!(heap[parent] < v)) {
                break;
            }
            heap[pos] = heap[parent];
            pos = parent;
        }
        heap[pos] = v;
    }

    private static void siftDown(float[] heap, int size) {
        float v = heap[0];
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (!(heap[child] > v)) {
                break;
            }
            heap[pos] = heap[child];
            pos = child;
        }
        heap[pos] = v;
    }

    private static float max(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static float[] columnMeans(float[][] rows) {
        int d = rows[0].length;
        double[] sum = new double[d];
        for (float[] row : rows) {
            for (int c = 0; c < d; c++) {
                sum[c] += row[c];
            }
        }
        float[] mean = new float[d];
        for (int c = 0; c < d; c++) {
            mean[c] = (float) (sum[c] / rows.length);
        }
        return mean;
    }
}
