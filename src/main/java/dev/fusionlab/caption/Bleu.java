package dev.fusionlab.caption;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus-level BLEU (Papineni et al., 2002). For each n, the modified precision p_n is the sum over all
 * candidates of their n-gram counts clipped by the largest count of that n-gram in any one of the
 * candidate's references, divided by the sum of their n-gram counts. The brevity penalty compares the
 * total candidate length c with the effective reference length r, the sum over candidates of the
 * reference length closest to the candidate's (the shorter on a tie, as NLTK and coco-caption do):
 * BP = 1 when c > r, else exp(1 - r / c). BLEU-n = BP · exp(Σ_{k≤n} log p_k / n), uniform weights; 0 when
 * some p_k is 0 or there are no candidate words (no smoothing).
 */
public final class Bleu {

    /** BLEU-1 to BLEU-4. */
    public static final int MAX_N = 4;

    private Bleu() {
    }

    /**
     * @param candidates one tokenised caption per image
     * @param references for each image, all its tokenised reference captions (at least one)
     * @return BLEU-1 .. BLEU-{@code maxN}
     */
    public static double[] corpus(List<List<String>> candidates, List<List<List<String>>> references, int maxN) {
        if (candidates.size() != references.size()) {
            throw new IllegalArgumentException(candidates.size() + " candidates but " + references.size()
                    + " reference sets");
        }
        long[] clipped = new long[maxN];
        long[] total = new long[maxN];
        long candidateLength = 0;
        long referenceLength = 0;
        for (int i = 0; i < candidates.size(); i++) {
            List<String> candidate = candidates.get(i);
            List<List<String>> refs = references.get(i);
            if (refs.isEmpty()) {
                throw new IllegalArgumentException("image " + i + " has no reference caption");
            }
            candidateLength += candidate.size();
            referenceLength += closestLength(candidate.size(), refs);
            List<Map<String, Integer>> counts = NGrams.count(candidate, maxN);
            List<Map<String, Integer>> maxRef = maxReferenceCounts(refs, maxN);
            for (int n = 0; n < maxN; n++) {
                for (var e : counts.get(n).entrySet()) {
                    total[n] += e.getValue();
                    clipped[n] += Math.min(e.getValue(), maxRef.get(n).getOrDefault(e.getKey(), 0));
                }
            }
        }
        double brevity = candidateLength == 0 ? 0
                : candidateLength > referenceLength ? 1 : Math.exp(1 - referenceLength / (double) candidateLength);
        double[] bleu = new double[maxN];
        double logSum = 0;
        boolean zero = candidateLength == 0;
        for (int n = 0; n < maxN; n++) {
            zero |= clipped[n] == 0;
            if (!zero) {
                logSum += Math.log(clipped[n] / (double) total[n]);
            }
            bleu[n] = zero ? 0 : brevity * Math.exp(logSum / (n + 1));
        }
        return bleu;
    }

    static int closestLength(int length, List<List<String>> refs) {
        int best = refs.getFirst().size();
        for (List<String> ref : refs) {
            int d = Math.abs(ref.size() - length);
            int bestD = Math.abs(best - length);
            if (d < bestD || d == bestD && ref.size() < best) {
                best = ref.size();
            }
        }
        return best;
    }

    private static List<Map<String, Integer>> maxReferenceCounts(List<List<String>> refs, int maxN) {
        List<Map<String, Integer>> max = new java.util.ArrayList<>();
        for (int n = 0; n < maxN; n++) {
            max.add(new HashMap<>());
        }
        for (List<String> ref : refs) {
            List<Map<String, Integer>> counts = NGrams.count(ref, maxN);
            for (int n = 0; n < maxN; n++) {
                for (var e : counts.get(n).entrySet()) {
                    max.get(n).merge(e.getKey(), e.getValue(), Math::max);
                }
            }
        }
        return max;
    }
}
