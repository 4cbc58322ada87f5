package dev.fusionlab.encode;

/**
 * How a transformer's per-token hidden states become one sentence vector. A change to what {@link #pool}
 * computes must bump {@link TextEncoder#VERSION} (the embedding-cache key).
 */
public enum TextPooling {
    /** Average of the real (attention-mask = 1) tokens: what sentence-transformers models are trained with. */
    MEAN,
    /** The first ([CLS]) token's hidden state. */
    CLS;

    /**
     * Pools one sequence.
     *
     * @param hidden flat {@code [N, L, D]} hidden states of the whole batch
     * @param row    sequence index in the batch
     * @param mask   attention mask of that sequence (length L)
     */
    float[] pool(float[] hidden, int row, long[] mask, int dim) {
        int length = mask.length;
        int base = row * length * dim;
        float[] out = new float[dim];
        if (this == CLS) {
            System.arraycopy(hidden, base, out, 0, dim);
            return out;
        }
        int tokens = 0;
        for (int t = 0; t < length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            tokens++;
            int at = base + t * dim;
            for (int d = 0; d < dim; d++) {
                out[d] += hidden[at + d];
            }
        }
        if (tokens > 0) {
            for (int d = 0; d < dim; d++) {
                out[d] /= tokens;
            }
        }
        return out;
    }
}
