package dev.fusionlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.evaluate.ClassMetrics;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.McNemarTest;
import dev.fusionlab.evaluate.RetrievalMetrics;
import dev.fusionlab.fuse.LateCombiner;
import dev.fusionlab.fuse.LateFusion;
import dev.fusionlab.fuse.StackingOutcome;
import dev.fusionlab.io.AtomicFiles;
import dev.fusionlab.pipeline.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FusionLab's one JSON vocabulary for reports: snake_case keys, a {@value #SCHEMA_VERSION_KEY} in every
 * file. {@code metrics.json} (CLI) and the Compare tab's metrics export (GUI) are the same document, written
 * from a {@link MetricsReport}; {@code run.json} records where a run came from. Keys are listed in the
 * README; a change of a key or its meaning bumps {@link #SCHEMA_VERSION}.
 */
public final class ReportJson {

    /** Version of the report layout; 1 is the first versioned one. */
    public static final int SCHEMA_VERSION = 1;

    /** Key of the schema version, first in every file. */
    public static final String SCHEMA_VERSION_KEY = "schema_version";

    /** Writes records (provenance, config) with their component names in snake_case. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /** Writes {@code metrics.json} (or the GUI's metrics export). */
    public static void writeMetrics(MetricsReport report, Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, metrics(report)));
    }

    /** Writes {@code run.json}: dataset, config, encoders, every trained model's provenance, versions, timings. */
    public static void writeRun(RunResult result, Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, run(result)));
    }

    /** The text {@link #writeRun} writes, byte for byte (the GUI's "Copy as JSON" of a run's details). */
    public static String runText(RunResult result) throws IOException {
        return JSON.writeValueAsString(run(result));
    }

    /** The metrics document. */
    public static ObjectNode metrics(MetricsReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put(SCHEMA_VERSION_KEY, SCHEMA_VERSION);
        root.set("classes", JSON.valueToTree(report.classes()));
        root.set("late_fusion", lateFusionNode(report.lateFusion()));
        ObjectNode strategies = root.putObject("strategies");
        if (report.isScored()) {
            root.put("test_size", report.testSize());
            report.strategies().forEach((s, m) -> strategies.set(s.key(), metricsNode(m)));
            var intervals = report.intervals(); // 95% bootstrap intervals, beside each score
            intervals.forEach((s, ci) -> {
                ObjectNode node = (ObjectNode) strategies.get(s.key());
                node.set("accuracy_ci", JSON.valueToTree(new double[] {ci.accuracy().low(), ci.accuracy().high()}));
                node.set("macro_f1_ci", JSON.valueToTree(new double[] {ci.macroF1().low(), ci.macroF1().high()}));
            });
            String caveat = MetricsReport.caveatOf(intervals);
            if (!caveat.isEmpty()) {
                root.put("caveat", caveat);
            }
            ObjectNode combiners = root.putObject("late_combiners");
            report.lateCombiners().forEach((combiner, score) -> {
                ObjectNode row = combiners.putObject(combiner.key());
                if (!score.skipped().isEmpty()) {
                    row.put("skipped", score.skipped());
                    return;
                }
                row.put("accuracy", score.accuracy());
                row.put("macro_f1", score.macroF1());
                if (!Double.isNaN(score.imageWeight())) {
                    row.put("image_weight", score.imageWeight());
                }
            });
            McNemarTest.Result m = report.earlyVsLate().mcNemar();
            ObjectNode mcnemar = root.putObject("mcnemar_early_vs_late");
            mcnemar.put("early_only_correct", m.b());
            mcnemar.put("late_only_correct", m.c());
            mcnemar.put("statistic", m.statistic());
            mcnemar.put("p_value", m.pValue());
            mcnemar.put("method", m.method().name().toLowerCase(Locale.ROOT));
            ArrayNode disagreements = root.putArray("disagreements_early_vs_late");
            for (MetricsReport.DisagreementRow d : report.earlyVsLate().disagreements()) {
                ObjectNode row = disagreements.addObject();
                row.put("id", d.id());
                row.put("label", d.truth());
                row.put("early_pred", d.early());
                row.put("late_pred", d.late());
            }
        } else {
            root.put("note", report.note());
        }
        report.retrieval().ifPresent(r -> root.set("retrieval", retrievalNode(r)));
        ArrayNode skipped = root.putArray("skipped");
        for (SampleProblem p : report.skipped()) {
            ObjectNode row = skipped.addObject();
            row.put("id", p.id());
            row.put("file", p.file() == null ? null : p.file().toString());
            row.put("reason", p.reason());
        }
        return root;
    }

    /** The run document. */
    public static ObjectNode run(RunResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put(SCHEMA_VERSION_KEY, SCHEMA_VERSION);
        ObjectNode dataset = root.putObject("dataset");
        dataset.put("path", result.dataset().root().toString());
        dataset.put("name", result.dataset().name());
        dataset.put("sha256", result.provenance().datasetSha256());
        dataset.put("samples", result.samples().size());
        dataset.put("skipped", result.dataset().problems().size());
        root.set("config", JSON.valueToTree(result.config()));
        root.put("seed", result.config().seed());
        root.set("encoders", JSON.valueToTree(result.provenance().encoders()));
        ObjectNode classifiers = root.putObject("classifiers");
        result.provenance().classifiers().forEach((s, p) -> classifiers.set(s.key(), JSON.valueToTree(p)));
        root.set("stacking", switch (result.stacking()) {
            case StackingOutcome.Trained trained -> JSON.valueToTree(trained.stacker().provenance());
            case StackingOutcome.Skipped skipped -> JSON.createObjectNode().put("skipped", skipped.reason());
        });
        if (result.isClassified()) {
            root.putObject("late_fusion").put("tuned_image_weight", result.late().tunedImageWeight());
        }
        root.set("joint_space", result.jointSpace() == null
                ? JSON.createObjectNode().put("skipped", "fewer than 2 training pairs")
                : JSON.valueToTree(result.jointSpace().provenance()));
        ObjectNode versions = root.putObject("versions");
        result.provenance().versions().forEach((name, version) -> versions.put(snakeCase(name), version));
        root.set("timings_ms", JSON.valueToTree(result.stageMillis()));
        return root;
    }

    /** {@code PyTorch (libtorch)} -> {@code pytorch_libtorch}: display names as keys. */
    static String snakeCase(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static ObjectNode lateFusionNode(LateFusion.Resolved late) {
        ObjectNode node = JSON.createObjectNode();
        node.put("combiner", late.asked().key());
        node.put("used", late.fusion().combiner().key());
        LateCombiner used = late.fusion().combiner();
        if (used == LateCombiner.WEIGHTED || used == LateCombiner.TUNED) {
            node.put("image_weight", late.fusion().imageWeight());
        }
        if (late.isFallback()) {
            node.put("note", late.note());
        }
        return node;
    }

    private static ObjectNode metricsNode(ClassificationMetrics m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("accuracy", m.accuracy());
        node.put("macro_f1", m.macroF1());
        node.set("confusion_matrix", JSON.valueToTree(m.confusion()));
        ObjectNode perClass = node.putObject("per_class");
        for (ClassMetrics c : m.perClass()) {
            ObjectNode row = perClass.putObject(c.name());
            row.put("precision", c.precision());
            row.put("recall", c.recall());
            row.put("f1", c.f1());
            row.put("support", c.support());
        }
        return node;
    }

    /** Recall@1/5/10 and median rank of test-split retrieval in both directions. */
    private static ObjectNode retrievalNode(RetrievalMetrics r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("test_pairs", r.pairs());
        node.put("test_images", r.images());
        var directions = List.of(Map.entry("text_to_image", r.textToImage()), Map.entry("image_to_text", r.imageToText()));
        for (var direction : directions) {
            ObjectNode d = node.putObject(direction.getKey());
            d.put("recall_at_1", direction.getValue().recallAt1());
            d.put("recall_at_5", direction.getValue().recallAt5());
            d.put("recall_at_10", direction.getValue().recallAt10());
            d.put("median_rank", direction.getValue().medianRank());
        }
        return node;
    }
}
