package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.export.ProjectionCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandTest {

    @TempDir
    Path dir;

    @Test
    void projectsAnNpyMatrixUsingTheIdsBesideIt() throws IOException {
        Path npy = dir.resolve("emb.npy");
        Npy.write(npy, gaussian(60, 5));
        ProjectionCsv.writeIds(dir.resolve("ids.csv"), java.util.stream.IntStream.range(0, 60).mapToObj(i -> "s" + i).toList());
        Path out = dir.resolve("layout.csv");

        assertThat(FusionLabCli.execute("project", "--embeddings", npy.toString(), "--method", "tsne",
                "--perplexity", "10", "--out", out.toString())).isZero();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(61);
        assertThat(lines.get(0)).isEqualTo("id,x,y");
        assertThat(lines.get(1)).startsWith("s0,");
    }

    @Test
    void withoutAnIdsFileTheIdsAreRowNumbers() throws IOException {
        Path npy = dir.resolve("m.npy");
        Npy.write(npy, gaussian(20, 3));
        Path out = dir.resolve("p.csv");
        assertThat(FusionLabCli.execute("project", "--embeddings", npy.toString(), "--method", "pca", "--out", out.toString())).isZero();
        assertThat(ProjectionCsv.readIds(out)).startsWith("0", "1", "2").hasSize(20);
    }

    @Test
    void aMissingFileIsANonZeroExit() {
        assertThat(FusionLabCli.execute("project", "--embeddings", dir.resolve("none.npy").toString(), "--method", "pca",
                "--out", dir.resolve("x.csv").toString())).isNotZero();
    }

    @Test
    void anOutOfRangeSettingFailsWithOneLineNamingIt() throws IOException {
        Path npy = dir.resolve("m.npy");
        Npy.write(npy, gaussian(20, 3));
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = FusionLabCli.execute("project", "--embeddings", npy.toString(), "--method", "umap",
                    "--min-dist", "1.5", "--out", dir.resolve("p.csv").toString());
        } finally {
            System.setErr(original);
        }
        assertThat(code).isNotZero();
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("fusionlab project: ").contains("min-dist must be in [0, 1), got 1.5");
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }

    private static float[][] gaussian(int n, int d) {
        Random random = new Random(3);
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return x;
    }
}
