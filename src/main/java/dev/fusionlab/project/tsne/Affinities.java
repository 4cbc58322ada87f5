package dev.fusionlab.project.tsne;

import dev.fusionlab.project.neighbors.KnnGraph;
import dev.fusionlab.project.Workers;
import java.util.Arrays;

/**
 * The symmetric input affinities P of t-SNE, restricted to nearest neighbours (van der Maaten 2014):
 * p(j|i) is perplexity-calibrated over the k = 3 x perplexity neighbours of i, and
 * P_ij = (p(j|i) + p(i|j)) / 2n. Stored as compressed rows, summing to 1.
 */
final class Affinities {

    final int[] rowStart;
    final int[] columns;
    final float[] values;

    private Affinities(int[] rowStart, int[] columns, float[] values) {
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    int size() {
        return rowStart.length - 1;
    }

    static Affinities fromNeighbors(KnnGraph graph, double perplexity, Workers workers) {
        int n = graph.size();
        int k = graph.k();
        float[] conditional = new float[n * k];
        double[][] distanceBuffers = new double[workers.threads()][k];
        double[][] probabilityBuffers = new double[workers.threads()][k];
        workers.forRange(n, 256, (from, to, worker) -> {
            double[] sq = distanceBuffers[worker];
            double[] p = probabilityBuffers[worker];
            for (int i = from; i < to; i++) {
                float[] dist = graph.distances()[i];
                for (int m = 0; m < k; m++) {
                    sq[m] = (double) dist[m] * dist[m];
                }
                PerplexitySearch.conditional(sq, k, perplexity, p);
                for (int m = 0; m < k; m++) {
                    conditional[i * k + m] = (float) p[m];
                }
            }
        });
        return symmetrize(graph.indices(), conditional, k);
    }

    /** Adds each conditional p(j|i) to both (i, j) and (j, i), merges duplicates, divides by 2n. */
    private static Affinities symmetrize(int[][] indices, float[] conditional, int k) {
        int n = indices.length;
        int[] counts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            counts[i] += k;
            for (int j : indices[i]) {
                counts[j]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + counts[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] cols = new int[start[n]];
        float[] vals = new float[start[n]];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                int j = indices[i][m];
                float p = conditional[i * k + m];
                cols[fill[i]] = j;
                vals[fill[i]++] = p;
                cols[fill[j]] = i;
                vals[fill[j]++] = p;
            }
        }
        int[] outStart = new int[n + 1];
        int[] outCols = new int[start[n]];
        float[] outVals = new float[start[n]];
        long[] keys = new long[0];
        int written = 0;
        double norm = 1.0 / (2.0 * n);
        for (int i = 0; i < n; i++) {
            int len = start[i + 1] - start[i];
            if (keys.length < len) {
                keys = new long[len];
            }
            for (int e = 0; e < len; e++) {
                keys[e] = ((long) cols[start[i] + e] << 32) | e;
            }
            Arrays.sort(keys, 0, len);
            outStart[i] = written;
            int previous = -1;
            for (int e = 0; e < len; e++) {
                int col = (int) (keys[e] >>> 32);
                float v = vals[start[i] + (int) (keys[e] & 0xffffffffL)];
                if (col == previous) {
                    outVals[written - 1] += (float) (v * norm);
                } else {
                    outCols[written] = col;
                    outVals[written++] = (float) (v * norm);
                    previous = col;
                }
            }
        }
        outStart[n] = written;
        return new Affinities(outStart, Arrays.copyOf(outCols, written), Arrays.copyOf(outVals, written));
    }
}
