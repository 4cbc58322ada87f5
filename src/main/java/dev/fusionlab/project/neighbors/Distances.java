package dev.fusionlab.project.neighbors;

/**
 * Float distance kernels shared by the neighbour search, t-SNE and the quality metrics. Four
 * independent accumulators let the CPU overlap the additions (the JIT does not reorder float sums).
 */
public final class Distances {

    private Distances() {
    }

    /** Squared euclidean distance of two rows of equal length. */
    public static float squaredEuclidean(float[] a, float[] b) {
        int d = a.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            float d0 = a[j] - b[j];
            float d1 = a[j + 1] - b[j + 1];
            float d2 = a[j + 2] - b[j + 2];
            float d3 = a[j + 3] - b[j + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; j < d; j++) {
            float dj = a[j] - b[j];
            s0 += dj * dj;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Rows scaled to unit L2 norm (zero rows stay zero), so that cosine distance = squared euclidean / 2. */
    public static float[][] normalizedRows(float[][] data) {
        float[][] out = new float[data.length][];
        for (int i = 0; i < data.length; i++) {
            float[] row = data[i];
            double norm = 0;
            for (float v : row) {
                norm += (double) v * v;
            }
            float scale = norm > 0 ? (float) (1.0 / Math.sqrt(norm)) : 0f;
            float[] r = new float[row.length];
            for (int j = 0; j < row.length; j++) {
                r[j] = row[j] * scale;
            }
            out[i] = r;
        }
        return out;
    }
}
