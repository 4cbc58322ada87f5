package dev.fusionlab.evaluate;

/** Turns class probabilities into decisions. */
public final class Decisions {

    private Decisions() {
    }

    /** Index of the largest value; the lowest index wins a tie, so decisions are reproducible. */
    public static int argmax(float[] probabilities) {
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("no class probabilities");
        }
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    /** {@link #argmax(float[])} of every row. */
    public static int[] argmax(float[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = argmax(probabilities[r]);
        }
        return out;
    }
}
