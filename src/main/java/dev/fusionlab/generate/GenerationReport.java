package dev.fusionlab.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.data.Sample;
import dev.fusionlab.pipeline.BuildInfo;
import dev.fusionlab.pipeline.EncodedDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code generation.json}: the measures of a {@link Generation} beside their baselines, how the model
 * was trained, and what was generated for the user's inputs. Keys are snake_case; see
 * docs/generative.md for each.
 */
public final class GenerationReport {

    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One description turned into images, for the report. */
    public record TextOutput(String text, String file, String nearestFile, List<Sample> nearestImages,
                             List<Double> nearestImageMse) {
    }

    /** One image turned into captions, for the report. */
    public record ImageOutput(String image, List<Sample> captions, List<Double> similarities) {
    }

    private GenerationReport() {
    }

    public static void write(Path file, Generation generation, GenerationMeasures measures, List<TextOutput> texts,
                             List<ImageOutput> images, long totalMillis) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("dataset", generation.encoded().dataset().root().toString());
        if (measures.measured()) {
            measuresNodes(root, generation, measures);
        } else {
            root.putObject("text_to_image").put("skipped", measures.missingModalityNote());
            root.putObject("image_to_text").put("skipped", measures.missingModalityNote());
        }
        ObjectNode missing = root.putObject("missing_modality");
        for (Map.Entry<String, GenerationMeasures.Score> e : measures.missingModality().entrySet()) {
            ObjectNode s = missing.putObject(e.getKey());
            s.put("accuracy", e.getValue().accuracy());
            s.put("macro_f1", e.getValue().macroF1());
        }
        missing.put("note", measures.missingModalityNote());
        rest(root, generation, texts, images, totalMillis);
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), root);
    }

    private static void measuresNodes(ObjectNode root, Generation generation, GenerationMeasures measures) {
        GenerationMeasures.TextToImage t = measures.textToImage();
        ObjectNode t2i = root.putObject("text_to_image");
        t2i.put("pixel_mse", t.pixelMse());
        t2i.put("mean_image_mse", t.meanImageMse());
        t2i.put("nearest_caption_mse", t.nearestCaptionMse());
        t2i.put("recall_at_1", t.recallAt1());
        t2i.put("recall_at_5", t.recallAt5());
        t2i.put("recall_at_10", t.recallAt10());
        t2i.put("median_rank", t.medianRank());
        t2i.put("chance_recall_at_10", t.chanceRecallAt10());
        t2i.put("nearest_caption_recall_at_1", t.nearestCaptionRecallAt1());
        t2i.put("nearest_caption_recall_at_5", t.nearestCaptionRecallAt5());
        t2i.put("nearest_caption_recall_at_10", t.nearestCaptionRecallAt10());
        t2i.put("image_size", generation.mvae().imageSize());
        t2i.put("test_pairs", t.testPairs());
        GenerationMeasures.ImageToText i = measures.imageToText();
        ObjectNode i2t = root.putObject("image_to_text");
        i2t.put("recall_at_1", i.recallAt1());
        i2t.put("recall_at_5", i.recallAt5());
        i2t.put("recall_at_10", i.recallAt10());
        i2t.put("chance_recall_at_10", i.chanceRecallAt10());
        i2t.put("nearest_image_recall_at_1", i.nearestImageRecallAt1());
        i2t.put("nearest_image_recall_at_5", i.nearestImageRecallAt5());
        i2t.put("nearest_image_recall_at_10", i.nearestImageRecallAt10());
        i2t.put("test_pairs", i.testPairs());
    }

    private static void rest(ObjectNode root, Generation generation, List<TextOutput> texts, List<ImageOutput> images,
                             long totalMillis) {
        ObjectNode training = root.putObject("training");
        training.set("provenance", MvaeStore.toJson(generation.mvae().provenance()));
        training.put("epochs", generation.mvae().provenance().epochsRun());
        training.put("seconds", generation.mvae().provenance().trainMillis() / 1000.0);
        training.put("from_cache", generation.fromCache());
        training.put("cache_key", generation.cacheKey());
        training.put("dataset_fingerprint", generation.data().fingerprint());
        ArrayNode encoders = training.putArray("encoders");
        for (EncodedDataset.EncoderInfo e : generation.encoded().encoders()) {
            ObjectNode node = encoders.addObject();
            node.put("modality", e.modality());
            node.put("id", e.id());
            node.put("weights_sha256", e.weightsSha256());
            node.put("dimension", e.dimension());
            if (e.pipeline() != null) {
                node.put("pipeline", e.pipeline());
            }
        }
        training.set("versions", JSON.valueToTree(BuildInfo.versions()));
        training.put("samples", generation.data().size());
        training.put("skipped", generation.encoded().problems().size() + generation.data().problems().size());
        root.put("seconds_total", totalMillis / 1000.0);

        ArrayNode generated = root.putArray("generated");
        for (TextOutput out : texts) {
            ObjectNode node = generated.addObject();
            node.put("text", out.text());
            node.put("file", out.file());
            node.put("nearest_file", out.nearestFile());
            ArrayNode nearest = node.putArray("nearest_training_images");
            for (int k = 0; k < out.nearestImages().size(); k++) {
                ObjectNode n = nearest.addObject();
                n.put("id", out.nearestImages().get(k).id());
                n.put("text", out.nearestImages().get(k).text());
                n.put("pixel_mse", out.nearestImageMse().get(k));
            }
        }
        ArrayNode captioned = root.putArray("captioned");
        for (ImageOutput out : images) {
            ObjectNode node = captioned.addObject();
            node.put("image", out.image());
            ArrayNode nearest = node.putArray("nearest_captions");
            for (int k = 0; k < out.captions().size(); k++) {
                ObjectNode n = nearest.addObject();
                n.put("id", out.captions().get(k).id());
                n.put("text", out.captions().get(k).text());
                n.put("similarity", out.similarities().get(k));
            }
        }
    }
}
