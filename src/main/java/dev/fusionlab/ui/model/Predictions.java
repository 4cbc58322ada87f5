package dev.fusionlab.ui.model;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.fuse.LateFusion;
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
    private final LateFusion.Resolved lateFusion;

    private Predictions(RunResult result, Map<Strategy, float[][]> probabilities, Map<Strategy, int[]> predicted,
                        LateFusion.Resolved lateFusion) {
        this.result = result;
        this.probabilities = probabilities;
        this.predicted = predicted;
        this.lateFusion = lateFusion;
    }

    /** Every strategy's predictions, late fusion as {@code lateFusion} (resolved by the run) combines. */
    public static Predictions of(RunResult result, LateFusion.Resolved lateFusion) {
        Map<Strategy, float[][]> probabilities = new EnumMap<>(Strategy.class);
        Map<Strategy, int[]> predicted = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            boolean recombine = s == Strategy.LATE && result.probabilities().containsKey(Strategy.IMAGE)
                    && result.probabilities().containsKey(Strategy.TEXT);
            float[][] p = recombine ? result.lateProbabilities(lateFusion.fusion()) : result.probabilities().get(s);
            if (p != null) {
                probabilities.put(s, p);
                predicted.put(s, dev.fusionlab.evaluate.Decisions.argmax(p));
            }
        }
        return new Predictions(result, probabilities, predicted, lateFusion);
    }

    public RunResult result() {
        return result;
    }

    /** Late fusion as resolved: what was asked, what combines, and why they differ. */
    public LateFusion.Resolved lateFusion() {
        return lateFusion;
    }

    /** The combiner that combines (MEAN where stacking was asked of a run without a stacker). */
    public LateCombiner combiner() {
        return lateFusion.fusion().combiner();
    }

    /** The image weight late fusion uses, NaN where none applies (stacking). */
    public double imageWeight() {
        return lateFusion.fusion().imageWeight();
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
