package dev.fusionlab.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;

/**
 * How a batch of preprocessed images is laid out in memory. The model always sees the logical
 * shape {@code [N, 3, S, S]}; only the strides differ.
 *
 * <p>Why it matters: libtorch's oneDNN convolutions run on channels-last data. Given a planar
 * (NCHW-contiguous) tensor, every convolution of MobileNetV2 reorders its input and output, which
 * cost DJL PyTorch about half of its forward time (bench/encoder/RESULTS.md). Handing it the
 * interleaved pixels as a permuted view makes PyTorch keep channels-last from the first layer to
 * the last. ONNX Runtime takes only contiguous planar tensors.
 */
public enum PixelLayout {
    /** Planar: all red values, then all green, then all blue ({@code [N, 3, S, S]} contiguous). */
    CHANNELS_FIRST,
    /**
     * Interleaved RGB per pixel ({@code [N, S, S, 3]} contiguous), handed over as the permuted view
     * {@code [N, 3, S, S]}, which PyTorch recognises as its channels-last memory format.
     */
    CHANNELS_LAST;

    /** Distance, in floats, between two channels of one pixel. */
    int channelStride(int size) {
        return this == CHANNELS_FIRST ? size * size : 1;
    }

    /** Distance, in floats, between two neighbouring pixels of one channel. */
    int pixelStride() {
        return this == CHANNELS_FIRST ? 1 : 3;
    }

    /**
     * One native tensor of logical shape {@code [count, 3, size, size]} from the first
     * {@code count} images in {@code pixels} (a single copy of the floats).
     */
    public NDArray toTensor(NDManager manager, float[] pixels, int count, int size) {
        FloatBuffer data = FloatBuffer.wrap(pixels, 0, count * 3 * size * size);
        if (this == CHANNELS_FIRST) {
            return manager.create(data, new Shape(count, 3, size, size));
        }
        return manager.create(data, new Shape(count, size, size, 3)).transpose(0, 3, 1, 2);
    }
}
