package dev.fusionlab.caption;

/**
 * What a captioning experiment is asked to do.
 *
 * @param seed       seeds the models' training (the split comes from the dataset's own seed)
 * @param beamWidth  beam width of the reported model captions (1 = greedy); greedy is always scored too
 * @param maxEpochs  upper bound on training epochs (early stopping usually ends sooner)
 */
public record CaptioningSettings(long seed, int beamWidth, int maxEpochs) {

    public static final int DEFAULT_BEAM_WIDTH = 3;

    public CaptioningSettings {
        if (beamWidth < 1 || maxEpochs < 1) {
            throw new IllegalArgumentException("beam width and epochs must be at least 1");
        }
    }

    public static CaptioningSettings defaults(long seed) {
        return new CaptioningSettings(seed, DEFAULT_BEAM_WIDTH, CaptionSpec.defaults(Conditioning.IMAGE, seed).maxEpochs());
    }

    /** The model settings for {@code conditioning}. */
    public CaptionSpec spec(Conditioning conditioning) {
        return CaptionSpec.defaults(conditioning, seed).withMaxEpochs(maxEpochs);
    }
}
