package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.fuse.LateCombiner;
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
    private final Map<Strategy, float[][]> probabilities;
    private final Map<Strategy, int[]> predicted;
    private final LateCombiner combiner;
    private final double imageWeight;

    private Predictions(RunResult result, Map<Strategy, float[][]> probabilities, Map<Strategy, int[]> predicted,
                        LateCombiner combiner, double imageWeight) {
        this.result = result;
        this.probabilities = probabilities;
        this.predicted = predicted;
        this.combiner = combiner;
        this.imageWeight = imageWeight;
    }

    public static Predictions of(RunResult result, LateCombiner combiner, double imageWeight) {
        Map<Strategy, float[][]> probabilities = new EnumMap<>(Strategy.class);
        Map<Strategy, int[]> predicted = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            boolean recombine = s == Strategy.LATE && result.probabilities().containsKey(Strategy.IMAGE)
                    && result.probabilities().containsKey(Strategy.TEXT);
            float[][] p = recombine ? result.lateProbabilities(combiner, imageWeight) : result.probabilities().get(s);
            if (p != null) {
                probabilities.put(s, p);
                predicted.put(s, dev.fusionlab.evaluate.Decisions.argmax(p));
            }
        }
        return new Predictions(result, probabilities, predicted, combiner, imageWeight);
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

    /** Class probabilities of every sample under {@code strategy} (LATE as recombined); do not modify. */
    public float[][] probabilities(Strategy strategy) {
        float[][] p = probabilities.get(strategy);
        if (p == null) {
            throw new IllegalArgumentException("the run has no " + strategy.key() + " probabilities");
        }
        return p;
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
