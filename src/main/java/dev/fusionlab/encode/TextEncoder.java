package dev.fusionlab.encode;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Sentence encoder for transformer models (the bundled all-MiniLM-L6-v2 and user models): HuggingFace
 * tokenizer with truncation, padding to the longest text of each batch, attention-masked pooling,
 * optional L2 normalisation.
 *
 * <p>Texts are batched in order of length, so a batch of short captions is not padded to the length
 * of one long description; results come back in input order. Padding never changes a vector: padded
 * positions are masked in attention and skipped by pooling.
 */
public final class TextEncoder implements Encoder<String> {

    /**
     * Version of how this class and {@link TextPooling} turn texts into vectors (tokenizer options:
     * truncation, padding; which inputs are fed; pooling; normalisation), part of every text encoder's
     * {@link InputPipeline} and so of every embedding-cache key. <b>Bump it with any change that alters
     * the vectors</b>, or caches keep serving vectors made the old way. 1: truncation to max length,
     * padding to the batch's longest text, masked mean or CLS pooling, optional L2 normalisation.
     */
    public static final int VERSION = 1;

    private static final String STAGE = "encode-text";
    private static final List<String> KNOWN_INPUTS = List.of("input_ids", "attention_mask", "token_type_ids");

    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final List<String> inputNames;
    private final OutputSelector output;
    private final TextPooling pooling;
    private final boolean normalize;
    private final int batchSize;
    private final EncoderIdentity identity;

    private TextEncoder(String id, String weightsSha256, String pipeline, HuggingFaceTokenizer tokenizer,
                        ZooModel<NDList, NDList> model, ModelDescriptor descriptor, int batchSize) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.predictor = model.newPredictor();
        this.inputNames = descriptor.inputs() != null ? descriptor.inputs() : inputNamesOf(model);
        checkFeedable(id, inputNames);
        this.output = descriptor.outputSelector();
        this.pooling = descriptor.poolingOrDefault();
        this.normalize = descriptor.normalizeOrDefault();
        this.batchSize = Batches.checkBatchSize(batchSize);
        // the probe runs before the identity exists, so it names the model by the id it was given
        int dimension = encodeBatch(List.of("dimension probe"), id)[0].length;
        this.identity = new EncoderIdentity(Modality.TEXT, id, weightsSha256, dimension, pipeline);
    }

    /**
     * Loads the model and its tokenizer and runs one probe sentence to learn the embedding size.
     *
     * @param tokenizerFile a HuggingFace {@code tokenizer.json}
     */
    public static TextEncoder open(String id, Path modelFile, Path tokenizerFile, ModelDescriptor descriptor,
                                   int batchSize) throws IOException {
        descriptor.checkModality(Modality.TEXT, modelFile);
        DjlRuntime.init();
        String sha = Sha256.hexOf(modelFile);
        String pipeline = InputPipeline.text(descriptor, Sha256.hexOf(tokenizerFile));
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(tokenizerFile)
                .optMaxLength(descriptor.maxLengthOrDefault())
                .optTruncation(true)
                .optPadding(true)
                .build();
        ZooModel<NDList, NDList> model = null;
        try {
            model = ModelLoader.load(modelFile, NDList.class, NDList.class, new NoopTranslator());
            TextEncoder encoder = new TextEncoder(id, sha, pipeline, tokenizer, model, descriptor, batchSize);
            descriptor.checkDimension(encoder.dimension(), modelFile);
            return encoder;
        } catch (RuntimeException e) {
            tokenizer.close();
            if (model != null) {
                model.close();
            }
            throw e;
        }
    }

    @Override
    public EncoderIdentity identity() {
        return identity;
    }

    @Override
    public EncodeResult encode(List<String> inputs, TaskContext ctx) {
        EncodeResult.Builder result = new EncodeResult.Builder(inputs.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == null) {
                result.fail(i, "text " + i + " is missing (null)");
            } else {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingInt((Integer i) -> inputs.get(i).length()).reversed());
        Batches.run(order.size(), batchSize, STAGE, ctx, (from, to) -> {
            List<Integer> batch = order.subList(from, to);
            float[][] vectors = encodeBatch(batch.stream().map(inputs::get).toList(), identity.id());
            for (int k = 0; k < vectors.length; k++) {
                result.succeed(batch.get(k), vectors[k]);
            }
        });
        return result.build();
    }

    /** Tokenizes, runs and pools one batch; {@code id} names the model in errors. */
    private float[][] encodeBatch(List<String> texts, String id) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int n = encodings.length;
        int length = encodings[0].getIds().length;
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList outputs = predictor.predict(toInputs(manager, encodings, n, length));
            NDArray hidden = output.pick(outputs);
            if (hidden.getShape().dimension() != 3) {
                throw new IllegalStateException("model " + id + ": output " + output
                        + " should be token hidden states [N, L, D], is " + hidden.getShape());
            }
            int dim = (int) hidden.getShape().get(2);
            float[] flat = hidden.toType(DataType.FLOAT32, false).toFloatArray();
            outputs.close();
            float[][] vectors = new float[n][];
            for (int i = 0; i < n; i++) {
                vectors[i] = pooling.pool(flat, i, encodings[i].getAttentionMask(), dim);
                if (normalize) {
                    Vectors.normalize(vectors[i]);
                }
            }
            return vectors;
        } catch (TranslateException e) {
            throw new IllegalStateException("model " + id + " failed on a batch of " + n + " texts", e);
        }
    }

    private NDList toInputs(NDManager manager, Encoding[] encodings, int n, int length) {
        NDList inputs = new NDList(inputNames.size());
        for (String name : inputNames) {
            long[] flat = new long[n * length];
            for (int i = 0; i < n; i++) {
                long[] row = switch (name) {
                    case "input_ids" -> encodings[i].getIds();
                    case "attention_mask" -> encodings[i].getAttentionMask();
                    default -> encodings[i].getTypeIds(); // token_type_ids: checkFeedable allows nothing else
                };
                System.arraycopy(row, 0, flat, i * length, length);
            }
            NDArray array = manager.create(flat, new Shape(n, length));
            array.setName(name);
            inputs.add(array);
        }
        return inputs;
    }

    /** Rejects, before anything runs, a model input that FusionLab cannot build from a tokenizer encoding. */
    private static void checkFeedable(String id, List<String> inputNames) {
        for (String name : inputNames) {
            if (!KNOWN_INPUTS.contains(name)) {
                throw new IllegalStateException("model " + id + " wants input '" + name + "'; FusionLab can feed "
                        + KNOWN_INPUTS);
            }
        }
    }

    /** The model's declared inputs (ONNX knows them); TorchScript declares none: ids and mask, in order. */
    private static List<String> inputNamesOf(ZooModel<NDList, NDList> model) {
        PairList<String, Shape> declared = model.describeInput();
        if (declared == null || declared.isEmpty()) {
            return List.of("input_ids", "attention_mask");
        }
        return IntStream.range(0, declared.size()).mapToObj(declared::keyAt).toList();
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }
}
