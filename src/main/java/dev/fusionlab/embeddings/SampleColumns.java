package dev.fusionlab.embeddings;

import dev.fusionlab.data.Sample;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The metadata of samples as named columns: {@code id}, {@code label}, {@code text}, {@code split},
 * {@code image}, then every extra column in first-seen order. What a plot can be coloured by and what the
 * exports write beside the vectors.
 */
public final class SampleColumns {

    private static final List<String> BUILT_IN = List.of("id", "label", "text", "split", "image");

    private SampleColumns() {
    }

    /** The column names the samples have: the built-in five, then the extras. */
    public static List<String> names(List<Sample> samples) {
        Set<String> names = new LinkedHashSet<>(BUILT_IN);
        for (Sample s : samples) {
            names.addAll(s.extra().keySet());
        }
        return List.copyOf(names);
    }

    /**
     * The values of one column (null where a sample has none); {@code caption} is the same as {@code text}.
     *
     * @throws IllegalArgumentException naming the column and the columns there are
     */
    public static List<String> values(List<Sample> samples, String column) {
        String key = column.strip();
        List<String> out = new ArrayList<>(samples.size());
        switch (key.toLowerCase(java.util.Locale.ROOT)) {
            case "id" -> samples.forEach(s -> out.add(s.id()));
            case "label" -> samples.forEach(s -> out.add(s.isLabelled() ? s.label() : null));
            case "text", "caption" -> samples.forEach(s -> out.add(s.text().isEmpty() ? null : s.text()));
            case "split" -> samples.forEach(s -> out.add(s.split() == null ? null
                    : s.split().name().toLowerCase(java.util.Locale.ROOT)));
            case "image" -> samples.forEach(s -> out.add(s.hasImage() ? s.image().toString() : null));
            default -> {
                boolean found = false;
                for (Sample s : samples) {
                    String v = s.extra().get(key);
                    found |= s.extra().containsKey(key);
                    out.add(v == null || v.isBlank() ? null : v);
                }
                if (!found) {
                    throw new IllegalArgumentException("no metadata column '" + column + "'; columns: " + names(samples));
                }
            }
        }
        return out;
    }
}
