package dev.fusionlab.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.data.Sample;
import dev.fusionlab.data.Split;
import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.export.ProjectionCsv;
import dev.fusionlab.pipeline.DatasetFingerprint;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingImportTest {

    @TempDir
    Path dir;

    /** Row i is {i, 10 i}: which row ended where is visible in the values. */
    private static float[][] rows(int n) {
        return IntStream.range(0, n).mapToObj(i -> new float[] {i, 10 * i}).toArray(float[][]::new);
    }

    private Path npy(String name, float[][] rows) throws IOException {
        Path file = dir.resolve(name);
        Npy.write(file, rows);
        return file;
    }

    private static ImportSpec spec(List<EmbeddingSource> sources, Path metadata, Alignment alignment) {
        return ImportSpec.of(sources, metadata, alignment);
    }

    private static EmbeddingSource source(Path file, int index) {
        return EmbeddingSource.parse(file.toString(), index);
    }

    @Test
    void byOrderEveryMetadataColumnLandsInItsSample() throws IOException {
        Path e = npy("e.npy", rows(3));
        Path m = Files.writeString(dir.resolve("m.tsv"),
                "id\tlabel\tcaption\timage\tsplit\tscore\na\tcat\ta cat\timgs/a.png\ttrain\t0.5\nb\tdog\t\t\ttest\t0.7\nc\tcat\tc\t\t\t1\n");

        ImportedEmbeddings imported = EmbeddingImport.open(spec(List.of(source(e, 0)), m, Alignment.ORDER), TaskContext.silent());

        List<Sample> s = imported.samples();
        assertThat(s).extracting(Sample::id).containsExactly("a", "b", "c");
        assertThat(s.get(0).image()).isEqualTo(dir.resolve("imgs/a.png").toAbsolutePath().normalize());
        assertThat(s.get(1).hasImage()).isFalse();
        assertThat(s.get(0).text()).isEqualTo("a cat");
        assertThat(s.get(1).text()).isEmpty();
        assertThat(s.get(0).split()).isEqualTo(Split.TRAIN);
        assertThat(s.get(2).split()).isNull(); // one modality: nothing is trained, no split is invented
        assertThat(s.get(1).extra()).containsEntry("score", "0.7");
        assertThat(imported.columns()).contains("score");
        assertThat(imported.modalities().getFirst().rows()[2]).containsExactly(2, 20);
        assertThat(imported.modalities().getFirst().encoder().id()).startsWith("file:").endsWith("e.npy");
    }

    @Test
    void byOrderARowCountMismatchNamesBothFiles() throws IOException {
        Path e = npy("e.npy", rows(3));
        Path m = Files.writeString(dir.resolve("m.tsv"), "id\tlabel\na\tx\nb\ty\n");
        assertThatThrownBy(() -> EmbeddingImport.open(spec(List.of(source(e, 0)), m, Alignment.ORDER), TaskContext.silent()))
                .isInstanceOf(EmbeddingFileException.class)
                .hasMessageContaining("m.tsv").hasMessageContaining("2 rows").hasMessageContaining("e.npy has 3");
    }

    @Test
    void byOrderDifferingIdsNameTheFirstDifferingRowOfBothFiles() throws IOException {
        Path e = npy("e.npy", rows(3));
        ProjectionCsv.writeIds(dir.resolve("ids.csv"), List.of("a", "b", "c"));
        Path m = Files.writeString(dir.resolve("m.tsv"), "id\tlabel\na\tx\nc\ty\nb\tz\n");
        assertThatThrownBy(() -> EmbeddingImport.open(spec(List.of(source(e, 0)), m, Alignment.ORDER), TaskContext.silent()))
                .hasMessageContaining("e.npy").hasMessageContaining("row 1 has id 'b'")
                .hasMessageContaining("m.tsv has id 'c'");
    }

    @Test
    void byIdTheRowsOfEveryFileFollowTheFirstEmbeddingFile() throws IOException {
        Path imageDir = Files.createDirectories(dir.resolve("img"));
        Path textDir = Files.createDirectories(dir.resolve("txt"));
        Path image = imageDir.resolve("image.npy");
        Npy.write(image, rows(4));
        ProjectionCsv.writeIds(imageDir.resolve("ids.csv"), List.of("a", "b", "c", "d"));
        Path text = textDir.resolve("text.npy");
        Npy.write(text, new float[][] {{-3, 0}, {-1, 0}, {-0, 0}, {-2, 0}}); // d, b, a, c
        ProjectionCsv.writeIds(textDir.resolve("ids.csv"), List.of("d", "b", "a", "c"));
        Path m = Files.writeString(dir.resolve("m.csv"), "label,id\nL-c,c\nL-a,a\nL-d,d\nL-b,b\nL-x,x\n");

        ImportedEmbeddings imported = EmbeddingImport.open(
                spec(List.of(source(image, 0), source(text, 1)), m, Alignment.ID), TaskContext.silent());

        assertThat(imported.samples()).extracting(Sample::id).containsExactly("a", "b", "c", "d");
        assertThat(imported.samples()).extracting(Sample::label).containsExactly("L-a", "L-b", "L-c", "L-d");
        assertThat(java.util.Arrays.stream(imported.modalities().get(1).rows()).map(r -> r[0]).toList())
                .containsExactly(0f, -1f, -2f, -3f);
        assertThat(imported.isPaired()).isTrue();
        assertThat(imported.samples()).allMatch(s -> s.split() != null); // two modalities: split for training
        assertThat(imported.encoded().image()[3]).containsExactly(3, 30);
    }

    @Test
    void byIdAMissingIdNamesTheFileThatLacksIt() throws IOException {
        Path e = npy("e.npy", rows(2));
        ProjectionCsv.writeIds(dir.resolve("ids.csv"), List.of("a", "b"));
        Path m = Files.writeString(dir.resolve("m.tsv"), "id\tlabel\na\tx\n");
        assertThatThrownBy(() -> EmbeddingImport.open(spec(List.of(source(e, 0)), m, Alignment.ID), TaskContext.silent()))
                .hasMessageContaining("m.tsv: has no row with id 'b'").hasMessageContaining("row 1 of").hasMessageContaining("e.npy");
    }

    @Test
    void byIdAFileWithoutIdsIsRefused() throws IOException {
        Path e = npy("e.npy", rows(2));
        Path m = Files.writeString(dir.resolve("m.tsv"), "id\tlabel\na\tx\nb\ty\n");
        assertThatThrownBy(() -> EmbeddingImport.open(spec(List.of(source(e, 0)), m, Alignment.ID), TaskContext.silent()))
                .hasMessageContaining("e.npy: has no ids").hasMessageContaining("--align order");
    }

    @Test
    void aDuplicateIdIsNamedWithBothRows() throws IOException {
        Path e = npy("e.npy", rows(3));
        ProjectionCsv.writeIds(dir.resolve("ids.csv"), List.of("a", "b", "a"));
        assertThatThrownBy(() -> EmbeddingImport.open(spec(List.of(source(e, 0)), null, Alignment.ID), TaskContext.silent()))
                .hasMessageContaining("duplicate id 'a' in rows 0 and 2");
    }

    @Test
    void rowsWithNanAreSkippedAsProblemsAndTheRestGoesOn() throws IOException {
        float[][] r = rows(4);
        r[1][1] = Float.NaN;
        r[3][0] = Float.POSITIVE_INFINITY;
        Path e = npy("e.npy", r);

        ImportedEmbeddings imported = EmbeddingImport.open(spec(List.of(source(e, 0)), null, Alignment.ORDER), TaskContext.silent());

        assertThat(imported.samples()).extracting(Sample::id).containsExactly("0", "2");
        assertThat(imported.problems()).extracting(p -> p.id() + ": " + p.reason())
                .containsExactly("1: embedding has NaN or infinite values", "3: embedding has NaN or infinite values");
        assertThat(imported.modalities().getFirst().rows()).hasNumberOfRows(2);
    }

    @Test
    void aTfProjectorTensorsFileFindsTheMetadataBesideIt() throws IOException {
        Path t = Files.writeString(dir.resolve("tensors.tsv"), "1\t2\n3\t4\n");
        Files.writeString(dir.resolve("metadata.tsv"), "cat\ndog\n");
        ImportedEmbeddings imported = EmbeddingImport.open(spec(List.of(source(t, 0)), null, Alignment.ORDER), TaskContext.silent());
        assertThat(imported.samples()).extracting(Sample::label).containsExactly("cat", "dog");
    }

    @Test
    void samplesWithoutImagesHaveAFingerprintThatFollowsTheirMetadata() throws IOException {
        Sample a = new Sample("a", null, "t", "x", Split.TRAIN, null, null);
        Sample b = new Sample("a", null, "t", "y", Split.TRAIN, null, null);
        assertThat(DatasetFingerprint.of(List.of(a))).isNotEqualTo(DatasetFingerprint.of(List.of(b)))
                .isEqualTo(DatasetFingerprint.of(List.of(a)));
    }
}
