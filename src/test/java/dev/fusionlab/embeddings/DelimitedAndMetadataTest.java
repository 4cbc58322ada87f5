package dev.fusionlab.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedAndMetadataTest {

    @TempDir
    Path dir;

    @Test
    void readsTfProjectorTensors() throws IOException {
        Path file = Files.writeString(dir.resolve("tensors.tsv"), "1\t2\t3\n-0.5\t0\t1e-3\n");
        EmbeddingMatrix m = DelimitedMatrixReader.read(file);
        assertThat(m.rows()).isDeepEqualTo(new float[][] {{1, 2, 3}, {-0.5f, 0, 1e-3f}});
        assertThat(m.ids()).isNull();
    }

    @Test
    void aRaggedRowNamesTheFileAndTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("tensors.tsv"), "1\t2\t3\n4\t5\t6\n7\t8\n");
        assertThatThrownBy(() -> DelimitedMatrixReader.read(file)).isInstanceOf(EmbeddingFileException.class)
                .hasMessageContaining("tensors.tsv").hasMessageContaining("line 3 has 2 values, the first row 3");
    }

    @Test
    void aCsvWithAHeaderTakesItsIdColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("e.csv"), "id,d0,d1\na,1,2\nb,3,4\n");
        EmbeddingMatrix m = DelimitedMatrixReader.read(file);
        assertThat(m.ids()).containsExactly("a", "b");
        assertThat(m.rows()).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}});
    }

    @Test
    void aWordAmongNumbersIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("e.csv"), "1,2\n3,x\n");
        assertThatThrownBy(() -> DelimitedMatrixReader.read(file)).hasMessageContaining("e.csv")
                .hasMessageContaining("line 2, column 2: 'x' is not a number");
    }

    @Test
    void aSingleColumnProjectorMetadataHasNoHeader() throws IOException {
        Path file = Files.writeString(dir.resolve("metadata.tsv"), "cat\ndog\ncat\n");
        MetadataTable t = MetadataTable.read(file);
        assertThat(t.columns()).containsExactly("label");
        assertThat(t.size()).isEqualTo(3);
    }

    @Test
    void aMultiColumnProjectorMetadataHasAHeader() throws IOException {
        Path file = Files.writeString(dir.resolve("metadata.tsv"), "id\tlabel\tscore\na\tcat\t0.5\nb\tdog\t0.7\n");
        MetadataTable t = MetadataTable.read(file);
        assertThat(t.columns()).containsExactly("id", "label", "score");
        assertThat(t.values(t.column("LABEL"))).containsExactly("cat", "dog");
    }

    @Test
    void aRaggedMetadataRowIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("m.tsv"), "id\tlabel\na\tcat\nb\n");
        assertThatThrownBy(() -> MetadataTable.read(file)).hasMessageContaining("m.tsv").hasMessageContaining("line 3");
    }
}
