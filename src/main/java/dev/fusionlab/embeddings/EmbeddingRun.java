package dev.fusionlab.embeddings;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.data.Sample;
import dev.fusionlab.encode.DjlRuntime;
import dev.fusionlab.fuse.LateFusionModels;
import dev.fusionlab.pipeline.BuildInfo;
import dev.fusionlab.pipeline.DatasetFingerprint;
import dev.fusionlab.pipeline.Layouts;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunProvenance;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A FusionLab run on imported embeddings, without FusionLab's encoders: the same {@link RunResult} as a
 * run, so every export, plot and GUI view works on it.
 *
 * <p>Two modalities go through {@link Pipeline#analyse}: classifiers and early/late fusion when labelled,
 * the joint space and retrieval, projections of image, text and fused spaces. One modality is exploration:
 * its space is projected and coloured by label, nothing is trained. The one space is FusionLab's
 * {@link Space#TEXT} when the modality is called {@code text}, else {@link Space#IMAGE}.
 *
 * <p>For the GUI, {@link #openFirstLayout} opens and lays out with PCA (seconds, even at a million
 * points); the GUI then computes UMAP or t-SNE in the background with
 * {@link Pipeline#reproject}, showing progress and intermediate layouts, while the PCA layout stays
 * interactive.
 */
public final class EmbeddingRun {

    private EmbeddingRun() {
    }

    /** Opens the files and runs everything after encoding, as {@code config} says (its dataset and encoders ignored). */
    public static RunResult open(ImportSpec spec, RunConfig config, TaskContext ctx, LiveLayouts live) {
        Map<String, Long> millis = new LinkedHashMap<>();
        ImportedEmbeddings imported = timed(millis, "open", () -> EmbeddingImport.open(spec, ctx));
        return run(imported, configFor(spec, config), millis, ctx, live);
    }

    /**
     * What the GUI's "Open embeddings…" calls: open and lay out every space with PCA, the fast first layout
     * (1M x 384 in seconds); then {@code Pipeline.reproject(result, UMAP, settings, ctx, live)} on a worker
     * adds the UMAP or t-SNE layouts, keeping the PCA ones.
     */
    public static RunResult openFirstLayout(ImportSpec spec, RunConfig config, TaskContext ctx, LiveLayouts live) {
        return open(spec, config.withProjection(ProjectionMethod.PCA), ctx, live);
    }

    /**
     * The run record of imported files: {@code dataset} names the metadata (or the first file), the
     * encoder ids name the embedding files.
     */
    public static RunConfig configFor(ImportSpec spec, RunConfig base) {
        String dataset = (spec.metadata() != null ? spec.metadata() : spec.sources().getFirst().file()).toString();
        String image = spec.sources().getFirst().id();
        String text = spec.sources().size() > 1 ? spec.sources().get(1).id() : "none";
        return base.withDataset(dataset).withEncoders(image, text);
    }

    /** Everything after opening: {@link Pipeline#analyse} for two modalities, exploration for one. */
    public static RunResult run(ImportedEmbeddings imported, RunConfig config, Map<String, Long> earlierStages,
                                TaskContext ctx, LiveLayouts live) {
        if (imported.samples().isEmpty()) {
            throw new EmbeddingFileException(imported.dataset().root(), "no usable row (" + imported.problems().size()
                    + " skipped; first: " + (imported.problems().isEmpty() ? "none" : imported.problems().getFirst()) + ")");
        }
        if (imported.isPaired()) {
            DjlRuntime.init(); // the classifiers and the joint space train on DJL's PyTorch engine
            return Pipeline.analyse(imported.encoded(), config, earlierStages, ctx, live);
        }
        return explore(imported, config, earlierStages, ctx, live);
    }

    /**
     * One modality: its space laid out and coloured by label; no classifier, no joint space. PCA above
     * {@value FirstLayout#SAMPLE_ROWS} rows is fitted on a seeded subsample ({@link FirstLayout}).
     */
    static RunResult explore(ImportedEmbeddings imported, RunConfig config, Map<String, Long> earlierStages,
                             TaskContext ctx, LiveLayouts live) {
        Map<String, Long> millis = new LinkedHashMap<>(earlierStages);
        ImportedEmbeddings.ImportedModality modality = imported.modalities().getFirst();
        Space space = spaceOf(modality.name());
        List<Sample> samples = imported.samples();
        List<String> classes = samples.stream().filter(Sample::isLabelled).map(Sample::label).distinct().sorted().toList();
        Map<String, Integer> classIndex = new java.util.HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            classIndex.put(classes.get(c), c);
        }
        int[] truth = samples.stream().mapToInt(s -> s.isLabelled() ? classIndex.get(s.label()) : -1).toArray();
        Map<Space, float[][]> embeddings = new EnumMap<>(Space.class);
        embeddings.put(space, modality.rows());
        Layouts layouts = timed(millis, "project", () -> config.projection() == ProjectionMethod.PCA
                ? Layouts.of(new ProjectionKey(space, ProjectionMethod.PCA), FirstLayout.pca(modality.rows(), config.seed(), ctx))
                : Pipeline.layOut(embeddings, config, ctx, live));
        String fingerprint = timed(millis, "fingerprint", () -> {
            try {
                return DatasetFingerprint.of(samples);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot fingerprint the dataset: " + e.getMessage(), e);
            }
        });
        RunProvenance provenance = new RunProvenance(fingerprint, List.of(modality.encoder()), Map.of(), BuildInfo.versions());
        return new RunResult(imported.dataset(), classes, samples, truth, embeddings, new EnumMap<>(Strategy.class),
                LateFusionModels.untrained("one modality: exploration only, no classifier was trained"), null,
                Optional.empty(), layouts.points(), config, millis, provenance, null, layouts.explainedVariance());
    }

    /** The FusionLab space that shows a modality alone: TEXT for {@code text}, else IMAGE. */
    public static Space spaceOf(String modality) {
        return modality.equalsIgnoreCase("text") ? Space.TEXT : Space.IMAGE;
    }

    private static <T> T timed(Map<String, Long> millis, String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        millis.merge(stage, (System.nanoTime() - start) / 1_000_000, Long::sum);
        return result;
    }
}
