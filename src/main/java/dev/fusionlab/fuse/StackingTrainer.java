package dev.fusionlab.fuse;

import dev.fusionlab.classify.ClassifierSpec;
import dev.fusionlab.classify.ClassifierTrainer;
import dev.fusionlab.classify.LabelledRows;
import dev.fusionlab.classify.TrainedClassifier;

import dev.fusionlab.data.Split;
import dev.fusionlab.task.TaskContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Trains late fusion's {@link Stacker} the way scikit-learn's {@code StackingClassifier} does, with every
 * model trained in DJL by {@link ClassifierTrainer}:
 * <ol>
 *   <li>the labelled training rows are split into stratified folds ({@link StratifiedFolds}, seeded from the
 *       classifier spec); for each fold an image and a text classifier (the base spec, validation rows for
 *       early stopping) are trained on the other folds and predict the held-out fold, so every training row
 *       gets base probabilities from models that never saw it;</li>
 *   <li>a multinomial logistic regression is fitted on those out-of-fold probabilities, with the final base
 *       models' probabilities of the validation rows for early stopping;</li>
 *   <li>the final base models (trained on all training rows, the same as the unimodal baselines) give the
 *       probabilities the meta-classifier maps to the stacked distribution of every row.</li>
 * </ol>
 * Progress stage {@value #STAGE}, reported per fold; cancellation is polled between folds (and inside each
 * training). When the smallest class has fewer labelled training rows than the folds asked for, fewer folds
 * are used; below two, stacking is skipped with a reason rather than failing the run.
 */
public final class StackingTrainer {

    /** Progress stage name. */
    public static final String STAGE = "train-stacking";

    private StackingTrainer() {
    }

    /**
     * Why stacking cannot be trained on the labelled training rows of {@code in}, or empty when it can.
     * Cheap: only counts labels.
     */
    public static Optional<String> unavailableReason(FusionInput in) {
        int[] counts = classCounts(in);
        long present = Arrays.stream(counts).filter(c -> c > 0).count();
        if (present < 2) {
            return Optional.of("stacking needs labelled training rows of at least 2 classes, the training split has "
                    + present);
        }
        int smallest = smallestClass(counts);
        if (counts[smallest] < 2) {
            return Optional.of(String.format(Locale.ROOT,
                    "stacking needs at least 2 labelled training rows per class; class '%s' has %d",
                    in.classes().get(smallest), counts[smallest]));
        }
        return Optional.empty();
    }

    /**
     * @param normalised    the run's rows, embeddings already normalised as the base classifiers read them
     * @param imageProbs    the final image classifier's probabilities for every row
     * @param textProbs     the final text classifier's probabilities for every row
     * @param spec          the base classifiers' spec; its seed also seeds the folds and the meta-classifier
     * @throws dev.fusionlab.task.CancelledException when cancelled
     */
    public static StackingOutcome train(FusionInput normalised, float[][] imageProbs, float[][] textProbs,
                                        ClassifierSpec spec, StackingSpec stacking, TaskContext ctx) {
        Optional<String> reason = unavailableReason(normalised);
        if (reason.isPresent()) {
            ctx.report(STAGE, 1, "skipped: " + reason.get());
            return StackingOutcome.skipped(reason.get());
        }
        long start = System.nanoTime();
        int[] counts = classCounts(normalised);
        int folds = Math.min(stacking.folds(), counts[smallestClass(counts)]);
        int[] fitRows = normalised.labelledRows(Split.TRAIN);
        int[] validationRows = normalised.labelledRows(Split.VALIDATION);
        StratifiedFolds assignment = StratifiedFolds.split(fitRows, normalised.labels(), folds, spec.seed());
        OutOfFoldPredictions outOfFold = outOfFold(normalised, assignment, validationRows, spec, ctx);

        int[] labels = normalised.labels();
        LabelledRows metaTrain = new LabelledRows(stacking.features().of(outOfFold.image(), outOfFold.text()),
                select(labels, fitRows));
        LabelledRows metaValidation = new LabelledRows(stacking.features().of(select(imageProbs, validationRows),
                select(textProbs, validationRows)), select(labels, validationRows));
        ctx.throwIfCancelled(STAGE);
        TrainedClassifier meta = ClassifierTrainer.train(metaTrain, metaValidation, normalised.classes(),
                stacking.metaClassifier(spec.seed()), within(ctx, 2 * folds, 2 * folds + 1, "meta-classifier"), STAGE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Stacker stacker = new Stacker(meta, new StackerProvenance(stacking.folds(), folds, spec.seed(),
                stacking.features(), fitRows.length, meta.provenance(), millis));
        ctx.report(STAGE, 1, String.format(Locale.ROOT, "done: %d folds, meta-classifier kept epoch %d",
                folds, meta.provenance().bestEpoch()));
        return new StackingOutcome.Trained(stacker, stacker.predictProba(imageProbs, textProbs), outOfFold);
    }

    /** Trains an image and a text model per fold and lets each predict the rows of its own fold. */
    private static OutOfFoldPredictions outOfFold(FusionInput in, StratifiedFolds assignment, int[] validationRows,
                                                  ClassifierSpec spec, TaskContext ctx) {
        int n = assignment.rows().length;
        float[][] image = new float[n][];
        float[][] text = new float[n][];
        for (int fold = 0; fold < assignment.count(); fold++) {
            ctx.throwIfCancelled(STAGE);
            int[] train = assignment.trainingRows(fold);
            int[] heldOut = assignment.heldOut(fold);
            String label = String.format(Locale.ROOT, "fold %d/%d", fold + 1, assignment.count());
            int steps = 2 * assignment.count() + 1;
            float[][] imageHeldOut = fit(in.image(), in, train, validationRows, spec,
                    within(ctx, 2 * fold, steps, label + ", image")).predictProba(select(in.image(), heldOut));
            float[][] textHeldOut = fit(in.text(), in, train, validationRows, spec,
                    within(ctx, 2 * fold + 1, steps, label + ", text")).predictProba(select(in.text(), heldOut));
            int h = 0;
            for (int i = 0; i < n; i++) {
                if (assignment.foldAt(i) == fold) {
                    image[i] = imageHeldOut[h];
                    text[i] = textHeldOut[h++];
                }
            }
        }
        return new OutOfFoldPredictions(assignment, image, text);
    }

    private static TrainedClassifier fit(float[][] x, FusionInput in, int[] trainRows, int[] validationRows,
                                         ClassifierSpec spec, TaskContext ctx) {
        return ClassifierTrainer.train(LabelledRows.select(x, in.labels(), trainRows),
                LabelledRows.select(x, in.labels(), validationRows), in.classes(), spec, ctx, STAGE);
    }

    /**
     * A context for one training inside the stage: its progress becomes step {@code step} of {@code steps}
     * of {@value #STAGE}'s (two trainings per fold, then the meta-classifier), its messages prefixed with what
     * it trains.
     */
    private static TaskContext within(TaskContext ctx, int step, int steps, String what) {
        return new TaskContext((stage, fraction, message) -> ctx.report(STAGE,
                (step + Math.max(0, Math.min(1, fraction))) / steps, what + ": " + message), ctx.cancellation());
    }

    /** Labelled training rows per class. */
    private static int[] classCounts(FusionInput in) {
        int[] counts = new int[in.classes().size()];
        for (int r : in.labelledRows(Split.TRAIN)) {
            counts[in.labels()[r]]++;
        }
        return counts;
    }

    /** The class with the fewest labelled training rows among those that have any. */
    private static int smallestClass(int[] counts) {
        int smallest = -1;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && (smallest < 0 || counts[c] < counts[smallest])) {
                smallest = c;
            }
        }
        return smallest;
    }

    private static float[][] select(float[][] x, int[] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    private static int[] select(int[] x, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }
}
