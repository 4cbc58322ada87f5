package dev.fusionlab.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.fusionlab.fuse.EarlyFusion;
import dev.fusionlab.task.TaskContext;
import dev.fusionlab.train.DenseLayer;
import dev.fusionlab.train.TrainingLoop;
import java.util.List;
import java.util.Locale;

/**
 * Learns a {@link JointSpace} from image-text pairs, contrastively, with the DJL PyTorch engine: the CLIP
 * recipe on frozen encoders. Each modality (normalised as for early fusion) gets a linear map into a
 * shared space; on each batch of pairs the symmetric InfoNCE loss asks every image to pick its own caption
 * among the batch's captions, and every caption its own image, through a softmax over similarities divided
 * by the temperature. No labels are needed: captions datasets train it as well as labelled ones.
 *
 * <p>Trained by the shared {@link TrainingLoop} (as the classifiers are): Adam on shuffled batches, early
 * stopping on the validation pairs' loss (all of them as one batch), the weights of the best epoch kept;
 * seeded, and deterministic on CPU.
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
        if (validation.length < 2) {
            validation = new int[0];
        }
        JointSpaceTask task = new JointSpaceTask(normalisation.image().apply(select(image, trainRows)),
                normalisation.text().apply(select(text, trainRows)),
                normalisation.image().apply(select(image, validation)),
                normalisation.text().apply(select(text, validation)), spec);
        var settings = new TrainingLoop.Settings(STAGE, spec.seed(), spec.learningRate(), spec.weightDecay(),
                spec.maxEpochs(), spec.patience(), spec.batchSize(), true, "pairs");
        TrainingLoop.Outcome outcome = TrainingLoop.train(settings, task, ctx);
        var provenance = new JointSpaceProvenance(spec, image[0].length, text[0].length, trainRows.length,
                validation.length, outcome.epochsRun(), outcome.bestEpoch(), outcome.bestLoss(), outcome.millis());
        List<DenseLayer> towers = outcome.layers();
        return new JointSpace(normalisation, towers.get(0), towers.get(1), provenance);
    }

    private static float[][] select(float[][] x, int[] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    /** The joint space's part of the loop: two towers, InfoNCE, image and text rows (no labels). */
    private record JointSpaceTask(float[][] image, float[][] text, float[][] validationImage, float[][] validationText,
                        JointSpaceSpec spec) implements TrainingLoop.Task {

        @Override
        public Block block() {
            return new TwoTowerBlock(spec.dimension());
        }

        @Override
        public Loss loss() {
            return new InfoNceLoss(spec.temperature());
        }

        @Override
        public Shape[] inputShapes() {
            return new Shape[] {new Shape(1, image[0].length), new Shape(1, text[0].length)};
        }

        @Override
        public NDList trainRows(NDManager manager) {
            return new NDList(manager.create(image), manager.create(text));
        }

        @Override
        public NDList validationRows(NDManager manager) {
            return validationImage.length == 0 ? null
                    : new NDList(manager.create(validationImage), manager.create(validationText));
        }

        @Override
        public String describe(double loss, double score) {
            return String.format(Locale.ROOT, "validation InfoNCE %.4f", loss);
        }
    }

    /**
     * Symmetric InfoNCE of a batch of pairs (the towers' outputs, no labels): the mean of the cross-entropies
     * of picking pair i's caption among the batch's captions for image i, and pair i's image among the
     * images for caption i.
     */
    static final class InfoNceLoss extends Loss {

        private final float temperature;

        InfoNceLoss(double temperature) {
            super("InfoNCE");
            this.temperature = (float) temperature;
        }

        @Override
        public NDArray evaluate(NDList labels, NDList points) {
            NDArray logits = points.get(0).matMul(points.get(1).transpose()).div(temperature);
            long n = logits.getShape().get(0);
            NDArray matches = logits.getManager().eye((int) n);
            NDArray imageToText = logits.logSoftmax(1).mul(matches).sum();
            NDArray textToImage = logits.logSoftmax(0).mul(matches).sum();
            return imageToText.add(textToImage).div(-2f * n);
        }
    }
}


