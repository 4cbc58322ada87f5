package dev.fusionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fusionlab.embeddings.ParquetTables;
import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.export.ProjectionCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --embeddings} and {@code plot}: embeddings made elsewhere, end to end. */
class EmbeddingCommandsTest {

    private static final int N = 90;
    private static final String[] CLASSES = {"cat", "dog", "bird"};

    @TempDir
    Path dir;

    /** Two modalities whose rows carry their class: image = class centre + noise, text = another view of it. */
    private float[][] modality(int d, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[CLASSES.length][d];
        for (float[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = (float) (3 * random.nextGaussian());
            }
        }
        float[][] rows = new float[N][d];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = centres[i % CLASSES.length][j] + (float) random.nextGaussian();
            }
        }
        return rows;
    }

    private Path metadata() throws IOException {
        List<String> lines = new ArrayList<>(List.of("id\tlabel\tcaption\tscore"));
        for (int i = 0; i < N; i++) {
            lines.add("s" + i + "\t" + CLASSES[i % CLASSES.length] + "\ta " + CLASSES[i % CLASSES.length] + " " + i + "\t" + (i / 10.0));
        }
        return Files.write(dir.resolve("metadata.tsv"), lines);
    }

    @Test
    void runOnTwoModalitiesGivesFusionRetrievalAndTheWayOut() throws IOException {
        Path image = Files.createDirectories(dir.resolve("img")).resolve("image.npy");
        Path text = Files.createDirectories(dir.resolve("txt")).resolve("text.npy");
        Npy.write(image, modality(12, 1));
        ProjectionCsv.writeIds(image.resolveSibling("ids.csv"), IntStream.range(0, N).mapToObj(i -> "s" + i).toList());
        // the text file lists its rows in reverse order: aligned by id, they must find their images
        float[][] t = modality(8, 2);
        List<float[]> reversed = new ArrayList<>(List.of(t));
        java.util.Collections.reverse(reversed);
        Npy.write(text, reversed.toArray(float[][]::new));
        ProjectionCsv.writeIds(text.resolveSibling("ids.csv"), IntStream.range(0, N).map(i -> N - 1 - i).mapToObj(i -> "s" + i).toList());
        Path out = dir.resolve("out");

        int code = FusionLabCli.execute("run", "--embeddings", image + "," + text, "--metadata", metadata().toString(),
                "--align", "id", "--projection", "pca", "--out", out.toString(), "--export", "tfprojector,parquet");

        assertThat(code).isZero();
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.path("strategies").path("early").path("accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(metrics.path("retrieval").path("test_pairs").asInt()).isGreaterThan(1);
        for (String space : List.of("image", "text", "fused")) {
            assertThat(out.resolve("projections/" + space + "-pca.csv")).exists();
            assertThat(out.resolve("plots/" + space + "-pca.svg")).exists();
            assertThat(Files.readAllLines(out.resolve("projector/" + space + "/tensors.tsv"))).hasSize(N);
        }
        assertThat(Files.readAllLines(out.resolve("projector/image/metadata.tsv")).getFirst()).startsWith("id\tlabel\ttext\tsplit");
        assertThat(ParquetTables.columns(out.resolve("parquet/embeddings.parquet"))).extracting(ParquetTables.Column::name)
                .contains("id", "label", "text", "score", "image_embedding", "text_embedding", "fused_embedding", "image_pca_x",
                        "fused_pca_y");
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(run.path("encoders").get(0).path("id").asText()).startsWith("file:").endsWith("image.npy");
        assertThat(run.path("encoders").get(1).toString()).containsPattern("\"[0-9a-f]{64}\""); // the file's sha256
    }

    @Test
    void runOnOneModalityExploresIt() throws IOException {
        Path e = dir.resolve("e.npy");
        Npy.write(e, modality(6, 3));
        Path out = dir.resolve("one");

        assertThat(FusionLabCli.execute("run", "--embeddings", "text=" + e, "--metadata", metadata().toString(),
                "--align", "order", "--projection", "pca", "--out", out.toString())).isZero();

        assertThat(out.resolve("projections/text-pca.csv")).exists();
        assertThat(out.resolve("predictions.csv")).doesNotExist();
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("exploration only");
    }

    @Test
    void plotWritesAVectorFigureWithALegendAndItsPoints() throws IOException {
        Path e = dir.resolve("e.npy");
        Npy.write(e, modality(6, 4));
        Path fig = dir.resolve("figs/fig.svg");

        Output o = capture(() -> FusionLabCli.execute("plot", "--embeddings", e.toString(), "--metadata", metadata().toString(),
                "--align", "order", "--colour-by", "label", "--method", "pca", "--out", fig.toString(), "--title", "Pets"));

        assertThat(o.code()).isZero();
        String svg = Files.readString(fig);
        assertThat(svg).contains("Pets").contains(">bird<").contains(">cat<").contains(">dog<").contains("#e69f00");
        List<String> csv = Files.readAllLines(dir.resolve("figs/fig.csv"));
        assertThat(csv.getFirst()).isEqualTo("id,x,y,label");
        assertThat(csv).hasSize(N + 1).anyMatch(line -> line.startsWith("s4,") && line.endsWith(",dog"));
        assertThat(o.out()).contains("90 points");
    }

    @Test
    void plotBinsANumericColumnAlongViridisAndWritesPdfAndPng() throws IOException {
        Path e = dir.resolve("e.npy");
        Npy.write(e, modality(6, 5));
        for (String ext : List.of("pdf", "png")) {
            Output o = capture(() -> FusionLabCli.execute("plot", "--embeddings", e.toString(), "--metadata", metadata().toString(),
                    "--align", "order", "--colour-by", "score", "--method", "pca", "--dpi", "150", "--out",
                    dir.resolve("s." + ext).toString()));
            assertThat(o.code()).isZero();
            assertThat(o.out()).contains("quantile bins, viridis");
            assertThat(Files.size(dir.resolve("s." + ext))).isGreaterThan(1000);
        }
    }

    @Test
    void anUnknownColumnFailsNamingTheColumnsThereAre() throws IOException {
        Path e = dir.resolve("e.npy");
        Npy.write(e, modality(6, 6));
        Output o = capture(() -> FusionLabCli.execute("plot", "--embeddings", e.toString(), "--metadata", metadata().toString(),
                "--align", "order", "--colour-by", "colour", "--method", "pca", "--out", dir.resolve("x.png").toString()));
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).contains("no metadata column 'colour'").contains("score");
    }

    @Test
    void theAlignmentMustBeSaid() throws IOException {
        Path e = dir.resolve("e.npy");
        Npy.write(e, modality(6, 7));
        Output o = capture(() -> FusionLabCli.execute("plot", "--embeddings", e.toString(), "--method", "pca",
                "--out", dir.resolve("x.png").toString()));
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).contains("--align order or --align id");
    }

    private record Output(int code, String out, String err) {
    }

    private interface Command {
        int run() throws IOException;
    }

    private static Output capture(Command command) throws IOException {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = command.run();
            return new Output(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
