package dev.fusionlab.pipeline;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.DatasetLoader;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.data.DemoDataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.data.Split;
import dev.fusionlab.encode.BundledModels;
import dev.fusionlab.encode.CachingEncoder;
import dev.fusionlab.encode.ContentKey;
import dev.fusionlab.encode.DjlRuntime;
import dev.fusionlab.encode.EmbeddingCache;
import dev.fusionlab.encode.EncodeResult;
import dev.fusionlab.encode.Encoder;
import dev.fusionlab.encode.EncoderCatalog;
import dev.fusionlab.fuse.ClassifierSpec;
import dev.fusionlab.fuse.EarlyFusion;
import dev.fusionlab.fuse.FusionInput;
import dev.fusionlab.fuse.FusionModels;
import dev.fusionlab.fuse.FusionTrainer;
import dev.fusionlab.fuse.JointSpace;
import dev.fusionlab.fuse.JointSpaceSpec;
import dev.fusionlab.fuse.JointSpaceTrainer;
import dev.fusionlab.fuse.StackingOutcome;
import dev.fusionlab.fuse.StackingSpec;
import dev.fusionlab.fuse.StackingTrainer;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionParams;
import dev.fusionlab.project.ProjectionSettings;
import dev.fusionlab.project.Projector;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run of FusionLab, stage by stage: load the dataset, encode images and texts (through the on-disk
 * embedding cache), train the unimodal, early- and late-fusion classifiers, project the three embedding
 * spaces to 2D. The GUI and the CLI both drive this class; it never touches either.
 *
 * <p>Opened encoders are kept for the next run (loading a model takes seconds); close the pipeline to
 * release them. Not thread-safe: one run at a time.
 */
public final class Pipeline implements AutoCloseable {

    private final Path embeddingCacheDir;
    private final int imageBatchSize;
    private final int textBatchSize;
    private final Map<String, CachingEncoder<Path>> imageEncoders = new HashMap<>();
    private final Map<String, CachingEncoder<String>> textEncoders = new HashMap<>();

    public Pipeline(Path embeddingCacheDir, int imageBatchSize, int textBatchSize) {
        DjlRuntime.init();
        this.embeddingCacheDir = embeddingCacheDir;
        this.imageBatchSize = imageBatchSize;
        this.textBatchSize = textBatchSize;
    }

    /** Embedding cache under {@code ~/.cache/fusionlab/embeddings} (or {@code -Dfusionlab.cache}), default batch sizes. */
    public static Pipeline withDefaults() {
        return new Pipeline(BundledModels.cacheRoot().resolve("embeddings"), EncoderCatalog.DEFAULT_IMAGE_BATCH_SIZE,
                EncoderCatalog.DEFAULT_BATCH_SIZE);
    }

    /** Where {@code config.dataset()} points: the bundled demo for {@code demo}, else the path. */
    public static Path datasetPath(RunConfig config) {
        return RunConfig.DEMO.equalsIgnoreCase(config.dataset()) ? DemoDataset.locate() : Path.of(config.dataset());
    }

    /** Reads, validates and splits the dataset; bad samples are listed in {@link Dataset#problems()}. */
    public Dataset load(RunConfig config, TaskContext ctx) {
        DatasetOptions options = DatasetOptions.defaults().withSeed(config.seed())
                .withTextColumn(config.textColumn()).withLabelColumn(config.labelColumn());
        return DatasetLoader.load(datasetPath(config), options, ctx);
    }

    /** Loads and encodes. */
    public EncodedDataset encode(RunConfig config, TaskContext ctx) {
        return encode(load(config, ctx), config, ctx);
    }

    /** Encodes every sample with both encoders; a sample either encoder fails on becomes a problem. */
    public EncodedDataset encode(Dataset dataset, RunConfig config, TaskContext ctx) {
        List<Sample> samples = dataset.samples();
        CachingEncoder<Path> imageEncoder = imageEncoder(config.imageEncoder());
        CachingEncoder<String> textEncoder = textEncoder(config.textEncoder());
        long imageHits = imageEncoder.hits();
        long imageMisses = imageEncoder.misses();
        long textHits = textEncoder.hits();
        long textMisses = textEncoder.misses();
        EncodeResult images = imageEncoder.encode(samples.stream().map(Sample::image).toList(), ctx);
        EncodeResult texts = textEncoder.encode(samples.stream().map(Sample::text).toList(), ctx);

        List<Sample> kept = new ArrayList<>();
        List<float[]> imageRows = new ArrayList<>();
        List<float[]> textRows = new ArrayList<>();
        List<SampleProblem> problems = new ArrayList<>(dataset.problems());
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (!images.succeeded(i)) {
                problems.add(new SampleProblem(s.id(), s.image(), "image could not be encoded: " + images.failure(i).orElseThrow()));
            } else if (!texts.succeeded(i)) {
                problems.add(new SampleProblem(s.id(), null, "text could not be encoded: " + texts.failure(i).orElseThrow()));
            } else {
                kept.add(s);
                imageRows.add(images.vector(i));
                textRows.add(texts.vector(i));
            }
        }
        List<EncodedDataset.EncoderInfo> encoders = List.of(
                info("image", imageEncoder, imageEncoder.hits() - imageHits, imageEncoder.misses() - imageMisses),
                info("text", textEncoder, textEncoder.hits() - textHits, textEncoder.misses() - textMisses));
        return new EncodedDataset(dataset, kept, imageRows.toArray(float[][]::new), textRows.toArray(float[][]::new),
                problems, encoders);
    }

    /** The whole run: load, encode, train and evaluate-ready probabilities, projections of all three spaces. */
    public RunResult run(RunConfig config, TaskContext ctx) {
        return run(config, ctx, LiveLayouts.NONE);
    }

    /** As {@link #run(RunConfig, TaskContext)}, showing intermediate layouts of iterative projections to {@code live}. */
    public RunResult run(RunConfig config, TaskContext ctx, LiveLayouts live) {
        Map<String, Long> millis = new LinkedHashMap<>();
        Dataset dataset = timed(millis, "load", () -> load(config, ctx));
        return run(dataset, config, millis, ctx, live);
    }

    /**
     * The run of a dataset loaded already. Refuses, before encoding, a dataset whose run would not fit
     * in the heap ({@link RunBudget}).
     */
    public RunResult run(Dataset dataset, RunConfig config, Map<String, Long> earlierStages, TaskContext ctx,
                         LiveLayouts live) {
        Map<String, Long> millis = new LinkedHashMap<>(earlierStages);
        new RunBudget(dataset.samples().size(), imageEncoder(config.imageEncoder()).dimension(),
                textEncoder(config.textEncoder()).dimension(), config.projection(), config.projectionSettings())
                .require(datasetPath(config).toString());
        EncodedDataset encoded = timed(millis, "encode", () -> encode(dataset, config, ctx));
        return analyse(encoded, config, millis, ctx, live);
    }

    /**
     * Everything after encoding, on embeddings from anywhere (FusionLab's encoders, files made elsewhere,
     * a synthetic generator): train and evaluate-ready probabilities when labelled, the joint space,
     * projections of all three spaces.
     *
     * @param earlierStages wall time of the stages already run (load, encode), in order
     */
    public static RunResult analyse(EncodedDataset encoded, RunConfig config, Map<String, Long> earlierStages,
                                    TaskContext ctx, LiveLayouts live) {
        Map<String, Long> millis = new LinkedHashMap<>(earlierStages);
        Dataset dataset = encoded.dataset();
        List<Sample> samples = encoded.samples();
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(datasetPath(config) + ": no usable sample (" + encoded.problems().size()
                    + " skipped; first: " + (encoded.problems().isEmpty() ? "none" : encoded.problems().getFirst()) + ")");
        }

        List<String> classes = classesOf(samples);
        int[] truth = samples.stream().mapToInt(s -> s.isLabelled() ? classes.indexOf(s.label()) : -1).toArray();
        Split[] splits = samples.stream().map(Sample::split).toArray(Split[]::new);
        FusionInput input = new FusionInput(encoded.image(), encoded.text(), truth, splits, classes);

        Map<Space, float[][]> embeddings = new EnumMap<>(Space.class);
        embeddings.put(Space.IMAGE, encoded.image());
        embeddings.put(Space.TEXT, encoded.text());
        Map<dev.fusionlab.fuse.Strategy, float[][]> probabilities = new EnumMap<>(dev.fusionlab.fuse.Strategy.class);
        Map<dev.fusionlab.fuse.Strategy, dev.fusionlab.fuse.ClassifierProvenance> classifiers = Map.of();
        StackingOutcome stacking = StackingOutcome.skipped("unlabelled dataset: no classifier was trained");
        if (classes.size() >= 2) {
            if (config.combiner().isTrained()) { // fail before training, not after
                StackingTrainer.unavailableReason(input).ifPresent(reason -> {
                    throw new IllegalArgumentException(reason + ": choose another late-fusion combiner");
                });
            }
            ClassifierSpec spec = ClassifierSpec.defaults(config.classifier(), config.seed());
            StackingSpec stackingSpec = config.combiner().isTrained() ? StackingSpec.defaults() : null;
            FusionModels models = timed(millis, "train", () -> FusionTrainer.train(input, spec, stackingSpec, ctx));
            embeddings.put(Space.FUSED, models.fused());
            probabilities.putAll(models.probabilities(config.combiner(), config.imageWeight()));
            classifiers = models.provenance();
            stacking = models.stacking();
        } else { // exploration only: the joint space needs no labels
            embeddings.put(Space.FUSED, encoded.joint());
        }
        JointSpace jointSpace = timed(millis, "align", () -> jointSpace(encoded, splits, config, ctx));

        Map<ProjectionKey, double[][]> projections = timed(millis, "project",
                () -> project(embeddings, config, ctx, live));
        String fingerprint = timed(millis, "fingerprint", () -> fingerprint(samples));
        RunProvenance provenance = new RunProvenance(fingerprint, encoded.encoders(), classifiers, BuildInfo.versions());
        Dataset withAllProblems = new Dataset(dataset.root(), dataset.name(), dataset.samples(), encoded.problems());
        return new RunResult(withAllProblems, classes, samples, truth, embeddings, probabilities, stacking, jointSpace,
                RunResult.scoreRetrieval(jointSpace, samples, embeddings), projections, config, millis, provenance);
    }

    /** One image found by {@link #searchImages}: the sample and its cosine similarity to the query. */
    public record ImageHit(Sample sample, double similarity) {
    }

    /**
     * Cross-modal retrieval without a whole run: loads and encodes the dataset (from the cache after a
     * first run), learns its joint space and returns the {@code k} images nearest to {@code query}, best
     * first. No classifier is trained and nothing is projected.
     *
     * @throws IllegalArgumentException when the dataset has fewer than 2 training pairs or the query
     *                                  cannot be encoded
     */
    public List<ImageHit> searchImages(RunConfig config, String query, int k, TaskContext ctx) {
        EncodedDataset encoded = encode(config, ctx);
        Split[] splits = encoded.samples().stream().map(Sample::split).toArray(Split[]::new);
        JointSpace space = jointSpace(encoded, splits, config, ctx);
        if (space == null) {
            throw new IllegalArgumentException(datasetPath(config) + ": a joint space needs at least 2 training pairs");
        }
        float[] point = space.embedText(encodeText(config.textEncoder(), query, ctx));
        float[][] gallery = space.embedImages(encoded.image());
        List<ImageHit> hits = new ArrayList<>();
        for (int row : JointSpace.nearest(point, gallery, k)) {
            hits.add(new ImageHit(encoded.samples().get(row), JointSpace.similarity(point, gallery[row])));
        }
        return hits;
    }

    /**
     * The image-text joint space for cross-modal retrieval, learned from the training pairs (labels not
     * needed); null when the training split has fewer than 2 pairs.
     */
    private static JointSpace jointSpace(EncodedDataset encoded, Split[] splits, RunConfig config, TaskContext ctx) {
        int[] trainRows = rowsOf(splits, Split.TRAIN);
        if (trainRows.length < 2) {
            ctx.report(JointSpaceTrainer.STAGE, 1, "skipped: fewer than 2 training pairs");
            return null;
        }
        EarlyFusion normalisation = EarlyFusion.fit(encoded.image(), encoded.text(), trainRows);
        return JointSpaceTrainer.train(encoded.image(), encoded.text(), normalisation, trainRows,
                rowsOf(splits, Split.VALIDATION), JointSpaceSpec.defaults(config.seed()), ctx);
    }

    private static int[] rowsOf(Split[] splits, Split wanted) {
        return java.util.stream.IntStream.range(0, splits.length).filter(i -> splits[i] == wanted).toArray();
    }

    /**
     * The same run laid out again with another projection method or settings: encoders and classifiers
     * untouched, so it takes seconds. Layouts of other methods are kept, so the user can flip between them.
     */
    public static RunResult reproject(RunResult result, ProjectionMethod method, ProjectionSettings settings,
                                      TaskContext ctx, LiveLayouts live) {
        RunConfig config = result.config().withProjection(method,
                ownSettings(method, settings, result.config().projectionSettings()));
        Map<ProjectionKey, double[][]> projections = new LinkedHashMap<>(result.projections());
        projections.putAll(project(result.embeddings(), config, ctx, live));
        return result.withProjections(config, projections);
    }

    /**
     * The settings {@code method} reads taken from {@code asked}, the others kept from {@code before}: the
     * layouts kept from earlier were made with those, and the run's record must say so.
     */
    private static ProjectionSettings ownSettings(ProjectionMethod method, ProjectionSettings asked,
                                                  ProjectionSettings before) {
        return switch (method) {
            case PCA -> before;
            case TSNE -> new ProjectionSettings(asked.tsnePerplexity(), before.umapNeighbors(), before.umapMinDist());
            case UMAP -> new ProjectionSettings(before.tsnePerplexity(), asked.umapNeighbors(), asked.umapMinDist());
        };
    }

    /** Projects each embedding space with the configured method. */
    public static Map<ProjectionKey, double[][]> project(Map<Space, float[][]> embeddings, RunConfig config,
                                                         TaskContext ctx, LiveLayouts live) {
        Map<ProjectionKey, double[][]> projections = new LinkedHashMap<>();
        for (Map.Entry<Space, float[][]> e : embeddings.entrySet()) {
            ProjectionKey key = new ProjectionKey(e.getKey(), config.projection());
            ctx.report("project", -1, key.fileStem());
            projections.put(key, Projector.project(e.getValue(), config.projection(),
                    ProjectionParams.of(config.seed(), config.projectionSettings()),
                    ctx, (step, total, xy) -> live.onLayout(key, step, total, xy)));
        }
        return projections;
    }

    private static List<String> classesOf(List<Sample> samples) {
        return samples.stream().filter(Sample::isLabelled).map(Sample::label).distinct().sorted().toList();
    }

    private static String fingerprint(List<Sample> samples) {
        try {
            return DatasetFingerprint.of(samples);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint the dataset: " + e.getMessage(), e);
        }
    }

    /**
     * One text through the text encoder {@code encoderId} (opened once, then kept): the raw embedding a
     * {@link JointSpace} maps to find images by meaning.
     *
     * @throws IllegalArgumentException when the encoder cannot encode it, with the reason
     */
    public float[] encodeText(String encoderId, String text, TaskContext ctx) {
        EncodeResult result = textEncoder(encoderId).encode(List.of(text), ctx);
        if (!result.succeeded(0)) {
            throw new IllegalArgumentException("cannot encode the query: " + result.failure(0).orElseThrow());
        }
        return result.vector(0);
    }

    private CachingEncoder<Path> imageEncoder(String id) {
        return imageEncoders.computeIfAbsent(id, key -> cached(() -> EncoderCatalog.openImage(key, imageBatchSize), ContentKey.imageFile()));
    }

    private CachingEncoder<String> textEncoder(String id) {
        return textEncoders.computeIfAbsent(id, key -> cached(() -> EncoderCatalog.openText(key, textBatchSize), ContentKey.text()));
    }

    private <I> CachingEncoder<I> cached(EncoderOpener<I> opener, ContentKey<I> key) {
        try {
            Encoder<I> encoder = opener.open();
            try {
                return new CachingEncoder<>(encoder, EmbeddingCache.open(embeddingCacheDir, encoder), key);
            } catch (IOException | RuntimeException e) {
                encoder.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static EncodedDataset.EncoderInfo info(String modality, Encoder<?> e, long hits, long misses) {
        return new EncodedDataset.EncoderInfo(modality, e.id(), e.weightsSha256(), e.dimension(), hits, misses);
    }

    private static <T> T timed(Map<String, Long> millis, String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        millis.merge(stage, (System.nanoTime() - start) / 1_000_000, Long::sum);
        return result;
    }

    @Override
    public void close() {
        imageEncoders.values().forEach(CachingEncoder::close);
        textEncoders.values().forEach(CachingEncoder::close);
        imageEncoders.clear();
        textEncoders.clear();
    }

    @FunctionalInterface
    private interface EncoderOpener<I> {
        Encoder<I> open() throws IOException;
    }
}
