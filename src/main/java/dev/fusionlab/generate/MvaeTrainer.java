package dev.fusionlab.generate;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.train.DjlTraining;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains the {@link MvaeNet} with DJL's PyTorch engine by the recipe of Wu &amp; Goodman (2018): on every
 * batch the sum of three ELBOs, the joint one (both modalities reconstructed from q(z|image, text)) and
 * one per modality (each reconstructed from its own posterior), so that the experts learn to stand alone
 * and a missing modality can be inferred from the other. The KL terms are annealed: their weight grows
 * linearly from 0 to 1 over {@link MvaeSpec#annealEpochs()}.
 *
 * <p>Image likelihood: a Bernoulli per pixel value (binary cross-entropy on logits, summed over the
 * image); text likelihood: a unit-variance Gaussian per dimension of the standardised sentence
 * embedding, weighted by {@link MvaeSpec#textWeight()}. Adam on shuffled batches; after annealing, early
 * stopping on the validation pairs' loss (KL weight 1, posterior means decoded), the weights of the best
 * epoch kept. Seeded (PyTorch seed for the initial weights and the reparameterisation noise, a
 * {@link Random} for the shuffling): same data and spec give the same weights on CPU.
 *
 * <p>Like FusionLab's other trainings it runs alone (the PyTorch seed and thread count are process-global)
 * on a fixed thread count, restored afterwards. Progress stage {@value #STAGE}.
 */
final class MvaeTrainer {

    static final String STAGE = "train-mvae";
    static final String ENGINE = DjlTraining.ENGINE;

    /**
     * PyTorch intra-op threads. One, like FusionLab's other trainings: on two threads the demo trains
     * about a quarter faster (bench/generate/RESULTS.md), but the convolutions' gradient sums are then
     * not always added in the same order, and two trainings with one seed could differ in the last bits.
     * {@code -Dfusionlab.mvae.threads} overrides it.
     */
    static final int THREADS = Integer.getInteger("fusionlab.mvae.threads", 1);

    /** Trained weights (DJL's parameter format) and how they came about. */
    record Trained(byte[] weights, MvaeProvenance provenance) {
    }

    private MvaeTrainer() {
    }

    /**
     * @param pixels         every row's image, {@link MvaeSpec#pixelCount()} floats in [0, 1]
     * @param text           every row's standardised text embedding
     * @param trainRows      rows to learn from (at least 2)
     * @param validationRows rows for early stopping; fewer than 2: all epochs run and the last is kept
     * @throws dev.fusionlab.task.CancelledException when cancelled (checked between batches)
     */
    static Trained train(float[][] pixels, float[][] text, int[] trainRows, int[] validationRows, MvaeSpec spec,
                         String textEncoder, TaskContext ctx) {
        if (trainRows.length < 2) {
            throw new IllegalArgumentException("a multimodal VAE needs at least 2 training pairs, got " + trainRows.length);
        }
        return DjlTraining.exclusively(THREADS, () -> new Run(pixels, text, trainRows,
                validationRows.length >= 2 ? validationRows : new int[0], spec, textEncoder, ctx).fit());
    }

    /** The KL weight of a 1-based epoch: linear from 1/(anneal+1) up to 1, then 1. */
    static float klWeight(int epoch, int annealEpochs) {
        return annealEpochs == 0 ? 1f : Math.min(1f, epoch / (float) (annealEpochs + 1));
    }

    private static final class Run {
        private final float[][] pixels;
        private final float[][] text;
        private final int[] trainRows;
        private final int[] validationRows;
        private final MvaeSpec spec;
        private final String textEncoder;
        private final TaskContext ctx;
        private final List<Double> trainLosses = new ArrayList<>();
        private final List<Double> validationLosses = new ArrayList<>();
        private double bestLoss = Double.POSITIVE_INFINITY;
        private int bestEpoch;
        private byte[] bestWeights;

        Run(float[][] pixels, float[][] text, int[] trainRows, int[] validationRows, MvaeSpec spec,
            String textEncoder, TaskContext ctx) {
            this.pixels = pixels;
            this.text = text;
            this.trainRows = trainRows;
            this.validationRows = validationRows;
            this.spec = spec;
            this.textEncoder = textEncoder;
            this.ctx = ctx;
        }

        Trained fit() {
            long start = System.nanoTime();
            Engine.getEngine(ENGINE).setRandomSeed(Long.hashCode(spec.seed()));
            int textDim = text[trainRows[0]].length;
            int epochsRun = 0;
            int sinceBest = 0;
            try (Model model = Model.newInstance(STAGE, Device.cpu(), ENGINE)) {
                MvaeNet net = new MvaeNet(spec.imageSize(), textDim, spec.latentDim(), spec.hidden());
                model.setBlock(net);
                DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()) // the loss below is used
                        .optDevices(new Device[] {Device.cpu()})
                        .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                        .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed((float) spec.learningRate()))
                                .build());
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(1, 3, spec.imageSize(), spec.imageSize()), new Shape(1, textDim));
                    NDManager manager = trainer.getManager();
                    NDArray trainPixels = images(manager, trainRows);
                    NDArray trainText = manager.create(select(text, trainRows));
                    NDArray validationPixels = validationRows.length > 0 ? images(manager, validationRows) : null;
                    NDArray validationText = validationRows.length > 0 ? manager.create(select(text, validationRows)) : null;
                    Random shuffler = new Random(spec.seed());
                    while (epochsRun < spec.maxEpochs() && sinceBest < spec.patience()) {
                        epochsRun++;
                        float beta = klWeight(epochsRun, spec.annealEpochs());
                        double trainLoss = runEpoch(trainer, trainPixels, trainText, shuffler, beta, epochsRun);
                        trainLosses.add(trainLoss);
                        String message;
                        if (validationPixels == null) {
                            message = String.format(Locale.ROOT, "epoch %d/%d: loss %.1f (KL weight %.2f)",
                                    epochsRun, spec.maxEpochs(), trainLoss, beta);
                        } else {
                            double loss = validate(trainer, validationPixels, validationText);
                            validationLosses.add(loss);
                            if (beta >= 1f) { // losses before the end of annealing are not comparable
                                if (loss < bestLoss - 1e-4 * Math.abs(bestLoss) || bestWeights == null) {
                                    bestLoss = loss;
                                    bestEpoch = epochsRun;
                                    bestWeights = weights(net);
                                    sinceBest = 0;
                                } else {
                                    sinceBest++;
                                }
                            }
                            message = String.format(Locale.ROOT,
                                    "epoch %d/%d: loss %.1f, validation %.1f (KL weight %.2f, best epoch %d)",
                                    epochsRun, spec.maxEpochs(), trainLoss, loss, beta, bestEpoch);
                        }
                        ctx.report(STAGE, epochsRun / (double) spec.maxEpochs(), message);
                    }
                    if (bestWeights == null) { // no validation pairs, or it stopped while annealing
                        bestWeights = weights(net);
                        bestEpoch = epochsRun;
                        bestLoss = validationLosses.isEmpty() ? Double.NaN : validationLosses.getLast();
                    }
                }
            }
            if (!Double.isNaN(bestLoss) && !Double.isFinite(bestLoss)) {
                throw new IllegalStateException(STAGE + " failed: the loss is not finite (NaN or infinite inputs?)");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            ctx.report(STAGE, 1, "done: " + epochsRun + " epochs, kept epoch " + bestEpoch);
            return new Trained(bestWeights, new MvaeProvenance(spec, textDim, textEncoder, trainRows.length,
                    validationRows.length, epochsRun, bestEpoch, bestLoss, trainLosses, validationLosses, THREADS,
                    millis));
        }

        private NDArray images(NDManager manager, int[] rows) {
            int s = spec.imageSize();
            float[] flat = new float[rows.length * spec.pixelCount()];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(pixels[rows[i]], 0, flat, i * spec.pixelCount(), spec.pixelCount());
            }
            return manager.create(flat, new Shape(rows.length, 3, s, s));
        }

        private double runEpoch(Trainer trainer, NDArray allPixels, NDArray allText, Random shuffler, float beta,
                                int epoch) {
            int n = trainRows.length;
            double sum = 0;
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDIndex order = new NDIndex("{}", scope.create(shuffled(n, shuffler)));
                NDArray x = allPixels.get(order);
                NDArray t = allText.get(order);
                x.attach(scope);
                t.attach(scope);
                int batches = Math.max(1, n / spec.batchSize()); // a short last batch joins the one before
                for (int b = 0; b < batches; b++) {
                    ctx.throwIfCancelled(STAGE);
                    int from = b * spec.batchSize();
                    int to = b == batches - 1 ? n : from + spec.batchSize();
                    try (NDManager step = scope.newSubManager()) {
                        NDIndex batch = new NDIndex("{}:{}", from, to);
                        NDArray xb = x.get(batch);
                        NDArray tb = t.get(batch);
                        xb.attach(step);
                        tb.attach(step);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray loss = loss(trainer.forward(new NDList(xb, tb)), xb, tb, beta);
                            collector.backward(loss);
                            sum += loss.getFloat() * (to - from);
                        }
                        trainer.step();
                    }
                    ctx.report(STAGE, (epoch - 1 + (b + 1) / (double) batches) / spec.maxEpochs(),
                            String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d", epoch, spec.maxEpochs(), b + 1,
                                    batches));
                }
            }
            return sum / n;
        }

        /** Negative ELBO per validation pair, KL weight 1, posterior means decoded; in batches. */
        private double validate(Trainer trainer, NDArray allPixels, NDArray allText) {
            int n = validationRows.length;
            double sum = 0;
            for (int from = 0; from < n; from += spec.batchSize()) {
                int to = Math.min(n, from + spec.batchSize());
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    NDIndex batch = new NDIndex("{}:{}", from, to);
                    NDArray xb = allPixels.get(batch);
                    NDArray tb = allText.get(batch);
                    xb.attach(scope);
                    tb.attach(scope);
                    sum += loss(trainer.evaluate(new NDList(xb, tb)), xb, tb, 1f).getFloat() * (to - from);
                }
            }
            return sum / n;
        }

        /**
         * Mean over the batch of the three negative ELBOs: joint (image + weighted text + KL), image-only
         * (image + KL), text-only (weighted text + KL), KL scaled by {@code beta}.
         */
        private NDArray loss(NDList out, NDArray x, NDArray t, float beta) {
            long b = x.getShape().get(0);
            NDArray logits = out.get(6);
            NDArray x2 = x.concat(x, 0);
            // Bernoulli negative log-likelihood on logits: softplus(l) - x l, summed over each image
            NDArray imageNll = Activation.softPlus(logits).sub(logits.mul(x2)).sum(new int[] {1, 2, 3});
            NDArray t2 = t.concat(t, 0);
            NDArray textNll = out.get(7).sub(t2).square().sum(new int[] {1}).mul(0.5f * (float) spec.textWeight());
            NDArray kl = kl(out.get(0), out.get(1)).add(kl(out.get(2), out.get(3))).add(kl(out.get(4), out.get(5)));
            NDArray reconstruction = imageNll.sum().add(textNll.sum());
            return reconstruction.add(kl.sum().mul(beta)).div((float) b);
        }

        /** KL(N(mu, exp(logVar)) || N(0, I)) per row. */
        private static NDArray kl(NDArray mu, NDArray logVar) {
            return logVar.add(1f).sub(mu.square()).sub(logVar.exp()).sum(new int[] {1}).mul(-0.5f);
        }

        private static float[][] select(float[][] x, int[] rows) {
            float[][] out = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                out[i] = x[rows[i]];
            }
            return out;
        }

        private static long[] shuffled(int n, Random random) {
            long[] order = new long[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                long tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            return order;
        }
    }

    /** The block's parameters in DJL's format. */
    static byte[] weights(MvaeNet net) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            net.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model's weights: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
