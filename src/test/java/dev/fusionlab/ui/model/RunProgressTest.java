package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-job progress (issue 13, item 9) and the remembered save folder (item 12). */
class RunProgressTest {

    @Test
    void aRunsProgressMovesForwardOnceAcrossItsStages() {
        RunProgress p = new RunProgress(RunProgress.JobShape.RUN);
        double last = -1;
        String[][] reports = {
            {"encode-image", "0.5", ""}, {"encode-image", "1", ""}, {"encode-text", "0", ""}, {"encode-text", "1", ""},
            {"train-image", "0.3", ""}, {"train-early", "0.1", ""}, {"train-joint-space", "1", ""},
            {"project", "-1", "image-tsne"}, {"tsne", "0.5", ""}, {"tsne", "1", ""},
            {"project", "-1", "text-tsne"}, {"tsne", "0.2", ""}, {"project", "-1", "fused-tsne"}, {"tsne", "0.9", ""},
        };
        for (String[] r : reports) {
            double now = p.update(r[0], Double.parseDouble(r[1]), r[2]).fraction();
            assertThat(now).as("after %s %s", r[0], r[1]).isGreaterThanOrEqualTo(last);
            last = now;
        }
        assertThat(last).isBetween(0.9, 1.0);
        assertThat(p.update("encode-image", 0.0, "").fraction()).as("never back to the start").isEqualTo(last);
    }

    @Test
    void projectionStagesNameTheirSpace() {
        RunProgress p = new RunProgress(RunProgress.JobShape.REPROJECT);
        p.update("project", -1, "image-tsne");
        p.update("project", -1, "text-tsne");
        p.update("project", -1, "fused-tsne");
        RunProgress.Step step = p.update("tsne", 0.5, "iteration 300/750");
        assertThat(step.stage()).isEqualTo("tsne (fused space)");
        assertThat(step.fraction()).isCloseTo((2 + 0.5) / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void otherJobsShowTheirStageAsReported() {
        RunProgress p = new RunProgress(RunProgress.JobShape.SINGLE);
        assertThat(p.update("export", 0.3, "embeddings")).isEqualTo(new RunProgress.Step("export", 0.3));
    }

    @Test
    void saveDialogsOpenWhereTheLastFileWent(@TempDir Path dir) throws Exception {
        RecentFolder recent = new RecentFolder(null);
        assertThat(recent.initialFolder()).contains(Path.of(System.getProperty("user.home")));
        Path sub = Files.createDirectories(dir.resolve("figures"));
        recent.used(sub.resolve("plot.png"));
        assertThat(recent.initialFolder()).contains(sub);
        Files.delete(sub);
        assertThat(recent.initialFolder().orElse(null)).as("a folder that is gone is not offered").isNotEqualTo(sub);
    }
}
