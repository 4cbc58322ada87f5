package dev.fusionlab.encode;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.huggingface.translator.TextEmbeddingTranslatorFactory;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;

/**
 * Sentence encoders downloaded through DJL: {@code djl://ai.djl.huggingface.pytorch/org/name} or the
 * short form {@code hf:org/name}. DJL's own {@code TextEmbeddingTranslator} tokenizes, pools and
 * normalises as the model's config says. Needs network, so it refuses to start while DJL is offline.
 */
final class RemoteTextEncoder implements Encoder<String> {

    private final ZooModel<String, float[]> model;
    private final Predictor<String, float[]> predictor;
    private final int batchSize;
    private final EncoderIdentity identity;

    private RemoteTextEncoder(String id, ZooModel<String, float[]> model, int batchSize) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.batchSize = Batches.checkBatchSize(batchSize);
        // no local weights file to hash: the downloaded model's id and path stand for its weights
        String weightsSha256 = HexFormat.of().formatHex(Sha256.of(id + "|" + model.getModelPath()));
        // the probe runs before the identity exists, so it names the model by the id it was given
        int dimension = embed(List.of("dimension probe"), id)[0].length;
        this.identity = new EncoderIdentity(Modality.TEXT, id, weightsSha256, dimension,
                InputPipeline.djlTranslator(Engine.getDjlVersion()));
    }

    static boolean handles(String id) {
        return id.startsWith("hf:") || id.startsWith("djl://");
    }

    static RemoteTextEncoder open(String id, int batchSize) throws IOException {
        if (DjlRuntime.offline()) {
            throw new IOException("encoder '" + id + "' must be downloaded, but FusionLab runs offline: "
                    + "connect to the network and start with -Dai.djl.offline=false, or use a local model "
                    + "(file:/path/model.onnx with a descriptor) or " + EncoderCatalog.ALL_MINILM_L6_V2);
        }
        String url = id.startsWith("hf:") ? "djl://ai.djl.huggingface.pytorch/" + id.substring(3) : id;
        Criteria<String, float[]> criteria = Criteria.builder()
                .setTypes(String.class, float[].class)
                .optModelUrls(url)
                .optEngine("PyTorch")
                .optTranslatorFactory(new TextEmbeddingTranslatorFactory())
                .build();
        try {
            return new RemoteTextEncoder(id, criteria.loadModel(), batchSize);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException("cannot load encoder '" + id + "' from " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public EncodeResult encode(List<String> inputs, TaskContext ctx) {
        EncodeResult.Builder result = new EncodeResult.Builder(inputs.size());
        Batches.run(inputs.size(), batchSize, "encode-text", ctx, (from, to) -> {
            float[][] vectors = embed(inputs.subList(from, to), identity.id());
            for (int k = 0; k < vectors.length; k++) {
                result.succeed(from + k, vectors[k]);
            }
        });
        return result.build();
    }

    /** Embeds one batch; {@code id} names the model in errors. */
    private float[][] embed(List<String> texts, String id) {
        try {
            return predictor.batchPredict(texts).toArray(float[][]::new);
        } catch (TranslateException e) {
            throw new IllegalStateException("model " + id + " failed on a batch of " + texts.size() + " texts", e);
        }
    }

    @Override
    public EncoderIdentity identity() {
        return identity;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
