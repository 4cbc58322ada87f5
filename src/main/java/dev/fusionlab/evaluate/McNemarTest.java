package dev.fusionlab.evaluate;

import smile.math.special.Erf;

/**
 * McNemar's test: do two classifiers, scored on the same samples, have different error rates? Only the
 * discordant samples count: {@code b} where A is right and B wrong, {@code c} where A is wrong and B right.
 * Under the null hypothesis each discordant sample goes either way with probability 1/2.
 *
 * <p>With few discordant samples ({@code b + c < }{@value #EXACT_BELOW}) the exact two-sided binomial test is
 * used, since the chi-square approximation is poor there; otherwise the chi-square statistic with Edwards'
 * continuity correction, {@code (|b - c| - 1)^2 / (b + c)}, on one degree of freedom.
 */
public final class McNemarTest {

    /** Discordant counts below this use the exact binomial test. */
    public static final int EXACT_BELOW = 25;

    /** Which computation gave the p-value. */
    public enum Method {
        EXACT_BINOMIAL, CHI_SQUARE_CORRECTED
    }

    /**
     * @param b         samples A got right and B wrong
     * @param c         samples A got wrong and B right
     * @param statistic chi-square statistic, or for the exact test {@code min(b, c)}
     * @param pValue    two-sided p-value
     * @param method    how it was computed
     */
    public record Result(int b, int c, double statistic, double pValue, Method method) {

        /** True when the difference is significant at level {@code alpha}. */
        public boolean significantAt(double alpha) {
            return pValue < alpha;
        }
    }

    private McNemarTest() {
    }

    /** Compares predictions {@code a} and {@code b} of the same samples against {@code truth}. */
    public static Result compare(int[] truth, int[] a, int[] b) {
        if (truth.length != a.length || truth.length != b.length) {
            throw new IllegalArgumentException("lengths differ: truth " + truth.length + ", A " + a.length
                    + ", B " + b.length);
        }
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean aRight = a[i] == truth[i];
            boolean bRight = b[i] == truth[i];
            if (aRight && !bRight) {
                onlyA++;
            } else if (bRight && !aRight) {
                onlyB++;
            }
        }
        return fromCounts(onlyA, onlyB);
    }

    /** The test from the discordant counts alone. */
    public static Result fromCounts(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be >= 0, got " + b + " and " + c);
        }
        int n = b + c;
        if (n < EXACT_BELOW) {
            int k = Math.min(b, c);
            return new Result(b, c, k, Math.min(1, 2 * binomialCdfHalf(k, n)), Method.EXACT_BINOMIAL);
        }
        double statistic = Math.pow(Math.abs(b - c) - 1, 2) / n;
        // upper tail of chi-square with 1 degree of freedom: P(Z^2 > x) = erfc(sqrt(x / 2))
        double p = Erf.erfc(Math.sqrt(statistic / 2));
        return new Result(b, c, statistic, p, Method.CHI_SQUARE_CORRECTED);
    }

    /** P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so large n cannot overflow. */
    static double binomialCdfHalf(int k, int n) {
        double sum = 0;
        double logCoefficient = 0; // log C(n, 0)
        for (int i = 0; i <= k; i++) {
            if (i > 0) {
                logCoefficient += Math.log(n - i + 1) - Math.log(i);
            }
            sum += Math.exp(logCoefficient - n * Math.log(2));
        }
        return sum;
    }
}
