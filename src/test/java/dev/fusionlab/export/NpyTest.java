package dev.fusionlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAMatrixWithTheHeaderNumpyExpects() throws IOException {
        float[][] m = {{1f, -2.5f, 3f}, {0f, 1e-7f, Float.MAX_VALUE}};
        Path file = dir.resolve("sub/m.npy");
        Npy.write(file, m);

        assertThat(Npy.read(file)).isDeepEqualTo(m);
        byte[] bytes = Files.readAllBytes(file);
        String header = new String(bytes, 10, bytes.length - 10 - 6 * 4, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        assertThat((bytes.length - 6 * 4) % 64).as("data starts 64-byte aligned").isZero();
    }

    @Test
    void refusesATruncatedFileNamingIt() throws IOException {
        Path file = dir.resolve("cut.npy");
        Npy.write(file, new float[][] {{1f, 2f}, {3f, 4f}});
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));

        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut.npy").hasMessageContaining("truncated");
    }

    @Test
    void refusesSomethingThatIsNotNpy() throws IOException {
        Path file = dir.resolve("x.npy");
        Files.writeString(file, "id,x,y\n");
        assertThatThrownBy(() -> Npy.read(file)).hasMessageContaining("x.npy").hasMessageContaining("magic");
    }
}
