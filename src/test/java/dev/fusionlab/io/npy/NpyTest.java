package dev.fusionlab.io.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyTest {

    /** Values exact in float16 too, so every dtype must give back the same numbers. */
    private static final float[][] ROWS = {{1, -2, 0.5f}, {3.25f, 0, -0.125f}, {8, 16, -1024}, {0.75f, 1.5f, 2}};

    /** What the legacy fixtures hold: written by export.Npy and workspace.NpyCodec before they were merged. */
    private static final float[][] LEGACY_FLOATS = {{1f, -2.5f, 3f, -0f}, {Float.MIN_VALUE, 1e-7f, Float.MAX_VALUE, Float.NaN},
            {Float.NEGATIVE_INFINITY, 0.1f, 123456.78f, -1f}};
    private static final double[][] LEGACY_DOUBLES = {{0.1, -0.2}, {Double.MIN_VALUE, Double.MAX_VALUE}, {-0.0, Math.PI},
            {1e300, -1e-300}, {Double.NaN, 2}};

    @TempDir
    Path dir;

    @Test
    void roundTripsAMatrixWithTheHeaderNumpyExpects() throws IOException {
        float[][] m = {{1f, -2.5f, 3f}, {0f, 1e-7f, Float.MAX_VALUE}};
        Path file = dir.resolve("sub/m.npy");
        Npy.write(file, m);

        assertThat(Npy.read(file)).isDeepEqualTo(m);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).isEqualTo(Npy.encode(m));
        String header = new String(bytes, 10, bytes.length - 10 - 6 * 4, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        assertThat((bytes.length - 6 * 4) % 64).as("data starts 64-byte aligned").isZero();
    }

    /** Files and workspaces written before the three codecs became one are written and read byte for byte the same. */
    @Test
    void writesAndReadsExactlyWhatTheOldCodecsWrote() throws IOException {
        assertThat(Npy.encode(LEGACY_FLOATS)).isEqualTo(legacy("legacy-workspace-f4.npy"));
        assertThat(Npy.encode(LEGACY_DOUBLES)).isEqualTo(legacy("legacy-workspace-f8.npy"));
        assertThat(Npy.encode(new float[0][])).isEqualTo(legacy("legacy-workspace-empty-f4.npy"));
        Path file = dir.resolve("export.npy");
        Npy.write(file, LEGACY_FLOATS);
        assertThat(Files.readAllBytes(file)).isEqualTo(legacy("legacy-export-f4.npy"));

        assertThat(bits(Npy.decodeFloats(legacy("legacy-workspace-f4.npy"), "f4"))).isEqualTo(bits(LEGACY_FLOATS));
        assertThat(bits(Npy.decodeDoubles(legacy("legacy-workspace-f8.npy"), "f8"))).isEqualTo(bits(LEGACY_DOUBLES));
        assertThat(Npy.decodeFloats(legacy("legacy-workspace-empty-f4.npy"), "empty")).isEmpty();
        Files.write(file, legacy("legacy-export-f4.npy"));
        assertThat(bits(Npy.read(file))).isEqualTo(bits(LEGACY_FLOATS));
    }

    @ParameterizedTest
    @CsvSource({"<f4,false", "<f4,true", "<f2,false", "<f2,true", "<f8,false", "<f8,true", ">f4,false", ">f8,true", ">f2,false"})
    void readsEveryFloatDtypeInBothOrdersAndByteOrders(String descr, boolean fortran) throws IOException {
        Path file = NpyFixture.write(dir.resolve("m.npy"), ROWS, descr, fortran);

        NpyMatrix m = Npy.readMatrix(file);

        assertThat(m.rows()).isDeepEqualTo(ROWS);
        assertThat(m.dtype()).isEqualTo("float" + Integer.parseInt(descr.substring(2)) * 8);
        double[][] doubles = Npy.decodeDoubles(Files.readAllBytes(file), "m.npy");
        for (int i = 0; i < ROWS.length; i++) {
            for (int j = 0; j < ROWS[i].length; j++) {
                assertThat(doubles[i][j]).isEqualTo(ROWS[i][j]);
            }
        }
    }

    @Test
    void readsWhatNumpyItselfWrites() throws IOException {
        for (String name : new String[] {"numpy-f2-fortran.npy", "numpy-big-endian-f8.npy", "numpy-v2-f4.npy"}) {
            Path file = dir.resolve(name);
            Files.write(file, legacy(name));
            assertThat(Npy.readMatrix(file).rows()).as(name).isDeepEqualTo(ROWS);
        }
    }

    /** Large files are mapped a window at a time; a tiny window makes this small one cross many boundaries. */
    @ParameterizedTest
    @CsvSource({"<f4,false,12", "<f4,false,20", "<f8,false,7", "<f4,true,8", "<f2,true,6", "<f8,true,16"})
    void windowsThatSplitTheDataGiveTheSameMatrix(String descr, boolean fortran, int windowBytes) throws IOException {
        float[][] rows = new float[37][5];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 5; j++) {
                rows[i][j] = i * 8 + j - 100; // exact in float16
            }
        }
        Path file = NpyFixture.write(dir.resolve("w.npy"), rows, descr, fortran);
        assertThat(Npy.readMatrix(file, windowBytes).rows()).isDeepEqualTo(rows);
    }

    @Test
    void aVectorIsOneColumnForReadButNotAMatrix() throws IOException {
        byte[] data = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).putFloat(3).array();
        Path file = NpyFixture.raw(dir.resolve("v.npy"), "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", data);

        assertThat(Npy.read(file)).isDeepEqualTo(new float[][] {{1}, {2}, {3}});
        assertThatThrownBy(() -> Npy.readMatrix(file)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("v.npy").hasMessageContaining("shape (3,) is not 2-D");
    }

    @Test
    void anIntegerDtypeIsRefusedNamingTheFileAndTheDtype() throws IOException {
        Path file = NpyFixture.write(dir.resolve("ints.npy"), ROWS, "<i8", false);
        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("ints.npy").hasMessageContaining("dtype <i8").hasMessageContaining("float32");
    }

    @Test
    void truncatedDataIsNamed() throws IOException {
        Path file = dir.resolve("cut.npy");
        Npy.write(file, new float[][] {{1f, 2f}, {3f, 4f}});
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));

        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("cut.npy").hasMessageContaining("truncated data")
                .hasMessageContaining("2 x 2 float32 (16 bytes) but 13 bytes follow");
        assertThatThrownBy(() -> Npy.decodeFloats(Arrays.copyOf(bytes, 30), "entry/a.npy"))
                .hasMessageContaining("entry/a.npy").hasMessageContaining("truncated .npy header");
    }

    @Test
    void somethingThatIsNotNpyIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("x.npy"), "id,x,y\n");
        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("x.npy").hasMessageContaining("not a .npy file").hasMessageContaining("magic");
        assertThatThrownBy(() -> Npy.decodeDoubles(new byte[0], "empty.npy")).hasMessageContaining("empty.npy: not a .npy");
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        byte[] bytes = legacy("legacy-workspace-f4.npy");
        bytes[6] = 9;
        assertThatThrownBy(() -> Npy.decodeFloats(bytes, "v9.npy")).hasMessageContaining("v9.npy")
                .hasMessageContaining("version 9.0 is not supported");
    }

    @Test
    void aRaggedMatrixIsRefusedBeforeTheFileIsTouched() {
        Path file = dir.resolve("ragged.npy");
        float[][] ragged = {{1, 2}, {3}};
        assertThatThrownBy(() -> Npy.write(file, ragged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 has 1 values, row 0 has 2");
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> Npy.encode(new double[][] {{1}, {2, 3}})).hasMessageContaining("ragged");
    }

    private static byte[] legacy(String name) {
        try (InputStream in = NpyTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int[][] bits(float[][] m) {
        return Arrays.stream(m).map(r -> {
            int[] b = new int[r.length];
            for (int j = 0; j < r.length; j++) {
                b[j] = Float.floatToRawIntBits(r[j]);
            }
            return b;
        }).toArray(int[][]::new);
    }

    private static long[][] bits(double[][] m) {
        return Arrays.stream(m).map(r -> Arrays.stream(r).mapToLong(Double::doubleToRawLongBits).toArray()).toArray(long[][]::new);
    }
}
