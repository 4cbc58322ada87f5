package dev.fusionlab.caption;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decoder's words, built from the training captions only: ids 0..3 are the special tokens
 * {@value #PAD}, {@value #BOS}, {@value #EOS} and {@value #UNK}, then every word seen at least
 * {@code minCount} times, most frequent first (ties in alphabetical order, so the same captions always
 * give the same ids). Rarer words map to {@value #UNK}, which the decoder is never allowed to emit.
 */
public final class Vocabulary {

    public static final String PAD = "<pad>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";
    public static final String UNK = "<unk>";
    public static final int PAD_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;
    public static final int UNK_ID = 3;

    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();

    Vocabulary(List<String> words) {
        if (words.size() < 4 || !words.subList(0, 4).equals(List.of(PAD, BOS, EOS, UNK))) {
            throw new IllegalArgumentException("a vocabulary starts with " + List.of(PAD, BOS, EOS, UNK));
        }
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) {
            if (ids.putIfAbsent(this.words.get(i), i) != null) {
                throw new IllegalArgumentException("word listed twice: " + this.words.get(i));
            }
        }
    }

    /** From tokenised captions: the words seen at least {@code minCount} times. */
    public static Vocabulary build(Collection<List<String>> captions, int minCount) {
        Map<String, Integer> counts = new TreeMap<>();
        for (List<String> caption : captions) {
            for (String w : caption) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>(List.of(PAD, BOS, EOS, UNK));
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()) // stable: ties stay alphabetical
                .forEach(e -> words.add(e.getKey()));
        return new Vocabulary(words);
    }

    public int size() {
        return words.size();
    }

    public String word(int id) {
        return words.get(id);
    }

    public int id(String word) {
        return ids.getOrDefault(word, UNK_ID);
    }

    /** Every word in id order, special tokens first (for saving). */
    public List<String> words() {
        return words;
    }

    /**
     * Decoder input and target of one caption, both {@code maxLength + 1} long: input
     * {@code <bos> w1 .. wk}, target {@code w1 .. wk <eos>}, padded with {@value #PAD}; captions longer than
     * {@code maxLength} words are cut.
     */
    int[][] teacherForcing(List<String> caption, int maxLength) {
        int k = Math.min(caption.size(), maxLength);
        int[] input = new int[maxLength + 1];
        int[] target = new int[maxLength + 1];
        input[0] = BOS_ID;
        for (int i = 0; i < k; i++) {
            int id = id(caption.get(i));
            input[i + 1] = id;
            target[i] = id;
        }
        target[k] = EOS_ID;
        return new int[][] {input, target};
    }
}
