package dev.fusionlab.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.fusionlab.task.TaskContext;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * FusionLab's one DJL training loop, shared by the classifiers ({@code classify}) and the joint space
 * ({@code align}): seeded weights, Adam on shuffled minibatches, the {@link Task}'s loss, early stopping on
 * the validation rows with the weights of the best epoch kept, progress per epoch and cancellation between
 * minibatches, one training at a time ({@link DjlTraining#exclusively}).
 *
 * <p>The data sets here are small (about a thousand rows of a few hundred to a few thousand features), so
 * each split is a few whole NDArrays, each epoch shuffles them with one gather and the minibatches are
 * slices of that: no {@code Dataset}/batchifier machinery, which costs more than the arithmetic at this size.
 *
 * <p>Determinism: the PyTorch seed (weight initialisation, dropout) and the shuffling both come from
 * {@link Settings#seed()}, so on CPU the same settings and data give identical weights.
 */
public final class TrainingLoop {

    private TrainingLoop() {
    }

    /**
     * The settings every training has.
     *
     * @param stage          progress stage name, e.g. {@code train-early}; also names the failure
     * @param seed           seeds weight initialisation, dropout and shuffling
     * @param learningRate   Adam's learning rate
     * @param weightDecay    Adam's weight decay
     * @param maxEpochs      upper bound on passes over the training rows
     * @param patience       epochs without a lower validation loss before training stops
     * @param batchSize      rows per Adam step
     * @param joinLastBatch  true when a last, short batch joins the one before (a contrastive loss needs
     *                       negatives in every batch); false to train on it alone
     * @param rowsName       what a row is, for progress messages: {@code rows}, {@code pairs}
     */
    public record Settings(String stage, long seed, double learningRate, double weightDecay, int maxEpochs,
                           int patience, int batchSize, boolean joinLastBatch, String rowsName) {
    }

    /** What one training brings to the loop: its block, its loss, its data. */
    public interface Task {

        /** The network; its {@code Linear} layers are what the training returns. */
        Block block();

        /** The loss the training minimises, the same on training batches and the validation rows. */
        Loss loss();

        /** Shapes to initialise the block with, one per input. */
        Shape[] inputShapes();

        /**
         * Row-aligned arrays of the training rows: the block's {@link #inputShapes() inputs} first, then the
         * labels the loss reads (none for a loss that needs no labels).
         */
        NDList trainRows(NDManager manager);

        /** The validation rows, laid out as {@link #trainRows}; null when there are none (no early stopping). */
        NDList validationRows(NDManager manager);

        /** A second score of the validation rows besides the loss (accuracy), or NaN. */
        default double validationScore(NDList outputs, NDList labels) {
            return Double.NaN;
        }

        /** The progress message of one validation, e.g. {@code validation loss 0.4210, accuracy 0.871}. */
        String describe(double loss, double score);
    }

    /**
     * What a training produced.
     *
     * @param layers    the {@code Linear} layers of the kept epoch, in block order
     * @param epochsRun epochs actually run
     * @param bestEpoch 1-based epoch whose weights were kept
     * @param bestLoss  validation loss at {@code bestEpoch} (NaN without validation rows)
     * @param bestScore the task's validation score at {@code bestEpoch} (NaN without one)
     * @param millis    wall time of the training
     */
    public record Outcome(List<DenseLayer> layers, int epochsRun, int bestEpoch, double bestLoss, double bestScore,
                          long millis) {
    }

    /**
     * Trains {@code task}.
     *
     * @throws dev.fusionlab.task.CancelledException when cancelled (checked between minibatches)
     * @throws IllegalStateException when no epoch had a finite validation loss, naming the stage
     */
    public static Outcome train(Settings settings, Task task, TaskContext ctx) {
        return DjlTraining.exclusively(() -> new Run(settings, task, ctx).fit());
    }

    /** The state of one training. */
    private static final class Run {
        private final Settings settings;
        private final Task task;
        private final TaskContext ctx;
        private final EarlyStopping stopping;
        private int inputs;
        private double bestScore = Double.NaN;

        Run(Settings settings, Task task, TaskContext ctx) {
            this.settings = settings;
            this.task = task;
            this.ctx = ctx;
            this.stopping = new EarlyStopping(settings.stage(), settings.patience());
        }

        Outcome fit() {
            long start = System.nanoTime();
            Engine.getEngine(DjlTraining.ENGINE).setRandomSeed(Long.hashCode(settings.seed()));
            int epochsRun = 0;
            try (Model model = Model.newInstance(settings.stage(), Device.cpu(), DjlTraining.ENGINE)) {
                Block block = task.block();
                model.setBlock(block);
                DefaultTrainingConfig config = DjlTraining.adam(task.loss(), settings.learningRate(),
                        settings.weightDecay());
                Optimizer optimizer = config.getOptimizer();
                try (Trainer trainer = model.newTrainer(config)) {
                    Shape[] shapes = task.inputShapes();
                    inputs = shapes.length;
                    trainer.initialize(shapes);
                    NDManager manager = trainer.getManager();
                    NDList train = task.trainRows(manager);
                    NDList validation = task.validationRows(manager);
                    int trainSize = Math.toIntExact(train.get(0).getShape().get(0));
                    Random shuffler = new Random(settings.seed());
                    while (epochsRun < settings.maxEpochs() && !stopping.exhausted()) {
                        runEpoch(trainer, optimizer, train, trainSize, shuffler);
                        epochsRun++;
                        if (validation == null) {
                            ctx.report(settings.stage(), epochsRun / (double) settings.maxEpochs(), String.format(
                                    Locale.ROOT, "epoch %d/%d (no validation %s: no early stopping)", epochsRun,
                                    settings.maxEpochs(), settings.rowsName()));
                            continue;
                        }
                        validate(trainer, validation, block, epochsRun);
                    }
                    if (validation == null) {
                        stopping.keepLast(epochsRun, block);
                    }
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<DenseLayer> layers = stopping.bestLayers();
            ctx.report(settings.stage(), 1, "done: " + epochsRun + " epochs, kept epoch " + stopping.bestEpoch());
            return new Outcome(layers, epochsRun, stopping.bestEpoch(), stopping.bestLoss(), bestScore, millis);
        }

        /** One pass over the training rows: shuffled by a single gather, then batches are cheap slices. */
        private void runEpoch(Trainer trainer, Optimizer optimizer, NDList train, int n, Random shuffler) {
            try (NDManager epoch = trainer.getManager().newSubManager()) {
                NDIndex order = new NDIndex("{}", epoch.create(DjlTraining.shuffledIndices(n, shuffler)));
                NDList shuffled = new NDList();
                for (NDArray array : train) {
                    NDArray rows = array.get(order);
                    rows.attach(epoch);
                    shuffled.add(rows);
                }
                int size = settings.batchSize();
                int batches = settings.joinLastBatch() ? Math.max(1, n / size) : (n + size - 1) / size;
                for (int b = 0; b < batches; b++) {
                    ctx.throwIfCancelled(settings.stage());
                    int from = b * size;
                    int to = b == batches - 1 ? n : Math.min(n, from + size);
                    NDIndex slice = new NDIndex("{}:{}", from, to);
                    try (NDManager step = epoch.newSubManager()) {
                        NDList batch = new NDList();
                        for (NDArray array : shuffled) {
                            NDArray rows = array.get(slice);
                            rows.attach(step);
                            batch.add(rows);
                        }
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList outputs = trainer.forward(inputsOf(batch));
                            collector.backward(trainer.getLoss().evaluate(labelsOf(batch), outputs));
                        }
                        DjlTraining.step(trainer, optimizer);
                    }
                }
            }
        }

        /** Scores the validation rows and offers the loss to early stopping. */
        private void validate(Trainer trainer, NDList validation, Block block, int epoch) {
            double loss;
            double score;
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDList data = new NDList();
                for (NDArray array : validation) {
                    NDArray copy = array.duplicate();
                    copy.attach(scope);
                    data.add(copy);
                }
                NDList outputs = trainer.evaluate(inputsOf(data));
                loss = trainer.getLoss().evaluate(labelsOf(data), outputs).getFloat();
                score = task.validationScore(outputs, labelsOf(data));
            }
            if (stopping.offer(epoch, loss, block)) {
                bestScore = score;
            }
            ctx.report(settings.stage(), epoch / (double) settings.maxEpochs(), String.format(Locale.ROOT,
                    "epoch %d/%d: %s (best epoch %d)", epoch, settings.maxEpochs(), task.describe(loss, score),
                    stopping.bestEpoch()));
        }

        private NDList inputsOf(NDList arrays) {
            return new NDList(arrays.subList(0, inputs));
        }

        private NDList labelsOf(NDList arrays) {
            return new NDList(arrays.subList(inputs, arrays.size()));
        }
    }
}
