package dev.fusionlab.classify;

/** The four ways FusionLab classifies a sample: two unimodal baselines and two fusions. */
public enum Strategy {
    /** classifier on the image embedding alone */
    IMAGE("image"),
    /** classifier on the text embedding alone */
    TEXT("text"),
    /** one classifier on the normalised, concatenated embeddings */
    EARLY("early"),
    /** the image and text classifiers' probabilities combined by a {@link LateCombiner} */
    LATE("late");

    private final String key;

    Strategy(String key) {
        this.key = key;
    }

    /** Lower-case name used in files and on the command line. */
    public String key() {
        return key;
    }
}
