package dev.fusionlab.ui.model;

import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.fuse.Strategy;
import dev.fusionlab.pipeline.RunResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The predicted class of every sample under every strategy, with late fusion recombined for the
 * combiner and weight the user has chosen right now. Cheap to rebuild (an argmax per row), which is
 * what lets the GUI recolour and re-score at once when the combiner slider moves, without retraining.
 */
public final class Predictions {

    private final RunResult result;
    private final Map<Strategy, int[]> predicted;
    private final LateCombiner combiner;
    private final double imageWeight;

    private Predictions(RunResult result, Map<Strategy, int[]> predicted, LateCombiner combiner, double imageWeight) {
        this.result = result;
        this.predicted = predicted;
        this.combiner = combiner;
        this.imageWeight = imageWeight;
    }

    public static Predictions of(RunResult result, LateCombiner combiner, double imageWeight) {
        Map<Strategy, int[]> predicted = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            float[][] probabilities = s == Strategy.LATE
                    ? result.lateProbabilities(combiner, imageWeight)
                    : result.probabilities().get(s);
            if (probabilities != null) {
                predicted.put(s, argmax(probabilities));
            }
        }
        return new Predictions(result, predicted, combiner, imageWeight);
    }

    static int[] argmax(float[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            float[] row = probabilities[i];
            int best = row.length == 0 ? -1 : 0;
            for (int c = 1; c < row.length; c++) {
                if (row[c] > row[best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    public RunResult result() {
        return result;
    }

    public LateCombiner combiner() {
        return combiner;
    }

    public double imageWeight() {
        return imageWeight;
    }

    public List<String> classes() {
        return result.classes();
    }

    public int size() {
        return result.samples().size();
    }

    public Sample sample(int i) {
        return result.samples().get(i);
    }

    /** True class of sample {@code i}, or -1 when unlabelled. */
    public int truth(int i) {
        return result.truth()[i];
    }

    public int[] truth() {
        return result.truth();
    }

    /** Whether the run has outputs for this strategy. */
    public boolean has(Strategy strategy) {
        return predicted.containsKey(strategy);
    }

    /** Predicted class of every sample under {@code strategy}; do not modify. */
    public int[] predicted(Strategy strategy) {
        int[] p = predicted.get(strategy);
        if (p == null) {
            throw new IllegalArgumentException("the run has no " + strategy.key() + " predictions");
        }
        return p;
    }

    /** Name of class {@code c}, or "—" for none. */
    public String className(int c) {
        return c < 0 ? "—" : result.classes().get(c);
    }

    /** Indices of the labelled test samples: the ones every metric is computed on. */
    public int[] testIndices() {
        return java.util.stream.IntStream.range(0, size())
                .filter(i -> truth(i) >= 0 && sample(i).split() == Split.TEST).toArray();
    }
}
