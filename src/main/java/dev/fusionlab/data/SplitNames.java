package dev.fusionlab.data;

import java.util.Locale;
import java.util.Optional;

/** The split names found in real manifests (Hugging Face uses train / validation / test; many use val or dev). */
final class SplitNames {

    private SplitNames() {
    }

    static Optional<Split> parse(String value) {
        return Optional.ofNullable(switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "train", "training" -> Split.TRAIN;
            case "validation", "val", "valid", "dev" -> Split.VALIDATION;
            case "test", "testing" -> Split.TEST;
            default -> null;
        });
    }
}
