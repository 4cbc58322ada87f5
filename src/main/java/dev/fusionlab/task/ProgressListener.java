package dev.fusionlab.task;

/**
 * Receives progress of a long-running stage. Implementations must be cheap and thread-safe:
 * workers call them from background threads, often.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (stage, fraction, message) -> { };

    /**
     * @param stage    short stable name of the stage, e.g. "encode-image", "train-early", "tsne"
     * @param fraction completed part of that stage in [0, 1], or a negative value when unknown
     * @param message  human-readable detail, e.g. "batch 3/40"
     */
    void update(String stage, double fraction, String message);
}
