package dev.fusionlab.spark;

import dev.fusionlab.encode.BundledModels;
import dev.fusionlab.encode.CachingEncoder;
import dev.fusionlab.encode.ContentKey;
import dev.fusionlab.encode.DjlRuntime;
import dev.fusionlab.encode.EmbeddingCache;
import dev.fusionlab.encode.Encoder;
import dev.fusionlab.encode.EncoderCatalog;
import dev.fusionlab.encode.EncoderIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;

/**
 * The encoders of one executor JVM. Encoders are not thread-safe and loading a model costs seconds, so each
 * task borrows a pair (image, text) for its partition and gives it back when the task ends: an executor with
 * {@code n} task slots loads at most {@code n} pairs, once, however many partitions it runs. The models load
 * lazily ({@link dev.fusionlab.encode.LazyEncoder}): a partition that is all in the cache loads none.
 *
 * <p>All pairs of a JVM share one {@link EmbeddingCache} per encoder (its methods are synchronized), so a
 * vector one task computed is a hit for the next; the cache file is the desktop's, keyed the same way
 * ({@link ContentKey#imageFile()}, {@link ContentKey#text()}). A cache file locked by another process (a second
 * executor on the same host, the desktop) is used read-only, as the desktop does.
 */
final class ExecutorEncoders {

    /** One task's encoders, both behind the JVM's shared caches. */
    record Pair(CachingEncoder<Path> images, CachingEncoder<String> texts) {
    }

    private static final Map<JobOptions, Deque<Pair>> FREE = new HashMap<>();
    private static final Map<String, EmbeddingCache> CACHES = new HashMap<>();
    private static final List<Pair> ALL = new ArrayList<>();
    private static boolean hookInstalled;

    private ExecutorEncoders() {
    }

    /** A free pair for these options, built on first need. */
    static synchronized Pair borrow(JobOptions options) {
        Deque<Pair> free = FREE.computeIfAbsent(options, o -> new ArrayDeque<>());
        Pair pair = free.poll();
        if (pair != null) {
            return pair;
        }
        configureRuntime(options);
        try {
            Path cacheDir = options.cacheDir() != null ? Path.of(options.cacheDir())
                    : BundledModels.cacheRoot().resolve("embeddings");
            Encoder<Path> image = EncoderCatalog.lazyImage(options.imageModel(), EncoderCatalog.DEFAULT_IMAGE_BATCH_SIZE);
            Encoder<String> text = EncoderCatalog.lazyText(options.textModel(), EncoderCatalog.DEFAULT_BATCH_SIZE);
            pair = new Pair(new CachingEncoder<>(image, cache(cacheDir, image.identity()), ContentKey.imageFile()),
                    new CachingEncoder<>(text, cache(cacheDir, text.identity()), ContentKey.text()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the encoders " + options.imageModel() + " / "
                    + options.textModel() + ": " + e.getMessage(), e);
        }
        ALL.add(pair);
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExecutorEncoders::closeAll, "fusionlab-encoders-close"));
            hookInstalled = true;
        }
        return pair;
    }

    static synchronized void giveBack(JobOptions options, Pair pair) {
        FREE.computeIfAbsent(options, o -> new ArrayDeque<>()).push(pair);
    }

    /** The JVM's one cache of that encoder in that folder. */
    private static EmbeddingCache cache(Path dir, EncoderIdentity identity) throws IOException {
        String key = dir.toAbsolutePath() + "|" + identity;
        EmbeddingCache cache = CACHES.get(key);
        if (cache == null) {
            cache = EmbeddingCache.open(dir, identity);
            CACHES.put(key, cache);
        }
        return cache;
    }

    /**
     * Threads and model folder, set once per JVM before DJL starts: each encoder computes on
     * {@code threadsPerTask} threads (default {@code spark.task.cpus}), so {@code n} concurrent tasks use the
     * executor's {@code n} cores instead of each one all of them.
     */
    private static void configureRuntime(JobOptions options) {
        if (System.getProperty(DjlRuntime.THREADS_PROPERTY) == null) {
            int threads = options.threadsPerTask();
            if (threads == 0) {
                SparkEnv env = SparkEnv.get();
                threads = env == null ? 1 : env.conf().getInt("spark.task.cpus", 1);
            }
            System.setProperty(DjlRuntime.THREADS_PROPERTY, Integer.toString(threads));
        }
        if (options.modelsDir() != null) {
            System.setProperty(BundledModels.MODELS_PROPERTY, options.modelsDir());
        } else if (System.getProperty(BundledModels.MODELS_PROPERTY) == null) {
            Path shipped = shippedFilesDir();
            if (shipped != null && (Files.isRegularFile(shipped.resolve("mobilenet_v2.pt"))
                    || Files.isRegularFile(shipped.resolve("mobilenet_v2.onnx")))) {
                System.setProperty(BundledModels.MODELS_PROPERTY, shipped.toString()); // spark-submit --files
            }
        }
        DjlRuntime.init();
    }

    private static Path shippedFilesDir() {
        try {
            return SparkEnv.get() == null ? null : Path.of(SparkFiles.getRootDirectory());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static synchronized void closeAll() {
        for (Pair pair : ALL) {
            try {
                pair.images().close();
            } catch (RuntimeException ignored) {
                // closing at JVM exit: the cache file is append-only and heals a torn tail itself
            }
            try {
                pair.texts().close();
            } catch (RuntimeException ignored) {
                // as above
            }
        }
        ALL.clear();
        FREE.clear();
        CACHES.clear();
    }
}
