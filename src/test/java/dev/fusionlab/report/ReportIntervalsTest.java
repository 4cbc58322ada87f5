package dev.fusionlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.ui.TestRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bootstrap intervals next to every accuracy and macro-F1 of metrics.json (issue 13). */
class ReportIntervalsTest {

    @Test
    void everyScoreHasItsIntervalAndASmallSplitACaveat(@TempDir Path dir) {
        RunResult run = TestRuns.clusters(300, dir);
        MetricsReport report = MetricsReport.of(run);
        JsonNode json = ReportJson.metrics(report);
        for (Strategy s : report.strategies().keySet()) {
            JsonNode node = json.get("strategies").get(s.key());
            for (String score : new String[] {"accuracy", "macro_f1"}) {
                JsonNode ci = node.get(score + "_ci");
                assertThat(ci.size()).as("%s %s", s, score).isEqualTo(2);
                double value = node.get(score).asDouble();
                assertThat(ci.get(0).asDouble()).isLessThanOrEqualTo(value);
                assertThat(ci.get(1).asDouble()).isGreaterThanOrEqualTo(value);
            }
        }
        assertThat(report.testSize()).isGreaterThanOrEqualTo(100);
        assertThat(json.has("caveat")).as("no caveat on %d test samples", report.testSize()).isFalse();
        MetricsReport small = MetricsReport.of(TestRuns.clusters(60, dir.resolve("small")));
        assertThat(small.testSize()).isLessThan(100);
        assertThat(ReportJson.metrics(small).get("caveat").asText()).contains("only " + small.testSize() + " test samples");
        assertThat(report.intervals()).as("seeded: the same report states the same intervals")
                .isEqualTo(MetricsReport.of(run).intervals());
    }
}
