package dev.fusionlab.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fusionlab.data.DatasetOptions;
import dev.fusionlab.data.DemoDataset;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.encode.EncoderCatalog;
import dev.fusionlab.encode.EncoderIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * FusionLab's encoding as a Spark job: reads a dataset (any layout the desktop opens, or {@code demo}),
 * spreads its rows over partitions, encodes them on the executors with the desktop's encoders and cache, and
 * writes
 * <ul>
 *   <li>{@code <out>/embeddings/part-*.parquet}: one row per encoded item, {@code id, image, text, label,
 *       split, group}, the dataset's other columns, {@code image_embedding} and {@code text_embedding}
 *       ({@code array<float>}), in the dataset's order; {@code app/fusionlab run --embeddings <out>/embeddings}
 *       opens the folder;</li>
 *   <li>{@code <out>/errors/part-*.parquet}: {@code id, image, error} for every item left out;</li>
 *   <li>{@code <out>/encoding.json}: {@code schema_version}, the encoders (id, weights sha256, dimension),
 *       counts and timing.</li>
 * </ul>
 * Run it with {@code spark-submit --class dev.fusionlab.spark.SparkEncodeJob ...} (docs/spark.md); without a
 * master set it runs in {@code local[*]}.
 */
@Command(name = "fusionlab-spark-encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Encodes a dataset with FusionLab's encoders on Spark and writes Parquet shards.")
public final class SparkEncodeJob implements Callable<Integer> {

    public static final int SCHEMA_VERSION = 1;
    public static final String EMBEDDINGS_DIR = "embeddings";
    public static final String ERRORS_DIR = "errors";
    public static final String MANIFEST = "encoding.json";

    @Option(names = "--dataset", required = true, paramLabel = "<path>|demo",
            description = "Dataset folder or file, as the desktop opens it, or 'demo'.")
    String dataset;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder (local, shared or hdfs://...).")
    String out;

    @Option(names = "--image-model", description = "Image encoder id (default ${DEFAULT-VALUE}).",
            defaultValue = EncoderCatalog.DEFAULT_IMAGE)
    String imageModel;

    @Option(names = "--text-model", description = "Text encoder id (default ${DEFAULT-VALUE}).",
            defaultValue = EncoderCatalog.DEFAULT_TEXT)
    String textModel;

    @Option(names = "--partitions", description = "Partitions (default: one per 500 rows, at least the cluster's parallelism).")
    int partitions;

    @Option(names = "--cache-dir", paramLabel = "<dir>",
            description = "Embedding cache folder on the executors; shared, they reuse each other's vectors (default: ~/.cache/fusionlab/embeddings).")
    String cacheDir;

    @Option(names = "--models-dir", paramLabel = "<dir>",
            description = "Folder with mobilenet_v2.pt/.onnx on the executors (default: files shipped with --files, else assets/models).")
    String modelsDir;

    @Option(names = "--rows-per-batch", defaultValue = "64", description = "Rows per encoder call (default ${DEFAULT-VALUE}).")
    int rowsPerBatch;

    @Option(names = "--threads-per-task", defaultValue = "0", description = "Compute threads per task (default: spark.task.cpus).")
    int threadsPerTask;

    @Option(names = "--text-column", defaultValue = DatasetOptions.DEFAULT_TEXT_COLUMN, description = "Text column of a manifest.")
    String textColumn;

    @Option(names = "--label-column", defaultValue = DatasetOptions.DEFAULT_LABEL_COLUMN, description = "Label column of a manifest.")
    String labelColumn;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the train/validation/test split (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit", defaultValue = "0", description = "Encode only the first N rows (0: all).")
    int limit;

    @Option(names = "--overwrite", description = "Replace an existing output.")
    boolean overwrite;

    /** What one job does. */
    public record Request(Path dataset, String out, JobOptions options, DatasetOptions datasetOptions, int partitions,
                          int limit, boolean overwrite) {
    }

    /** What one job did. */
    public record Summary(long rows, long encoded, long errors, int partitions, double encodeSeconds,
                          double totalSeconds, EncoderIdentity image, EncoderIdentity text) {
        public double rowsPerSecond() {
            return rows / Math.max(encodeSeconds, 1e-9);
        }
    }

    public static void main(String[] args) {
        int code = new CommandLine(new SparkEncodeJob()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        Path source = "demo".equalsIgnoreCase(dataset) ? DemoDataset.locate() : Path.of(dataset);
        Request request = new Request(source, out,
                new JobOptions(imageModel, textModel, cacheDir, modelsDir, rowsPerBatch, threadsPerTask),
                DatasetOptions.defaults().withTextColumn(textColumn).withLabelColumn(labelColumn).withSeed(seed),
                partitions, limit, overwrite);
        SparkSession.Builder builder = SparkSession.builder().appName("fusionlab-encode");
        org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf();
        if (!conf.contains("spark.master")) {
            builder.master("local[*]"); // plain java -cp: a laptop run; spark-submit always sets a master
        }
        if (!conf.contains("spark.log.level")) {
            builder.config("spark.log.level", "WARN"); // --conf spark.log.level=INFO shows Spark's own progress
        }
        long sessionStart = System.nanoTime();
        SparkSession spark = builder.getOrCreate();
        double sessionSeconds = (System.nanoTime() - sessionStart) / 1e9;
        try {
            Summary s = run(spark, request);
            System.out.printf("fusionlab-spark: %d rows, %d encoded, %d errors, %d partitions, session start %.1f s, "
                            + "encode %.1f s (%.1f rows/s), total %.1f s -> %s%n", s.rows(), s.encoded(), s.errors(),
                    s.partitions(), sessionSeconds, s.encodeSeconds(), s.rowsPerSecond(), s.totalSeconds(), out);
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** Reads, encodes and writes; see the class comment for the output. */
    public static Summary run(SparkSession spark, Request request) {
        long start = System.nanoTime();
        EncodeRows.Input input = EncodeRows.read(request.dataset(), request.datasetOptions(), request.limit());
        EncoderIdentity image = identity(request.options(), true);
        EncoderIdentity text = identity(request.options(), false);
        StructType outSchema = EncodeRows.outputSchema(input.schema(), image, text);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parallelism = jsc.defaultParallelism();
        int partitions = request.partitions() > 0 ? request.partitions()
                : Math.max(1, Math.max(parallelism, (input.rows().size() + 499) / 500));
        partitions = Math.max(1, Math.min(partitions, Math.max(1, input.rows().size())));
        JavaRDD<Row> rdd = jsc.parallelize(input.rows(), partitions); // contiguous slices: shards keep the order
        Dataset<Row> rows = spark.createDataFrame(rdd, input.schema());
        PartitionEncoder encoder = new PartitionEncoder(request.options(), input.schema().fieldIndex(EncodeRows.IMAGE),
                input.schema().fieldIndex(EncodeRows.TEXT));
        Dataset<Row> encoded = rows.mapPartitions(encoder, Encoders.row(outSchema))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long encodeStart = System.nanoTime();
            long total = encoded.count(); // encodes every row once; the writes below read the persisted rows
            double encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;
            SaveMode mode = request.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            encoded.filter(encoded.col(EncodeRows.ERROR).isNull()).drop(EncodeRows.ERROR)
                    .write().mode(mode).parquet(child(request.out(), EMBEDDINGS_DIR));
            Dataset<Row> failed = encoded.filter(encoded.col(EncodeRows.ERROR).isNotNull())
                    .select(EncodeRows.ID, EncodeRows.IMAGE, EncodeRows.ERROR);
            Dataset<Row> errors = failed.union(spark.createDataFrame(problemRows(input.problems()), failed.schema()))
                    .coalesce(1);
            errors.write().mode(mode).parquet(child(request.out(), ERRORS_DIR));
            long errorCount = failed.count() + input.problems().size();
            Summary summary = new Summary(total + input.problems().size(), total - failed.count(), errorCount, partitions,
                    encodeSeconds, (System.nanoTime() - start) / 1e9, image, text);
            writeManifest(spark, request, summary);
            return summary;
        } finally {
            encoded.unpersist();
        }
    }

    /** The encoder's identity, known without loading the model for the bundled ones (and described user models). */
    private static EncoderIdentity identity(JobOptions options, boolean image) {
        try (var e = image ? EncoderCatalog.lazyImage(options.imageModel(), 1) : EncoderCatalog.lazyText(options.textModel(), 1)) {
            return e.identity();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open encoder " + (image ? options.imageModel() : options.textModel())
                    + ": " + e.getMessage(), e);
        }
    }

    private static List<Row> problemRows(List<SampleProblem> problems) {
        List<Row> rows = new ArrayList<>(problems.size());
        for (SampleProblem p : problems) {
            rows.add(RowFactory.create(p.id(), p.file() == null ? null : p.file().toAbsolutePath().toString(), p.reason()));
        }
        return rows;
    }

    private static void writeManifest(SparkSession spark, Request request, Summary s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("dataset", request.dataset().toAbsolutePath().toString());
        root.put("embeddings", EMBEDDINGS_DIR);
        root.put("errors", ERRORS_DIR);
        root.put("image_encoder", encoder(s.image(), EncodeRows.IMAGE_EMBEDDING));
        root.put("text_encoder", encoder(s.text(), EncodeRows.TEXT_EMBEDDING));
        root.put("rows", s.rows());
        root.put("encoded", s.encoded());
        root.put("error_count", s.errors());
        root.put("partitions", s.partitions());
        root.put("split_seed", request.datasetOptions().seed());
        root.put("limit", request.limit());
        root.put("cache_dir", request.options().cacheDir());
        root.put("spark_version", spark.version());
        root.put("master", spark.sparkContext().master());
        root.put("default_parallelism", spark.sparkContext().defaultParallelism());
        root.put("encode_seconds", Math.round(s.encodeSeconds() * 1000) / 1000.0);
        root.put("total_seconds", Math.round(s.totalSeconds() * 1000) / 1000.0);
        String target = child(request.out(), MANIFEST);
        try {
            byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
            FileSystem fs = FileSystem.get(URI.create(target), spark.sparkContext().hadoopConfiguration());
            try (OutputStream o = fs.create(new org.apache.hadoop.fs.Path(target), true)) {
                o.write(json);
                o.write("\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> encoder(EncoderIdentity e, String column) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("weights_sha256", e.weightsSha256());
        m.put("dimension", e.dimension());
        m.put("pipeline", e.pipeline());
        m.put("column", column);
        return m;
    }

    /** {@code parent/name} for a local path or a URI. */
    private static String child(String parent, String name) {
        if (parent.contains("://")) {
            return parent.endsWith("/") ? parent + name : parent + "/" + name;
        }
        return Path.of(parent).toAbsolutePath().resolve(name).toString();
    }
}
