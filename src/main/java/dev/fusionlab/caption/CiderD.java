package dev.fusionlab.caption;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CIDEr-D (Vedantam et al., 2015), computed as pycocoevalcap's {@code CiderScorer} / {@code CiderD} do.
 * For n = 1..4 each caption becomes a vector of TF-IDF weights: an n-gram's count times
 * log(N) − log(max(1, df)), where N is the number of images scored and df the number of those images whose
 * references contain the n-gram (document frequencies come from the test references themselves). Between
 * the candidate and each reference: Σ min(w_cand, w_ref)·w_ref over the candidate's n-grams (the "D"
 * clipping), divided by both vector norms (0 when either is 0), times the Gaussian length penalty
 * exp(−(l_cand − l_ref)² / 2σ²) with σ = 6. An image's score is the mean over n of the sum over its references,
 * divided by the number of references, times 10; the corpus score is the mean over images.
 *
 * <p>Lengths are counted in words, as the paper defines them; pycocoevalcap counts bigrams, which is the
 * word count minus one for every non-empty caption, so the difference (and the score) is the same except
 * against an empty caption.
 */
public final class CiderD {

    static final int MAX_N = 4;
    static final double SIGMA = 6.0;

    private CiderD() {
    }

    /** The corpus score (mean of {@link #perImage}). */
    public static double corpus(List<List<String>> candidates, List<List<List<String>>> references) {
        double[] scores = perImage(candidates, references);
        double sum = 0;
        for (double s : scores) {
            sum += s;
        }
        return scores.length == 0 ? 0 : sum / scores.length;
    }

    /** CIDEr-D of each candidate against its references, with document frequencies over all references given. */
    public static double[] perImage(List<List<String>> candidates, List<List<List<String>>> references) {
        if (candidates.size() != references.size()) {
            throw new IllegalArgumentException(candidates.size() + " candidates but " + references.size()
                    + " reference sets");
        }
        int images = references.size();
        List<List<List<Map<String, Integer>>>> refCounts = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (int i = 0; i < images; i++) {
            if (references.get(i).isEmpty()) {
                throw new IllegalArgumentException("image " + i + " has no reference caption");
            }
            List<List<Map<String, Integer>>> counts = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (List<String> ref : references.get(i)) {
                List<Map<String, Integer>> c = NGrams.count(ref, MAX_N);
                counts.add(c);
                c.forEach(m -> seen.addAll(m.keySet()));
            }
            refCounts.add(counts);
            seen.forEach(g -> documentFrequency.merge(g, 1, Integer::sum));
        }
        double logImages = Math.log(images);
        double[] scores = new double[images];
        for (int i = 0; i < images; i++) {
            Vector candidate = new Vector(NGrams.count(candidates.get(i), MAX_N), candidates.get(i).size(),
                    documentFrequency, logImages);
            double sum = 0;
            List<List<String>> refs = references.get(i);
            for (int r = 0; r < refs.size(); r++) {
                Vector ref = new Vector(refCounts.get(i).get(r), refs.get(r).size(), documentFrequency, logImages);
                sum += similarity(candidate, ref);
            }
            scores[i] = sum / refs.size() * 10.0;
        }
        return scores;
    }

    /** Mean over n of the clipped, length-penalised cosine similarity. */
    private static double similarity(Vector candidate, Vector ref) {
        double delta = candidate.length - ref.length;
        double penalty = Math.exp(-(delta * delta) / (2 * SIGMA * SIGMA));
        double sum = 0;
        for (int n = 0; n < MAX_N; n++) {
            double dot = 0;
            for (var e : candidate.weights.get(n).entrySet()) {
                double w = ref.weights.get(n).getOrDefault(e.getKey(), 0.0);
                dot += Math.min(e.getValue(), w) * w;
            }
            double norms = candidate.norms[n] * ref.norms[n];
            sum += (norms == 0 ? 0 : dot / norms) * penalty;
        }
        return sum / MAX_N;
    }

    /** TF-IDF weights of one caption's n-grams, n = 1..4, with their norms. */
    private static final class Vector {
        final List<Map<String, Double>> weights = new ArrayList<>();
        final double[] norms = new double[MAX_N];
        final int length;

        Vector(List<Map<String, Integer>> counts, int length, Map<String, Integer> documentFrequency,
               double logImages) {
            this.length = length;
            for (int n = 0; n < MAX_N; n++) {
                Map<String, Double> w = new HashMap<>();
                double squares = 0;
                for (var e : counts.get(n).entrySet()) {
                    double df = Math.log(Math.max(1, documentFrequency.getOrDefault(e.getKey(), 0)));
                    double weight = e.getValue() * (logImages - df);
                    w.put(e.getKey(), weight);
                    squares += weight * weight;
                }
                weights.add(w);
                norms[n] = Math.sqrt(squares);
            }
        }
    }
}
