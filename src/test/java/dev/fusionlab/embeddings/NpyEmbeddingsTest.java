package dev.fusionlab.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.io.npy.NpyFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec's own cases are in {@code io.npy.NpyTest}; this is what the embeddings add: provenance and errors. */
class NpyEmbeddingsTest {

    private static final float[][] ROWS = {{1, -2, 0.5f}, {3.25f, 0, -0.125f}, {8, 16, -1024}, {0.75f, 1.5f, 2}};

    @TempDir
    Path dir;

    @Test
    void aMatrixComesWithItsDtypeAndTheSha256OfTheFile() throws Exception {
        Path file = NpyFixture.write(dir.resolve("m.npy"), ROWS, ">f2", true);

        EmbeddingMatrix m = NpyEmbeddings.read(file);

        assertThat(m.rows()).isDeepEqualTo(ROWS);
        assertThat(m.dtype()).isEqualTo("float16");
        assertThat(m.ids()).isNull();
        assertThat(m.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
    }

    @Test
    void readsWhatFusionLabWrites() throws IOException {
        Path file = dir.resolve("w.npy");
        Npy.write(file, ROWS);
        assertThat(new EmbeddingSource("image", file, null).read().rows()).isDeepEqualTo(ROWS);
    }

    @Test
    void anIntegerDtypeIsRefusedNamingTheFileAndTheDtype() throws IOException {
        Path file = NpyFixture.write(dir.resolve("ints.npy"), ROWS, "<i8", false);
        assertThatThrownBy(() -> NpyEmbeddings.read(file)).isInstanceOf(EmbeddingFileException.class)
                .hasMessageStartingWith(file + ": dtype <i8").hasMessageContaining("float32");
    }

    @Test
    void aOneDimensionalArrayIsNotAMatrix() throws IOException {
        Path file = NpyFixture.raw(dir.resolve("v.npy"), "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new byte[12]);
        assertThatThrownBy(() -> NpyEmbeddings.read(file)).isInstanceOf(EmbeddingFileException.class)
                .hasMessageContaining("v.npy").hasMessageContaining("not 2-D");
    }

    @Test
    void truncatedDataIsNamed() throws IOException {
        Path file = NpyFixture.raw(dir.resolve("t.npy"), "{'descr': '<f4', 'fortran_order': False, 'shape': (10, 4), }", new byte[20]);
        assertThatThrownBy(() -> NpyEmbeddings.read(file)).hasMessageContaining("t.npy").hasMessageContaining("truncated")
                .hasMessageContaining("10 x 4");
    }

    @Test
    void aFileThatIsNotNpyIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("x.npy"), "hello");
        assertThatThrownBy(() -> NpyEmbeddings.read(file)).isInstanceOf(EmbeddingFileException.class)
                .hasMessageContaining("x.npy").hasMessageContaining("not a .npy");
    }
}
