package dev.fusionlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.classify.Strategy;
import dev.fusionlab.export.plot.LegendEntry;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.ui.TestRuns;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Correct/wrong and early vs late on the test split only, and legend counts (issue 13, the teacher's asks). */
class PointColouringSplitTest {

    @Test
    void testOnlyGreysTheTrainingPointsAndSaysSo(@TempDir Path dir) {
        RunResult run = TestRuns.clusters(300, dir);
        Predictions p = Predictions.of(run, run.lateFusion());
        int tests = p.testIndices().length;
        for (ColourMode mode : new ColourMode[] {ColourMode.CORRECTNESS, ColourMode.AGREEMENT}) {
            PointColouring test = PointColouring.of(mode, p, Strategy.LATE, true);
            assertThat(Arrays.stream(test.category()).filter(c -> c >= 0).count()).isEqualTo(tests);
            assertThat(test.colouredCount()).as("what the plot's title counts").isEqualTo(tests);
            assertThat(test.title()).endsWith("· test split");
            assertThat(test.legend().getLast().label()).isEqualTo("not in the test split (" + (p.size() - tests) + ")");
            PointColouring all = PointColouring.of(mode, p, Strategy.LATE, false);
            assertThat(all.title()).endsWith("· all splits");
            assertThat(Arrays.stream(all.category()).filter(c -> c >= 0).count()).isGreaterThan(tests);
            assertThat(all.colouredCount()).isEqualTo((int) Arrays.stream(all.category()).filter(c -> c >= 0).count());
        }
    }

    @Test
    void everyLegendEntryCountsItsPoints(@TempDir Path dir) {
        RunResult run = TestRuns.clusters(300, dir);
        Predictions p = Predictions.of(run, run.lateFusion());
        PointColouring c = PointColouring.of(ColourMode.LABEL, p, Strategy.LATE, true);
        int total = 0;
        for (LegendEntry e : c.legend()) {
            String label = e.label();
            assertThat(label).matches(".* \\(\\d+\\)");
            total += Integer.parseInt(label.substring(label.lastIndexOf('(') + 1, label.length() - 1));
        }
        assertThat(total).isEqualTo(p.size());
    }
}
