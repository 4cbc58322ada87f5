package dev.fusionlab.classify;

import dev.fusionlab.train.DjlTraining;
import dev.fusionlab.train.EarlyStopping;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.fusionlab.task.TaskContext;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains a {@link ClassifierKind#SOFTMAX} or {@link ClassifierKind#MLP} classifier with the DJL PyTorch
 * engine: Adam on shuffled minibatches, early stopping on the validation rows, weights of the best
 * validation epoch kept.
 *
 * <p>The data sets here are small (about a thousand rows of a few hundred to a few thousand features), so
 * the whole training matrix is one NDArray, each epoch shuffles it with one gather and the minibatches are
 * slices of that: no {@code Dataset}/batchifier machinery, which costs more than the arithmetic at this size.
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
        return DjlTraining.exclusively(() -> new Run(train, validation, classes, spec, ctx, stage).fit());
    }


    /** The state of one training run. */
    private static final class Run {
        private final LabelledRows train;
        private final LabelledRows validation;
        private final List<String> classes;
        private final ClassifierSpec spec;
        private final TaskContext ctx;
        private final String stage;

        private final EarlyStopping stopping;
        private double bestAccuracy = Double.NaN;

        Run(LabelledRows train, LabelledRows validation, List<String> classes, ClassifierSpec spec,
            TaskContext ctx, String stage) {
            this.train = train;
            this.validation = validation;
            this.classes = classes;
            this.spec = spec;
            this.ctx = ctx;
            this.stage = stage;
            this.stopping = new EarlyStopping(stage, spec.patience());
        }

        TrainedClassifier fit() {
            long start = System.nanoTime();
            Engine.getEngine(DjlTraining.ENGINE).setRandomSeed(Long.hashCode(spec.seed()));
            int epochsRun = 0;
            try (Model model = Model.newInstance(stage, Device.cpu(), DjlTraining.ENGINE)) {
                SequentialBlock block = buildBlock();
                model.setBlock(block);
                DefaultTrainingConfig config = DjlTraining.adam(Loss.softmaxCrossEntropyLoss(), spec.learningRate(),
                        spec.weightDecay());
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(1, train.dim()));
                    NDManager manager = trainer.getManager();
                    NDArray xTrain = train.features(manager);
                    NDArray yTrain = train.labels(manager);
                    NDArray xVal = validation.size() > 0 ? validation.features(manager) : null;
                    NDArray yVal = validation.size() > 0 ? validation.labels(manager) : null;
                    Random shuffler = new Random(spec.seed());
                    while (epochsRun < spec.maxEpochs() && !stopping.exhausted()) {
                        runEpoch(trainer, xTrain, yTrain, shuffler);
                        epochsRun++;
                        if (xVal == null) {
                            ctx.report(stage, epochsRun / (double) spec.maxEpochs(), String.format(Locale.ROOT,
                                    "epoch %d/%d (no validation rows: no early stopping)", epochsRun, spec.maxEpochs()));
                            continue;
                        }
                        validate(trainer, xVal, yVal, block, epochsRun);
                    }
                    if (xVal == null) {
                        stopping.keepLast(epochsRun, block);
                    }
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            var provenance = new ClassifierProvenance(spec, train.dim(), classes, train.size(), validation.size(),
                    epochsRun, stopping.bestEpoch(), stopping.bestLoss(), bestAccuracy, millis);
            ctx.report(stage, 1, "done: " + epochsRun + " epochs, kept epoch " + stopping.bestEpoch());
            return new TrainedClassifier(stopping.bestLayers(), provenance);
        }

        private SequentialBlock buildBlock() {
            SequentialBlock block = new SequentialBlock();
            if (spec.kind() == ClassifierKind.MLP) {
                block.add(Linear.builder().setUnits(spec.hidden()).build())
                        .add(Activation.reluBlock())
                        .add(Dropout.builder().optRate(ClassifierSpec.MLP_DROPOUT).build());
            }
            return block.add(Linear.builder().setUnits(classes.size()).build());
        }

        /** One pass over the training rows: shuffled by a single gather, then batches are cheap slices. */
        private void runEpoch(Trainer trainer, NDArray xTrain, NDArray yTrain, Random shuffler) {
            try (NDManager epoch = trainer.getManager().newSubManager()) {
                NDIndex order = new NDIndex("{}", epoch.create(DjlTraining.shuffledIndices(train.size(), shuffler)));
                NDArray x = xTrain.get(order);
                NDArray y = yTrain.get(order);
                x.attach(epoch);
                y.attach(epoch);
                for (int from = 0; from < train.size(); from += spec.batchSize()) {
                    ctx.throwIfCancelled(stage);
                    NDIndex batch = new NDIndex("{}:{}", from, Math.min(train.size(), from + spec.batchSize()));
                    try (NDManager step = epoch.newSubManager()) {
                        NDArray xb = x.get(batch);
                        NDArray yb = y.get(batch);
                        xb.attach(step);
                        yb.attach(step);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList logits = trainer.forward(new NDList(xb));
                            collector.backward(trainer.getLoss().evaluate(new NDList(yb), logits));
                        }
                        trainer.step();
                    }
                }
            }
        }

        /** Scores the validation rows and offers the loss to early stopping. */
        private void validate(Trainer trainer, NDArray xVal, NDArray yVal, Block block, int epoch) {
            double loss;
            double accuracy;
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray x = xVal.duplicate();
                x.attach(scope);
                NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                loss = trainer.getLoss().evaluate(new NDList(yVal), new NDList(logits)).getFloat();
                accuracy = logits.argMax(1).eq(yVal).sum().getLong() / (double) validation.size();
            }
            if (stopping.offer(epoch, loss, block)) {
                bestAccuracy = accuracy;
            }
            ctx.report(stage, epoch / (double) spec.maxEpochs(), String.format(Locale.ROOT,
                    "epoch %d/%d: validation loss %.4f, accuracy %.3f (best epoch %d)",
                    epoch, spec.maxEpochs(), loss, accuracy, stopping.bestEpoch()));
        }
    }
}
