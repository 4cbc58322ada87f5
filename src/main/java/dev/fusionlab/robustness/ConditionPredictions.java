package dev.fusionlab.robustness;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.evaluate.Decisions;
import dev.fusionlab.pipeline.RunResult;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each strategy predicts for every labelled test sample under one {@link AblationCondition}, per sample
 * rather than as a score: which samples a condition flips. The inputs are altered exactly as
 * {@link Ablation#run} alters them (same normalisation, same seeded draws for the same seed and condition
 * name), so the predictions are those the ablation table scores.
 */
public final class ConditionPredictions {

    private ConditionPredictions() {
    }

    /**
     * @return per strategy, the predicted class of every row of the run; -1 for rows outside the labelled test
     *         split (the ablation scores only those)
     * @throws IllegalArgumentException when the run has no trained models or no labelled test row
     */
    public static Map<Strategy, int[]> of(RunResult run, AblationCondition condition, long seed) {
        Ablation.TestInputs inputs = Ablation.TestInputs.of(run);
        int[] test = inputs.test();
        Map<Strategy, float[][]> probabilities = inputs.probabilities(condition, seed);
        Map<Strategy, int[]> out = new EnumMap<>(Strategy.class);
        probabilities.forEach((s, p) -> {
            int[] decided = Decisions.argmax(p);
            int[] all = new int[run.samples().size()];
            Arrays.fill(all, -1);
            for (int t = 0; t < test.length; t++) {
                all[test[t]] = decided[t];
            }
            out.put(s, all);
        });
        return out;
    }
}
