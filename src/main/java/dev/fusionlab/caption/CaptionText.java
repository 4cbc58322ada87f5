package dev.fusionlab.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How captions become words, the same for the vocabulary, the training targets and every measure: lower
 * case (root locale), split on anything that is not a letter or a digit, empty pieces dropped. So
 * {@code "Grinning face; grinning"} is {@code [grinning, face, grinning]}.
 */
public final class CaptionText {

    private CaptionText() {
    }

    public static List<String> tokens(String caption) {
        List<String> words = new ArrayList<>();
        for (String piece : caption.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!piece.isEmpty()) {
                words.add(piece);
            }
        }
        return words;
    }

    /** Words joined by single spaces: how a generated caption is written. */
    public static String join(List<String> words) {
        return String.join(" ", words);
    }
}
