package dev.fusionlab.pipeline;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.evaluate.RetrievalMetrics;
import dev.fusionlab.fuse.FusionModels;
import dev.fusionlab.fuse.JointSpace;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.fuse.StackingOutcome;
import dev.fusionlab.fuse.Strategy;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one run, held in memory by the GUI and written to disk by the exporters.
 * Row {@code i} of every matrix belongs to {@code samples.get(i)}.
 *
 * @param dataset       the dataset as loaded, with its problems (skipped items)
 * @param classes       class names; column {@code c} of every probability matrix is {@code classes.get(c)}
 * @param samples       the samples that were encoded, each with its split
 * @param truth         class index of each sample, or -1 when it has no label
 * @param embeddings    image, text and fused (early-fusion joint, normalised) embeddings
 * @param probabilities class probabilities of every sample for IMAGE, TEXT, EARLY and LATE (LATE as
 *                      combined with {@code config}'s combiner; see {@link #lateProbabilities})
 * @param stacking      the trained stacking combiner with its probabilities of every sample, or why there is none
 * @param jointSpace    the image-text space learned for cross-modal retrieval, or null when the training
 *                      split had fewer than 2 pairs
 * @param retrieval     how well {@code jointSpace} retrieves on the test split, scored once when the run
 *                      ends ({@link #scoreRetrieval}); empty without a joint space or 2 test pairs
 * @param projections   2D layouts, n x 2 each
 * @param config        what the user chose
 * @param stageMillis   wall time of each stage, in run order
 * @param provenance    dataset fingerprint, encoders, classifier training records, versions
 * @param models        the trained normalisers and classifiers behind {@code probabilities}, so a run can be
 *                      re-scored on altered test inputs without retraining (modality ablation); null for an
 *                      unlabelled dataset or a result built without them
 */
public record RunResult(Dataset dataset, List<String> classes, List<Sample> samples, int[] truth,
                        Map<Space, float[][]> embeddings, Map<Strategy, float[][]> probabilities,
                        StackingOutcome stacking, JointSpace jointSpace, Optional<RetrievalMetrics> retrieval,
                        Map<ProjectionKey, double[][]> projections, RunConfig config, Map<String, Long> stageMillis,
                        RunProvenance provenance, FusionModels models) {

    /** A result without its trained models (see {@link #models}). */
    public RunResult(Dataset dataset, List<String> classes, List<Sample> samples, int[] truth,
                     Map<Space, float[][]> embeddings, Map<Strategy, float[][]> probabilities,
                     StackingOutcome stacking, JointSpace jointSpace, Optional<RetrievalMetrics> retrieval,
                     Map<ProjectionKey, double[][]> projections, RunConfig config, Map<String, Long> stageMillis,
                     RunProvenance provenance) {
        this(dataset, classes, samples, truth, embeddings, probabilities, stacking, jointSpace, retrieval, projections,
                config, stageMillis, provenance, null);
    }

    /** True when the dataset had labels, so classifiers were trained and can be evaluated. */
    public boolean isClassified() {
        return !probabilities.isEmpty();
    }

    /** Evaluation of the four strategies on the test split, late fusion as configured. */
    public Evaluation evaluate() {
        return evaluate(config.combiner(), config.imageWeight());
    }

    /** Evaluation on the test split with late fusion recombined: nothing is retrained. */
    public Evaluation evaluate(LateCombiner combiner, double imageWeight) {
        Map<Strategy, float[][]> all = new EnumMap<>(probabilities);
        all.put(Strategy.LATE, lateProbabilities(combiner, imageWeight));
        return Evaluation.onTest(truth, samples.stream().map(Sample::split).toArray(Split[]::new), all, classes);
    }

    /** This run with other layouts, laid out as {@code newConfig} says; everything else unchanged. */
    public RunResult withProjections(RunConfig newConfig, Map<ProjectionKey, double[][]> newProjections) {
        return new RunResult(dataset, classes, samples, truth, embeddings, probabilities, stacking, jointSpace,
                retrieval, Collections.unmodifiableMap(new LinkedHashMap<>(newProjections)), newConfig, stageMillis, provenance,
                models);
    }

    /** Retrieval is scored on at most this many test pairs (COCO's 5k-image protocol): n² similarities. */
    public static final int MAX_RETRIEVAL_PAIRS = 5_000;

    /**
     * Cross-modal retrieval on the test split: each test caption against all test images and back, in the
     * joint space; above {@value #MAX_RETRIEVAL_PAIRS} test pairs, the first that many in dataset order.
     * Empty without a joint space or with fewer than 2 test pairs.
     *
     * @param embeddings the run's embeddings, {@link Space#IMAGE} and {@link Space#TEXT} used
     */
    public static Optional<RetrievalMetrics> scoreRetrieval(JointSpace jointSpace, List<Sample> samples,
                                                            Map<Space, float[][]> embeddings) {
        int[] test = java.util.stream.IntStream.range(0, samples.size())
                .filter(i -> samples.get(i).split() == Split.TEST).limit(MAX_RETRIEVAL_PAIRS).toArray();
        if (jointSpace == null || test.length < 2) {
            return Optional.empty();
        }
        float[][] images = new float[test.length][];
        float[][] texts = new float[test.length][];
        for (int i = 0; i < test.length; i++) {
            images[i] = jointSpace.embedImage(embeddings.get(Space.IMAGE)[test[i]]);
            texts[i] = jointSpace.embedText(embeddings.get(Space.TEXT)[test[i]]);
        }
        return Optional.of(RetrievalMetrics.of(images, texts));
    }

    /** Ids of the samples, in row order. */
    public List<String> ids() {
        return samples.stream().map(Sample::id).toList();
    }

    /**
     * Late fusion with another combiner or weight: no retraining, just the unimodal outputs recombined
     * (or, for {@link LateCombiner#STACKING}, the stacked probabilities computed when the run trained).
     *
     * @throws IllegalStateException for STACKING when the run has no stacker (see {@link #stacking})
     */
    public float[][] lateProbabilities(LateCombiner combiner, double imageWeight) {
        if (combiner.isTrained()) {
            return stacking.probabilities();
        }
        return combiner.combine(probabilities.get(Strategy.IMAGE), probabilities.get(Strategy.TEXT), imageWeight);
    }
}
