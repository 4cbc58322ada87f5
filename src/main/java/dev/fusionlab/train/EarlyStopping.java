package dev.fusionlab.train;

import ai.djl.nn.Block;
import java.util.List;

/**
 * Early stopping for a DJL training: keeps a copy of the weights of the epoch with the lowest validation
 * loss and says when to stop, after {@code patience} epochs without an improvement of more than
 * {@value #MIN_IMPROVEMENT}. Without validation data the caller keeps the last epoch instead.
 */
final class EarlyStopping {

    /** A validation loss must drop by more than this to count as an improvement. */
    static final double MIN_IMPROVEMENT = 1e-4;

    private final String stage;
    private final int patience;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private List<DenseLayer> bestLayers;
    private int sinceImprovement;

    /** @param stage the training's progress stage, named in errors */
    EarlyStopping(String stage, int patience) {
        this.stage = stage;
        this.patience = patience;
    }

    /**
     * Records epoch {@code epoch}'s validation loss; copies {@code block}'s weights when it is the best so far.
     *
     * @return whether it improved on the best
     */
    boolean offer(int epoch, double loss, Block block) {
        boolean improved = loss < bestLoss - MIN_IMPROVEMENT;
        if (improved) {
            bestLoss = loss;
            bestEpoch = epoch;
            bestLayers = DjlTraining.snapshot(block);
            sinceImprovement = 0;
        } else {
            sinceImprovement++;
        }
        return improved;
    }

    /** No validation data: keeps {@code block}'s weights as they are after {@code epoch}, with no loss. */
    void keepLast(int epoch, Block block) {
        bestEpoch = epoch;
        bestLayers = DjlTraining.snapshot(block);
        bestLoss = Double.NaN;
    }

    /** True once {@code patience} epochs in a row brought no improvement. */
    boolean exhausted() {
        return sinceImprovement >= patience;
    }

    /** The lowest validation loss seen, NaN after {@link #keepLast}. */
    double bestLoss() {
        return bestLoss;
    }

    /** 1-based epoch whose weights are kept. */
    int bestEpoch() {
        return bestEpoch;
    }

    /** @throws IllegalStateException when no epoch had a finite validation loss (NaN from degenerate data) */
    List<DenseLayer> bestLayers() {
        if (bestLayers == null) {
            throw new IllegalStateException(stage + " failed: no epoch had a finite validation loss "
                    + "(the embeddings may hold NaN or infinite values)");
        }
        return bestLayers;
    }
}
