package dev.fusionlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache file that is damaged, foreign or unwritable never fails a run: it heals and says so. */
class EmbeddingCacheFaultsTest {

    private static final EncoderIdentity FAKE = new EncoderIdentity(Modality.IMAGE, "fake", "ab".repeat(32), 3, "fake;v1");

    @TempDir
    Path tmp;

    private static byte[] hash(int b) {
        byte[] h = new byte[32];
        h[0] = (byte) b;
        return h;
    }

    private Path fillWithThree() throws IOException {
        try (EmbeddingCache cache = EmbeddingCache.open(tmp, FAKE)) {
            cache.putAll(new byte[][] {hash(1), hash(2), hash(3)},
                    new float[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}});
            assertThat(cache.problem()).isEmpty();
            return cache.file();
        }
    }

    @Test
    void aForeignFileIsMovedAsideAndTheCacheStartsAfresh() throws IOException {
        Path file = fillWithThree();
        Files.write(file, "PK\3\4 this is a zip file, not a cache".getBytes());

        try (EmbeddingCache cache = EmbeddingCache.open(tmp, FAKE)) {
            assertThat(cache.size()).isZero();
            assertThat(cache.problem()).hasValueSatisfying(p -> assertThat(p)
                    .contains(file.toString()).contains("not a FusionLab embedding cache").contains("moved aside"));
            cache.putAll(new byte[][] {hash(9)}, new float[][] {{9, 9, 9}});
        }
        assertThat(file.resolveSibling(file.getFileName() + ".bad")).hasContent("PK\3\4 this is a zip file, not a cache");
        try (EmbeddingCache healed = EmbeddingCache.open(tmp, FAKE)) {
            assertThat(healed.problem()).isEmpty();
            assertThat(healed.get(hash(9))).containsExactly(9, 9, 9);
        }
    }

    @Test
    void aCacheWrittenWithAnotherDimensionHeals() throws IOException {
        Path file = fillWithThree();
        EncoderIdentity wider = new EncoderIdentity(Modality.IMAGE, "fake", "ab".repeat(32), 4, "fake;v1");

        try (EmbeddingCache cache = EmbeddingCache.open(tmp, wider)) {
            assertThat(cache.file()).isEqualTo(file);
            assertThat(cache.size()).isZero();
            assertThat(cache.problem()).hasValueSatisfying(p -> assertThat(p).contains("3-d vectors").contains("4-d"));
            cache.putAll(new byte[][] {hash(1)}, new float[][] {{1, 2, 3, 4}});
        }
        try (EmbeddingCache cache = EmbeddingCache.open(tmp, wider)) {
            assertThat(cache.problem()).isEmpty();
            assertThat(cache.get(hash(1))).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void aDamagedRecordInTheMiddleCostsOnlyThatRecord() throws IOException {
        Path file = fillWithThree();
        long size = Files.size(file);
        int record = 32 + 4 * 3 + 4;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long second = size - 2L * record;
            raf.seek(second + 33); // a float of the second record
            raf.write(0x7F);
        }

        try (EmbeddingCache cache = EmbeddingCache.open(tmp, FAKE)) {
            assertThat(cache.size()).isEqualTo(2);
            assertThat(cache.get(hash(2))).isNull();
            assertThat(cache.get(hash(3))).containsExactly(3, 3, 3);
            assertThat(cache.problem()).hasValueSatisfying(p -> assertThat(p).contains("1 damaged record was dropped"));
        }
        assertThat(Files.size(file)).isEqualTo(size - record);
        try (EmbeddingCache cache = EmbeddingCache.open(tmp, FAKE)) {
            assertThat(cache.problem()).as("rewritten clean").isEmpty();
        }
    }

    @Test
    void anUnusableFolderKeepsTheCacheInMemory() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("embeddings"), "a file where the cache folder should be");

        try (EmbeddingCache cache = EmbeddingCache.open(blocker, FAKE)) {
            assertThat(cache.readOnly()).isTrue();
            assertThat(cache.problem()).hasValueSatisfying(p -> assertThat(p)
                    .contains("a file is in the way").contains("kept in memory"));
            cache.putAll(new byte[][] {hash(1)}, new float[][] {{1, 1, 1}});
            assertThat(cache.get(hash(1))).containsExactly(1, 1, 1);
        }
    }

    @Test
    void aFullDiskKeepsTheCacheInMemory() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full, which answers every write with ENOSPC");
        Path name;
        try (EmbeddingCache probe = EmbeddingCache.open(tmp.resolve("probe"), FAKE)) {
            name = probe.file().getFileName();
        }
        Files.createSymbolicLink(tmp.resolve(name), full);

        try (EmbeddingCache cache = EmbeddingCache.open(tmp, FAKE)) {
            assertThat(cache.problem()).hasValueSatisfying(p -> assertThat(p).contains("the disk is full"));
            cache.putAll(new byte[][] {hash(1)}, new float[][] {{1, 1, 1}});
            assertThat(cache.get(hash(1))).containsExactly(1, 1, 1);
        }
    }

    @Test
    void theCacheFollowsXdgThenHomeNotTheAccountsHome() {
        Map<String, String> both = Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/h");
        Map<String, String> homeOnly = Map.of("HOME", "/h");
        Map<String, String> relativeXdg = Map.of("XDG_CACHE_HOME", "rel", "HOME", "/h");

        assertThat(BundledModels.cacheRoot(null, both::get, "/passwd")).isEqualTo(Path.of("/x/cache/fusionlab"));
        assertThat(BundledModels.cacheRoot(null, homeOnly::get, "/passwd")).isEqualTo(Path.of("/h/.cache/fusionlab"));
        assertThat(BundledModels.cacheRoot(null, relativeXdg::get, "/passwd")).isEqualTo(Path.of("/h/.cache/fusionlab"));
        assertThat(BundledModels.cacheRoot(null, k -> null, "/passwd")).isEqualTo(Path.of("/passwd/.cache/fusionlab"));
        assertThat(BundledModels.cacheRoot("/explicit", both::get, "/passwd")).isEqualTo(Path.of("/explicit"));
    }
}
