package dev.fusionlab.ui.model;

import dev.fusionlab.pipeline.Pipeline;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The images a "find by meaning" query found, with the rank and the cosine similarity (query text to
 * image, in the run's joint space) of each, so that the sample grid can say how near each one is and not
 * only that it was found.
 *
 * @param query      the text searched for
 * @param rows       the found samples' rows in the run, best first
 * @param similarity cosine similarity of each, in the order of {@code rows}
 */
public record FoundImages(String query, int[] rows, double[] similarity) {

    public static FoundImages of(String query, List<Pipeline.ImageHit> hits) {
        return new FoundImages(query, hits.stream().mapToInt(Pipeline.ImageHit::row).toArray(),
                hits.stream().mapToDouble(Pipeline.ImageHit::similarity).toArray());
    }

    /** 1-based rank of {@code row} among the found images, or 0 when it was not found. */
    public int rank(int row) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == row) {
                return i + 1;
            }
        }
        return 0;
    }

    /** "#1 · cos 0.412" for a found row, empty for any other. */
    public Optional<String> badge(int row) {
        int rank = rank(row);
        return rank == 0 ? Optional.empty()
                : Optional.of(String.format(Locale.ROOT, "#%d · cos %.3f", rank, similarity[rank - 1]));
    }

    /** Whether {@code selection} is still exactly what this query selected (then its ranks apply). */
    public boolean matches(int[] selection) {
        return Arrays.equals(rows, selection);
    }
}
