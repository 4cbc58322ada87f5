package dev.fusionlab.evaluate;

/**
 * Scores of one class, one-vs-rest. A ratio whose denominator is zero (a class never predicted, or absent
 * from the truth) is reported as 0, as scikit-learn does.
 *
 * @param name      class name
 * @param precision right predictions of the class / predictions of the class
 * @param recall    right predictions of the class / samples of the class
 * @param f1        harmonic mean of precision and recall
 * @param support   samples of the class in the truth
 */
public record ClassMetrics(String name, double precision, double recall, double f1, int support) {
}
