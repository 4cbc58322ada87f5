package dev.fusionlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingEncoderTest {

    @TempDir
    Path tmp;

    /** Deterministic fake: vector = first bytes of the file, counts what it is asked to encode. */
    static final class CountingImageEncoder implements Encoder<Path> {
        final List<Path> seen = new ArrayList<>();
        final String pipeline;
        final float scale;

        CountingImageEncoder() {
            this("fake;v1", 1f);
        }

        /** @param scale multiplies the first value: what another input pipeline does to the vectors */
        CountingImageEncoder(String pipeline, float scale) {
            this.pipeline = pipeline;
            this.scale = scale;
        }

        @Override
        public EncodeResult encode(List<Path> inputs, TaskContext ctx) {
            EncodeResult.Builder b = new EncodeResult.Builder(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                seen.add(inputs.get(i));
                try {
                    byte[] bytes = Files.readAllBytes(inputs.get(i));
                    if (bytes.length == 0) {
                        b.fail(i, inputs.get(i) + ": empty file");
                        continue;
                    }
                    b.succeed(i, new float[] {bytes[0] * scale, bytes.length, 1f});
                } catch (IOException e) {
                    b.fail(i, e.getMessage());
                }
            }
            return b.build();
        }

        @Override public EncoderIdentity identity() {
            return new EncoderIdentity(Modality.IMAGE, "fake", "ab".repeat(32), 3, pipeline);
        }

        @Override public void close() {
        }
    }

    private CachingEncoder<Path> open(CountingImageEncoder inner) throws IOException {
        return new CachingEncoder<>(inner, EmbeddingCache.open(tmp.resolve("cache"), inner), ContentKey.imageFile());
    }

    @Test
    void secondPassIsServedFromDiskWithoutEncoding() throws IOException {
        List<Path> files = List.of(write("a", 1, 2), write("b", 3), write("c", 4, 4, 4));
        CountingImageEncoder first = new CountingImageEncoder();
        EncodeResult expected;
        try (CachingEncoder<Path> cached = open(first)) {
            expected = cached.encode(files, TaskContext.silent());
            assertThat(cached.misses()).isEqualTo(3);
            assertThat(cached.hits()).isZero();
        }

        CountingImageEncoder second = new CountingImageEncoder();
        try (CachingEncoder<Path> cached = open(second)) {
            EncodeResult again = cached.encode(files, TaskContext.silent());
            assertThat(second.seen).isEmpty();
            assertThat(cached.hits()).isEqualTo(3);
            for (int i = 0; i < files.size(); i++) {
                assertThat(again.vector(i)).containsExactly(expected.vector(i));
            }
        }
    }

    /**
     * The defect of 2026-11-29: vectors cached by an older image decoding were served to the new one. The
     * same weights with another input pipeline must not see them, and must not disturb them either.
     */
    @Test
    void vectorsCachedUnderOneInputPipelineAreNotServedToAnother() throws IOException {
        List<Path> files = List.of(write("a", 1, 2), write("b", 3));
        Path oldFile;
        try (CachingEncoder<Path> cached = open(new CountingImageEncoder("fake;decoding=1", 1f))) {
            cached.encode(files, TaskContext.silent());
        }
        CountingImageEncoder changed = new CountingImageEncoder("fake;decoding=2", 10f);
        try (EmbeddingCache cache = EmbeddingCache.open(tmp.resolve("cache"), changed);
             CachingEncoder<Path> cached = new CachingEncoder<>(changed, cache, ContentKey.imageFile())) {
            EncodeResult r = cached.encode(files, TaskContext.silent());
            assertThat(changed.seen).containsExactlyElementsOf(files);
            assertThat(cached.hits()).isZero();
            assertThat(r.vector(0)[0]).isEqualTo(10f);
            assertThat(cache.problem()).isEmpty();
            try (EmbeddingCache old = EmbeddingCache.open(tmp.resolve("cache"), new CountingImageEncoder("fake;decoding=1", 1f))) {
                oldFile = old.file();
                assertThat(old.file()).isNotEqualTo(cache.file());
            }
        }
        CountingImageEncoder back = new CountingImageEncoder("fake;decoding=1", 1f);
        try (EmbeddingCache cache = EmbeddingCache.open(tmp.resolve("cache"), back);
             CachingEncoder<Path> cached = new CachingEncoder<>(back, cache, ContentKey.imageFile())) {
            assertThat(cache.file()).isEqualTo(oldFile);
            assertThat(cached.encode(files, TaskContext.silent()).vector(0)[0]).isEqualTo(1f);
            assertThat(back.seen).isEmpty();
            assertThat(cache.problem()).isEmpty();
        }
    }

    /** A cache file of this encoder from before the key covered the pipeline is deleted once, quietly. */
    @Test
    void theUnkeyedCacheOfTheSameEncoderIsDeletedAndAForeignFileUnderItsNameIsNot() throws IOException {
        CountingImageEncoder encoder = new CountingImageEncoder();
        Path dir = Files.createDirectories(tmp.resolve("cache"));
        Path legacy = dir.resolve("fake-" + "ab".repeat(8) + ".emb");
        byte[] key = ("fake@" + "ab".repeat(32)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(16 + key.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .put("FLEMB001".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(3).putInt(key.length).put(key);
        Files.write(legacy, header.array());
        try (EmbeddingCache cache = EmbeddingCache.open(dir, encoder)) {
            assertThat(legacy).doesNotExist();
            assertThat(cache.file()).isNotEqualTo(legacy);
            assertThat(cache.problem()).isEmpty();
        }

        Files.writeString(legacy, "a user's own file that happens to have this name");
        try (EmbeddingCache cache = EmbeddingCache.open(dir, encoder)) {
            assertThat(legacy).hasContent("a user's own file that happens to have this name");
            assertThat(cache.problem()).isEmpty();
        }
    }

    @Test
    void aChangedByteMissesAndIdenticalContentIsEncodedOnce() throws IOException {
        Path a = write("a", 1, 2);
        Path copyOfA = write("copy", 1, 2);
        CountingImageEncoder inner = new CountingImageEncoder();
        try (CachingEncoder<Path> cached = open(inner)) {
            cached.encode(List.of(a, copyOfA), TaskContext.silent());
            assertThat(inner.seen).hasSize(1);

            Files.write(a, new byte[] {9, 2});
            EncodeResult r = cached.encode(List.of(a, copyOfA), TaskContext.silent());
            assertThat(inner.seen).hasSize(2);
            assertThat(r.vector(0)[0]).isEqualTo(9f);
            assertThat(cached.hits()).isEqualTo(1);
        }
    }

    @Test
    void failuresAreReportedAndNotCached() throws IOException {
        Path empty = write("empty");
        Path missing = tmp.resolve("nope.png");
        CountingImageEncoder inner = new CountingImageEncoder();
        try (CachingEncoder<Path> cached = open(inner)) {
            EncodeResult r = cached.encode(List.of(empty, missing), TaskContext.silent());
            assertThat(r.failure(0)).get().asString().contains("empty file");
            assertThat(r.failure(1)).get().asString().contains("nope.png");
            cached.encode(List.of(empty), TaskContext.silent());
            assertThat(inner.seen).containsExactly(empty, empty);
        }
    }

    @Test
    void aTornRecordFromAKilledProcessIsIgnoredAndDropped() throws IOException {
        List<Path> files = List.of(write("a", 1), write("b", 2));
        try (CachingEncoder<Path> cached = open(new CountingImageEncoder())) {
            cached.encode(files, TaskContext.silent());
        }
        Path cacheFile;
        try (EmbeddingCache cache = EmbeddingCache.open(tmp.resolve("cache"), new CountingImageEncoder())) {
            cacheFile = cache.file();
        }
        long intact = Files.size(cacheFile);
        try (FileChannel ch = FileChannel.open(cacheFile, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {7, 7, 7, 7, 7, 7, 7}));
        }

        try (EmbeddingCache cache = EmbeddingCache.open(tmp.resolve("cache"), new CountingImageEncoder())) {
            assertThat(cache.size()).isEqualTo(2);
        }
        assertThat(Files.size(cacheFile)).isEqualTo(intact);
    }

    @Test
    void aFullyCachedRunNeverLoadsTheModel() throws IOException {
        List<Path> files = List.of(write("a", 1), write("b", 2));
        try (CachingEncoder<Path> cached = open(new CountingImageEncoder())) {
            cached.encode(files, TaskContext.silent());
        }
        int[] opens = {0};
        CountingImageEncoder real = new CountingImageEncoder();
        LazyEncoder<Path> lazy = new LazyEncoder<>(new EncoderIdentity(Modality.IMAGE, real.id(), real.weightsSha256(), 3, real.pipeline()), () -> {
            opens[0]++;
            return real;
        });
        try (CachingEncoder<Path> cached = new CachingEncoder<>(lazy, EmbeddingCache.open(tmp.resolve("cache"), lazy),
                ContentKey.imageFile())) {
            assertThat(cached.encode(files, TaskContext.silent()).allSucceeded()).isTrue();
            assertThat(opens[0]).isZero();

            cached.encode(List.of(write("new", 5)), TaskContext.silent());
            assertThat(opens[0]).isEqualTo(1);
            assertThat(real.seen).hasSize(1);
        }
    }

    @Test
    void aLazyEncoderRejectsAModelThatIsNotWhatItAnnounced() {
        LazyEncoder<Path> lazy = new LazyEncoder<>(new EncoderIdentity(Modality.IMAGE, "fake", "00".repeat(32), 3, "fake;v1"),
                CountingImageEncoder::new);
        assertThatThrownBy(() -> lazy.encode(List.of(tmp), TaskContext.silent()))
                .hasMessageContaining("announced weights");
        LazyEncoder<Path> otherPipeline = new LazyEncoder<>(new EncoderIdentity(Modality.IMAGE, "fake", "ab".repeat(32), 3,
                "fake;v0"), CountingImageEncoder::new);
        assertThatThrownBy(() -> otherPipeline.encode(List.of(tmp), TaskContext.silent()))
                .hasMessageContaining("pipeline fake;v0").hasMessageContaining("fake;v1");
    }

    @Test
    void textKeysAreTheUtf8Content() throws IOException {
        byte[] key = ContentKey.text().sha256("café");
        assertThat(key).isEqualTo(Sha256.of("café".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(ContentKey.text().sha256("cafe")).isNotEqualTo(key);
    }

    private Path write(String name, int... bytes) throws IOException {
        byte[] content = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            content[i] = (byte) bytes[i];
        }
        return Files.write(tmp.resolve(name + ".png"), content);
    }
}
