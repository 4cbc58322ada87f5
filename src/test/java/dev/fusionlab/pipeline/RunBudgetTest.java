package dev.fusionlab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionSettings;
import dev.fusionlab.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run too large for the heap is refused from counts, before anything is encoded or allocated. */
class RunBudgetTest {

    private static final long GB = 1L << 30;
    private static final int SYNTHETIC = 200_000;

    @TempDir
    Path tmp;

    private static RunBudget of(long n, ProjectionMethod method) {
        return new RunBudget(n, 1280, 384, method, ProjectionSettings.defaults());
    }

    @Test
    void twoHundredThousandSamplesAreEstimatedFromCounts() {
        RunBudget tsne = of(SYNTHETIC, ProjectionMethod.TSNE);
        // image 1280 + text 384 + fused 1664 float32 per sample, plus three row headers
        assertThat(tsne.embeddingBytes()).isEqualTo(200_000L * (4 * 3328 + 48));
        assertThat(tsne.totalBytes()).isBetween(4 * GB, 16 * GB);
        for (ProjectionMethod m : ProjectionMethod.values()) {
            assertThat(of(SYNTHETIC, m).projectionBytes()).as(m.label()).isPositive()
                    .isLessThan(of(SYNTHETIC, m).totalBytes());
            assertThat(of(SYNTHETIC, m).totalBytes()).as("linear in the samples")
                    .isGreaterThan(of(SYNTHETIC / 2, m).totalBytes());
        }
        assertThat(tsne.fitsIn(64 * GB)).isTrue();
        assertThat(tsne.fitsIn(4 * GB)).isFalse();
        assertThat(of(1906, ProjectionMethod.UMAP).fitsIn(GB)).as("the demo fits in 1 GB").isTrue();
    }

    @Test
    void theRefusalSaysWhatItNeedsAndWhatToDo() {
        assertThatThrownBy(() -> of(SYNTHETIC, ProjectionMethod.UMAP).require("big.csv", 3 * GB, 4 * GB))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("big.csv: 200,000 samples are too many for this heap")
                .hasMessageContaining("of the 4.0 GB heap are free")
                .hasMessageContaining("FUSIONLAB_JAVA_OPTS=-Xmx")
                .hasMessageContaining("nothing was encoded");
    }

    @Test
    void aPipelineRefusesBeforeEncodingOrAllocating() throws Exception {
        List<Sample> samples = new ArrayList<>(SYNTHETIC);
        Split[] splits = {Split.TRAIN, Split.TRAIN, Split.VALIDATION, Split.TEST};
        for (int i = 0; i < SYNTHETIC; i++) { // images that do not exist: encoding them would fail each one
            samples.add(new Sample("s" + i, tmp.resolve("img" + i + ".png"), "caption " + i, "c" + (i % 10),
                    splits[i % 4], null, null));
        }
        Dataset dataset = new Dataset(tmp, "synthetic", samples, List.of());
        RunConfig config = RunConfig.defaults().withDataset(tmp.toString());
        RunBudget budget = new RunBudget(SYNTHETIC, 1280, 384, config.projection(), config.projectionSettings());
        assumeTrue(!budget.fitsIn(RunBudget.freeHeap()), "this JVM's heap is large enough for the run");
        Path cache = tmp.resolve("cache");

        try (Pipeline pipeline = new Pipeline(cache, 8, 32)) {
            Runtime rt = Runtime.getRuntime();
            long usedBefore = rt.totalMemory() - rt.freeMemory();
            assertThatThrownBy(() -> pipeline.run(dataset, config, Map.of(), TaskContext.silent(), LiveLayouts.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("200,000 samples are too many");
            long grown = rt.totalMemory() - rt.freeMemory() - usedBefore;
            assertThat(grown).as("bytes allocated on the way to the refusal").isLessThan(GB / 2);
        }
        try (Stream<Path> files = Files.list(cache)) { // caches opened, nothing encoded into them
            for (Path f : files.toList()) { // a header (key incl. input pipeline) is < 1000 bytes, one record >= 1572
                assertThat(Files.size(f)).as(f.toString()).isLessThan(1000);
            }
        }
    }
}
