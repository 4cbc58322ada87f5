package dev.fusionlab.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * How well one strategy's decisions match the truth on a set of samples.
 *
 * @param classes   class names, in index order
 * @param confusion {@code confusion[t][p]}: samples of true class {@code t} predicted as {@code p}
 * @param accuracy  right decisions / samples
 * @param macroF1   unweighted mean F1 over the classes that occur in the truth or the predictions (a class in
 *                  neither carries no evidence either way; scikit-learn's default does the same)
 * @param perClass  scores of every class, in index order
 */
public record ClassificationMetrics(List<String> classes, int[][] confusion, double accuracy, double macroF1,
                                    List<ClassMetrics> perClass) {

    public ClassificationMetrics {
        classes = List.copyOf(classes);
        perClass = List.copyOf(perClass);
    }

    /**
     * @param truth     true class index of each sample (no -1: leave unlabelled samples out)
     * @param predicted predicted class index of the same samples
     */
    public static ClassificationMetrics of(int[] truth, int[] predicted, List<String> classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("no samples to evaluate");
        }
        int k = classes.size();
        int[][] confusion = new int[k][k];
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            checkIndex(truth[i], k, "true label", i);
            checkIndex(predicted[i], k, "prediction", i);
            confusion[truth[i]][predicted[i]]++;
            right += truth[i] == predicted[i] ? 1 : 0;
        }
        List<ClassMetrics> perClass = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            int support = support(confusion, c);
            int tp = confusion[c][c];
            double precision = ratio(tp, predictedAs(confusion, c));
            double recall = ratio(tp, support);
            perClass.add(new ClassMetrics(classes.get(c), precision, recall, f1(precision, recall), support));
        }
        return new ClassificationMetrics(classes, confusion, right / (double) truth.length, macroF1(confusion), perClass);
    }

    /**
     * Macro-F1 of a confusion matrix, by the rule of {@link #macroF1()}: the mean F1 over the classes that
     * occur in the truth or the predictions. Allocation-free, for resampling ({@link BootstrapIntervals}); the
     * one place {@link #of} takes its macro-F1 from, so a bootstrap resample and the point estimate agree
     * bit for bit.
     */
    static double macroF1(int[][] confusion) {
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < confusion.length; c++) {
            int support = support(confusion, c);
            int predictedAs = predictedAs(confusion, c);
            if (support > 0 || predictedAs > 0) {
                int tp = confusion[c][c];
                f1Sum += f1(ratio(tp, predictedAs), ratio(tp, support));
                present++;
            }
        }
        return present == 0 ? 0 : f1Sum / present;
    }

    /** Samples of true class {@code c}: row {@code c}'s sum. */
    private static int support(int[][] confusion, int c) {
        int n = 0;
        for (int v : confusion[c]) {
            n += v;
        }
        return n;
    }

    /** Samples predicted as class {@code c}: column {@code c}'s sum. */
    private static int predictedAs(int[][] confusion, int c) {
        int n = 0;
        for (int[] row : confusion) {
            n += row[c];
        }
        return n;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Samples evaluated. */
    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : numerator / (double) denominator;
    }

    private static void checkIndex(int c, int k, String what, int sample) {
        if (c < 0 || c >= k) {
            throw new IllegalArgumentException("sample " + sample + ": " + what + " " + c
                    + " is not a class index in [0, " + k + ")");
        }
    }
}
