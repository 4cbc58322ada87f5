package dev.fusionlab.encode;

import dev.fusionlab.task.TaskContext;
import java.util.List;

/**
 * Turns inputs of one modality into fixed-size embedding vectors.
 *
 * <p>Inputs are encoded in batches (the batch size is fixed when the encoder is opened); progress is
 * reported once per batch and cancellation is checked between batches. An input that cannot be
 * read or decoded becomes a failure of that item in the {@link EncodeResult}; it never aborts the
 * rest of the batch. Implementations hold native resources: close them. They are not thread-safe;
 * use one encoder per worker thread.
 *
 * @param <I> the input type: {@link java.nio.file.Path} of an image file, or {@link String} text
 */
public interface Encoder<I> extends AutoCloseable {

    /** Modality, id, weights, dimension and input pipeline: what the embedding cache and the run's provenance are keyed by. */
    EncoderIdentity identity();

    default Modality modality() {
        return identity().modality();
    }

    /** Stable identifier, e.g. {@code mobilenet_v2}, {@code all-minilm-l6-v2}, {@code file:/m/x.pt}. */
    default String id() {
        return identity().id();
    }

    /** Hex sha256 of the weights file: part of every cache key, so new weights never hit old vectors. */
    default String weightsSha256() {
        return identity().weightsSha256();
    }

    /** How inputs become model input and outputs vectors ({@link InputPipeline}): part of every cache key. */
    default String pipeline() {
        return identity().pipeline();
    }

    /** Length of every embedding vector this encoder returns. */
    default int dimension() {
        return identity().dimension();
    }

    /**
     * Encodes all inputs, in order.
     *
     * @throws dev.fusionlab.task.CancelledException when cancelled between two batches
     */
    EncodeResult encode(List<I> inputs, TaskContext ctx);

    /** Releases the native model; does not throw checked exceptions. */
    @Override
    void close();
}
