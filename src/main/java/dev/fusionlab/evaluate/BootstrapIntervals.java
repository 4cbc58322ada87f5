package dev.fusionlab.evaluate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * 95% percentile-bootstrap confidence intervals of accuracy and macro-F1 (Efron and Tibshirani, 1993):
 * the test samples are drawn with replacement {@code resamples} times, each draw is scored, and the
 * interval is the 2.5th to 97.5th percentile of those scores. Seeded, so the same run reports the same
 * interval; it says how far the score could move on another test set of the same size drawn from the
 * same data, not how the model would do elsewhere.
 *
 * @param accuracy    interval of the accuracy
 * @param macroF1     interval of the macro-F1
 * @param samples     test samples resampled
 * @param resamples   bootstrap draws
 * @param confidence  coverage of the intervals (0.95)
 */
public record BootstrapIntervals(Interval accuracy, Interval macroF1, int samples, int resamples, double confidence) {

    /** Draws used by {@link #of(int[], int[], int, long)}: enough for stable 2.5% tails. */
    public static final int DEFAULT_RESAMPLES = 1_000;

    /** Below this many test samples, scores are reported with {@link #caveat()}. */
    public static final int SMALL_TEST_SPLIT = 100;

    /** A closed interval of a score. */
    public record Interval(double low, double high) {

        public double halfWidth() {
            return (high - low) / 2;
        }
    }

    /** {@link #DEFAULT_RESAMPLES} draws. */
    public static BootstrapIntervals of(int[] truth, int[] predicted, int classes, long seed) {
        return of(truth, predicted, classes, DEFAULT_RESAMPLES, seed);
    }

    /**
     * @param truth     true class of each test sample
     * @param predicted predicted class of the same samples
     * @param classes   number of classes (indices are in {@code [0, classes)})
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static BootstrapIntervals of(int[] truth, int[] predicted, int classes, int resamples, long seed) {
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("bootstrap needs as many predictions as true labels, at least one; got "
                    + truth.length + " and " + predicted.length);
        }
        if (resamples < 2) {
            throw new IllegalArgumentException("bootstrap needs at least 2 resamples, got " + resamples);
        }
        int n = truth.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[] accuracies = new double[resamples];
        double[] f1s = new double[resamples];
        int[][] confusion = new int[classes][classes];
        for (int b = 0; b < resamples; b++) {
            for (int[] row : confusion) {
                Arrays.fill(row, 0);
            }
            int right = 0;
            for (int i = 0; i < n; i++) {
                int row = random.nextInt(n);
                confusion[truth[row]][predicted[row]]++;
                right += truth[row] == predicted[row] ? 1 : 0;
            }
            accuracies[b] = right / (double) n;
            f1s[b] = ClassificationMetrics.macroF1(confusion);
        }
        return new BootstrapIntervals(percentiles(accuracies), percentiles(f1s), n, resamples, 0.95);
    }

    /**
     * A warning to show next to the scores when the test split is too small for them to mean much, or
     * empty when it is not.
     */
    public String caveat() {
        if (samples >= SMALL_TEST_SPLIT) {
            return "";
        }
        return "only " + samples + " test samples: scores can move by \u00b1"
                + Math.round(accuracy.halfWidth() * 100) + " points on another split of this size";
    }

    private static Interval percentiles(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return new Interval(quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    /** Linear interpolation between order statistics (NumPy's default "linear" method). */
    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
