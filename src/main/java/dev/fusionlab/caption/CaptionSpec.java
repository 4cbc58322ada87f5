package dev.fusionlab.caption;

/**
 * How a caption model is built and trained (see {@link CaptionTrainer}).
 *
 * @param conditioning  image only, or image fused with its label
 * @param wordSize      width of the learned word embeddings
 * @param hiddenSize    width of the GRU state
 * @param dropout       dropout rate on the input words' embeddings and on the GRU states before the output
 *                      layer, while training only (seeded like the weights)
 * @param learningRate  Adam's learning rate
 * @param weightDecay   Adam's weight decay
 * @param batchSize     captions per step
 * @param maxEpochs     upper bound on passes over the training captions
 * @param patience      epochs without a better validation loss before stopping
 * @param maxLength     longest caption in words: longer training captions are cut, generation stops here
 * @param minWordCount  a training word seen fewer times becomes {@code <unk>}
 * @param seed          seeds the initial weights and the shuffling: same data and seed, same model
 */
public record CaptionSpec(Conditioning conditioning, int wordSize, int hiddenSize, double dropout, double learningRate,
                          double weightDecay, int batchSize, int maxEpochs, int patience, int maxLength,
                          int minWordCount, long seed) {

    public CaptionSpec {
        if (conditioning == null) {
            throw new IllegalArgumentException("conditioning must be given");
        }
        if (wordSize < 1 || hiddenSize < 1 || batchSize < 1 || maxEpochs < 1 || patience < 1 || maxLength < 1
                || minWordCount < 1) {
            throw new IllegalArgumentException("caption model sizes, batch size, epochs, patience, maximum length "
                    + "and minimum word count must be positive");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0) || weightDecay < 0) {
            throw new IllegalArgumentException("learning rate must be positive, weight decay >= 0");
        }
    }

    /**
     * 128-d words, a 256-d GRU, Adam 3e-3, batches of 64, at most 40 epochs with patience 4, captions of
     * at most 16 words, words seen at least twice.
     */
    public static CaptionSpec defaults(Conditioning conditioning, long seed) {
        return new CaptionSpec(conditioning, 128, 256, 0.3, 3e-3, 0, 64, 40, 4, 16, 2, seed);
    }

    public CaptionSpec withMaxEpochs(int epochs) {
        return new CaptionSpec(conditioning, wordSize, hiddenSize, dropout, learningRate, weightDecay, batchSize, epochs,
                patience, maxLength, minWordCount, seed);
    }

    public CaptionSpec withConditioning(Conditioning newConditioning) {
        return new CaptionSpec(newConditioning, wordSize, hiddenSize, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, patience, maxLength, minWordCount, seed);
    }

    public CaptionSpec withSizes(int newWordSize, int newHiddenSize) {
        return new CaptionSpec(conditioning, newWordSize, newHiddenSize, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, patience, maxLength, minWordCount, seed);
    }

    public CaptionSpec withDropout(double rate) {
        return new CaptionSpec(conditioning, wordSize, hiddenSize, rate, learningRate, weightDecay, batchSize,
                maxEpochs, patience, maxLength, minWordCount, seed);
    }

    public CaptionSpec withLearning(double rate, double decay) {
        return new CaptionSpec(conditioning, wordSize, hiddenSize, dropout, rate, decay, batchSize,
                maxEpochs, patience, maxLength, minWordCount, seed);
    }

    public CaptionSpec withMinWordCount(int count) {
        return new CaptionSpec(conditioning, wordSize, hiddenSize, dropout, learningRate, weightDecay, batchSize,
                maxEpochs, patience, maxLength, count, seed);
    }
}
