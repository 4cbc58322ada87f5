package dev.fusionlab.encode;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.fusionlab.task.TaskContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Image encoder for any TorchScript or ONNX vision model that takes {@code [N, 3, S, S]} RGB floats:
 * the bundled MobileNetV2 and user models described by a {@link ModelDescriptor}.
 *
 * <p>Inputs are image file paths: the file is read once here (and hashed once by the cache), so a
 * dataset never has to sit in memory as bytes. Decoding and resizing run in Java into a reused float
 * array per batch (see {@link ImagePreprocessor}); the model sees one tensor per batch. While the
 * model runs one batch, a decoder thread prepares the next into the other of two buffers, so the
 * engine's threads never wait for ImageIO.
 */
public final class ImageEncoder implements Encoder<Path> {

    private static final String STAGE = "encode-image";

    private final ImagePreprocessor preprocessor;
    private final int batchSize;
    private final ZooModel<ImageBatchTranslator.Batch, float[][]> model;
    private final Predictor<ImageBatchTranslator.Batch, float[][]> predictor;
    /** Two batch buffers: the model reads one while the decoder thread fills the other. */
    private final float[][] buffers;
    private final ExecutorService decoder = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("fusionlab-image-decoder").daemon().factory());
    private final boolean normalize;
    private final EncoderIdentity identity;

    private ImageEncoder(String id, String weightsSha256, ImagePreprocessor preprocessor, boolean normalize,
                         int batchSize, ZooModel<ImageBatchTranslator.Batch, float[][]> model) {
        this.preprocessor = preprocessor;
        this.normalize = normalize;
        this.batchSize = Batches.checkBatchSize(batchSize);
        this.model = model;
        this.predictor = model.newPredictor();
        this.buffers = new float[2][batchSize * preprocessor.floatsPerImage()];
        this.identity = new EncoderIdentity(Modality.IMAGE, id, weightsSha256, probeDimension(id));
    }

    /**
     * Loads {@code modelFile} (format from its extension) and runs one blank image through it to learn
     * the embedding size and pay the first-inference cost up front.
     */
    public static ImageEncoder open(String id, Path modelFile, ModelDescriptor descriptor, int batchSize)
            throws IOException {
        descriptor.checkModality(Modality.IMAGE, modelFile);
        String sha = Sha256.hexOf(modelFile);
        ImagePreprocessor preprocessor = new ImagePreprocessor(descriptor.inputSizeOrDefault(),
                descriptor.mean(), descriptor.std(), ModelFormat.of(modelFile).imageLayout());
        var model = ModelLoader.load(modelFile, ImageBatchTranslator.Batch.class, float[][].class,
                new ImageBatchTranslator(descriptor.outputSelector()));
        try {
            ImageEncoder encoder = new ImageEncoder(id, sha, preprocessor, descriptor.normalizeOrDefault(),
                    batchSize, model);
            descriptor.checkDimension(encoder.dimension(), modelFile);
            return encoder;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public EncoderIdentity identity() {
        return identity;
    }

    public int batchSize() {
        return batchSize;
    }

    @Override
    public EncodeResult encode(List<Path> inputs, TaskContext ctx) {
        EncodeResult.Builder result = new EncodeResult.Builder(inputs.size());
        var ahead = new Object() {
            Future<Prepared> next;
            int buffer;
        };
        try {
            Batches.run(inputs.size(), batchSize, STAGE, ctx, (from, to) -> {
                Prepared current = ahead.next == null ? prepare(inputs, from, to, buffers[ahead.buffer])
                        : awaitPrepared(ahead.next);
                ahead.next = null;
                if (to < inputs.size()) {
                    ahead.buffer ^= 1;
                    float[] other = buffers[ahead.buffer];
                    int end = Math.min(inputs.size(), to + batchSize);
                    ahead.next = decoder.submit(() -> prepare(inputs, to, end, other));
                }
                current.failures().forEach(f -> result.fail(f.index(), f.reason()));
                if (current.count() > 0) {
                    float[][] vectors = infer(current.pixels(), current.count(), identity.id());
                    for (int slot = 0; slot < current.count(); slot++) {
                        result.succeed(current.slotToInput()[slot], vectors[slot]);
                    }
                }
            });
        } finally {
            if (ahead.next != null) { // cancelled or failed: let the decoder finish with its buffer first
                awaitQuietly(ahead.next);
            }
        }
        return result.build();
    }

    /** One batch ready for the model: its first {@code count} images, and the inputs that failed. */
    private record Prepared(float[] pixels, int count, int[] slotToInput, List<EncodeResult.Failure> failures) {
    }

    /** Reads and preprocesses inputs {@code [from, to)} into {@code pixels}; bad files become failures. */
    private Prepared prepare(List<Path> inputs, int from, int to, float[] pixels) {
        int[] slotToInput = new int[to - from];
        List<EncodeResult.Failure> failures = new ArrayList<>();
        int count = 0;
        for (int i = from; i < to; i++) {
            Path file = inputs.get(i);
            try {
                preprocessor.write(Files.readAllBytes(file), pixels, count * preprocessor.floatsPerImage());
                slotToInput[count++] = i;
            } catch (IOException | RuntimeException e) {
                failures.add(new EncodeResult.Failure(i, file + ": " + reason(e)));
            }
        }
        return new Prepared(pixels, count, slotToInput, failures);
    }

    private static Prepared awaitPrepared(Future<Prepared> next) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding images", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("decoding images failed: " + e.getCause(), e.getCause());
        }
    }

    private static void awaitQuietly(Future<?> pending) {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // the batch is abandoned anyway
        }
    }

    /** Runs the first {@code count} images of {@code pixels}; {@code id} names the model in errors. */
    private float[][] infer(float[] pixels, int count, String id) {
        try {
            float[][] vectors = predictor.predict(new ImageBatchTranslator.Batch(pixels, count, preprocessor.size(),
                    preprocessor.layout()));
            if (normalize) {
                for (float[] v : vectors) {
                    Vectors.normalize(v);
                }
            }
            return vectors;
        } catch (TranslateException e) {
            throw new IllegalStateException("model " + id + " failed on a batch of " + count + " images", e);
        }
    }

    /** Embedding size, from one blank image; runs before {@link #identity} exists, hence the id. */
    private int probeDimension(String id) {
        BufferedImage blank = new BufferedImage(preprocessor.size(), preprocessor.size(), BufferedImage.TYPE_INT_RGB);
        preprocessor.write(blank, buffers[0], 0);
        return infer(buffers[0], 1, id)[0].length;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "file not found";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        decoder.shutdownNow();
        predictor.close();
        model.close();
    }
}
