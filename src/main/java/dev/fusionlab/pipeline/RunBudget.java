package dev.fusionlab.pipeline;

import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionSettings;
import java.util.Locale;

/**
 * What a run will hold in memory, estimated from counts before anything is allocated, so that a dataset
 * too large for the heap is refused with a message instead of ending in an {@code OutOfMemoryError}
 * half an hour into encoding. The estimate follows the data the run keeps and the largest working set
 * of one stage (stages run one after another and free their scratch):
 * <ul>
 *   <li>embeddings: image, text and fused rows (float32), held to the end of the run;</li>
 *   <li>training: the normalised copies the classifiers and the joint space train on;</li>
 *   <li>projection, one space at a time, the widest (fused): PCA's centred float copy and its sketch
 *       ({@code n x (k + 10)} doubles); t-SNE's PCA to 50 dimensions, its kNN affinities (3 x perplexity
 *       neighbours, symmetrised) and its per-point state; UMAP's NN-descent heaps and fuzzy graph
 *       ({@code n x neighbours}, several times over);</li>
 *   <li>the 2D layouts of the three spaces.</li>
 * </ul>
 * Object headers are counted per row; the estimate is meant to be within a factor of about 1.5 of the
 * peak, and errs high.
 *
 * @param samples   rows the run will encode
 * @param imageDim  image embedding size
 * @param textDim   text embedding size
 * @param method    projection method
 * @param settings  its settings (perplexity, neighbours)
 */
public record RunBudget(long samples, int imageDim, int textDim, ProjectionMethod method, ProjectionSettings settings) {

    /** Part of the free heap a run may plan to use: the rest is for the GUI, the JIT and fragmentation. */
    static final double USABLE = 0.85;
    private static final long ROW_HEADER = 16;
    private static final int TSNE_PCA_DIMENSIONS = 50;

    /** The three embedding spaces: image, text and the fused concatenation, float32 rows. */
    public long embeddingBytes() {
        int fused = imageDim + textDim;
        return samples * (4L * (imageDim + textDim + fused) + 3 * ROW_HEADER);
    }

    /** Normalised training copies (fused features, both modalities for the joint space). */
    public long trainingBytes() {
        return samples * (4L * 2 * (imageDim + textDim) + 2 * ROW_HEADER);
    }

    /** Peak scratch of projecting the widest space with {@link #method}. */
    public long projectionBytes() {
        long n = samples;
        int d = imageDim + textDim;
        return switch (method) {
            case PCA -> n * 4L * d + n * 8L * (2 + 10);
            case TSNE -> {
                long k = Math.min(n - 1, (long) (3 * settings.tsnePerplexity()) + 1);
                long pca = n * 4L * d + n * 8L * (TSNE_PCA_DIMENSIONS + 10);
                long reduced = n * (4L * TSNE_PCA_DIMENSIONS + ROW_HEADER);
                long affinities = n * k * (4 + 8) * 3; // kNN graph, then P and its transpose
                long state = n * 8L * 2 * 6; // positions, gains, gradients, forces, updates
                yield Math.max(pca, reduced + affinities + state);
            }
            case UMAP -> {
                long k = Math.max(2, settings.umapNeighbors());
                long descent = n * k * (4 + 4 + 1) * 3; // heaps of indices, distances, flags; candidates
                long graph = n * k * (4 + 4) * 4; // memberships, symmetrised graph, its transpose
                long layout = n * 4L * 2 * 4;
                yield descent + graph + layout + n * 4L * d / 8; // NN-descent's per-thread scratch, roughly
            }
        };
    }

    /** The three 2D layouts the run returns. */
    public long layoutBytes() {
        return samples * 3 * (8L * 2 + ROW_HEADER);
    }

    public long totalBytes() {
        return embeddingBytes() + trainingBytes() + projectionBytes() + layoutBytes();
    }

    /** True when the run fits in {@code freeHeapBytes} with room to spare. */
    public boolean fitsIn(long freeHeapBytes) {
        return totalBytes() <= (long) (freeHeapBytes * USABLE);
    }

    /** The heap this JVM may still grow into: its maximum less what is in use now. */
    public static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Refuses a run that does not fit in the free heap.
     *
     * @param what names the data in the message (the dataset's folder or file)
     * @throws IllegalStateException naming the numbers and what to do instead
     */
    public void require(String what) {
        require(what, freeHeap(), Runtime.getRuntime().maxMemory());
    }

    void require(String what, long freeHeap, long maxHeap) {
        if (fitsIn(freeHeap)) {
            return;
        }
        long suggested = (long) Math.ceil((totalBytes() / USABLE + (maxHeap - freeHeap)) / (1L << 30)) + 1;
        throw new IllegalStateException(String.format(Locale.ROOT,
                "%s: %,d samples are too many for this heap: the run needs about %s (embeddings %s, training %s, "
                        + "%s %s), but only %s of the %s heap are free. Use a part of the data, or a larger heap "
                        + "(FUSIONLAB_JAVA_OPTS=-Xmx%dg app/fusionlab ...); nothing was encoded.",
                what, samples, gb(totalBytes()), gb(embeddingBytes()), gb(trainingBytes()), method.label(),
                gb(projectionBytes()), gb(freeHeap), gb(maxHeap), suggested));
    }

    static String gb(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }
}
