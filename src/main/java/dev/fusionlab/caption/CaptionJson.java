package dev.fusionlab.caption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The snake_case JSON of caption models' provenance, written into reports and read back from the model cache. */
final class CaptionJson {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CaptionJson() {
    }

    static ObjectNode spec(CaptionSpec s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("conditioning", s.conditioning().key());
        n.put("decoder", "gru");
        n.put("word_size", s.wordSize());
        n.put("hidden_size", s.hiddenSize());
        n.put("dropout", s.dropout());
        n.put("learning_rate", s.learningRate());
        n.put("weight_decay", s.weightDecay());
        n.put("batch_size", s.batchSize());
        n.put("max_epochs", s.maxEpochs());
        n.put("patience", s.patience());
        n.put("max_length", s.maxLength());
        n.put("min_word_count", s.minWordCount());
        n.put("seed", s.seed());
        return n;
    }

    static ObjectNode provenance(CaptionProvenance p) {
        ObjectNode n = JSON.createObjectNode();
        n.set("spec", spec(p.spec()));
        n.put("device", p.device());
        n.put("features", p.features());
        n.put("vocabulary_size", p.vocabularySize());
        n.put("train_captions", p.trainCaptions());
        n.put("validation_captions", p.validationCaptions());
        n.put("epochs_run", p.epochsRun());
        n.put("best_epoch", p.bestEpoch());
        if (Double.isFinite(p.bestValidationLoss())) {
            n.put("best_validation_loss", p.bestValidationLoss());
        } else {
            n.putNull("best_validation_loss");
        }
        n.set("train_losses", JSON.valueToTree(p.trainLosses()));
        n.set("validation_losses", JSON.valueToTree(p.validationLosses()));
        n.put("train_ms", p.trainMillis());
        return n;
    }

    static CaptionProvenance readProvenance(String json) throws IOException {
        try {
            JsonNode n = JSON.readTree(json);
            JsonNode s = n.required("spec");
            Conditioning conditioning = null;
            for (Conditioning c : Conditioning.values()) {
                if (c.key().equals(s.required("conditioning").asText())) {
                    conditioning = c;
                }
            }
            CaptionSpec spec = new CaptionSpec(conditioning, s.required("word_size").asInt(),
                    s.required("hidden_size").asInt(), s.required("dropout").asDouble(), s.required("learning_rate").asDouble(),
                    s.required("weight_decay").asDouble(), s.required("batch_size").asInt(),
                    s.required("max_epochs").asInt(), s.required("patience").asInt(), s.required("max_length").asInt(),
                    s.required("min_word_count").asInt(), s.required("seed").asLong());
            JsonNode best = n.required("best_validation_loss");
            return new CaptionProvenance(spec, n.required("device").asText(), n.required("features").asInt(),
                    n.required("vocabulary_size").asInt(), n.required("train_captions").asInt(),
                    n.required("validation_captions").asInt(), n.required("epochs_run").asInt(),
                    n.required("best_epoch").asInt(), best.isNull() ? Double.NaN : best.asDouble(),
                    doubles(n.required("train_losses")), doubles(n.required("validation_losses")),
                    n.required("train_ms").asLong());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException("unreadable caption model provenance: " + e.getMessage(), e);
        }
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asDouble()));
        return out;
    }
}
