package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void drawsABarWithPercentAndMessage() {
        assertThat(TerminalProgress.line("encode-image", 0.5, "batch 3/6"))
                .isEqualTo("encode-image   [###############               ]  50% batch 3/6");
    }

    @Test
    void logsOnlyStageStartsAndQuarterStepsWhenNotATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        for (int i = 0; i <= 100; i++) {
            progress.update("train", i / 100.0, "epoch " + i);
        }
        progress.update("project", -1, "UMAP");

        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(6); // 0 %, 25 %, 50 %, 75 %, 100 %, then the next stage
        assertThat(lines[5]).startsWith("project").endsWith("UMAP");
    }
}
