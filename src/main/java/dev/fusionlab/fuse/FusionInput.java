package dev.fusionlab.fuse;

import dev.fusionlab.data.Split;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What fusion trains on: row {@code i} of every array is one sample.
 *
 * @param image   image embeddings, equal width
 * @param text    text embeddings, equal width
 * @param labels  class index per row, or -1 for an unlabelled sample (predicted, never trained on)
 * @param splits  split per row
 * @param classes class names; labels index into it
 */
public record FusionInput(float[][] image, float[][] text, int[] labels, Split[] splits, List<String> classes) {

    public FusionInput {
        classes = List.copyOf(classes);
        int n = image.length;
        if (text.length != n || labels.length != n || splits.length != n) {
            throw new IllegalArgumentException("row counts differ: image " + n + ", text " + text.length
                    + ", labels " + labels.length + ", splits " + splits.length);
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, got " + classes);
        }
        for (int r = 0; r < n; r++) {
            if (labels[r] < -1 || labels[r] >= classes.size()) {
                throw new IllegalArgumentException("row " + r + ": label " + labels[r] + " is neither -1 nor a class index");
            }
            if (splits[r] == null) {
                throw new IllegalArgumentException("row " + r + " has no split");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** Rows of {@code split}, labelled or not. */
    public int[] rows(Split split) {
        return IntStream.range(0, size()).filter(r -> splits[r] == split).toArray();
    }

    /** Labelled rows of {@code split}. */
    public int[] labelledRows(Split split) {
        return IntStream.range(0, size()).filter(r -> splits[r] == split && labels[r] >= 0).toArray();
    }
}
