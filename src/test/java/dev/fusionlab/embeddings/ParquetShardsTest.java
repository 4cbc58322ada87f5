package dev.fusionlab.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.data.Sample;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of Parquet shards (what a Spark job writes) opens as one table, its rows in shard-name order. */
class ParquetShardsTest {

    @TempDir
    Path dir;

    /** Two shards written in reverse name order, plus Spark's marker and checksum files, which are skipped. */
    private Path shards() throws IOException {
        Path table = Files.createDirectories(dir.resolve("emb"));
        shard(table.resolve("part-00001-x.snappy.parquet"), List.of("c"), "dog", new float[][] {{5, 6, 7}}, new float[][] {{0.5f, 0}});
        shard(table.resolve("part-00000-x.snappy.parquet"), List.of("a", "b"), "cat",
                new float[][] {{1, 2, 3}, {2, 3, 4}}, new float[][] {{1, 0}, {0, 1}});
        Files.writeString(table.resolve("_SUCCESS"), "");
        Files.writeString(table.resolve(".part-00000-x.snappy.parquet.crc"), "not parquet");
        return table;
    }

    private static void shard(Path file, List<String> ids, String label, float[][] image, float[][] text) throws IOException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("label", ids.stream().map(i -> label).toList());
        columns.put("image", ids.stream().map(i -> "images/" + i + ".png").toList());
        Map<String, float[][]> vectors = new LinkedHashMap<>();
        vectors.put("image_embedding", image);
        vectors.put("text_embedding", text);
        ParquetTables.write(file, ids, columns, Map.of(), vectors);
    }

    @Test
    void readsEveryShardInNameOrder() throws IOException {
        Path table = shards();
        EmbeddingMatrix m = ParquetTables.readVectors(table, "image_embedding");
        assertThat(m.ids()).containsExactly("a", "b", "c");
        assertThat(m.rows()).isDeepEqualTo(new float[][] {{1, 2, 3}, {2, 3, 4}, {5, 6, 7}});
        assertThat(m.sha256()).hasSize(64);
        assertThat(ParquetTables.readMetadata(table).values(1)).containsExactly("cat", "cat", "dog");
    }

    @Test
    void oneTableWithImageAndTextEmbeddingsOpensAsBothModalities() throws IOException {
        Path table = shards();
        ImportSpec spec = EmbeddingImport.withPairedColumns(ImportSpec.of(
                List.of(EmbeddingSource.parse(table.toString(), 0)), null, Alignment.ORDER));
        assertThat(spec.sources()).extracting(EmbeddingSource::column).containsExactly("image_embedding", "text_embedding");

        ImportedEmbeddings opened = EmbeddingImport.open(spec, TaskContext.silent());
        assertThat(opened.isPaired()).isTrue();
        assertThat(opened.samples()).extracting(Sample::id).containsExactly("a", "b", "c");
        assertThat(opened.samples()).extracting(Sample::label).containsExactly("cat", "cat", "dog");
        assertThat(opened.samples().getFirst().image()).isEqualTo(table.resolve("images/a.png").toAbsolutePath());
        assertThat(opened.modalities().get(1).rows()[2]).containsExactly(0.5f, 0);
    }

    @Test
    void aColumnOfAFolderIsNamedAfterAHash() throws IOException {
        Path table = shards();
        EmbeddingSource text = EmbeddingSource.parse("text=" + table + "#text_embedding", 1);
        assertThat(text.file()).isEqualTo(table);
        assertThat(text.column()).isEqualTo("text_embedding");
        assertThat(text.read().dimension()).isEqualTo(2);
        // without a column, a single source of a table holding several vector columns says which to name
        assertThatThrownBy(() -> ParquetTables.readVectors(table, null)).hasMessageContaining("several vector columns");
    }

    @Test
    void aFolderWithoutShardsIsAnErrorNamingIt() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("_SUCCESS"), "");
        assertThatThrownBy(() -> new EmbeddingSource("image", empty, null).read())
                .isInstanceOf(EmbeddingFileException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("without any .parquet file");
    }
}
