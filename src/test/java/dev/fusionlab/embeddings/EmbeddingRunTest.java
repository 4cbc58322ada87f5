package dev.fusionlab.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.pipeline.LiveLayouts;
import dev.fusionlab.pipeline.Pipeline;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.project.ProjectionParams;
import dev.fusionlab.project.ProjectionSettings;
import dev.fusionlab.project.Projector;
import dev.fusionlab.project.pca.PcaLayout;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingRunTest {

    @TempDir
    Path dir;

    private static float[][] clusters(int n, int d, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = (float) ((i % 4 == j % 4 ? 4 : 0) + (j == 0 ? 0.5 * (i % 4) : 0) + random.nextGaussian());
            }
        }
        return rows;
    }

    @Test
    void theGuiOpensWithPcaThenAddsUmapKeepingIt() throws IOException {
        Path e = dir.resolve("e.npy");
        Npy.write(e, clusters(300, 10, 1));
        List<String> lines = new ArrayList<>(); // one column: TF Projector metadata without a header
        for (int i = 0; i < 300; i++) {
            lines.add("c" + i % 4);
        }
        Path m = Files.write(dir.resolve("metadata.tsv"), lines);
        ImportSpec spec = ImportSpec.of(List.of(EmbeddingSource.parse(e.toString(), 0)), m, Alignment.ORDER);

        RunResult first = EmbeddingRun.openFirstLayout(spec, RunConfig.defaults(), TaskContext.silent(), LiveLayouts.NONE);

        ProjectionKey pca = new ProjectionKey(Space.IMAGE, ProjectionMethod.PCA);
        assertThat(first.projections()).containsOnlyKeys(pca);
        assertThat(first.explainedVariance().get(pca)).hasSize(2); // the first layout's axes say their share
        assertThat(first.classes()).containsExactly("c0", "c1", "c2", "c3");
        assertThat(first.isClassified()).isFalse();
        assertThat(first.config().imageEncoder()).startsWith("file:");

        RunResult both = Pipeline.reproject(first, ProjectionMethod.UMAP, new ProjectionSettings(30, 10, 0.1),
                TaskContext.silent(), LiveLayouts.NONE);

        assertThat(both.projections()).containsOnlyKeys(new ProjectionKey(Space.IMAGE, ProjectionMethod.PCA),
                new ProjectionKey(Space.IMAGE, ProjectionMethod.UMAP));
        assertThat(both.projections().get(new ProjectionKey(Space.IMAGE, ProjectionMethod.UMAP))).hasNumberOfRows(300);
        assertThat(both.explainedVariance()).containsOnlyKeys(pca); // kept with its layout; UMAP has none
    }

    @Test
    void aPcaFittedOnASubsampleLaysOutLikeTheFullOne() {
        // distinct variances along the first axes (6, 3, then 1), as in real embeddings: the principal axes are
        // well defined, so 600 random rows find them
        Random random = new Random(2);
        float[][] data = new float[3_000][12];
        for (float[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (random.nextGaussian() * (j == 0 ? 6 : j == 1 ? 3 : 1));
            }
        }

        PcaLayout sampledLayout = FirstLayout.pca(data, 42, 600, TaskContext.silent());
        double[][] sampled = sampledLayout.points();
        PcaLayout fullLayout = FirstLayout.pca(data, 42, 3_000, TaskContext.silent());
        double[][] full = fullLayout.points();

        assertThat(full).isDeepEqualTo(Projector.project(data, ProjectionMethod.PCA, ProjectionParams.defaults(42),
                TaskContext.silent()));
        assertThat(sampled).hasNumberOfRows(3_000);
        assertThat(Math.abs(correlation(sampled, full, 0))).isGreaterThan(0.99);
        assertThat(Math.abs(correlation(sampled, full, 1))).isGreaterThan(0.95);
        assertThat(FirstLayout.pca(data, 42, 600, TaskContext.silent()).points()).isDeepEqualTo(sampled); // seeded
        // the axes' shares of the variance are over all 3,000 rows: about 36/55 and 9/55, as the full fit says
        assertThat(sampledLayout.varianceRatios()[0]).isCloseTo(fullLayout.varianceRatios()[0], within(0.01));
        assertThat(sampledLayout.varianceRatios()[1]).isCloseTo(fullLayout.varianceRatios()[1], within(0.01));
        assertThat(fullLayout.varianceRatios()[0]).isCloseTo(36.0 / 55, within(0.03));
    }

    private static double correlation(double[][] a, double[][] b, int column) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i][column] / n;
            mb += b[i][column] / n;
        }
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double x = a[i][column] - ma, y = b[i][column] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
