package dev.fusionlab.encode;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What FusionLab needs to know about a user's TorchScript/ONNX model, read from a small JSON file
 * next to it ({@code model.pt} + {@code model.json}). Every field but {@code modality} is optional; keys
 * are snake_case like every file FusionLab reads or writes ({@code inputSize} and {@code maxLength},
 * the keys of earlier versions, are still accepted). The user guide is {@code docs/models.md}:
 * <pre>{@code
 * {"modality": "image", "input_size": 224, "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
 *  "output": "0", "dimension": 1280}
 * {"modality": "text", "tokenizer": "tokenizer.json", "max_length": 256, "pooling": "mean",
 *  "normalize": true, "output": "last_hidden_state", "inputs": ["input_ids", "attention_mask"]}
 * }</pre>
 *
 * @param modality  image or text
 * @param inputSize image side in pixels (default 224)
 * @param mean      image: per-channel RGB mean after scaling to [0, 1] (default: none)
 * @param std       image: per-channel RGB std (default: none)
 * @param output    output holding the embedding: index ("0", the default) or name
 * @param pooling   text: mean (default) or cls over the token hidden states
 * @param tokenizer text: HuggingFace tokenizer.json, relative to the descriptor's folder
 * @param maxLength text: longer inputs are truncated to this many tokens (default 256)
 * @param normalize L2-normalise each vector (default: true for text, false for images)
 * @param dimension expected embedding size, checked when the model is opened (optional)
 * @param inputs    text: model input names in order (default: the ONNX model's own inputs among
 *                  input_ids, attention_mask, token_type_ids; TorchScript: input_ids, attention_mask)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelDescriptor(Modality modality,
                              @JsonProperty("input_size") @JsonAlias("inputSize") Integer inputSize,
                              float[] mean, float[] std, String output, TextPooling pooling, String tokenizer,
                              @JsonProperty("max_length") @JsonAlias("maxLength") Integer maxLength,
                              Boolean normalize, Integer dimension, List<String> inputs) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ModelDescriptor {
        if (modality == null) {
            throw new IllegalArgumentException("descriptor needs \"modality\": \"image\" or \"text\"");
        }
        if (modality == Modality.TEXT && (tokenizer == null || tokenizer.isBlank())) {
            throw new IllegalArgumentException("a text model descriptor needs \"tokenizer\" (path of tokenizer.json)");
        }
        inputs = inputs == null ? null : List.copyOf(inputs);
    }

    /** Image model taking RGB in [0, 1] at {@code size} px, embedding at output 0 (the MobileNetV2 contract). */
    public static ModelDescriptor image(int size) {
        return new ModelDescriptor(Modality.IMAGE, size, null, null, "0", null, null, null, null, null, null);
    }

    /** Sentence-transformers style text model: mean pooling, L2-normalised. */
    public static ModelDescriptor text(String tokenizer, int maxLength) {
        return new ModelDescriptor(Modality.TEXT, null, null, null, "0", TextPooling.MEAN, tokenizer, maxLength,
                true, null, null);
    }

    public static ModelDescriptor read(Path json) throws IOException {
        try {
            return JSON.readValue(json.toFile(), ModelDescriptor.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("invalid model descriptor " + json + ": " + e.getMessage(), e);
        }
    }

    public void write(Path json) throws IOException {
        Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }

    /** The descriptor belonging to a model file: same folder, same base name, {@code .json}. */
    public static Path pathFor(Path modelFile) {
        String name = modelFile.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return modelFile.resolveSibling(name + ".json");
    }

    public int inputSizeOrDefault() {
        return inputSize == null ? 224 : inputSize;
    }

    public int maxLengthOrDefault() {
        return maxLength == null ? 256 : maxLength;
    }

    public TextPooling poolingOrDefault() {
        return pooling == null ? TextPooling.MEAN : pooling;
    }

    public boolean normalizeOrDefault() {
        return normalize == null ? modality == Modality.TEXT : normalize;
    }

    public OutputSelector outputSelector() {
        return OutputSelector.parse(output);
    }

    /** Rejects a descriptor of the wrong modality for the encoder about to open {@code modelFile}. */
    void checkModality(Modality expected, Path modelFile) {
        if (modality != expected) {
            throw new IllegalArgumentException(modelFile + " is described as a " + modality + " model");
        }
    }

    void checkDimension(int actual, Path modelFile) {
        if (dimension != null && dimension != actual) {
            throw new IllegalArgumentException(modelFile + ": descriptor says dimension " + dimension
                    + " but the model outputs " + actual + " values (output " + outputSelector() + ")");
        }
    }
}
