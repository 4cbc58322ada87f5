package dev.fusionlab.caption;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.train.DjlTraining;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link CaptionDecoder} with the DJL PyTorch engine by teacher forcing: each training caption,
 * preceded by {@code <bos>}, is fed word by word while the model learns to predict the next word (and
 * {@code <eos>} at the end); the loss is the cross-entropy per word, padding excluded. Adam on shuffled
 * batches (each batch runs only as many steps as its longest caption), early stopping on the validation
 * captions' loss, the weights of the best epoch kept.
 *
 * <p>Like the other trainers it runs alone on one thread ({@link DjlTraining#exclusively}), seeded: on
 * the CPU the same data and spec give bit-identical weights. When DJL sees a CUDA GPU it trains there
 * (faster on large datasets, equal only to a tolerance); the provenance names the device.
 * Progress stage {@value #STAGE}; cancellation is checked between batches.
 */
public final class CaptionTrainer {

    /** Progress stage name. */
    public static final String STAGE = "train-caption";

    static final String ENGINE = "PyTorch";
    static final double MIN_IMPROVEMENT = 1e-4;
    private static final int EVALUATION_BATCH = 256;

    private CaptionTrainer() {
    }

    /** The training data: feature rows and tokenised captions, row-aligned. */
    record Pairs(float[][] features, List<List<String>> captions) {
        Pairs {
            if (features.length != captions.size()) {
                throw new IllegalArgumentException(features.length + " feature rows but " + captions.size()
                        + " captions");
            }
        }

        int size() {
            return features.length;
        }
    }

    /** The trained decoder and how it came about. */
    record Outcome(CaptionDecoder decoder, CaptionProvenance provenance) {
    }

    /**
     * @param train      pairs to learn from (at least 1)
     * @param validation pairs for early stopping; when empty, all epochs run and the last is kept
     * @throws dev.fusionlab.task.CancelledException when cancelled
     */
    static Outcome train(Pairs train, Pairs validation, Vocabulary vocabulary, CaptionSpec spec, TaskContext ctx) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("a caption model needs at least one training caption");
        }
        return DjlTraining.exclusively(() -> new Run(train, validation, vocabulary, spec, ctx).fit());
    }

    /** The device a training runs on: the first GPU when DJL sees one, else the CPU. */
    static Device device() {
        return Engine.getEngine(ENGINE).getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    private static final class Run {
        private final Pairs train;
        private final Pairs validation;
        private final Vocabulary vocabulary;
        private final CaptionSpec spec;
        private final TaskContext ctx;
        private final Device device = device();
        private final List<Double> trainLosses = new ArrayList<>();
        private final List<Double> validationLosses = new ArrayList<>();
        private Map<String, float[]> best;
        private double bestLoss = Double.POSITIVE_INFINITY;
        private int bestEpoch;

        Run(Pairs train, Pairs validation, Vocabulary vocabulary, CaptionSpec spec, TaskContext ctx) {
            this.train = train;
            this.validation = validation;
            this.vocabulary = vocabulary;
            this.spec = spec;
            this.ctx = ctx;
        }

        Outcome fit() {
            long start = System.nanoTime();
            Engine.getEngine(ENGINE).setRandomSeed(Long.hashCode(spec.seed()));
            int features = train.features()[0].length;
            int epochsRun = 0;
            int sinceImprovement = 0;
            CaptionBlock block = new CaptionBlock(features, vocabulary.size(), spec.wordSize(), spec.hiddenSize(), spec.dropout());
            try (Model model = Model.newInstance(STAGE, device, ENGINE)) {
                model.setBlock(block);
                // the config's loss is never called: wordLoss below is the loss
                DefaultTrainingConfig config = DjlTraining.adam(Loss.l2Loss(), spec.learningRate(), spec.weightDecay())
                        .optDevices(new Device[] {device});
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(1, features), new Shape(1, spec.maxLength() + 1));
                    Tensors trainSet = new Tensors(trainer.getManager(), train, vocabulary, spec.maxLength());
                    Tensors validationSet = validation.size() > 0 ? new Tensors(trainer.getManager(), validation, vocabulary, spec.maxLength()) : null;
                    Random shuffler = new Random(spec.seed());
                    while (epochsRun < spec.maxEpochs() && sinceImprovement < spec.patience()) {
                        trainLosses.add(runEpoch(trainer, trainSet, shuffler));
                        epochsRun++;
                        if (validationSet == null) {
                            ctx.report(STAGE, epochsRun / (double) spec.maxEpochs(), String.format(Locale.ROOT,
                                    "epoch %d/%d: training loss %.4f (no validation captions: no early stopping)",
                                    epochsRun, spec.maxEpochs(), trainLosses.getLast()));
                            continue;
                        }
                        double loss = evaluate(trainer, validationSet);
                        validationLosses.add(loss);
                        if (loss < bestLoss - MIN_IMPROVEMENT) {
                            bestLoss = loss;
                            bestEpoch = epochsRun;
                            best = snapshot(block);
                            sinceImprovement = 0;
                        } else {
                            sinceImprovement++;
                        }
                        ctx.report(STAGE, epochsRun / (double) spec.maxEpochs(), String.format(Locale.ROOT,
                                "%s epoch %d/%d: training loss %.4f, validation %.4f (best epoch %d)",
                                spec.conditioning().key(), epochsRun, spec.maxEpochs(), trainLosses.getLast(), loss,
                                bestEpoch));
                    }
                    if (validationSet == null) {
                        best = snapshot(block);
                        bestEpoch = epochsRun;
                        bestLoss = Double.NaN;
                    }
                }
            }
            if (best == null) {
                throw new IllegalStateException(STAGE + " failed: no epoch had a finite validation loss "
                        + "(the embeddings may hold NaN or infinite values)");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            CaptionDecoder decoder = new CaptionDecoder(vocabulary, features, spec.wordSize(), spec.hiddenSize(),
                    best.get("init"), best.get("init_bias"), best.get("words"), best.get("input"),
                    best.get("input_bias"), best.get("state"), best.get("state_bias"), best.get("output"),
                    best.get("output_bias"));
            var provenance = new CaptionProvenance(spec, device.toString(), features, vocabulary.size(), train.size(),
                    validation.size(), epochsRun, bestEpoch, bestLoss, trainLosses, validationLosses, millis);
            ctx.report(STAGE, 1, "done: " + epochsRun + " epochs, kept epoch " + bestEpoch);
            return new Outcome(decoder, provenance);
        }

        /** One pass over the shuffled training pairs; returns the mean loss per word. */
        private double runEpoch(Trainer trainer, Tensors data, Random shuffler) {
            long[] order = DjlTraining.shuffledIndices(data.size, shuffler);
            double lossSum = 0;
            double words = 0;
            for (int from = 0; from < data.size; from += spec.batchSize()) {
                ctx.throwIfCancelled(STAGE);
                int to = Math.min(data.size, from + spec.batchSize());
                try (NDManager step = trainer.getManager().newSubManager()) {
                    long[] rows = java.util.Arrays.copyOfRange(order, from, to);
                    NDList batch = data.batch(step, rows);
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(batch.get(0), batch.get(1))).singletonOrThrow();
                        NDArray[] loss = wordLoss(logits, batch.get(2));
                        collector.backward(loss[0].div(loss[1]));
                        lossSum += loss[0].getFloat();
                        words += loss[1].getFloat();
                    }
                    trainer.step();
                }
            }
            return lossSum / words;
        }

        /** Teacher-forced loss per word over every pair of {@code data}, without training. */
        private double evaluate(Trainer trainer, Tensors data) {
            double lossSum = 0;
            double words = 0;
            for (int from = 0; from < data.size; from += EVALUATION_BATCH) {
                ctx.throwIfCancelled(STAGE);
                int to = Math.min(data.size, from + EVALUATION_BATCH);
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    long[] rows = java.util.stream.LongStream.range(from, to).toArray();
                    NDList batch = data.batch(scope, rows);
                    NDArray logits = trainer.evaluate(new NDList(batch.get(0), batch.get(1))).singletonOrThrow();
                    NDArray[] loss = wordLoss(logits, batch.get(2));
                    lossSum += loss[0].getFloat();
                    words += loss[1].getFloat();
                }
            }
            return lossSum / words;
        }
    }

    /**
     * The summed cross-entropy of the target words (padding excluded) and the number of target words:
     * {@code [sum, count]}.
     */
    static NDArray[] wordLoss(NDArray logits, NDArray targets) {
        NDArray logp = logits.logSoftmax(2);
        NDArray picked = logp.gather(targets.expandDims(2), 2).squeeze(2);
        NDArray mask = targets.neq(Vocabulary.PAD_ID).toType(DataType.FLOAT32, false);
        return new NDArray[] {picked.mul(mask).sum().neg(), mask.sum()};
    }

    /** Every parameter's current values, by name. */
    static Map<String, float[]> snapshot(CaptionBlock block) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (var p : block.getDirectParameters()) {
            values.put(p.getValue().getName(), p.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /**
     * Pairs as arrays on the training device: features {@code [N, F]}, input and target words
     * {@code [N, L + 1]} (int64), and each pair's length in steps (its words, at most L, plus one).
     */
    private static final class Tensors {
        final int size;
        final NDArray features;
        final NDArray inputs;
        final NDArray targets;
        final int[] steps;

        Tensors(NDManager manager, Pairs pairs, Vocabulary vocabulary, int maxLength) {
            size = pairs.size();
            steps = new int[size];
            long[][] in = new long[size][];
            long[][] out = new long[size][];
            for (int i = 0; i < size; i++) {
                int[][] io = vocabulary.teacherForcing(pairs.captions().get(i), maxLength);
                in[i] = java.util.Arrays.stream(io[0]).asLongStream().toArray();
                out[i] = java.util.Arrays.stream(io[1]).asLongStream().toArray();
                steps[i] = Math.min(pairs.captions().get(i).size(), maxLength) + 1;
            }
            features = manager.create(pairs.features());
            inputs = manager.create(in);
            targets = manager.create(out);
        }

        /** The rows' features, input words and target words, cut to the longest of them: attached to {@code scope}. */
        NDList batch(NDManager scope, long[] rows) {
            int longest = 1;
            for (long r : rows) {
                longest = Math.max(longest, steps[(int) r]);
            }
            NDIndex pick = new NDIndex("{}", scope.create(rows));
            NDIndex cut = new NDIndex(":, :{}", longest);
            NDList picked = new NDList(features.get(pick), inputs.get(pick), targets.get(pick));
            picked.attach(scope); // results of an operation belong to its first operand's manager
            return new NDList(picked.get(0), picked.get(1).get(cut), picked.get(2).get(cut));
        }
    }
}
