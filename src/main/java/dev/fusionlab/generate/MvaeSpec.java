package dev.fusionlab.generate;

/**
 * How a multimodal VAE is built and trained (see {@link MvaeTrainer}).
 *
 * @param imageSize     side of the square RGB images the model reads and draws, a power of two from 8;
 *                      the convolutional encoder halves it until 4x4 is left, the decoder doubles it back
 * @param latentDim     size of the joint latent space
 * @param hidden        width of the fully connected layers (text encoder and decoder, image heads)
 * @param textWeight    weight of the text reconstruction term against the image term (the λ of the MVAE
 *                      paper): the image term sums {@code 3 x size x size} Bernoulli log-likelihoods, the
 *                      text term only {@code dim} Gaussian ones, so without a weight the text is ignored
 * @param learningRate  Adam's learning rate
 * @param batchSize     pairs per step
 * @param annealEpochs  epochs over which the KL weight grows linearly from 0 to 1 (the paper's annealing);
 *                      early stopping only starts once it has reached 1
 * @param maxEpochs     upper bound on passes over the training pairs
 * @param patience      epochs without a better validation loss (after annealing) before stopping
 * @param seed          seeds the initial weights, the noise and the shuffling
 */
public record MvaeSpec(int imageSize, int latentDim, int hidden, double textWeight, double learningRate,
                       int batchSize, int annealEpochs, int maxEpochs, int patience, long seed) {

    public MvaeSpec {
        if (imageSize < 8 || Integer.bitCount(imageSize) != 1) {
            throw new IllegalArgumentException("image size must be a power of two of at least 8, got " + imageSize);
        }
        if (latentDim < 1 || hidden < 1 || batchSize < 2 || maxEpochs < 1 || patience < 1 || annealEpochs < 0) {
            throw new IllegalArgumentException("latent, hidden >= 1, batch size >= 2, epochs and patience >= 1, "
                    + "anneal epochs >= 0: " + latentDim + ", " + hidden + ", " + batchSize + ", " + maxEpochs
                    + ", " + patience + ", " + annealEpochs);
        }
        if (!(textWeight > 0) || !(learningRate > 0)) {
            throw new IllegalArgumentException("text weight and learning rate must be positive");
        }
    }

    /**
     * 32 px (64 trains about three times slower on the demo), latent 32, hidden 256, text weight 200 (at 20
     * the demo's pictures ignored the text; docs/generative.md), Adam 1e-3, batches of 64, 10 annealing
     * epochs, at most 60 epochs, patience 6.
     */
    public static MvaeSpec defaults(long seed) {
        return new MvaeSpec(32, 32, 256, 200, 1e-3, 64, 10, 60, 6, seed);
    }

    public MvaeSpec withImageSize(int size) {
        return new MvaeSpec(size, latentDim, hidden, textWeight, learningRate, batchSize, annealEpochs, maxEpochs,
                patience, seed);
    }

    public MvaeSpec withEpochs(int anneal, int max) {
        return new MvaeSpec(imageSize, latentDim, hidden, textWeight, learningRate, batchSize, anneal, max, patience,
                seed);
    }

    public MvaeSpec withTextWeight(double weight) {
        return new MvaeSpec(imageSize, latentDim, hidden, weight, learningRate, batchSize, annealEpochs, maxEpochs,
                patience, seed);
    }

    public MvaeSpec withSeed(long newSeed) {
        return new MvaeSpec(imageSize, latentDim, hidden, textWeight, learningRate, batchSize, annealEpochs, maxEpochs,
                patience, newSeed);
    }

    /** Floats of one image: 3 x size x size, planar RGB in [0, 1]. */
    public int pixelCount() {
        return 3 * imageSize * imageSize;
    }
}
