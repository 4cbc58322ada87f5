package dev.fusionlab.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.data.Sample;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTablesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackVectorsIdsAndMetadata() throws IOException {
        Path file = dir.resolve("t.parquet");
        Map<String, List<String>> text = new LinkedHashMap<>();
        text.put("label", Arrays.asList("cat", null));
        ParquetTables.write(file, List.of("a", "b"), text, Map.of("umap_x", new double[] {0.5, -1}),
                Map.of("image", new float[][] {{1, 2, 3}, {4, 5, 6.5f}}));

        assertThat(ParquetTables.columns(file)).extracting(ParquetTables.Column::type)
                .containsExactly("VARCHAR", "VARCHAR", "DOUBLE", "FLOAT[]"); // Parquet stores arrays as lists
        EmbeddingMatrix m = ParquetTables.readVectors(file, null);
        assertThat(m.rows()).isDeepEqualTo(new float[][] {{1, 2, 3}, {4, 5, 6.5f}});
        assertThat(m.ids()).containsExactly("a", "b");
        MetadataTable t = ParquetTables.readMetadata(file);
        assertThat(t.columns()).containsExactly("id", "label", "umap_x");
        assertThat(t.rows().get(1)).containsExactly("b", "", "-1.0");
    }

    @Test
    void aParquetTableIsItsOwnMetadata() throws Exception {
        Path file = dir.resolve("atlas.parquet");
        sql("COPY (SELECT * FROM (VALUES ('p1', 'cat', [1.0, 2.0]::DOUBLE[]), ('p2', 'dog', [3.0, 4.0]::DOUBLE[])) "
                + "t(id, label, embedding)) TO '" + file + "' (FORMAT parquet)");

        ImportedEmbeddings imported = EmbeddingImport.open(ImportSpec.of(
                List.of(EmbeddingSource.parse(file.toString(), 0)), null, Alignment.ID), TaskContext.silent());

        assertThat(imported.samples()).extracting(Sample::label).containsExactly("cat", "dog");
        assertThat(imported.modalities().getFirst().rows()).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}});
    }

    @Test
    void raggedListsNameTheFirstDifferingRow() throws Exception {
        Path file = dir.resolve("ragged.parquet");
        sql("COPY (SELECT * FROM (VALUES ([1.0, 2.0]::FLOAT[]), ([1.0, 2.0]::FLOAT[]), ([3.0]::FLOAT[])) t(v)) TO '"
                + file + "' (FORMAT parquet)");
        assertThatThrownBy(() -> ParquetTables.readVectors(file, null)).isInstanceOf(EmbeddingFileException.class)
                .hasMessageContaining("ragged.parquet").hasMessageContaining("ragged rows in column v")
                .hasMessageContaining("row 2 differs");
    }

    @Test
    void severalVectorColumnsMustBeNamed() throws Exception {
        Path file = dir.resolve("two.parquet");
        sql("COPY (SELECT [1.0]::FLOAT[1] AS img, [2.0, 3.0]::FLOAT[2] AS txt) TO '" + file + "' (FORMAT parquet)");
        assertThatThrownBy(() -> ParquetTables.readVectors(file, null)).hasMessageContaining("several vector columns");
        assertThat(EmbeddingSource.parse(file + "#txt", 1).read().rows()).isDeepEqualTo(new float[][] {{2, 3}});
    }

    @Test
    void textVectorsAreRefused() throws Exception {
        Path file = dir.resolve("s.parquet");
        sql("COPY (SELECT ['a', 'b'] AS v) TO '" + file + "' (FORMAT parquet)");
        assertThatThrownBy(() -> ParquetTables.readVectors(file, null)).hasMessageContaining("s.parquet")
                .hasMessageContaining("floating-point");
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
