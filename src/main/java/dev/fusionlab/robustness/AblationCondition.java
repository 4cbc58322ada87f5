package dev.fusionlab.robustness;

import dev.fusionlab.encode.Modality;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One test-time change of the inputs, applied to the test split without retraining.
 *
 * @param kind     what is done
 * @param modality the modality it is done to (null for {@link Kind#INTACT})
 * @param sigma    noise level of {@link Kind#NOISE}, in training standard deviations of each normalised
 *                 dimension (1 = noise as large as the data's own spread); 0 otherwise
 */
public record AblationCondition(Kind kind, Modality modality, double sigma) {

    /** The kinds of change. */
    public enum Kind {
        /** inputs as they are: the reference */
        INTACT,
        /**
         * the modality is missing: late fusion uses the other classifier alone; early fusion (and the missing
         * modality's own classifier) gets the modality's training mean in its place
         */
        DROP,
        /** the modality's test rows are permuted among the test samples: the image-text pairing is broken */
        SHUFFLE,
        /** Gaussian noise added to the modality's normalised embedding */
        NOISE
    }

    /** The noise levels of {@link #standard()}. */
    public static final double[] DEFAULT_SIGMAS = {0.5, 1, 2};

    public AblationCondition {
        if (kind == null || (kind == Kind.INTACT) != (modality == null)) {
            throw new IllegalArgumentException("every condition but intact names a modality, intact none");
        }
        if (kind == Kind.NOISE ? !(sigma > 0 && Double.isFinite(sigma)) : sigma != 0) {
            throw new IllegalArgumentException("a noise level must be positive and finite, other conditions have none; got "
                    + sigma);
        }
    }

    public static AblationCondition intact() {
        return new AblationCondition(Kind.INTACT, null, 0);
    }

    public static AblationCondition drop(Modality m) {
        return new AblationCondition(Kind.DROP, m, 0);
    }

    public static AblationCondition shuffle(Modality m) {
        return new AblationCondition(Kind.SHUFFLE, m, 0);
    }

    public static AblationCondition noise(Modality m, double sigma) {
        return new AblationCondition(Kind.NOISE, m, sigma);
    }

    /** intact, drop, shuffle and noise at {@link #DEFAULT_SIGMAS}, image before text. */
    public static List<AblationCondition> standard() {
        return standard(DEFAULT_SIGMAS);
    }

    public static List<AblationCondition> standard(double... sigmas) {
        List<AblationCondition> all = new ArrayList<>(List.of(intact(), drop(Modality.IMAGE), drop(Modality.TEXT),
                shuffle(Modality.IMAGE), shuffle(Modality.TEXT)));
        for (Modality m : Modality.values()) {
            for (double s : sigmas) {
                all.add(noise(m, s));
            }
        }
        return all;
    }

    /** {@code intact}, {@code drop_image}, {@code shuffle_text}, {@code noise_image_0.5}, ... */
    public String name() {
        String base = kind.name().toLowerCase(Locale.ROOT);
        if (kind == Kind.INTACT) {
            return base;
        }
        String m = modality.name().toLowerCase(Locale.ROOT);
        if (kind != Kind.NOISE) {
            return base + "_" + m;
        }
        String level = sigma == Math.rint(sigma) ? Long.toString((long) sigma)
                : java.math.BigDecimal.valueOf(sigma).stripTrailingZeros().toPlainString();
        return base + "_" + m + "_" + level;
    }
}
