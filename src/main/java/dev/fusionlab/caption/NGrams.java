package dev.fusionlab.caption;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts of the n-grams of a word sequence, n = 1..maxN; an n-gram is its words joined by a space. */
final class NGrams {

    private NGrams() {
    }

    /** {@code counts.get(n - 1)} maps each n-gram of the words to how often it occurs. */
    static List<Map<String, Integer>> count(List<String> words, int maxN) {
        List<Map<String, Integer>> counts = new java.util.ArrayList<>(maxN);
        for (int n = 1; n <= maxN; n++) {
            Map<String, Integer> grams = new HashMap<>();
            for (int i = 0; i + n <= words.size(); i++) {
                grams.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
            }
            counts.add(grams);
        }
        return counts;
    }
}
