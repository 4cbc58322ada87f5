package dev.fusionlab.train;


import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What every DJL training in FusionLab shares ({@link TrainingLoop}: the classifiers' and the joint space's;
 * the caption trainer of {@code dev.fusionlab.caption}): one
 * training at a time on a fixed thread count, Adam with Xavier-initialised weights on the CPU, seeded
 * shuffling, and the trained {@code Linear} layers copied out as plain Java {@link DenseLayer}s.
 */
public final class DjlTraining {

    /** The DJL engine that trains; ONNX Runtime (also on the class path) cannot. */
    public static final String ENGINE = "PyTorch";

    /**
     * PyTorch intra-op threads while training. The matrices here are small (a 64-row batch times a layer of
     * a few hundred thousand weights), so splitting an operation over threads gains little, while OpenMP's
     * synchronisation costs a lot whenever the cores are busy with anything else (the GUI, an encoder, another
     * process): measured on a loaded 2-core machine, one batch took about 1 ms on one thread and 20 to 60 ms
     * on two. The previous setting (process-global) is restored afterwards, so encoders keep theirs.
     */
    static final int TRAINING_THREADS = 1;

    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private DjlTraining() {
    }

    /**
     * Runs one DJL training: alone (the PyTorch seed and thread count are process-global) and on
     * {@link #TRAINING_THREADS} threads, the previous thread count restored afterwards.
     */
    public static <T> T exclusively(java.util.function.Supplier<T> training) {
        return exclusively(TRAINING_THREADS, training);
    }

    /**
     * As {@link #exclusively(Supplier)} on {@code threads} intra-op threads (a convolutional training may
     * gain from more, at the price of gradient sums whose order, and so last bits, vary between runs).
     */
    public static <T> T exclusively(int threads, java.util.function.Supplier<T> training) {
        Engine.getEngine(ENGINE); // loads the native library before its thread count is touched
        ONE_AT_A_TIME.lock();
        int previousThreads = JniUtils.getNumThreads();
        try {
            JniUtils.setNumThreads(threads);
            return training.get();
        } finally {
            JniUtils.setNumThreads(previousThreads);
            ONE_AT_A_TIME.unlock();
        }
    }

    /** Adam at a fixed learning rate with weight decay, Xavier-initialised weights, on the CPU. */
    public static DefaultTrainingConfig adam(Loss loss, double learningRate, double weightDecay) {
        return new DefaultTrainingConfig(loss)
                .optDevices(new Device[] {Device.cpu()})
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                .optOptimizer(Adam.builder()
                        .optLearningRateTracker(Tracker.fixed((float) learningRate))
                        .optWeightDecays((float) weightDecay)
                        .build());
    }

    /**
     * One optimiser step on the gradients of the last backward pass; the trainers call this instead of
     * {@link Trainer#step()}. On one CPU device it does exactly what {@code Trainer.step()} does there (DJL's
     * {@code LocalParameterServer}: the optimiser updates each trainable parameter with a copy of its gradient,
     * the engine then clears the gradient), so the weights are bit-identical to DJL's step; but it leaves out
     * the check that DJL runs on the first step, which throws "Gradient values are all zeros" whenever the sum
     * of all gradients is exactly {@code 0f}. That check misfires: a softmax layer's gradients sum to zero
     * over the classes in exact arithmetic (the gradient of the cross-entropy by the logits, {@code p - y},
     * sums to 0 in every row), so whether the float sum comes out as exactly 0 is decided by rounding, that is
     * by the CPU's kernels (it does on an AMD Zen 4 with AVX-512 for the stacking test's data, not on Intel);
     * and truly all-zero gradients (a class-free batch, saturated log-probabilities, all-zero features) are a
     * legitimate state, in which Adam simply moves nothing but the weight decay.
     *
     * @param optimizer the optimiser of the trainer's config ({@code config.getOptimizer()})
     */
    static void step(Trainer trainer, Optimizer optimizer) {
        Device device = trainer.getDevices()[0];
        for (var entry : trainer.getModel().getBlock().getParameters()) {
            Parameter parameter = entry.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            if (!weight.getDevice().equals(device)) {
                throw new IllegalStateException("parameter " + parameter.getName() + " is on " + weight.getDevice()
                        + ", training on " + device);
            }
            try (NDArray gradient = weight.getGradient(); NDArray copy = gradient.duplicate()) {
                optimizer.update(parameter.getId(), weight, copy);
            }
        }
    }

    /** Copies every Linear layer's current weights out of native memory, in child order. */
    static List<DenseLayer> snapshot(Block block) {
        List<DenseLayer> layers = new ArrayList<>();
        for (var child : block.getChildren()) {
            if (child.getValue() instanceof Linear linear) {
                var params = linear.getParameters();
                NDArray w = params.get("weight").getArray();
                float[] bias = params.get("bias").getArray().toFloatArray();
                layers.add(DenseLayer.fromOutByIn(w.toFloatArray(), bias, Math.toIntExact(w.getShape().get(1))));
            }
        }
        return layers;
    }

    public static long[] shuffledIndices(int n, Random random) {
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
