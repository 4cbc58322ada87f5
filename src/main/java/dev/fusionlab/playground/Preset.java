package dev.fusionlab.playground;

import dev.fusionlab.classify.ClassifierKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Ready-made datasets that each show one textbook situation of multimodal fusion, with a one-line
 * explanation of what to expect. The expectations hold on the default seed with margin (the playground's
 * tests check them); {@code docs/playground.md} gives the measured numbers.
 */
public enum Preset {
    REDUNDANT("redundant",
            "both modalities say the same (the image is a noisier copy of the text): every fusion scores about as the better modality",
            ClassifierKind.SOFTMAX),
    COMPLEMENTARY("complementary",
            "each modality separates different classes (the image tells {0,1} from {2,3}, the text {1,2} from {3,0}): both fusions beat both modalities",
            ClassifierKind.SOFTMAX),
    XOR("xor",
            "only the interaction carries the label (sign of an image feature x sign of a text feature): unimodal and late fusion stay at chance,"
                    + " early fusion succeeds with the MLP and fails with softmax",
            ClassifierKind.MLP),
    ONE_NOISY("one-noisy",
            "the image is pure noise in 1024 dimensions and there are few samples (400): late fusion weighted to the text keeps the text's score,"
                    + " early fusion loses some of it to the noise dimensions",
            ClassifierKind.SOFTMAX);

    private final String key;
    private final String explanation;
    private final ClassifierKind classifier;

    Preset(String key, String explanation, ClassifierKind classifier) {
        this.key = key;
        this.explanation = explanation;
        this.classifier = classifier;
    }

    /** Name on the command line and in files. */
    public String key() {
        return key;
    }

    /** One line: what the data is and what fusion does on it. */
    public String explanation() {
        return explanation;
    }

    /** The classifier that shows the preset's point when the user does not choose one. */
    public ClassifierKind defaultClassifier() {
        return classifier;
    }

    /** The preset's generator settings with {@code seed}. */
    public GeneratorSettings settings(long seed) {
        return switch (this) {
            case REDUNDANT -> new GeneratorSettings(4, 800, 64, 32, 1.5, 2.0, 0, 0, 1, 0, seed);
            case COMPLEMENTARY -> new GeneratorSettings(4, 800, 64, 32, 3.0, 3.0, 0, 1, 0, 0, seed);
            case XOR -> new GeneratorSettings(2, 800, 16, 16, 3.0, 3.0, 1, 0, 0, 0, seed);
            case ONE_NOISY -> new GeneratorSettings(4, 400, 1024, 32, 0, 2.0, 0, 0, 0, 0, seed);
        };
    }

    public static Preset parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Preset p : values()) {
            if (p.key.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "'; known: "
                + Arrays.stream(values()).map(Preset::key).collect(Collectors.joining(", ")));
    }
}
