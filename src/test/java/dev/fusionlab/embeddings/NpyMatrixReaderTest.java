package dev.fusionlab.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.export.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyMatrixReaderTest {

    /** Values exact in float16 too, so every dtype must give back the same numbers. */
    private static final float[][] ROWS = {{1, -2, 0.5f}, {3.25f, 0, -0.125f}, {8, 16, -1024}, {0.75f, 1.5f, 2}};

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"<f4,false", "<f4,true", "<f2,false", "<f2,true", "<f8,false", "<f8,true", ">f4,false", ">f8,true"})
    void readsEveryFloatDtypeInBothOrders(String descr, boolean fortran) throws IOException {
        Path file = NpyFixture.write(dir.resolve("m.npy"), ROWS, descr, fortran);

        EmbeddingMatrix m = NpyMatrixReader.read(file);

        assertThat(m.rows()).isDeepEqualTo(ROWS);
        assertThat(m.dtype()).isEqualTo("float" + Integer.parseInt(descr.substring(2)) * 8);
        assertThat(m.sha256()).hasSize(64);
    }

    @Test
    void readsWhatFusionLabWrites() throws IOException {
        Path file = dir.resolve("w.npy");
        Npy.write(file, ROWS);
        assertThat(NpyMatrixReader.read(file).rows()).isDeepEqualTo(ROWS);
    }

    @Test
    void anIntegerDtypeIsRefusedNamingTheFileAndTheDtype() throws IOException {
        Path file = NpyFixture.write(dir.resolve("ints.npy"), ROWS, "<i8", false);
        assertThatThrownBy(() -> NpyMatrixReader.read(file)).isInstanceOf(EmbeddingFileException.class)
                .hasMessageContaining("ints.npy").hasMessageContaining("dtype <i8").hasMessageContaining("float32");
    }

    @Test
    void aOneDimensionalArrayIsNotAMatrix() throws IOException {
        Path file = NpyFixture.raw(dir.resolve("v.npy"), "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new byte[12]);
        assertThatThrownBy(() -> NpyMatrixReader.read(file)).hasMessageContaining("v.npy").hasMessageContaining("not 2-D");
    }

    @Test
    void truncatedDataIsNamed() throws IOException {
        Path file = NpyFixture.raw(dir.resolve("t.npy"), "{'descr': '<f4', 'fortran_order': False, 'shape': (10, 4), }", new byte[20]);
        assertThatThrownBy(() -> NpyMatrixReader.read(file)).hasMessageContaining("t.npy").hasMessageContaining("truncated")
                .hasMessageContaining("10 x 4");
    }

    @Test
    void aFileThatIsNotNpyIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("x.npy"), "hello");
        assertThatThrownBy(() -> NpyMatrixReader.read(file)).hasMessageContaining("x.npy").hasMessageContaining("not a .npy");
    }
}
