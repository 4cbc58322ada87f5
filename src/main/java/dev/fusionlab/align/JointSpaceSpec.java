package dev.fusionlab.align;

/**
 * How the image-text joint space is learned (see {@link JointSpaceTrainer}).
 *
 * @param dimension    size of the joint space
 * @param temperature  InfoNCE temperature: the similarities are divided by it before the softmax (CLIP
 *                     starts from 0.07); smaller makes the loss sharper
 * @param learningRate Adam's learning rate
 * @param weightDecay  Adam's weight decay
 * @param batchSize    pairs per step; the other pairs of a batch are each pair's negatives
 * @param maxEpochs    upper bound on passes over the training pairs
 * @param patience     epochs without a better validation loss before stopping
 * @param seed         seeds the initial weights and the shuffling: same data and seed, same space
 */
public record JointSpaceSpec(int dimension, double temperature, double learningRate, double weightDecay,
                             int batchSize, int maxEpochs, int patience, long seed) {

    public JointSpaceSpec {
        if (dimension < 2 || batchSize < 2 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("joint space needs dimension >= 2, batch size >= 2, epochs and "
                    + "patience >= 1: " + dimension + ", " + batchSize + ", " + maxEpochs + ", " + patience);
        }
        if (!(temperature > 0) || !(learningRate > 0) || weightDecay < 0) {
            throw new IllegalArgumentException("temperature and learning rate must be positive, weight decay >= 0");
        }
    }

    /** 128 dimensions, temperature 0.07, Adam 1e-3, batches of 128, at most 200 epochs, patience 10. */
    public static JointSpaceSpec defaults(long seed) {
        return new JointSpaceSpec(128, 0.07, 1e-3, 1e-4, 128, 200, 10, seed);
    }

    public JointSpaceSpec withMaxEpochs(int epochs) {
        return new JointSpaceSpec(dimension, temperature, learningRate, weightDecay, batchSize, epochs, patience, seed);
    }
}
