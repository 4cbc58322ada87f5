package dev.fusionlab.playground;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One knob of the {@link SyntheticGenerator}, named as on the command line ({@code --image-snr}) and in
 * files ({@code image_snr}). A sweep varies one of them; {@link #apply} sets it on a {@link GeneratorSettings}.
 */
public enum Control {
    CLASSES("classes", true, "number of classes"),
    SAMPLES("samples", true, "number of samples (70/15/15 train/validation/test, stratified)"),
    IMAGE_DIM("image_dim", true, "width of the image embedding (at least 3 x classes)"),
    TEXT_DIM("text_dim", true, "width of the text embedding (at least 3 x classes)"),
    IMAGE_SNR("image_snr", false, "class signal of the image modality: distance of class means over noise std / sqrt 2"),
    TEXT_SNR("text_snr", false, "class signal of the text modality, as image_snr"),
    INTERACTION("interaction", false, "0..1: share of the class signal that exists only in the image x text interaction"),
    COMPLEMENTARITY("complementarity", false, "0..1: share of each modality's direct signal that separates only its own class pairs"),
    REDUNDANCY("redundancy", false, "0..1: share of the stronger modality's noise that the other modality repeats"),
    LABEL_NOISE("label_noise", false, "0..1: share of samples whose label is redrawn uniformly at random"),
    SEED("seed", true, "seed of the data, its split and (in a run) the training");

    private final String key;
    private final boolean integer;
    private final String description;

    Control(String key, boolean integer, String description) {
        this.key = key;
        this.integer = integer;
        this.description = description;
    }

    /** snake_case name, as in files; the option is {@code --} + the key with dashes. */
    public String key() {
        return key;
    }

    /** The command-line option that sets it, e.g. {@code --image-snr}. */
    public String option() {
        return "--" + key.replace('_', '-');
    }

    /** Whether the control takes whole numbers only. */
    public boolean isInteger() {
        return integer;
    }

    public String description() {
        return description;
    }

    /** The control named {@code name} ({@code image_snr}, {@code image-snr} or {@code IMAGE_SNR}). */
    public static Control parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Control c : values()) {
            if (c.key.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown control '" + name + "'; known: "
                + Arrays.stream(values()).map(Control::key).collect(Collectors.joining(", ")));
    }

    /** The value of this control in {@code s}. */
    public double get(GeneratorSettings s) {
        return switch (this) {
            case CLASSES -> s.classes();
            case SAMPLES -> s.samples();
            case IMAGE_DIM -> s.imageDim();
            case TEXT_DIM -> s.textDim();
            case IMAGE_SNR -> s.imageSnr();
            case TEXT_SNR -> s.textSnr();
            case INTERACTION -> s.interaction();
            case COMPLEMENTARITY -> s.complementarity();
            case REDUNDANCY -> s.redundancy();
            case LABEL_NOISE -> s.labelNoise();
            case SEED -> s.seed();
        };
    }

    /**
     * {@code s} with this control set to {@code value} (rounded for integer controls).
     *
     * @throws IllegalArgumentException when the value is out of range, naming the control
     */
    public GeneratorSettings apply(GeneratorSettings s, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number, got " + value);
        }
        int n = (int) Math.round(value);
        return switch (this) {
            case CLASSES -> new GeneratorSettings(n, s.samples(), s.imageDim(), s.textDim(), s.imageSnr(), s.textSnr(),
                    s.interaction(), s.complementarity(), s.redundancy(), s.labelNoise(), s.seed());
            case SAMPLES -> new GeneratorSettings(s.classes(), n, s.imageDim(), s.textDim(), s.imageSnr(), s.textSnr(),
                    s.interaction(), s.complementarity(), s.redundancy(), s.labelNoise(), s.seed());
            case IMAGE_DIM -> new GeneratorSettings(s.classes(), s.samples(), n, s.textDim(), s.imageSnr(), s.textSnr(),
                    s.interaction(), s.complementarity(), s.redundancy(), s.labelNoise(), s.seed());
            case TEXT_DIM -> new GeneratorSettings(s.classes(), s.samples(), s.imageDim(), n, s.imageSnr(), s.textSnr(),
                    s.interaction(), s.complementarity(), s.redundancy(), s.labelNoise(), s.seed());
            case IMAGE_SNR -> new GeneratorSettings(s.classes(), s.samples(), s.imageDim(), s.textDim(), value, s.textSnr(),
                    s.interaction(), s.complementarity(), s.redundancy(), s.labelNoise(), s.seed());
            case TEXT_SNR -> new GeneratorSettings(s.classes(), s.samples(), s.imageDim(), s.textDim(), s.imageSnr(), value,
                    s.interaction(), s.complementarity(), s.redundancy(), s.labelNoise(), s.seed());
            case INTERACTION -> new GeneratorSettings(s.classes(), s.samples(), s.imageDim(), s.textDim(), s.imageSnr(),
                    s.textSnr(), value, s.complementarity(), s.redundancy(), s.labelNoise(), s.seed());
            case COMPLEMENTARITY -> new GeneratorSettings(s.classes(), s.samples(), s.imageDim(), s.textDim(), s.imageSnr(),
                    s.textSnr(), s.interaction(), value, s.redundancy(), s.labelNoise(), s.seed());
            case REDUNDANCY -> new GeneratorSettings(s.classes(), s.samples(), s.imageDim(), s.textDim(), s.imageSnr(),
                    s.textSnr(), s.interaction(), s.complementarity(), value, s.labelNoise(), s.seed());
            case LABEL_NOISE -> new GeneratorSettings(s.classes(), s.samples(), s.imageDim(), s.textDim(), s.imageSnr(),
                    s.textSnr(), s.interaction(), s.complementarity(), s.redundancy(), value, s.seed());
            case SEED -> new GeneratorSettings(s.classes(), s.samples(), s.imageDim(), s.textDim(), s.imageSnr(),
                    s.textSnr(), s.interaction(), s.complementarity(), s.redundancy(), s.labelNoise(), Math.round(value));
        };
    }
}
