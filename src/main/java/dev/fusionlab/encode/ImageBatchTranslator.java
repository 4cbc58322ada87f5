package dev.fusionlab.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Hands a batch of preprocessed images to the model as one {@code [N, 3, S, S]} tensor (a single
 * native copy of one float array, in the batch's {@link PixelLayout}) and returns the selected
 * output as one vector per image.
 */
final class ImageBatchTranslator implements NoBatchifyTranslator<ImageBatchTranslator.Batch, float[][]> {

    /** {@code count} images of {@code size x size}, packed from the start of {@code pixels}. */
    record Batch(float[] pixels, int count, int size, PixelLayout layout) {
    }

    private final OutputSelector output;

    ImageBatchTranslator(OutputSelector output) {
        this.output = output;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Batch batch) {
        NDArray pixels = batch.layout().toTensor(ctx.getNDManager(), batch.pixels(), batch.count(), batch.size());
        pixels.setName("pixel_values");
        return new NDList(pixels);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList outputs) {
        return Vectors.rows(output.pick(outputs));
    }
}
