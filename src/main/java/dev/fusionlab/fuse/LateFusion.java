package dev.fusionlab.fuse;

import java.util.Arrays;
import java.util.Locale;

/**
 * Late fusion: the image and the text classifier, trained separately, and one way of combining their class
 * probabilities per sample. Everything that decides late fusion lives here:
 * <ul>
 *   <li>{@link Formula}: mean, weighted (with its image weight), product or max;</li>
 *   <li>{@link Stacked}: the run's trained {@link Stacker} (a meta-classifier on both outputs);</li>
 *   <li>{@link TunedWeight}: weighted, with the image weight {@link LateWeightTuner} learned on the
 *       validation rows;</li>
 *   <li>{@link #resolve}: the one place a user's {@link LateCombiner} choice becomes one of those, with the
 *       fallback (stacking chosen, but the run has no stacker: mean) and the note that says so.</li>
 * </ul>
 * Combining is cheap, so combiner and weight can change without retraining anything.
 */
public sealed interface LateFusion {

    /** The combiner this fusion is an instance of. */
    LateCombiner combiner();

    /** Image weight used (the formula's, or the tuned one); NaN where none applies. */
    double imageWeight();

    /**
     * @param imageProbs image classifier's probabilities, one row per sample
     * @param textProbs  text classifier's probabilities of the same samples
     * @return the combined distribution of every sample
     */
    float[][] combine(float[][] imageProbs, float[][] textProbs);

    /** Short description for a summary line, e.g. {@code weighted, image weight 0.70}. */
    default String describe() {
        return combiner().key();
    }

    /**
     * A fixed formula.
     *
     * @param combiner    MEAN, WEIGHTED, PRODUCT or MAX
     * @param imageWeight weight of the image side in [0, 1]; only WEIGHTED reads it
     */
    record Formula(LateCombiner combiner, double imageWeight) implements LateFusion {

        public Formula {
            if (combiner == null || !combiner.isFormula()) {
                throw new IllegalArgumentException(combiner + " is not a formula");
            }
            if (!(imageWeight >= 0 && imageWeight <= 1)) {
                throw new IllegalArgumentException("image weight must be in [0, 1], got " + imageWeight);
            }
        }

        public static Formula of(LateCombiner combiner) {
            return new Formula(combiner, 0.5);
        }

        @Override
        public float[][] combine(float[][] imageProbs, float[][] textProbs) {
            checkRows(imageProbs, textProbs);
            float[][] out = new float[imageProbs.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = combine(imageProbs[i], textProbs[i]);
            }
            return out;
        }

        /** The formula on one sample's two distributions. */
        public float[] combine(float[] imageProbs, float[] textProbs) {
            if (imageProbs.length != textProbs.length) {
                throw new IllegalArgumentException("class counts differ: " + imageProbs.length + " vs " + textProbs.length);
            }
            int k = imageProbs.length;
            float[] out = new float[k];
            for (int c = 0; c < k; c++) {
                out[c] = switch (combiner) {
                    case MEAN -> (imageProbs[c] + textProbs[c]) / 2f;
                    case WEIGHTED -> (float) (imageWeight * imageProbs[c] + (1 - imageWeight) * textProbs[c]);
                    case PRODUCT -> imageProbs[c] * textProbs[c];
                    case MAX -> Math.max(imageProbs[c], textProbs[c]);
                    case STACKING, TUNED -> throw new AssertionError("not a formula: refused by the constructor");
                };
            }
            return combiner == LateCombiner.MEAN || combiner == LateCombiner.WEIGHTED ? out : normalise(out);
        }

        @Override
        public String describe() {
            return combiner == LateCombiner.WEIGHTED
                    ? String.format(Locale.ROOT, "weighted, image weight %.2f", imageWeight) : combiner.key();
        }
    }

    /** The run's trained meta-classifier. */
    record Stacked(Stacker stacker) implements LateFusion {

        @Override
        public LateCombiner combiner() {
            return LateCombiner.STACKING;
        }

        @Override
        public double imageWeight() {
            return Double.NaN;
        }

        @Override
        public float[][] combine(float[][] imageProbs, float[][] textProbs) {
            checkRows(imageProbs, textProbs);
            return stacker.predictProba(imageProbs, textProbs);
        }
    }

    /** @param imageWeight the image weight learned on the validation rows, in [0, 1] */
    record TunedWeight(double imageWeight) implements LateFusion {

        public TunedWeight {
            if (!(imageWeight >= 0 && imageWeight <= 1)) {
                throw new IllegalArgumentException("image weight must be in [0, 1], got " + imageWeight);
            }
        }

        @Override
        public LateCombiner combiner() {
            return LateCombiner.TUNED;
        }

        @Override
        public float[][] combine(float[][] imageProbs, float[][] textProbs) {
            return new Formula(LateCombiner.WEIGHTED, imageWeight).combine(imageProbs, textProbs);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "tuned, image weight %.2f", imageWeight);
        }
    }

    /**
     * A choice resolved: what was asked, what combines, and why they differ (empty when they do not).
     *
     * @param asked  the combiner the user chose
     * @param fusion what combines
     * @param note   why {@code fusion} is not what was asked, phrased for a user; empty when it is
     */
    record Resolved(LateCombiner asked, LateFusion fusion, String note) {

        /** True when the run could not give what was asked and {@link #fusion} stands in for it. */
        public boolean isFallback() {
            return !note.isEmpty();
        }

        /**
         * What was asked, for callers that must not show a stand-in (an API user asking for stacking).
         *
         * @throws IllegalStateException with the {@link #note} when this is a fallback
         */
        public LateFusion strict() {
            if (isFallback()) {
                throw new IllegalStateException(note);
            }
            return fusion;
        }
    }

    /** Combiner shown in place of stacking when a run has no stacker. */
    LateCombiner FALLBACK = LateCombiner.MEAN;

    /**
     * The one place a choice becomes a {@link LateFusion}. The weight is pulled into [0, 1] (NaN becomes
     * 0.5), so a live slider or a hand-set property can never make combining fail. Stacking on a run without
     * a stacker falls back to {@link #FALLBACK} and says why.
     *
     * @param asked       the chosen combiner
     * @param imageWeight the chosen image weight (read by WEIGHTED only)
     * @param trained     what the run learned for late fusion: its stacker (or why none) and tuned weight
     */
    static Resolved resolve(LateCombiner asked, double imageWeight, LateFusionModels trained) {
        double weight = clampWeight(imageWeight);
        return switch (asked) {
            case MEAN, WEIGHTED, PRODUCT, MAX -> new Resolved(asked, new Formula(asked, weight), "");
            case TUNED -> new Resolved(asked, new TunedWeight(trained.tunedImageWeight()), "");
            case STACKING -> switch (trained.stacking()) {
                case StackingOutcome.Trained t -> new Resolved(asked, new Stacked(t.stacker()), "");
                case StackingOutcome.Skipped s -> new Resolved(asked, new Formula(FALLBACK, weight),
                        "No stacking in this run (" + s.reason() + "): showing " + FALLBACK.key());
            };
        };
    }

    /** An image weight pulled into [0, 1]; NaN becomes 0.5. What every path that takes a user's weight applies. */
    static double clampWeight(double imageWeight) {
        return Double.isNaN(imageWeight) ? 0.5 : Math.max(0, Math.min(1, imageWeight));
    }

    private static void checkRows(float[][] imageProbs, float[][] textProbs) {
        if (imageProbs.length != textProbs.length) {
            throw new IllegalArgumentException(imageProbs.length + " image rows but " + textProbs.length + " text rows");
        }
    }

    private static float[] normalise(float[] p) {
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        if (sum <= 0) { // every class got zero from one side: fall back to uniform
            Arrays.fill(p, 1f / p.length);
            return p;
        }
        for (int c = 0; c < p.length; c++) {
            p[c] = (float) (p[c] / sum);
        }
        return p;
    }
}
