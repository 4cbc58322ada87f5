package dev.fusionlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.classify.ClassifierSpec;
import dev.fusionlab.classify.ClassifierTrainer;
import dev.fusionlab.classify.LabelledRows;
import dev.fusionlab.classify.TrainedClassifier;
import dev.fusionlab.task.TaskContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link DjlTraining#step}: DJL's update without DJL's first-step "all zeros" check. */
class DjlTrainingStepTest {

    private static final int FEATURES = 6;
    private static final int CLASSES = 3;
    private static final int ROWS = 16;

    private static float[][] features(long seed) {
        Random random = new Random(seed);
        float[][] x = new float[ROWS][FEATURES];
        for (float[] row : x) {
            for (int c = 0; c < FEATURES; c++) {
                row[c] = (float) random.nextGaussian();
            }
        }
        return x;
    }

    private static float[] labels() {
        float[] y = new float[ROWS];
        for (int r = 0; r < ROWS; r++) {
            y[r] = r % CLASSES;
        }
        return y;
    }

    /**
     * Trains a small MLP for a few steps on fixed data, stepping with {@code step}, and returns its layers.
     * {@code lossOf} turns the logits and labels into the loss whose gradients the step applies.
     */
    private static List<DenseLayer> train(int steps, double weightDecay, Function<NDList, NDArray> lossOf,
                                          BiConsumer<Trainer, DefaultTrainingConfig> step) {
        return DjlTraining.exclusively(() -> {
            Engine.getEngine(DjlTraining.ENGINE).setRandomSeed(7);
            try (Model model = Model.newInstance("step-test", Device.cpu(), DjlTraining.ENGINE)) {
                SequentialBlock block = new SequentialBlock()
                        .add(Linear.builder().setUnits(8).build())
                        .add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(CLASSES).build());
                model.setBlock(block);
                DefaultTrainingConfig config = DjlTraining.adam(Loss.softmaxCrossEntropyLoss(), 0.01, weightDecay);
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(1, FEATURES));
                    NDArray x = trainer.getManager().create(features(3));
                    NDArray y = trainer.getManager().create(labels());
                    for (int s = 0; s < steps; s++) {
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList logits = trainer.forward(new NDList(x));
                            collector.backward(lossOf.apply(new NDList(y, logits.singletonOrThrow())));
                        }
                        step.accept(trainer, config);
                    }
                    return DjlTraining.snapshot(block);
                }
            }
        });
    }

    private static NDArray crossEntropy(NDList labelsAndLogits) {
        return Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labelsAndLogits.get(0)),
                new NDList(labelsAndLogits.get(1)));
    }

    /** A loss whose gradient is exactly zero for every weight, on any CPU: 0 times the logits. */
    private static NDArray zeroTimesLogits(NDList labelsAndLogits) {
        return labelsAndLogits.get(1).mul(0f).sum();
    }

    /** Every weight matrix row and bias vector, in layer order. */
    private static float[][] flat(List<DenseLayer> layers) {
        List<float[]> out = new ArrayList<>();
        for (DenseLayer layer : layers) {
            out.addAll(List.of(layer.weights()));
            out.add(layer.bias());
        }
        return out.toArray(float[][]::new);
    }

    @Test
    void givesBitIdenticalWeightsToDjlsStep() {
        List<DenseLayer> djl = train(5, 1e-4, DjlTrainingStepTest::crossEntropy, (trainer, config) -> trainer.step());
        List<DenseLayer> ours = train(5, 1e-4, DjlTrainingStepTest::crossEntropy,
                (trainer, config) -> DjlTraining.step(trainer, config.getOptimizer()));
        List<DenseLayer> initial = train(0, 1e-4, DjlTrainingStepTest::crossEntropy, (trainer, config) -> { });

        assertThat(flat(ours)).isDeepEqualTo(flat(djl));
        assertThat(flat(ours)).isNotEqualTo(flat(initial)); // the steps did move the weights
    }

    @Test
    void allZeroGradientsAreAnOrdinaryStepNotAnError() {
        // the state that crashed the stacking test on AMD Zen 4: DJL's first step refuses it, on any CPU
        assertThatThrownBy(() -> train(1, 0, DjlTrainingStepTest::zeroTimesLogits, (trainer, config) -> trainer.step()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Gradient values are all zeros");

        List<DenseLayer> initial = train(0, 0, DjlTrainingStepTest::zeroTimesLogits, (trainer, config) -> { });
        List<DenseLayer> afterZeroSteps = train(3, 0, DjlTrainingStepTest::zeroTimesLogits,
                (trainer, config) -> DjlTraining.step(trainer, config.getOptimizer()));

        // Adam without weight decay moves nothing when the gradients are zero
        assertThat(flat(afterZeroSteps)).isDeepEqualTo(flat(initial));
    }

    @Test
    void aClassifierWhoseGradientsAreExactlyZeroTrainsInsteadOfCrashing() {
        // one class: the log-softmax of a single logit is exactly 0 and its gradient exactly 0, on any CPU, so
        // every weight's gradient is 0 * x = 0 from the first step on (DJL's own step threw here)
        float[][] x = features(5);
        LabelledRows train = new LabelledRows(Arrays.copyOf(x, 12), new int[12]);
        LabelledRows validation = new LabelledRows(Arrays.copyOfRange(x, 12, ROWS), new int[ROWS - 12]);
        ClassifierSpec spec = ClassifierSpec.defaults(ClassifierKind.SOFTMAX, 1).withMaxEpochs(3);

        TrainedClassifier model = ClassifierTrainer.train(train, validation, List.of("only"), spec,
                TaskContext.silent(), "train-zero-gradients");

        assertThat(model.provenance().epochsRun()).isGreaterThanOrEqualTo(1);
        for (float[] probabilities : model.predictProba(validation.x())) {
            assertThat(probabilities).containsExactly(1f);
        }
    }
}
