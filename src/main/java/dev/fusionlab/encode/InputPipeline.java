package dev.fusionlab.encode;

import dev.fusionlab.data.ImageDecoding;
import java.util.List;
import java.util.Locale;

/**
 * The canonical description of how an encoder turns an input into model input and the model's output
 * into the vector: part of every {@link EncoderIdentity}, hence of every embedding-cache key and of a
 * run's provenance. Two encoders with the same weights but another description never share cached
 * vectors.
 *
 * <p>It holds everything that can change a vector and nothing that cannot:
 * <ul>
 *   <li>images: the version of the decoding code ({@link ImageDecoding#VERSION}) and of the
 *       preprocessing code ({@link ImagePreprocessor#VERSION}), the input size, the per-channel mean and
 *       std as applied (defaults resolved: no mean is {@code 0,0,0}), the output picked, L2 normalisation;</li>
 *   <li>texts: the version of the tokenising and pooling code ({@link TextEncoder#VERSION}), the
 *       tokenizer file's sha256, the max length, the model inputs fed ({@code model}: the model's own
 *       declared inputs, fixed by its weights), the output picked, the pooling, L2 normalisation.</li>
 * </ul>
 * Left out on purpose: the {@link PixelLayout} (a memory layout of the same logical tensor, chosen for
 * speed; the vectors agree to float rounding, cosine &gt; 0.9999), the batch size and padding (masked),
 * the engine and DJL versions (float rounding; an upgrade that changes more, a tokenizer say, must bump
 * a version constant). The dimension and the weights are separate fields of the identity.
 *
 * <p>The text is stable across JVMs and platforms: fixed key order, enum names, floats as
 * {@link Float#toString} (the shortest decimal that reads back as the same float), no hash codes.
 */
public final class InputPipeline {

    private InputPipeline() {
    }

    /** An image encoder's pipeline as {@code descriptor} and the current decoding/preprocessing code make it. */
    public static String image(ModelDescriptor descriptor) {
        return "image;decoding=" + ImageDecoding.VERSION + ";preprocessing=" + ImagePreprocessor.VERSION
                + ";size=" + descriptor.inputSizeOrDefault()
                + ";mean=" + floats("mean", descriptor.mean(), 0f) + ";std=" + floats("std", descriptor.std(), 1f)
                + ";output=" + descriptor.outputSelector() + ";normalize=" + descriptor.normalizeOrDefault();
    }

    /**
     * A text encoder's pipeline.
     *
     * @param tokenizerSha256 hex sha256 of the tokenizer.json the encoder reads
     */
    public static String text(ModelDescriptor descriptor, String tokenizerSha256) {
        List<String> inputs = descriptor.inputs();
        return "text;encoding=" + TextEncoder.VERSION + ";tokenizer=" + tokenizerSha256.toLowerCase(Locale.ROOT)
                + ";max_length=" + descriptor.maxLengthOrDefault()
                + ";inputs=" + (inputs == null ? "model" : String.join(",", inputs))
                + ";output=" + descriptor.outputSelector()
                + ";pooling=" + descriptor.poolingOrDefault().name().toLowerCase(Locale.ROOT)
                + ";normalize=" + descriptor.normalizeOrDefault();
    }

    /** A hub model's pipeline: DJL's own translator, as the model's configuration says, so DJL's version. */
    static String djlTranslator(String djlVersion) {
        return "text;djl_text_embedding_translator;djl=" + djlVersion;
    }

    private static String floats(String what, float[] values, float absent) {
        if (values != null && values.length != 3) {
            throw new IllegalArgumentException(what + " needs 3 values (R, G, B), got " + values.length);
        }
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            float v = values == null ? absent : values[c];
            s.append(c == 0 ? "" : ",").append(Float.toString(v == 0f ? 0f : v)); // -0.0 subtracts like 0.0
        }
        return s.toString();
    }
}
