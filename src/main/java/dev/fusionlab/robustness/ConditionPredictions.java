package dev.fusionlab.robustness;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Split;
import dev.fusionlab.encode.Modality;
import dev.fusionlab.evaluate.Decisions;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

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
        FusionAdapter models = FusionAdapter.of(run);
        int[] test = IntStream.range(0, run.samples().size())
                .filter(i -> run.samples().get(i).split() == Split.TEST && run.truth()[i] >= 0).toArray();
        int[] train = IntStream.range(0, run.samples().size())
                .filter(i -> run.samples().get(i).split() == Split.TRAIN).toArray();
        if (test.length == 0) {
            throw new IllegalArgumentException("ablation needs labelled test samples; the run has none");
        }
        float[][] image = models.normaliseImage(Ablation.rows(run.embeddings().get(Space.IMAGE), test));
        float[][] text = models.normaliseText(Ablation.rows(run.embeddings().get(Space.TEXT), test));
        Random random = new Random(seed * 1_000_003L + condition.name().hashCode());
        boolean onImage = condition.modality() == Modality.IMAGE;
        float[][] img = onImage ? Ablation.alter(condition, image,
                models.normaliseImage(Ablation.rows(run.embeddings().get(Space.IMAGE), train)), random) : image;
        float[][] txt = condition.modality() == Modality.TEXT ? Ablation.alter(condition, text,
                models.normaliseText(Ablation.rows(run.embeddings().get(Space.TEXT), train)), random) : text;
        float[][] pImage = models.image(img);
        float[][] pText = models.text(txt);
        Map<Strategy, float[][]> probabilities = new EnumMap<>(Strategy.class);
        probabilities.put(Strategy.IMAGE, pImage);
        probabilities.put(Strategy.TEXT, pText);
        probabilities.put(Strategy.EARLY, models.early(img, txt));
        probabilities.put(Strategy.LATE, condition.kind() != AblationCondition.Kind.DROP ? models.late(pImage, pText)
                : onImage ? pText : pImage);
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
