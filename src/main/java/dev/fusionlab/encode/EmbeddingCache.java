package dev.fusionlab.encode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Embeddings already computed by one encoder (one set of weights), kept on disk so the next run
 * skips encoding. Keys are the sha256 of the input content (image file bytes, UTF-8 text).
 *
 * <p>Format: one append-only file per (encoder id, weights sha256),
 * {@code <id>-<sha256 prefix>.emb}: a header (magic, dimension, full "id@sha256" key) then fixed-size
 * records {@code [32-byte content hash][dimension x float32 little-endian][CRC32 of both]}.
 * Appending never rewrites existing bytes, so a process killed mid-write leaves at most one torn
 * record at the end: on open, records are read until the first incomplete one or CRC mismatch and
 * the file is truncated back to the last good record. A second process using the same file at the
 * same time gets a read-only view (no interleaved writes).
 */
public final class EmbeddingCache implements AutoCloseable {

    private static final byte[] MAGIC = "FLEMB001".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_BYTES = 32;

    private final Path file;
    private final int dimension;
    private final int recordBytes;
    private final Map<Key, float[]> vectors = new HashMap<>();
    private final FileChannel channel;
    private final FileLock lock;

    /** A content hash usable as a map key. */
    private record Key(byte[] sha256) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(sha256, other.sha256);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sha256);
        }
    }

    private EmbeddingCache(Path file, int dimension, FileChannel channel, FileLock lock) {
        this.file = file;
        this.dimension = dimension;
        this.recordBytes = HASH_BYTES + 4 * dimension + 4;
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens (or creates) the cache of {@code encoder} inside {@code dir}. */
    public static EmbeddingCache open(Path dir, Encoder<?> encoder) throws IOException {
        return open(dir, encoder.identity());
    }

    /** Opens (or creates) the cache of the encoder with that identity inside {@code dir}. */
    public static EmbeddingCache open(Path dir, EncoderIdentity encoder) throws IOException {
        Files.createDirectories(dir);
        String safeId = encoder.id().replaceAll("[^A-Za-z0-9._-]+", "_");
        if (safeId.length() > 60) {
            safeId = safeId.substring(safeId.length() - 60);
        }
        Path file = dir.resolve(safeId + "-" + encoder.weightsSha256().substring(0, 16) + ".emb");
        int dimension = encoder.dimension();
        byte[] header = header(encoder.id() + "@" + encoder.weightsSha256(), dimension);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        EmbeddingCache cache = new EmbeddingCache(file, dimension, channel, lock);
        try {
            cache.load(header);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return cache;
    }

    public Path file() {
        return file;
    }

    public int dimension() {
        return dimension;
    }

    public synchronized int size() {
        return vectors.size();
    }

    /** True when another process holds the file: lookups work, new vectors stay in memory only. */
    public boolean readOnly() {
        return lock == null;
    }

    /** The cached vector for that content hash, or null. */
    public synchronized float[] get(byte[] contentSha256) {
        float[] v = vectors.get(new Key(contentSha256));
        return v == null ? null : v.clone();
    }

    /** Adds vectors (index-aligned with their content hashes) and flushes them to disk in one write. */
    public synchronized void putAll(byte[][] contentSha256, float[][] vectorsToAdd) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(recordBytes * contentSha256.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < contentSha256.length; i++) {
            float[] v = vectorsToAdd[i];
            if (v.length != dimension) {
                throw new IllegalArgumentException("vector of length " + v.length + " in a cache of dimension " + dimension);
            }
            Key key = new Key(contentSha256[i].clone());
            if (vectors.putIfAbsent(key, v.clone()) != null) {
                continue;
            }
            int start = out.position();
            out.put(contentSha256[i]);
            for (float x : v) {
                out.putFloat(x);
            }
            CRC32 crc = new CRC32();
            crc.update(out.array(), start, HASH_BYTES + 4 * dimension);
            out.putInt((int) crc.getValue());
        }
        if (readOnly() || out.position() == 0) {
            return;
        }
        out.flip();
        long at = channel.size();
        while (out.hasRemaining()) {
            at += channel.write(out, at);
        }
        channel.force(false);
    }

    private void load(byte[] header) throws IOException {
        long size = channel.size();
        if (size < header.length) {
            if (!readOnly()) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(header), 0);
                channel.force(false);
            }
            return;
        }
        ByteBuffer existing = ByteBuffer.allocate(header.length);
        channel.read(existing, 0);
        if (!Arrays.equals(existing.array(), header)) {
            throw new IOException("embedding cache " + file + " belongs to another encoder or is damaged; delete it");
        }
        long goodEnd = header.length;
        ByteBuffer record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        while (goodEnd + recordBytes <= size) {
            record.clear();
            channel.read(record, goodEnd);
            if (!addIfIntact(record)) {
                break;
            }
            goodEnd += recordBytes;
        }
        if (goodEnd < size && !readOnly()) {
            channel.truncate(goodEnd);
        }
    }

    private boolean addIfIntact(ByteBuffer record) {
        CRC32 crc = new CRC32();
        crc.update(record.array(), 0, HASH_BYTES + 4 * dimension);
        record.position(HASH_BYTES + 4 * dimension);
        if (record.getInt() != (int) crc.getValue()) {
            return false;
        }
        byte[] hash = Arrays.copyOfRange(record.array(), 0, HASH_BYTES);
        float[] v = new float[dimension];
        record.position(HASH_BYTES);
        record.asFloatBuffer().get(v);
        vectors.put(new Key(hash), v);
        return true;
    }

    private static byte[] header(String key, int dimension) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MAGIC.length + 8 + keyBytes.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC).putInt(dimension).putInt(keyBytes.length).put(keyBytes).array();
    }

    @Override
    public synchronized void close() throws IOException {
        if (lock != null && lock.isValid()) {
            lock.release();
        }
        channel.close();
    }

    @Override
    public String toString() {
        return "EmbeddingCache[" + file + ", " + size() + " vectors, dim " + dimension
                + (readOnly() ? ", read-only" : "") + "]";
    }
}
