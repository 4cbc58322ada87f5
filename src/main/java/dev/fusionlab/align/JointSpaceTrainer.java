package dev.fusionlab.align;

import dev.fusionlab.fuse.EarlyFusion;
import dev.fusionlab.train.DenseLayer;
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
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.fusionlab.task.TaskContext;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Learns a {@link JointSpace} from image-text pairs, contrastively, with the DJL PyTorch engine: the CLIP
 * recipe on frozen encoders. Each modality (normalised as for early fusion) gets a linear map into a
 * shared space; on each batch of pairs the symmetric InfoNCE loss asks every image to pick its own caption
 * among the batch's captions, and every caption its own image, through a softmax over similarities divided
 * by the temperature. No labels are needed: captions datasets train it as well as labelled ones.
 *
 * <p>Adam on shuffled batches, early stopping on the validation pairs' loss (all of them as one batch),
 * the weights of the best epoch kept; seeded, and deterministic on CPU like {@link ClassifierTrainer}.
 * Progress stage {@value #STAGE}.
 */
public final class JointSpaceTrainer {

    /** Progress stage name. */
    public static final String STAGE = "train-joint-space";

    /**
     * Early stopping scores at most this many validation pairs (the first), all in one batch: the loss
     * takes a few n x n matrices, 16 MB each at this size.
     */
    static final int MAX_VALIDATION_PAIRS = 2_048;

    private JointSpaceTrainer() {
    }

    /**
     * @param image           raw image embeddings of every row
     * @param text            raw text embeddings of the same rows
     * @param normalisation   the per-modality normalisers, fitted on the training rows
     * @param trainRows       rows to learn from (at least 2)
     * @param validationRows  rows for early stopping (the first {@value #MAX_VALIDATION_PAIRS}); when fewer
     *                        than 2, all epochs run and the last is kept
     * @throws dev.fusionlab.task.CancelledException when cancelled (checked between batches)
     */
    public static JointSpace train(float[][] image, float[][] text, EarlyFusion normalisation, int[] trainRows,
                                   int[] validationRows, JointSpaceSpec spec, TaskContext ctx) {
        if (trainRows.length < 2) {
            throw new IllegalArgumentException("a joint space needs at least 2 training pairs, got "
                    + trainRows.length);
        }
        int[] validation = java.util.Arrays.copyOf(validationRows, Math.min(validationRows.length, MAX_VALIDATION_PAIRS));
        float[][] normalisedImage = normalisation.image().apply(select(image, trainRows, validation));
        float[][] normalisedText = normalisation.text().apply(select(text, trainRows, validation));
        return DjlTraining.exclusively(() -> new Run(normalisedImage, normalisedText, trainRows.length,
                validation.length >= 2 ? validation.length : 0, spec, ctx).fit(normalisation));
    }

    /** The training rows, then the validation rows. */
    private static float[][] select(float[][] x, int[] trainRows, int[] validationRows) {
        float[][] out = new float[trainRows.length + validationRows.length][];
        for (int i = 0; i < trainRows.length; i++) {
            out[i] = x[trainRows[i]];
        }
        for (int i = 0; i < validationRows.length; i++) {
            out[trainRows.length + i] = x[validationRows[i]];
        }
        return out;
    }

    /** The state of one training run; rows {@code [0, trainSize)} train, the next {@code validationSize} validate. */
    private static final class Run {
        private final float[][] image;
        private final float[][] text;
        private final int trainSize;
        private final int validationSize;
        private final JointSpaceSpec spec;
        private final TaskContext ctx;

        private final EarlyStopping stopping;

        Run(float[][] image, float[][] text, int trainSize, int validationSize, JointSpaceSpec spec, TaskContext ctx) {
            this.image = image;
            this.text = text;
            this.trainSize = trainSize;
            this.validationSize = validationSize;
            this.spec = spec;
            this.ctx = ctx;
            this.stopping = new EarlyStopping(STAGE, spec.patience());
        }

        JointSpace fit(EarlyFusion normalisation) {
            long start = System.nanoTime();
            Engine.getEngine(DjlTraining.ENGINE).setRandomSeed(Long.hashCode(spec.seed()));
            int epochsRun = 0;
            try (Model model = Model.newInstance(STAGE, Device.cpu(), DjlTraining.ENGINE)) {
                TwoTowerBlock block = new TwoTowerBlock(spec.dimension());
                model.setBlock(block);
                // the config's loss is never called: infoNce below is the loss
                DefaultTrainingConfig config = DjlTraining.adam(Loss.l2Loss(), spec.learningRate(), spec.weightDecay());
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(1, image[0].length), new Shape(1, text[0].length));
                    NDManager manager = trainer.getManager();
                    NDArray images = manager.create(image);
                    NDArray texts = manager.create(text);
                    NDIndex validation = new NDIndex("{}:{}", trainSize, trainSize + validationSize);
                    NDArray validationImages = images.get(validation);
                    NDArray validationTexts = texts.get(validation);
                    Random shuffler = new Random(spec.seed());
                    while (epochsRun < spec.maxEpochs() && !stopping.exhausted()) {
                        runEpoch(trainer, images, texts, shuffler);
                        epochsRun++;
                        if (validationSize == 0) {
                            ctx.report(STAGE, epochsRun / (double) spec.maxEpochs(), String.format(Locale.ROOT,
                                    "epoch %d/%d (no validation pairs: no early stopping)", epochsRun,
                                    spec.maxEpochs()));
                            continue;
                        }
                        validate(trainer, validationImages, validationTexts, block, epochsRun);
                    }
                    if (validationSize == 0) {
                        stopping.keepLast(epochsRun, block);
                    }
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            var provenance = new JointSpaceProvenance(spec, image[0].length, text[0].length, trainSize,
                    validationSize, epochsRun, stopping.bestEpoch(), stopping.bestLoss(), millis);
            ctx.report(STAGE, 1, "done: " + epochsRun + " epochs, kept epoch " + stopping.bestEpoch());
            List<DenseLayer> towers = stopping.bestLayers();
            return new JointSpace(normalisation, towers.get(0), towers.get(1), provenance);
        }

        private void runEpoch(Trainer trainer, NDArray images, NDArray texts, Random shuffler) {
            try (NDManager epoch = trainer.getManager().newSubManager()) {
                NDIndex order = new NDIndex("{}", epoch.create(DjlTraining.shuffledIndices(trainSize, shuffler)));
                NDArray x = images.get(order);
                NDArray y = texts.get(order);
                x.attach(epoch);
                y.attach(epoch);
                // a last batch of one pair has no negatives: it joins the batch before
                int batches = Math.max(1, trainSize / spec.batchSize());
                for (int b = 0; b < batches; b++) {
                    ctx.throwIfCancelled(STAGE);
                    int from = b * spec.batchSize();
                    int to = b == batches - 1 ? trainSize : from + spec.batchSize();
                    NDIndex batch = new NDIndex("{}:{}", from, to);
                    try (NDManager step = epoch.newSubManager()) {
                        NDArray xb = x.get(batch);
                        NDArray yb = y.get(batch);
                        xb.attach(step);
                        yb.attach(step);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            collector.backward(infoNce(trainer.forward(new NDList(xb, yb))));
                        }
                        trainer.step();
                    }
                }
            }
        }

        /**
         * Symmetric InfoNCE of a batch of pairs: the mean of the cross-entropies of picking pair i's caption
         * among the batch's captions for image i, and pair i's image among the images for caption i.
         */
        private NDArray infoNce(NDList points) {
            NDArray logits = points.get(0).matMul(points.get(1).transpose()).div((float) spec.temperature());
            long n = logits.getShape().get(0);
            NDArray matches = logits.getManager().eye((int) n);
            NDArray imageToText = logits.logSoftmax(1).mul(matches).sum();
            NDArray textToImage = logits.logSoftmax(0).mul(matches).sum();
            return imageToText.add(textToImage).div(-2f * n);
        }

        /** Scores the validation pairs and offers the loss to early stopping. */
        private void validate(Trainer trainer, NDArray images, NDArray texts, TwoTowerBlock block, int epoch) {
            double loss;
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray x = images.duplicate();
                NDArray y = texts.duplicate();
                x.attach(scope);
                y.attach(scope);
                loss = infoNce(trainer.evaluate(new NDList(x, y))).getFloat();
            }
            stopping.offer(epoch, loss, block);
            ctx.report(STAGE, epoch / (double) spec.maxEpochs(), String.format(Locale.ROOT,
                    "epoch %d/%d: validation InfoNCE %.4f (best epoch %d)", epoch, spec.maxEpochs(), loss,
                    stopping.bestEpoch()));
        }
    }
}
