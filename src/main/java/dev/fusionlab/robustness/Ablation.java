package dev.fusionlab.robustness;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Split;
import dev.fusionlab.encode.Modality;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.Decisions;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Modality ablation and robustness of a trained run, at test time and without retraining: every strategy
 * (image, text, early, late under the run's combiner) scored on the labelled test rows under each
 * {@link AblationCondition}. Inputs are altered after the run's own normalisation (the normalisers are
 * those fitted in training), so "the training mean" and the noise scale are those of the normalised
 * embedding the classifiers read.
 *
 * <p>Deterministic: shuffles and noise draw from a {@link Random} seeded by {@code seed} and the condition's
 * name, so adding a condition does not change the others. Plain Java; a view model can run it on a
 * background worker (progress per condition, cancellable between conditions).
 */
public final class Ablation {

    /** What the report says about dropping a modality, since early fusion cannot do without one. */
    public static final String DROP_NOTE = "drop_<m>: late fusion uses the remaining classifier alone; early fusion"
            + " and the dropped modality's own classifier get that modality's training mean (of the normalised embedding)"
            + " in its place, so they see the 'average' input rather than a missing one";
    public static final String NOISE_NOTE = "noise_<m>_<sigma>: Gaussian noise added to every dimension of the"
            + " modality's normalised embedding, sigma in units of that dimension's standard deviation on the training rows";
    public static final String SHUFFLE_NOTE = "shuffle_<m>: the modality's test embeddings permuted among the test"
            + " samples (seeded), breaking the image-text pairing while keeping its distribution";

    private Ablation() {
    }

    /**
     * @param run        a run with trained classifiers ({@link RunResult#models()})
     * @param conditions in report order; names must differ
     * @throws IllegalArgumentException when the run has no trained models or no labelled test row
     */
    public static AblationReport run(RunResult run, List<AblationCondition> conditions, long seed, TaskContext ctx) {
        TestInputs inputs = TestInputs.of(run);
        int[] truth = IntStream.of(inputs.test()).map(i -> run.truth()[i]).toArray();

        Map<String, Map<Strategy, ClassificationMetrics>> scores = new LinkedHashMap<>();
        for (int c = 0; c < conditions.size(); c++) {
            AblationCondition condition = conditions.get(c);
            ctx.throwIfCancelled("ablate");
            ctx.report("ablate", (double) c / conditions.size(), condition.name());
            if (scores.containsKey(condition.name())) {
                throw new IllegalArgumentException("condition " + condition.name() + " is listed twice");
            }
            Map<Strategy, ClassificationMetrics> row = new EnumMap<>(Strategy.class);
            inputs.probabilities(condition, seed).forEach((s, p) ->
                    row.put(s, ClassificationMetrics.of(truth, Decisions.argmax(p), run.classes())));
            scores.put(condition.name(), row);
        }
        ctx.report("ablate", 1, conditions.size() + " conditions");
        return new AblationReport(scores, inputs.models().combinerName(), inputs.models().imageWeight(), seed,
                inputs.test().length, List.of(DROP_NOTE, SHUFFLE_NOTE, NOISE_NOTE));
    }

    /**
     * A run's labelled test rows and its training rows, normalised as in training: what every condition
     * alters. The one place the ablation table and the per-sample flips ({@link ConditionPredictions}) get
     * their inputs, so both see the same draws for the same seed and condition.
     *
     * @param test the labelled test rows of the run, in row order
     */
    record TestInputs(FusionAdapter models, int[] test, float[][] image, float[][] text, float[][] imageTrain,
                      float[][] textTrain) {

        /** @throws IllegalArgumentException when the run has no trained models or no labelled test row */
        static TestInputs of(RunResult run) {
            FusionAdapter models = FusionAdapter.of(run);
            int[] test = IntStream.range(0, run.samples().size())
                    .filter(i -> run.samples().get(i).split() == Split.TEST && run.truth()[i] >= 0).toArray();
            int[] train = IntStream.range(0, run.samples().size())
                    .filter(i -> run.samples().get(i).split() == Split.TRAIN).toArray();
            if (test.length == 0) {
                throw new IllegalArgumentException("ablation needs labelled test samples; the run has none");
            }
            float[][] image = run.embeddings().get(Space.IMAGE);
            float[][] text = run.embeddings().get(Space.TEXT);
            return new TestInputs(models, test, models.normaliseImage(rows(image, test)),
                    models.normaliseText(rows(text, test)), models.normaliseImage(rows(image, train)),
                    models.normaliseText(rows(text, train)));
        }

        /** Every strategy's probabilities for the test rows under {@code condition} (seeded by its name). */
        Map<Strategy, float[][]> probabilities(AblationCondition condition, long seed) {
            Random random = new Random(seed * 1_000_003L + condition.name().hashCode());
            boolean onImage = condition.modality() == Modality.IMAGE;
            float[][] img = onImage ? alter(condition, image, imageTrain, random) : image;
            float[][] txt = condition.modality() == Modality.TEXT ? alter(condition, text, textTrain, random) : text;
            float[][] pImage = models.image(img);
            float[][] pText = models.text(txt);
            Map<Strategy, float[][]> probabilities = new EnumMap<>(Strategy.class);
            probabilities.put(Strategy.IMAGE, pImage);
            probabilities.put(Strategy.TEXT, pText);
            probabilities.put(Strategy.EARLY, models.early(img, txt));
            probabilities.put(Strategy.LATE, condition.kind() != AblationCondition.Kind.DROP
                    ? models.late(pImage, pText) : onImage ? pText : pImage);
            return probabilities;
        }
    }

    static float[][] alter(AblationCondition condition, float[][] rows, float[][] trainRows, Random random) {
        return switch (condition.kind()) {
            case INTACT -> rows;
            case DROP -> {
                float[] mean = mean(trainRows);
                float[][] out = new float[rows.length][];
                for (int r = 0; r < out.length; r++) {
                    out[r] = mean.clone();
                }
                yield out;
            }
            case SHUFFLE -> {
                List<float[]> shuffled = new ArrayList<>(List.of(rows));
                java.util.Collections.shuffle(shuffled, random);
                yield shuffled.toArray(float[][]::new);
            }
            case NOISE -> {
                float[] std = std(trainRows, mean(trainRows));
                float[][] out = new float[rows.length][];
                for (int r = 0; r < out.length; r++) {
                    out[r] = rows[r].clone();
                    for (int d = 0; d < out[r].length; d++) {
                        out[r][d] += (float) (condition.sigma() * std[d] * random.nextGaussian());
                    }
                }
                yield out;
            }
        };
    }

    static float[][] rows(float[][] all, int[] which) {
        float[][] out = new float[which.length][];
        for (int i = 0; i < which.length; i++) {
            out[i] = all[which[i]];
        }
        return out;
    }

    static float[] mean(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("the run has no training rows to take a mean from");
        }
        double[] sum = new double[rows[0].length];
        for (float[] row : rows) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += row[d];
            }
        }
        float[] mean = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            mean[d] = (float) (sum[d] / rows.length);
        }
        return mean;
    }

    private static float[] std(float[][] rows, float[] mean) {
        double[] sq = new double[mean.length];
        for (float[] row : rows) {
            for (int d = 0; d < sq.length; d++) {
                double v = row[d] - mean[d];
                sq[d] += v * v;
            }
        }
        float[] std = new float[mean.length];
        for (int d = 0; d < std.length; d++) {
            std[d] = (float) Math.sqrt(sq[d] / rows.length);
        }
        return std;
    }
}
