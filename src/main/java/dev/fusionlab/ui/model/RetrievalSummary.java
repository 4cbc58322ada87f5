package dev.fusionlab.ui.model;

import dev.fusionlab.evaluate.RetrievalMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The run's cross-modal retrieval on the test split as the Compare tab shows it: R@1/5/10 and median rank
 * in both directions, each beside what random ranking would score, so that "R@1 12%" can be read at once
 * as good or poor for the size of the gallery.
 *
 * <p>Chance: text to image, a caption's one right image is equally likely at any of the {@code images}
 * ranks, so R@k = k / images and the median rank (images + 1) / 2. Image to text, an image has on average
 * c = captions / images captions of its own among all captions and counts as a hit when any of them is in
 * the first k: R@k = 1 - C(captions - c, k) / C(captions, k), exact when every image has the same number of
 * captions (c rounded otherwise); the median rank is the smallest k where that reaches one half.
 *
 * @param metrics the run's retrieval scores
 * @param rows    text to image, then image to text
 */
public record RetrievalSummary(RetrievalMetrics metrics, List<Direction> rows) {

    /** The k of R@k. */
    public static final int[] KS = {1, 5, 10};

    /**
     * @param direction  "Text → image" or "Image → text"
     * @param recall     R@1, R@5, R@10
     * @param chance     what random ranking scores for each
     * @param medianRank median rank of the right answer
     * @param chanceMedian median rank under random ranking
     */
    public record Direction(String direction, double[] recall, double[] chance, double medianRank, double chanceMedian) {
    }

    /** @return the summary, or empty when the run has no joint space or too few test pairs to score */
    public static Optional<RetrievalSummary> of(Optional<RetrievalMetrics> retrieval) {
        return retrieval.map(RetrievalSummary::of);
    }

    public static RetrievalSummary of(RetrievalMetrics m) {
        int images = m.images();
        int captions = m.pairs();
        int own = Math.max(1, (int) Math.round(captions / (double) images));
        double[] t2iChance = new double[KS.length];
        double[] i2tChance = new double[KS.length];
        for (int i = 0; i < KS.length; i++) {
            t2iChance[i] = Math.min(KS[i], images) / (double) images;
            i2tChance[i] = anyWithin(captions, own, KS[i]);
        }
        int i2tMedian = 1;
        while (i2tMedian < captions && anyWithin(captions, own, i2tMedian) < 0.5) {
            i2tMedian++;
        }
        Direction t2i = row("Text → image", m.textToImage(), t2iChance, (images + 1) / 2.0);
        Direction i2t = row("Image → text", m.imageToText(), i2tChance, i2tMedian);
        return new RetrievalSummary(m, List.of(t2i, i2t));
    }

    /** The headline over the table: what was counted. */
    public String header() {
        return String.format(Locale.ROOT, "Retrieval in the joint space (test split: %d images, %d captions)",
                metrics.images(), metrics.pairs());
    }

    /** One line per direction, e.g. {@code Text → image  R@1 40% (chance 2%) · … · median rank 2 (chance 25.5)}. */
    public List<String> lines() {
        return rows.stream().map(r -> {
            StringBuilder b = new StringBuilder(r.direction()).append(":  ");
            for (int i = 0; i < KS.length; i++) {
                b.append(String.format(Locale.ROOT, "R@%d %s (chance %s) · ", KS[i], percent(r.recall()[i]),
                        percent(r.chance()[i])));
            }
            b.append(String.format(Locale.ROOT, "median rank %s (chance %s)", number(r.medianRank()),
                    number(r.chanceMedian())));
            return b.toString();
        }).toList();
    }

    /** Header and lines, as the card shows them. */
    public String text() {
        return header() + "\n" + String.join("\n", lines());
    }

    private static Direction row(String direction, RetrievalMetrics.Ranking r, double[] chance, double chanceMedian) {
        return new Direction(direction, new double[] {r.recallAt1(), r.recallAt5(), r.recallAt10()}, chance,
                r.medianRank(), chanceMedian);
    }

    /** Probability that at least one of {@code own} right items is among the first k of n, at random. */
    static double anyWithin(int n, int own, int k) {
        if (k >= n - own + 1) {
            return 1;
        }
        double none = 1; // C(n - own, k) / C(n, k) = prod_{i<k} (n - own - i) / (n - i)
        for (int i = 0; i < k; i++) {
            none *= (n - own - i) / (double) (n - i);
        }
        return 1 - none;
    }

    private static String percent(double v) {
        double p = v * 100;
        return p > 0 && p < 1 ? String.format(Locale.ROOT, "%.1f%%", p) : String.format(Locale.ROOT, "%.0f%%", p);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
