package dev.fusionlab.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/**
 * Hands a batch of preprocessed images to the model as one {@code [N, 3, S, S]} tensor (a single
 * native copy of one float array) and returns the selected output as one vector per image.
 */
final class ImageBatchTranslator implements NoBatchifyTranslator<ImageBatchTranslator.Batch, float[][]> {

    /** {@code count} images of {@code size x size}, CHW each, packed from the start of {@code pixels}. */
    record Batch(float[] pixels, int count, int size) {
    }

    private final OutputSelector output;

    ImageBatchTranslator(OutputSelector output) {
        this.output = output;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Batch batch) {
        int floats = batch.count() * 3 * batch.size() * batch.size();
        NDArray pixels = ctx.getNDManager().create(FloatBuffer.wrap(batch.pixels(), 0, floats),
                new Shape(batch.count(), 3, batch.size(), batch.size()));
        pixels.setName("pixel_values");
        return new NDList(pixels);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList outputs) {
        return Vectors.rows(output.pick(outputs));
    }
}
