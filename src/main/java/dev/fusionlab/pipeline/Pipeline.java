package dev.fusionlab.pipeline;

import dev.fusionlab.align.JointSpace;
import dev.fusionlab.align.JointSpaceSpec;
import dev.fusionlab.align.JointSpaceTrainer;
import dev.fusionlab.classify.ClassifierSpec;
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
import dev.fusionlab.fuse.EarlyFusion;
import dev.fusionlab.fuse.FusionInput;
import dev.fusionlab.fuse.FusionModels;
import dev.fusionlab.fuse.FusionTrainer;
import dev.fusionlab.fuse.LateFusionModels;
import dev.fusionlab.fuse.StackingSpec;
import dev.fusionlab.fuse.StackingTrainer;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionParams;
import dev.fusionlab.project.ProjectionSettings;
import dev.fusionlab.project.Projector;
import dev.fusionlab.project.pca.PcaLayout;
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
        return load(config.dataset(), config.datasetOptions(), ctx);
    }

    /**
     * Reads, validates and splits a dataset folder or file, or the bundled demo for {@link RunConfig#DEMO},
     * with the seed and columns of {@code options} (a run's are {@link RunConfig#datasetOptions()}).
     */
    public static Dataset load(String location, DatasetOptions options, TaskContext ctx) {
        return DatasetLoader.load(datasetPath(RunConfig.defaults().withDataset(location)), options, ctx);
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
     * The run on a dataset already loaded (the workbench loads once, then runs as often as the user
     * likes): encode, then {@link #analyse}. {@code dataset} should have been loaded with
     * {@code config.datasetOptions()}, which decide its splits.
     */
    public RunResult run(Dataset dataset, RunConfig config, TaskContext ctx, LiveLayouts live) {
        return run(dataset, config, Map.of(), ctx, live);
    }

    /**
     * As {@link #run(Dataset, RunConfig, TaskContext, LiveLayouts)} after stages already timed. Refuses,
     * before encoding, a dataset whose run would not fit in the heap ({@link RunBudget}).
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

        Map<Space, float[][]> embeddings = new EnumMap<>(Space.class);
        embeddings.put(Space.IMAGE, encoded.image());
        embeddings.put(Space.TEXT, encoded.text());
        Map<dev.fusionlab.classify.Strategy, float[][]> probabilities = new EnumMap<>(dev.fusionlab.classify.Strategy.class);
        Map<dev.fusionlab.classify.Strategy, dev.fusionlab.classify.ClassifierProvenance> classifiers = Map.of();
        LateFusionModels late = LateFusionModels.untrained("unlabelled dataset: no classifier was trained");
        FusionModels trained = null;
        if (classes.size() >= 2) {
            FusionInput input = new FusionInput(encoded.image(), encoded.text(), truth, splits, classes);
            if (config.combiner().isTrained()) { // fail before training, not after
                StackingTrainer.unavailableReason(input).ifPresent(reason -> {
                    throw new IllegalArgumentException(reason + ": choose another late-fusion combiner");
                });
            }
            ClassifierSpec spec = ClassifierSpec.defaults(config.classifier(), config.seed());
            StackingSpec stackingSpec = config.combiner().isTrained() ? StackingSpec.defaults() : null;
            FusionModels models = timed(millis, "train", () -> FusionTrainer.train(input, spec, stackingSpec, ctx));
            embeddings.put(Space.FUSED, models.fused());
            late = models.late();
            probabilities.putAll(models.probabilities(late.resolve(config.combiner(), config.imageWeight()).fusion()));
            classifiers = models.provenance();
            trained = models;
        } else { // exploration only (captions files, a single class): the joint space needs no labels
            ctx.report("train", 1, classes.isEmpty() ? "skipped: no labels (exploration and retrieval only)"
                    : "skipped: one class only (" + classes.getFirst() + "), nothing to classify");
            embeddings.put(Space.FUSED, encoded.fused());
        }
        JointSpace jointSpace = timed(millis, "align", () -> jointSpace(encoded, splits, config, ctx));

        Layouts layouts = timed(millis, "project", () -> layOut(embeddings, config, ctx, live));
        String fingerprint = timed(millis, "fingerprint", () -> fingerprint(samples));
        RunProvenance provenance = new RunProvenance(fingerprint, encoded.encoders(), classifiers, BuildInfo.versions());
        Dataset withAllProblems = new Dataset(dataset.root(), dataset.name(), dataset.samples(), encoded.problems());
        return new RunResult(withAllProblems, classes, samples, truth, embeddings, probabilities, late, jointSpace,
                RunResult.scoreRetrieval(jointSpace, samples, embeddings), layouts.points(), config, millis, provenance, trained,
                layouts.explainedVariance());
    }

    /**
     * One image found by {@link #searchImages}.
     *
     * @param row        the sample's row in the encoded dataset (or run)
     * @param sample     the sample
     * @param similarity cosine similarity of its image to the query in the joint space
     */
    public record ImageHit(int row, Sample sample, double similarity) {
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
        return nearestImages(space, encoded.image(), encoded.samples(),
                encodeText(config.textEncoder(), query, ctx), k);
    }

    /**
     * Cross-modal retrieval in a finished run: {@code query} through the run's text encoder, then the
     * {@code k} images of the run nearest to it in the run's joint space, best first. Nothing is trained.
     *
     * @throws IllegalArgumentException when the run has no joint space or the query cannot be encoded
     */
    public List<ImageHit> searchImages(RunResult run, String query, int k, TaskContext ctx) {
        if (run.jointSpace() == null) {
            throw new IllegalArgumentException("this run has no joint space (fewer than 2 training pairs)");
        }
        return nearestImages(run.jointSpace(), run.embeddings().get(Space.IMAGE), run.samples(),
                encodeText(run.config().textEncoder(), query, ctx), k);
    }

    /**
     * The {@code k} images nearest to a raw text embedding in {@code space}, best first: the search
     * maths, in one place.
     *
     * @param images  raw image embeddings, row {@code i} of {@code samples}
     * @param rawText the query's raw text embedding (as the run's text encoder gives it)
     */
    public static List<ImageHit> nearestImages(JointSpace space, float[][] images, List<Sample> samples,
                                               float[] rawText, int k) {
        float[] point = space.embedText(rawText);
        float[][] gallery = space.embedImages(images);
        List<ImageHit> hits = new ArrayList<>();
        for (int row : JointSpace.nearest(point, gallery, k)) {
            hits.add(new ImageHit(row, samples.get(row), JointSpace.similarity(point, gallery[row])));
        }
        return hits;
    }

    /**
     * One caption found by {@link #nearestCaptions}.
     *
     * @param row        the caption's sample row in the run
     * @param sample     the sample the caption belongs to
     * @param similarity cosine similarity of the caption to the query image in the joint space
     */
    public record NearCaption(int row, Sample sample, double similarity) {
    }

    /**
     * Image-to-text retrieval, the other direction of {@link #nearestImages}: the {@code k} captions
     * nearest to a raw image embedding in {@code space}, best first.
     *
     * @param texts    raw text embeddings, row {@code i} of {@code samples}
     * @param rawImage the query's raw image embedding (as the run's image encoder gives it)
     */
    public static List<NearCaption> nearestCaptions(JointSpace space, float[][] texts, List<Sample> samples,
                                                   float[] rawImage, int k) {
        float[] point = space.embedImage(rawImage);
        float[][] gallery = space.embedTexts(texts);
        List<NearCaption> hits = new ArrayList<>();
        for (int row : JointSpace.nearest(point, gallery, k)) {
            hits.add(new NearCaption(row, samples.get(row), JointSpace.similarity(point, gallery[row])));
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
        Layouts layouts = layOut(result.embeddings(), config, ctx, live);
        Map<ProjectionKey, double[][]> projections = new LinkedHashMap<>(result.projections());
        projections.putAll(layouts.points());
        return result.withProjections(config, projections, layouts.explainedVariance());
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

    /**
     * Projects each embedding space with the configured method; a PCA layout comes with the share of the
     * variance its axes show, computed here on the worker so that no view has to.
     */
    public static Layouts layOut(Map<Space, float[][]> embeddings, RunConfig config, TaskContext ctx, LiveLayouts live) {
        Map<ProjectionKey, double[][]> points = new LinkedHashMap<>();
        Map<ProjectionKey, double[]> variance = new LinkedHashMap<>();
        ProjectionParams params = ProjectionParams.of(config.seed(), config.projectionSettings());
        for (Map.Entry<Space, float[][]> e : embeddings.entrySet()) {
            ProjectionKey key = new ProjectionKey(e.getKey(), config.projection());
            ctx.report("project", -1, key.fileStem());
            if (config.projection() == ProjectionMethod.PCA) {
                PcaLayout layout = PcaLayout.fit(e.getValue(), params.seed(), params.threads(), ctx);
                points.put(key, layout.points());
                if (layout.varianceRatios() != null) {
                    variance.put(key, layout.varianceRatios());
                }
            } else {
                points.put(key, Projector.project(e.getValue(), config.projection(), params,
                        ctx, (step, total, xy) -> live.onLayout(key, step, total, xy)));
            }
        }
        return new Layouts(points, variance);
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
        return new EncodedDataset.EncoderInfo(modality, e.id(), e.weightsSha256(), e.dimension(), hits, misses,
                e.pipeline());
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
