package dev.fusionlab.caption;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link CaptioningResult}: {@value #CAPTIONS_CSV} (one row per test caption:
 * {@code id,reference,generated,nearest_neighbour,generated_with_label}; the last is empty on unlabelled
 * datasets) and {@value #REPORT_JSON} (the scores of every system, the models' provenance, the settings).
 */
public final class CaptioningReport {

    public static final String CAPTIONS_CSV = "captions.csv";
    public static final String REPORT_JSON = "captioning.json";
    public static final int SCHEMA_VERSION = 1;

    private CaptioningReport() {
    }

    public static void write(CaptioningResult result, Path out) throws IOException {
        Files.createDirectories(out);
        writeCaptions(result, out.resolve(CAPTIONS_CSV));
        CaptionJson.JSON.writeValue(out.resolve(REPORT_JSON).toFile(), json(result));
    }

    static void writeCaptions(CaptioningResult result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            csv.printRecord("id", "reference", "generated", "nearest_neighbour", "generated_with_label");
            for (CaptioningResult.Row row : result.rows()) {
                csv.printRecord(row.id(), row.reference(), row.generated(), row.nearestNeighbour(),
                        row.generatedWithLabel() == null ? "" : row.generatedWithLabel());
            }
        }
    }

    static ObjectNode json(CaptioningResult result) {
        ObjectNode root = CaptionJson.JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        ObjectNode dataset = root.putObject("dataset");
        dataset.put("path", result.datasetRoot().toString());
        dataset.put("name", result.datasetName());
        dataset.put("samples", result.samples());
        dataset.put("train_captions", result.trainCaptions());
        dataset.put("validation_captions", result.validationCaptions());
        dataset.put("test_captions", result.testCaptions());
        dataset.put("test_images", result.testImages());
        ObjectNode encoder = root.putObject("image_encoder");
        encoder.put("id", result.imageEncoder().id());
        encoder.put("weights_sha256", result.imageEncoder().weightsSha256());
        encoder.put("dimension", result.imageEncoder().dimension());
        if (result.imageEncoder().pipeline() != null) {
            encoder.put("pipeline", result.imageEncoder().pipeline());
        }
        root.put("seed", result.settings().seed());
        root.put("beam_width", result.settings().beamWidth());
        root.put("tokenisation", "lower case, split on non-alphanumerics");
        ObjectNode scores = root.putObject("scores");
        result.scores().forEach((system, s) -> {
            ObjectNode n = scores.putObject(system);
            n.put("bleu_1", s.bleu1());
            n.put("bleu_2", s.bleu2());
            n.put("bleu_3", s.bleu3());
            n.put("bleu_4", s.bleu4());
            n.put("cider_d", s.ciderD());
        });
        root.put("most_frequent_caption", result.mostFrequentCaption());
        ObjectNode models = root.putObject("models");
        result.models().forEach((conditioning, m) -> {
            ObjectNode n = models.putObject(conditioning.key());
            n.put("from_cache", m.fromCache());
            n.put("cache_key", m.cacheKey());
            n.set("provenance", CaptionJson.provenance(m.captioner().provenance()));
        });
        root.set("timings_ms", CaptionJson.JSON.valueToTree(result.stageMillis()));
        return root;
    }
}
