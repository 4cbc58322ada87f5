package dev.fusionlab.encode;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.fusionlab.task.TaskContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Image encoder for any TorchScript or ONNX vision model that takes {@code [N, 3, S, S]} RGB floats:
 * the bundled MobileNetV2 and user models described by a {@link ModelDescriptor}.
 *
 * <p>Inputs are image file paths: the file is read once here (and hashed once by the cache), so a
 * dataset never has to sit in memory as bytes. Decoding and resizing run in Java into one reused
 * float array per batch (see {@link ImagePreprocessor}); the model sees one tensor per batch.
 */
public final class ImageEncoder implements Encoder<Path> {

    private static final String STAGE = "encode-image";

    private final ImagePreprocessor preprocessor;
    private final int batchSize;
    private final ZooModel<ImageBatchTranslator.Batch, float[][]> model;
    private final Predictor<ImageBatchTranslator.Batch, float[][]> predictor;
    private final float[] pixels;
    private final boolean normalize;
    private final EncoderIdentity identity;

    private ImageEncoder(String id, String weightsSha256, String pipeline, ImagePreprocessor preprocessor,
                         boolean normalize, int batchSize, ZooModel<ImageBatchTranslator.Batch, float[][]> model) {
        this.preprocessor = preprocessor;
        this.normalize = normalize;
        this.batchSize = Batches.checkBatchSize(batchSize);
        this.model = model;
        this.predictor = model.newPredictor();
        this.pixels = new float[batchSize * preprocessor.floatsPerImage()];
        this.identity = new EncoderIdentity(Modality.IMAGE, id, weightsSha256, probeDimension(id), pipeline);
    }

    /**
     * Loads {@code modelFile} (format from its extension) and runs one blank image through it to learn
     * the embedding size and pay the first-inference cost up front. Batches go in the engine's fastest
     * {@link PixelLayout}; a TorchScript model that cannot take channels-last input (it reshapes its input
     * with {@code view()}, say) fails that first image and is opened again with planar input.
     */
    public static ImageEncoder open(String id, Path modelFile, ModelDescriptor descriptor, int batchSize)
            throws IOException {
        descriptor.checkModality(Modality.IMAGE, modelFile);
        String sha = Sha256.hexOf(modelFile);
        PixelLayout fastest = ModelFormat.of(modelFile).imageLayout();
        try {
            return open(id, modelFile, descriptor, batchSize, sha, fastest);
        } catch (IllegalStateException e) {
            if (fastest == PixelLayout.CHANNELS_FIRST) {
                throw e;
            }
            System.getLogger(ImageEncoder.class.getName()).log(System.Logger.Level.INFO,
                    modelFile + " refused a channels-last batch; it gets planar ones: " + e.getMessage());
            return open(id, modelFile, descriptor, batchSize, sha, PixelLayout.CHANNELS_FIRST);
        }
    }

    private static ImageEncoder open(String id, Path modelFile, ModelDescriptor descriptor, int batchSize,
                                     String sha, PixelLayout layout) {
        ImagePreprocessor preprocessor = new ImagePreprocessor(descriptor.inputSizeOrDefault(),
                descriptor.mean(), descriptor.std(), layout);
        var model = ModelLoader.load(modelFile, ImageBatchTranslator.Batch.class, float[][].class,
                new ImageBatchTranslator(descriptor.outputSelector()));
        try {
            ImageEncoder encoder = new ImageEncoder(id, sha, InputPipeline.image(descriptor), preprocessor,
                    descriptor.normalizeOrDefault(), batchSize, model);
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
        Batches.run(inputs.size(), batchSize, STAGE, ctx, (from, to) -> encodeBatch(inputs, from, to, result));
        return result.build();
    }

    private void encodeBatch(List<Path> inputs, int from, int to, EncodeResult.Builder result) {
        int[] slotToInput = new int[to - from];
        int count = 0;
        for (int i = from; i < to; i++) {
            Path file = inputs.get(i);
            try {
                preprocessor.write(Files.readAllBytes(file), pixels, count * preprocessor.floatsPerImage());
                slotToInput[count++] = i;
            } catch (IOException | RuntimeException e) {
                result.fail(i, file + ": " + reason(e));
            }
        }
        if (count == 0) {
            return;
        }
        float[][] vectors = infer(count, identity.id());
        for (int slot = 0; slot < count; slot++) {
            result.succeed(slotToInput[slot], vectors[slot]);
        }
    }

    /** Runs the first {@code count} images in {@link #pixels}; {@code id} names the model in errors. */
    private float[][] infer(int count, String id) {
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
        preprocessor.write(blank, pixels, 0);
        return infer(1, id)[0].length;
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
        predictor.close();
        model.close();
    }
}
