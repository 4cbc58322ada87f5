package dev.fusionlab.fuse;

/**
 * Learns late fusion's one free parameter, the image weight of {@link LateCombiner#WEIGHTED}, from the
 * validation rows: the weight on a grid of step {@value #STEP} whose combined probabilities have the lowest
 * mean negative log-likelihood there. A one-parameter form of stacking: it can tell that one modality is
 * more trustworthy than the other without the overfitting risk of training a second-level model on a few
 * hundred rows. The test rows are never looked at.
 */
public final class LateWeightTuner {

    /** Grid step of the image weight. */
    public static final double STEP = 0.05;

    /** Probabilities are clipped here before the logarithm, so one confident mistake cannot dominate. */
    private static final double MIN_PROBABILITY = 1e-7;

    private LateWeightTuner() {
    }

    /**
     * @param imageProbs image classifier's probabilities for every row
     * @param textProbs  text classifier's probabilities for every row
     * @param truth      class of every row (-1 for unlabelled)
     * @param rows       the rows to tune on, normally the labelled validation rows
     * @return the image weight in [0, 1]; among equally good weights the one nearest 0.5; 0.5 when
     *         {@code rows} is empty
     */
    public static double bestImageWeight(float[][] imageProbs, float[][] textProbs, int[] truth, int[] rows) {
        int steps = (int) Math.round(1 / STEP);
        double bestWeight = 0.5;
        double bestLoss = Double.POSITIVE_INFINITY;
        // visit 0.5 first, then outwards, so that a strict improvement is needed to move away from equal weights
        for (int offset = 0; offset <= steps / 2; offset++) {
            for (int sign : offset == 0 ? new int[] {1} : new int[] {-1, 1}) {
                double w = (steps / 2 + sign * offset) * STEP;
                double loss = meanNegativeLogLikelihood(imageProbs, textProbs, truth, rows, w);
                if (loss < bestLoss) {
                    bestLoss = loss;
                    bestWeight = w;
                }
            }
        }
        return bestWeight;
    }

    private static double meanNegativeLogLikelihood(float[][] imageProbs, float[][] textProbs, int[] truth,
                                                    int[] rows, double imageWeight) {
        double sum = 0;
        for (int r : rows) {
            if (truth[r] < 0) {
                throw new IllegalArgumentException("row " + r + " has no label to tune on");
            }
            double p = imageWeight * imageProbs[r][truth[r]] + (1 - imageWeight) * textProbs[r][truth[r]];
            sum -= Math.log(Math.max(MIN_PROBABILITY, p));
        }
        return rows.length == 0 ? 0 : sum / rows.length;
    }
}
