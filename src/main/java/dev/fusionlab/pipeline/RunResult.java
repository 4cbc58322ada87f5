package dev.fusionlab.pipeline;

import dev.fusionlab.align.JointSpace;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.evaluate.RetrievalMetrics;
import dev.fusionlab.fuse.FusionModels;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.fuse.LateFusion;
import dev.fusionlab.fuse.LateFusionModels;
import dev.fusionlab.fuse.StackingOutcome;
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
 * @param embeddings    image, text and fused (early-fusion concatenation, normalised) embeddings
 * @param probabilities class probabilities of every sample for IMAGE, TEXT, EARLY and LATE (LATE as
 *                      {@code config}'s combiner resolved; see {@link #lateFusion})
 * @param late          what late fusion learned besides the two classifiers: the stacker (or why there is
 *                      none) and the tuned image weight
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
 *                      unlabelled dataset or a result built without them (a run restored from a workspace
 *                      keeps {@code late} but not the classifiers). When present, its {@code late()} is
 *                      {@code late} itself: the constructor refuses two versions of what late fusion learned
 * @param explainedVariance for PCA layouts, the share of the embedding's total variance each axis shows
 *                      (two values, see {@link dev.fusionlab.project.pca.PcaLayout}), computed with the layout;
 *                      empty for other methods and for layouts restored from workspaces saved without them
 */
public record RunResult(Dataset dataset, List<String> classes, List<Sample> samples, int[] truth,
                        Map<Space, float[][]> embeddings, Map<Strategy, float[][]> probabilities,
                        LateFusionModels late, JointSpace jointSpace, Optional<RetrievalMetrics> retrieval,
                        Map<ProjectionKey, double[][]> projections, RunConfig config, Map<String, Long> stageMillis,
                        RunProvenance provenance, FusionModels models, Map<ProjectionKey, double[]> explainedVariance) {

    public RunResult {
        if (models != null && models.late() != late) {
            throw new IllegalArgumentException("late must be the models' own late fusion (models.late())");
        }
        explainedVariance = explainedVariance == null ? Map.of() : Map.copyOf(explainedVariance);
        for (var e : explainedVariance.entrySet()) {
            if (!projections.containsKey(e.getKey()) || e.getValue().length != 2) {
                throw new IllegalArgumentException("explained variance of " + e.getKey()
                        + " must be two ratios of one of the run's layouts");
            }
        }
    }

    /** A result without its trained models (see {@link #models}) nor explained variances. */
    public RunResult(Dataset dataset, List<String> classes, List<Sample> samples, int[] truth,
                     Map<Space, float[][]> embeddings, Map<Strategy, float[][]> probabilities,
                     LateFusionModels late, JointSpace jointSpace, Optional<RetrievalMetrics> retrieval,
                     Map<ProjectionKey, double[][]> projections, RunConfig config, Map<String, Long> stageMillis,
                     RunProvenance provenance) {
        this(dataset, classes, samples, truth, embeddings, probabilities, late, jointSpace, retrieval, projections,
                config, stageMillis, provenance, null, Map.of());
    }

    /** True when the dataset had labels, so classifiers were trained and can be evaluated. */
    public boolean isClassified() {
        return !probabilities.isEmpty();
    }

    /** Evaluation of the four strategies on the test split, late fusion as configured. */
    public Evaluation evaluate() {
        return evaluate(lateFusion().fusion());
    }

    /** Evaluation on the test split with late fusion recombined: nothing is retrained. */
    public Evaluation evaluate(LateFusion lateFusion) {
        Map<Strategy, float[][]> all = new EnumMap<>(probabilities);
        all.put(Strategy.LATE, lateProbabilities(lateFusion));
        return Evaluation.onTest(truth, splits(), all, classes);
    }

    /** Split of every sample, in row order. */
    public Split[] splits() {
        return samples.stream().map(Sample::split).toArray(Split[]::new);
    }

    /** The stacking outcome of {@link #late}: the trained stacker, or why there is none. */
    public StackingOutcome stacking() {
        return late.stacking();
    }

    /** Late fusion as the run's config chose it, resolved ({@link LateFusion#resolve}). */
    public LateFusion.Resolved lateFusion() {
        return lateFusion(config.combiner(), config.imageWeight());
    }

    /** Late fusion with another combiner or weight, resolved against what this run learned. */
    public LateFusion.Resolved lateFusion(LateCombiner combiner, double imageWeight) {
        return late.resolve(combiner, imageWeight);
    }

    /**
     * This run with other layouts, laid out as {@code newConfig} says; everything else unchanged. The
     * explained variance of a layout kept as it was (the same array) is kept; a new or replaced layout has none.
     */
    public RunResult withProjections(RunConfig newConfig, Map<ProjectionKey, double[][]> newProjections) {
        return withProjections(newConfig, newProjections, Map.of());
    }

    /**
     * As {@link #withProjections(RunConfig, Map)}, with the explained variance of the new PCA layouts
     * ({@code newVariance} wins over what a kept layout had).
     */
    public RunResult withProjections(RunConfig newConfig, Map<ProjectionKey, double[][]> newProjections,
                                     Map<ProjectionKey, double[]> newVariance) {
        Map<ProjectionKey, double[]> variance = new LinkedHashMap<>();
        explainedVariance.forEach((key, ratios) -> {
            if (newProjections.get(key) == projections.get(key)) {
                variance.put(key, ratios);
            }
        });
        variance.putAll(newVariance);
        return new RunResult(dataset, classes, samples, truth, embeddings, probabilities, late, jointSpace,
                retrieval, Collections.unmodifiableMap(new LinkedHashMap<>(newProjections)), newConfig, stageMillis, provenance,
                models, variance);
    }

    /** Retrieval is scored on at most this many test images (COCO's 5k-image protocol). */
    public static final int MAX_RETRIEVAL_PAIRS = 5_000;

    /** ... and at most this many of their captions (COCO's 5 per image). */
    public static final int MAX_RETRIEVAL_CAPTIONS = 5 * MAX_RETRIEVAL_PAIRS;

    /**
     * Cross-modal retrieval on the test split, in the joint space: each test caption against the distinct
     * test images (samples sharing an image file are one image with several captions) and each image against
     * all test captions, by {@link RetrievalMetrics#of(float[][], float[][], int[])}; above
     * {@value #MAX_RETRIEVAL_PAIRS} images or {@value #MAX_RETRIEVAL_CAPTIONS} captions, the first in dataset
     * order. Empty without a joint space or with fewer than 2 test images.
     *
     * @param embeddings the run's embeddings, {@link Space#IMAGE} and {@link Space#TEXT} used
     */
    public static Optional<RetrievalMetrics> scoreRetrieval(JointSpace jointSpace, List<Sample> samples,
                                                            Map<Space, float[][]> embeddings) {
        if (jointSpace == null) {
            return Optional.empty();
        }
        Map<Object, Integer> imageIndex = new LinkedHashMap<>(); // by image file; a sample without one is its own image
        List<float[]> images = new java.util.ArrayList<>();
        List<float[]> texts = new java.util.ArrayList<>();
        List<Integer> owners = new java.util.ArrayList<>();
        for (int row = 0; row < samples.size() && texts.size() < MAX_RETRIEVAL_CAPTIONS; row++) {
            Sample sample = samples.get(row);
            if (sample.split() != Split.TEST) {
                continue;
            }
            Object imageKey = sample.hasImage() ? sample.image() : "id:" + sample.id();
            Integer image = imageIndex.get(imageKey);
            if (image == null) {
                if (imageIndex.size() >= MAX_RETRIEVAL_PAIRS) {
                    continue;
                }
                image = imageIndex.size();
                imageIndex.put(imageKey, image);
                images.add(jointSpace.embedImage(embeddings.get(Space.IMAGE)[row]));
            }
            texts.add(jointSpace.embedText(embeddings.get(Space.TEXT)[row]));
            owners.add(image);
        }
        if (images.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(RetrievalMetrics.of(images.toArray(float[][]::new), texts.toArray(float[][]::new),
                owners.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Ids of the samples, in row order. */
    public List<String> ids() {
        return samples.stream().map(Sample::id).toList();
    }

    /**
     * Late fusion's probabilities of every sample under {@code lateFusion}: no retraining, just the
     * unimodal outputs recombined.
     */
    public float[][] lateProbabilities(LateFusion lateFusion) {
        return lateFusion.combine(probabilities.get(Strategy.IMAGE), probabilities.get(Strategy.TEXT));
    }
}
