package dev.fusionlab.project.tsne;

/**
 * Turns the squared distances from one point to its candidates into conditional probabilities
 * p(j|i) of a Gaussian whose bandwidth is bisected until the distribution's perplexity
 * (2 to the entropy in bits) matches the requested one.
 */
final class PerplexitySearch {

    private static final int MAX_STEPS = 200;
    private static final double TOLERANCE = 1e-5;

    private PerplexitySearch() {
    }

    /** Fills {@code out[0, len)} with p(j|i), summing to 1, from {@code squaredDistances[0, len)}. */
    static void conditional(double[] squaredDistances, int len, double perplexity, double[] out) {
        double target = Math.log(perplexity);
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < len; j++) {
            min = Math.min(min, squaredDistances[j]);
        }
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double scale = 0;
        for (int j = 0; j < len; j++) {
            scale += squaredDistances[j] - min;
        }
        // start from a bandwidth of the order of the distances so bisection converges quickly
        beta = scale > 0 ? len / scale : 1;
        for (int step = 0; step < MAX_STEPS; step++) {
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < len; j++) {
                double shifted = squaredDistances[j] - min;
                double p = Math.exp(-beta * shifted);
                out[j] = p;
                sum += p;
                weighted += p * shifted;
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            double diff = entropy - target;
            if (Math.abs(diff) < TOLERANCE) {
                break;
            }
            if (diff > 0) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        double sum = 0;
        for (int j = 0; j < len; j++) {
            sum += out[j];
        }
        for (int j = 0; j < len; j++) {
            out[j] /= sum;
        }
    }
}
