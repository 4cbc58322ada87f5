package dev.fusionlab.classify;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.loss.Loss;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.train.TrainingLoop;
import java.util.List;
import java.util.Locale;

/**
 * Trains a {@link ClassifierKind#SOFTMAX} or {@link ClassifierKind#MLP} classifier with the DJL PyTorch
 * engine through the shared {@link TrainingLoop}: Adam on shuffled minibatches of the training rows, mean
 * softmax cross-entropy, early stopping on the validation rows, weights of the best validation epoch kept.
 *
 * <p>Determinism: the PyTorch seed (weight initialisation, dropout) and the shuffling are both derived from
 * {@link ClassifierSpec#seed()}, so on CPU the same spec and data give identical probabilities. Because the
 * PyTorch seed and thread count are process-global, trainings run one at a time.
 *
 * <p>Classes are not re-weighted: the loss is the plain mean cross-entropy, so on strongly imbalanced data the
 * classifier favours frequent classes; per-class recall and macro-F1 in the evaluation make that visible.
 */
public final class ClassifierTrainer {

    private ClassifierTrainer() {
    }

    /**
     * @param train      labelled training rows
     * @param validation labelled validation rows for early stopping; when empty, all {@code maxEpochs} run
     *                   and the last epoch is kept
     * @param classes    class names; labels index into it
     * @param stage      progress stage name, e.g. {@code train-early}
     * @throws dev.fusionlab.task.CancelledException when cancelled (checked between minibatches)
     */
    public static TrainedClassifier train(LabelledRows train, LabelledRows validation, List<String> classes,
                                          ClassifierSpec spec, TaskContext ctx, String stage) {
        if (train.size() == 0) {
            throw new IllegalArgumentException(stage + ": no labelled training rows");
        }
        int dim = train.dim();
        if (validation.size() > 0 && validation.dim() != dim) {
            throw new IllegalArgumentException(stage + ": validation rows have " + validation.dim()
                    + " features, training rows " + dim);
        }
        train.checkLabels(classes.size(), stage + " training");
        validation.checkLabels(classes.size(), stage + " validation");
        var settings = new TrainingLoop.Settings(stage, spec.seed(), spec.learningRate(), spec.weightDecay(),
                spec.maxEpochs(), spec.patience(), spec.batchSize(), false, "rows");
        TrainingLoop.Outcome outcome = TrainingLoop.train(settings, new ClassifierTask(train, validation, classes, spec), ctx);
        var provenance = new ClassifierProvenance(spec, dim, classes, train.size(), validation.size(),
                outcome.epochsRun(), outcome.bestEpoch(), outcome.bestLoss(), outcome.bestScore(), outcome.millis());
        return new TrainedClassifier(outcome.layers(), provenance);
    }

    /** A classifier's part of the loop: its layers, cross-entropy, features then labels, accuracy. */
    private record ClassifierTask(LabelledRows train, LabelledRows validation, List<String> classes, ClassifierSpec spec)
            implements TrainingLoop.Task {

        @Override
        public Block block() {
            SequentialBlock block = new SequentialBlock();
            if (spec.kind() == ClassifierKind.MLP) {
                block.add(Linear.builder().setUnits(spec.hidden()).build())
                        .add(Activation.reluBlock())
                        .add(Dropout.builder().optRate(ClassifierSpec.MLP_DROPOUT).build());
            }
            return block.add(Linear.builder().setUnits(classes.size()).build());
        }

        @Override
        public Loss loss() {
            return Loss.softmaxCrossEntropyLoss();
        }

        @Override
        public Shape[] inputShapes() {
            return new Shape[] {new Shape(1, train.dim())};
        }

        @Override
        public NDList trainRows(NDManager manager) {
            return new NDList(train.features(manager), train.labels(manager));
        }

        @Override
        public NDList validationRows(NDManager manager) {
            return validation.size() == 0 ? null : new NDList(validation.features(manager), validation.labels(manager));
        }

        @Override
        public double validationScore(NDList outputs, NDList labels) {
            return outputs.singletonOrThrow().argMax(1).eq(labels.singletonOrThrow()).sum().getLong()
                    / (double) validation.size();
        }

        @Override
        public String describe(double loss, double accuracy) {
            return String.format(Locale.ROOT, "validation loss %.4f, accuracy %.3f", loss, accuracy);
        }
    }
}
