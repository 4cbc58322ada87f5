package dev.fusionlab.ui.model;

/**
 * Confusion matrix and the scores derived from it for one strategy on a subset of samples.
 * (Kept small and local to the view model until it can delegate to the evaluate package.)
 */
record ScoreCard(int[][] confusion, double accuracy, double macroF1, double[] f1PerClass) {

    static ScoreCard of(int[] truth, int[] predicted, int[] subset, int classes) {
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        for (int i : subset) {
            if (predicted[i] >= 0) {
                confusion[truth[i]][predicted[i]]++;
            }
            correct += predicted[i] == truth[i] ? 1 : 0;
        }
        double[] f1 = new double[classes];
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            int tp = confusion[c][c], actual = 0, guessed = 0;
            for (int j = 0; j < classes; j++) {
                actual += confusion[c][j];
                guessed += confusion[j][c];
            }
            f1[c] = actual + guessed == 0 ? Double.NaN : 2.0 * tp / (actual + guessed);
            if (actual + guessed > 0) {
                sum += f1[c];
                present++;
            }
        }
        double accuracy = subset.length == 0 ? Double.NaN : (double) correct / subset.length;
        return new ScoreCard(confusion, accuracy, present == 0 ? Double.NaN : sum / present, f1);
    }

    double f1(int c) {
        return f1PerClass[c];
    }

    static int support(int[] truth, int[] subset, int c) {
        int n = 0;
        for (int i : subset) {
            n += truth[i] == c ? 1 : 0;
        }
        return n;
    }

    /** Two-sided exact binomial McNemar p-value for b and c discordant pairs. */
    static double mcNemarExactP(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        int k = Math.min(b, c);
        double tail = 0;
        double logHalfN = n * Math.log(0.5);
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) + logHalfN);
        }
        return Math.min(1, 2 * tail);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
