package dev.fusionlab.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fusionlab.classify.ClassifierKind;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.encode.Modality;
import dev.fusionlab.evaluate.ClassificationMetrics;
import dev.fusionlab.evaluate.Evaluation;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.playground.Control;
import dev.fusionlab.playground.GeneratorSettings;
import dev.fusionlab.playground.Playground;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ablation of one trained run on synthetic data where both modalities carry the class (test split: 60, 15 per class). */
class AblationTest {

    private static RunResult run;
    private static AblationReport report;

    @BeforeAll
    static void trainOnce() {
        GeneratorSettings settings = GeneratorSettings.defaults().with(Control.SAMPLES, 400);
        run = Playground.run(settings, "custom", Playground.config("custom", ClassifierKind.SOFTMAX, 42)
                .withProjection(ProjectionMethod.PCA), TaskContext.silent()).result();
        report = Ablation.run(run, AblationCondition.standard(), 42, TaskContext.silent());
    }

    private static double acc(String condition, Strategy s) {
        return report.get(condition, s).accuracy();
    }

    /** Same decisions on every test sample (the records hold arrays, so compared by content). */
    private static void assertSame(ClassificationMetrics actual, ClassificationMetrics expected) {
        assertThat(actual.confusion()).isDeepEqualTo(expected.confusion());
        assertThat(actual.accuracy()).isEqualTo(expected.accuracy());
        assertThat(actual.macroF1()).isEqualTo(expected.macroF1());
    }

    @Test
    void namesEveryConditionAndStrategy() {
        assertThat(report.conditions().keySet()).containsExactly("intact", "drop_image", "drop_text", "shuffle_image",
                "shuffle_text", "noise_image_0.5", "noise_image_1", "noise_image_2", "noise_text_0.5", "noise_text_1",
                "noise_text_2");
        assertThat(report.conditions().values()).allSatisfy(row -> assertThat(row).containsOnlyKeys(Strategy.values()));
        assertThat(report.testSize()).isEqualTo(60);
        assertThat(report.combiner()).isEqualTo("mean");
    }

    @Test
    void intactReproducesTheRunsOwnEvaluation() {
        Evaluation evaluation = run.evaluate();
        for (Strategy s : Strategy.values()) {
            ClassificationMetrics expected = evaluation.metrics().get(s);
            assertThat(report.get("intact", s).accuracy()).as(s.key()).isEqualTo(expected.accuracy());
            assertThat(report.get("intact", s).macroF1()).as(s.key()).isEqualTo(expected.macroF1());
        }
        assertThat(acc("intact", Strategy.EARLY)).isGreaterThan(0.85);
    }

    @Test
    void droppingAModalityLeavesLateFusionWithTheOtherClassifier() {
        assertSame(report.get("drop_image", Strategy.LATE), report.get("intact", Strategy.TEXT));
        assertSame(report.get("drop_text", Strategy.LATE), report.get("intact", Strategy.IMAGE));
        // the dropped modality's classifier sees one constant input: one class for all, 15 of 60 right
        assertThat(acc("drop_image", Strategy.IMAGE)).isEqualTo(0.25);
        assertThat(acc("drop_text", Strategy.TEXT)).isEqualTo(0.25);
        assertSame(report.get("drop_image", Strategy.TEXT), report.get("intact", Strategy.TEXT));
        // early fusion with the image replaced by its training mean falls back towards the text alone
        assertThat(acc("drop_image", Strategy.EARLY)).isLessThan(acc("intact", Strategy.EARLY));
        assertThat(acc("drop_image", Strategy.EARLY)).isGreaterThan(0.5);
    }

    @Test
    void shufflingBreaksThePairingButNotTheOtherModality() {
        assertSame(report.get("shuffle_text", Strategy.IMAGE), report.get("intact", Strategy.IMAGE));
        assertThat(acc("shuffle_text", Strategy.EARLY)).isLessThan(acc("intact", Strategy.EARLY) - 0.15);
        assertThat(acc("shuffle_text", Strategy.TEXT)).isLessThan(0.5); // the text now belongs to other samples
    }

    @Test
    void moreNoiseHurtsMore() {
        assertThat(acc("noise_image_2", Strategy.IMAGE)).isLessThan(acc("intact", Strategy.IMAGE) - 0.05);
        AblationReport loud = Ablation.run(run, List.of(AblationCondition.noise(Modality.IMAGE, 8)), 42, TaskContext.silent());
        assertThat(loud.get("noise_image_8", Strategy.IMAGE).accuracy()).isLessThan(0.45); // chance 0.25
        assertThat(acc("noise_image_2", Strategy.IMAGE)).isLessThanOrEqualTo(acc("noise_image_0.5", Strategy.IMAGE));
        assertSame(report.get("noise_image_2", Strategy.TEXT), report.get("intact", Strategy.TEXT));
    }

    @Test
    void sameSeedSameReport(@TempDir Path dir) throws Exception {
        AblationReport again = Ablation.run(run, AblationCondition.standard(), 42, TaskContext.silent());
        report.writeJson(dir.resolve("a.json"));
        again.writeJson(dir.resolve("b.json"));
        assertThat(Files.readString(dir.resolve("a.json"))).isEqualTo(Files.readString(dir.resolve("b.json")));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("a.json").toFile());
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.at("/conditions/noise_text_0.5/late/macro_f1").isNumber()).isTrue();
        assertThat(json.at("/conditions/intact/early/accuracy").asDouble()).isEqualTo(acc("intact", Strategy.EARLY));
    }

    @Test
    void writesChartAndReportsProgress(@TempDir Path dir) throws Exception {
        List<String> messages = new ArrayList<>();
        TaskContext ctx = new TaskContext((stage, f, m) -> messages.add(m), new dev.fusionlab.task.CancellationToken());
        Ablation.run(run, List.of(AblationCondition.intact(), AblationCondition.noise(Modality.TEXT, 0.25)), 1, ctx)
                .writeAll(dir, "ablation", 96);
        assertThat(messages).contains("intact", "noise_text_0.25");
        assertThat(Files.readString(dir.resolve("ablation.svg"))).contains(">noise_text_0.25</text>");
        assertThat(dir.resolve("ablation.png")).exists();
    }

    @Test
    void refusesRunsWithoutModelsAndDuplicateConditions() {
        RunResult withoutModels = new RunResult(run.dataset(), run.classes(), run.samples(), run.truth(), run.embeddings(),
                run.probabilities(), run.late(), run.jointSpace(), run.retrieval(), run.projections(), run.config(),
                run.stageMillis(), run.provenance());
        assertThatThrownBy(() -> Ablation.run(withoutModels, AblationCondition.standard(), 1, TaskContext.silent()))
                .hasMessageContaining("does not keep its models");
        assertThatThrownBy(() -> Ablation.run(run, List.of(AblationCondition.intact(), AblationCondition.intact()), 1,
                TaskContext.silent())).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> AblationCondition.noise(Modality.IMAGE, 0)).hasMessageContaining("positive");
    }
}
