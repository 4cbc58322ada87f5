package dev.fusionlab.playground;

import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.pipeline.EncodedDataset;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.task.TaskContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs synthetic data through the real pipeline: {@link SyntheticGenerator} makes the embeddings, then
 * {@link Pipeline#analyse} trains the same classifiers and fusions, learns the joint space and projects, as
 * for an encoded dataset. Plain Java, no GUI: a view model can call it on a background worker, with progress
 * and cancellation through the {@link TaskContext}.
 */
public final class Playground {

    /** What {@code RunConfig.dataset} says for a playground run: {@code playground:<name>}. */
    public static final String DATASET_PREFIX = "playground:";

    private Playground() {
    }

    /** The run's configuration: FusionLab's defaults with synthetic encoders, the classifier and the seed. */
    public static RunConfig config(String name, ClassifierKind classifier, long seed) {
        return RunConfig.defaults().withDataset(DATASET_PREFIX + name)
                .withEncoders(SyntheticGenerator.ENCODER_ID, SyntheticGenerator.ENCODER_ID)
                .withClassifier(classifier).withSeed(seed);
    }

    /**
     * Generates the data and runs everything after encoding on it.
     *
     * @param name   display name (a preset's key, or {@code custom})
     * @param config classifier, combiner, projection and training seed; its dataset and encoders are only
     *               recorded
     */
    public static PlaygroundRun run(GeneratorSettings settings, String name, RunConfig config, TaskContext ctx) {
        return run(settings, name, config, ctx, LiveLayouts.NONE);
    }

    /** As {@link #run(GeneratorSettings, String, RunConfig, TaskContext)}, showing iterative layouts to {@code live}. */
    public static PlaygroundRun run(GeneratorSettings settings, String name, RunConfig config, TaskContext ctx,
                                    LiveLayouts live) {
        long start = System.nanoTime();
        EncodedDataset data = SyntheticGenerator.generate(settings, name, ctx);
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("generate", (System.nanoTime() - start) / 1_000_000);
        RunResult result = Pipeline.analyse(data, config, stages, ctx, live);
        return new PlaygroundRun(name, settings, result);
    }
}
