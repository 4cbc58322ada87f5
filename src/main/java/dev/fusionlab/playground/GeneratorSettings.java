package dev.fusionlab.playground;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@link SyntheticGenerator} makes: a value, so it can be written next to the results
 * ({@code run.json}) and the same settings give the same data, bit for bit. See {@link Control} for each knob
 * and {@link SyntheticGenerator} for the model they drive.
 *
 * @param classes         number of classes, at least 2
 * @param samples         number of samples, at least 10 per class (every class in every split)
 * @param imageDim        image embedding width, at least 3 x classes
 * @param textDim         text embedding width, at least 3 x classes
 * @param imageSnr        class signal of the image modality, >= 0 (0: the image is pure noise)
 * @param textSnr         class signal of the text modality, >= 0
 * @param interaction     0..1, share of the signal carried only by the interaction of the two modalities
 * @param complementarity 0..1, share of the direct signal that separates only modality-specific class pairs
 *                        (needs at least 3 classes when above 0)
 * @param redundancy      0..1, share of the stronger modality's noise that the other modality repeats
 * @param labelNoise      0..1, share of samples whose observed label is redrawn uniformly at random
 * @param seed            seed of the data and its split
 */
public record GeneratorSettings(int classes, int samples, int imageDim, int textDim, double imageSnr, double textSnr,
                                double interaction, double complementarity, double redundancy, double labelNoise,
                                long seed) {

    /** Latent blocks per modality: the full class code, the modality's class pairs, the interaction digit. */
    static final int BLOCKS = 3;

    public GeneratorSettings {
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        if (samples < 10 * classes) {
            throw new IllegalArgumentException("samples must be at least 10 x classes = " + 10 * classes
                    + " (every class in every split), got " + samples);
        }
        if (imageDim < BLOCKS * classes || textDim < BLOCKS * classes) {
            throw new IllegalArgumentException("image_dim and text_dim must be at least 3 x classes = " + BLOCKS * classes
                    + " (the generator's latent width), got " + imageDim + " and " + textDim);
        }
        requireRange("image_snr", imageSnr, 0, Double.MAX_VALUE);
        requireRange("text_snr", textSnr, 0, Double.MAX_VALUE);
        requireRange("interaction", interaction, 0, 1);
        requireRange("complementarity", complementarity, 0, 1);
        requireRange("redundancy", redundancy, 0, 1);
        requireRange("label_noise", labelNoise, 0, 1);
        if (complementarity > 0 && classes < 3) {
            throw new IllegalArgumentException("complementarity needs at least 3 classes: with 2, each modality's"
                    + " class pair is both classes, so neither modality would say anything");
        }
    }

    /** The settings every preset starts from: 4 classes, 800 samples, 64-d image, 32-d text, signal 2 each. */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings(4, 800, 64, 32, 2.0, 2.0, 0, 0, 0, 0, 42);
    }

    public GeneratorSettings with(Control control, double value) {
        return control.apply(this, value);
    }

    public GeneratorSettings withSeed(long newSeed) {
        return Control.SEED.apply(this, newSeed);
    }

    /** Every control by its snake_case key, in {@link Control} order: what {@code run.json} records. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Control c : Control.values()) {
            double v = c.get(this);
            map.put(c.key(), c.isInteger() ? (Object) Math.round(v) : (Object) v);
        }
        return map;
    }

    private static void requireRange(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + (max == Double.MAX_VALUE ? "inf" : max)
                    + "], got " + v);
        }
    }
}
