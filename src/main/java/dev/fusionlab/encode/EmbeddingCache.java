package dev.fusionlab.encode;

import dev.fusionlab.io.WriteProblem;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Embeddings already computed by one encoder (one set of weights, one input pipeline), kept on disk so
 * the next run skips encoding. Keys are the sha256 of the input content (image file bytes, UTF-8 text).
 *
 * <p>Format: one append-only file per (encoder id, weights sha256, {@link InputPipeline input pipeline}),
 * {@code <id>-<16 hex digits of sha256(weights sha256, pipeline)>.emb}, so two pipelines of the same
 * weights never share (or take turns wiping) one file: a header (magic, dimension, full
 * "id@weights-sha256" key, a newline, the pipeline) then fixed-size records
 * {@code [32-byte content hash][dimension x float32 little-endian][CRC32 of both]}.
 * Appending never rewrites existing bytes, so a process killed mid-write leaves at most one torn
 * record at the end. A second process using the same file at the same time gets a read-only view
 * (no interleaved writes).
 *
 * <p>The cache heals instead of failing a run, and says what it did ({@link #problem()}, and a
 * warning in the log naming the file):
 * <ul>
 *   <li>a torn record at the end, or records whose CRC does not match, are dropped and the file is
 *       rewritten with the intact ones;</li>
 *   <li>a file whose header is not this encoder's (damaged, another format, an encoder that announced
 *       another dimension) is moved aside to {@code <name>.emb.bad} and a new cache is started;</li>
 *   <li>a folder that cannot be written (read-only, disk full, a file in the way) leaves the cache in
 *       memory for this session: the run goes on and encodes what it must.</li>
 * </ul>
 * The file of the same encoder from before the key covered the input pipeline ({@code <id>-<16 hex
 * digits of the weights sha256>.emb}, header key "id@weights-sha256") holds vectors made by unknown
 * decoding or preprocessing code, and no FusionLab will read it again: it is deleted once, with a line in
 * the log. A file of another pipeline (a descriptor whose mean/std was changed, say) is left alone: going
 * back to that pipeline finds its vectors again.
 *
 * <p>File access goes through {@link RandomAccessFile}, not a {@code FileChannel}: an interrupt (a
 * cancelled run) closes a channel for good, which would end caching for the rest of the session.
 */
public final class EmbeddingCache implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddingCache.class.getName());
    private static final byte[] MAGIC = "FLEMB001".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_BYTES = 32;

    private final Path file;
    private final int dimension;
    private final int recordBytes;
    private final Map<Key, float[]> vectors = new HashMap<>();
    private RandomAccessFile raf;
    private FileLock lock;
    private String problem;

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

    private EmbeddingCache(Path file, int dimension) {
        this.file = file;
        this.dimension = dimension;
        this.recordBytes = HASH_BYTES + 4 * dimension + 4;
    }

    /** Opens (or creates) the cache of {@code encoder} inside {@code dir}. */
    public static EmbeddingCache open(Path dir, Encoder<?> encoder) throws IOException {
        return open(dir, encoder.identity());
    }

    /**
     * Opens (or creates) the cache of the encoder with that identity inside {@code dir}. Never fails
     * for a damaged file or an unwritable folder (see the class comment); {@link #problem()} says why
     * the cache is not what it should be.
     */
    public static EmbeddingCache open(Path dir, EncoderIdentity encoder) throws IOException {
        String safeId = encoder.id().replaceAll("[^A-Za-z0-9._-]+", "_");
        if (safeId.length() > 60) {
            safeId = safeId.substring(safeId.length() - 60);
        }
        String keyHash = HexFormat.of().formatHex(Sha256.of(encoder.weightsSha256() + "\n" + encoder.pipeline()));
        Path file = dir.resolve(safeId + "-" + keyHash.substring(0, 16) + ".emb");
        EmbeddingCache cache = new EmbeddingCache(file, encoder.dimension());
        byte[] header = header(encoder.id() + "@" + encoder.weightsSha256() + "\n" + encoder.pipeline(),
                encoder.dimension());
        deleteUnkeyedPredecessor(dir.resolve(safeId + "-" + encoder.weightsSha256().substring(0, 16) + ".emb"),
                encoder.id() + "@" + encoder.weightsSha256());
        try {
            Files.createDirectories(dir);
            cache.openFile();
        } catch (IOException e) {
            cache.memoryOnly("cannot be opened: " + WriteProblem.reason(file, e));
            return cache;
        }
        try {
            cache.load(header);
        } catch (IOException e) {
            cache.memoryOnly("cannot be used: " + WriteProblem.reason(file, e));
        }
        return cache;
    }

    /**
     * Deletes {@code legacy} when it is this encoder's cache from before the key covered the input pipeline
     * (its header key is exactly {@code legacyKey}); anything else there is left alone.
     */
    private static void deleteUnkeyedPredecessor(Path legacy, String legacyKey) {
        if (!Files.isRegularFile(legacy)) {
            return;
        }
        byte[] key = legacyKey.getBytes(StandardCharsets.UTF_8);
        int headerBytes = MAGIC.length + 8 + key.length;
        try (RandomAccessFile in = new RandomAccessFile(legacy.toFile(), "r")) {
            if (in.length() < headerBytes) {
                return;
            }
            byte[] head = new byte[headerBytes];
            in.readFully(head);
            ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            if (!Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC) || b.getInt(MAGIC.length + 4) != key.length
                    || !Arrays.equals(Arrays.copyOfRange(head, MAGIC.length + 8, headerBytes), key)) {
                return;
            }
            long size = in.length();
            in.close();
            Files.delete(legacy);
            LOG.log(System.Logger.Level.INFO, "embedding cache " + legacy + " (" + size + " bytes) deleted: it was "
                    + "written before the cache key covered the input pipeline, so its vectors may come from older "
                    + "image decoding or preprocessing; they are encoded again as needed");
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "old embedding cache " + legacy + " left in place: " + e.getMessage());
        }
    }

    private void openFile() throws IOException {
        raf = new RandomAccessFile(file.toFile(), "rw");
        try {
            lock = raf.getChannel().tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            raf.close();
            raf = null;
            throw e;
        }
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

    /** True when new vectors stay in memory only: another process holds the file, or it cannot be written. */
    public synchronized boolean readOnly() {
        return raf == null || lock == null;
    }

    /** What went wrong with the file and what the cache did about it; empty while all is well. */
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The cached vector for that content hash, or null. */
    public synchronized float[] get(byte[] contentSha256) {
        float[] v = vectors.get(new Key(contentSha256));
        return v == null ? null : v.clone();
    }

    /**
     * Adds vectors (index-aligned with their content hashes) and appends them to the file in one write.
     * When the write fails (disk full, say), the file is cut back to its last complete record, the
     * vectors stay in memory, and the cache stops writing for this session.
     */
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
            putRecord(out, contentSha256[i], v);
        }
        if (readOnly() || out.position() == 0) {
            return;
        }
        long end = raf.length();
        try {
            raf.seek(end);
            raf.write(out.array(), 0, out.position());
            raf.getFD().sync();
        } catch (IOException e) {
            try {
                raf.setLength(end);
            } catch (IOException ignored) {
                // the torn tail is dropped when the file is next opened
            }
            memoryOnly("cannot be written: " + WriteProblem.reason(file, e));
        }
    }

    private void putRecord(ByteBuffer out, byte[] hash, float[] v) {
        int start = out.position();
        out.put(hash);
        for (float x : v) {
            out.putFloat(x);
        }
        CRC32 crc = new CRC32();
        crc.update(out.array(), start, HASH_BYTES + 4 * dimension);
        out.putInt((int) crc.getValue());
    }

    private void load(byte[] header) throws IOException {
        long size = raf.length();
        if (size == 0) {
            writeHeader(header);
            return;
        }
        byte[] existing = new byte[header.length];
        if (size < header.length || !readFully(0, existing) || !Arrays.equals(existing, header)) {
            moveAside(describeHeader(existing, size, header));
            if (!readOnly()) {
                writeHeader(header);
            }
            return;
        }
        long at = header.length;
        int damaged = 0;
        byte[] record = new byte[recordBytes];
        for (; at + recordBytes <= size; at += recordBytes) {
            readFully(at, record);
            if (!addIfIntact(record)) {
                damaged++;
            }
        }
        long torn = size - at;
        if (damaged == 0 && torn == 0) {
            return;
        }
        if (readOnly()) {
            return; // the process holding the file heals it
        }
        if (damaged > 0) {
            rewrite(header);
            warn(damaged + " damaged record" + (damaged == 1 ? " was" : "s were") + " dropped"
                    + (torn > 0 ? " with a torn record at the end" : "") + "; " + vectors.size() + " intact vectors kept");
        } else {
            raf.setLength(at); // a torn record from a killed process: expected, not worth a warning
        }
    }

    /** Why a header is not this encoder's, in words. */
    private String describeHeader(byte[] existing, long size, byte[] expected) {
        if (size < MAGIC.length || !Arrays.equals(Arrays.copyOf(existing, MAGIC.length), MAGIC)) {
            return "it is not a FusionLab embedding cache (or its header is damaged)";
        }
        ByteBuffer b = ByteBuffer.wrap(existing).order(ByteOrder.LITTLE_ENDIAN);
        int storedDimension = size >= MAGIC.length + 4 ? b.getInt(MAGIC.length) : -1;
        if (storedDimension != dimension) {
            return "it holds " + storedDimension + "-d vectors, the encoder makes " + dimension + "-d ones";
        }
        return "it belongs to another encoder or its header is damaged";
    }

    /** Moves a foreign or damaged file to {@code <name>.bad} and starts an empty one in its place. */
    private void moveAside(String why) throws IOException {
        if (readOnly()) {
            memoryOnly("is not this encoder's (" + why + ") and is in use by another process");
            return;
        }
        Path bad = file.resolveSibling(file.getFileName() + ".bad");
        close();
        Files.move(file, bad, StandardCopyOption.REPLACE_EXISTING);
        openFile();
        warn("was not this encoder's (" + why + "): moved aside to " + bad.getFileName() + ", starting afresh");
    }

    private void rewrite(byte[] header) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(recordBytes * vectors.size()).order(ByteOrder.LITTLE_ENDIAN);
        vectors.forEach((key, v) -> putRecord(out, key.sha256(), v));
        raf.setLength(header.length);
        raf.seek(header.length);
        raf.write(out.array(), 0, out.position());
        raf.getFD().sync();
    }

    private void writeHeader(byte[] header) throws IOException {
        if (readOnly()) {
            return;
        }
        raf.seek(0); // always an empty file: a new one, or one whose old content was moved aside
        raf.write(header);
        raf.getFD().sync();
    }

    private boolean readFully(long at, byte[] into) throws IOException {
        raf.seek(at);
        int read = 0;
        while (read < into.length) {
            int n = raf.read(into, read, into.length - read);
            if (n < 0) {
                return false;
            }
            read += n;
        }
        return true;
    }

    private boolean addIfIntact(byte[] record) {
        CRC32 crc = new CRC32();
        crc.update(record, 0, HASH_BYTES + 4 * dimension);
        ByteBuffer b = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(HASH_BYTES + 4 * dimension) != (int) crc.getValue()) {
            return false;
        }
        float[] v = new float[dimension];
        b.position(HASH_BYTES);
        b.asFloatBuffer().get(v);
        vectors.put(new Key(Arrays.copyOfRange(record, 0, HASH_BYTES)), v);
        return true;
    }

    /** From now on nothing is written: vectors are kept for this session only. */
    private void memoryOnly(String why) {
        closeQuietly();
        warn(why + "; embeddings are kept in memory for this session only");
    }

    private void warn(String what) {
        problem = "embedding cache " + file + " " + what;
        LOG.log(System.Logger.Level.WARNING, problem);
    }

    private static byte[] header(String key, int dimension) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MAGIC.length + 8 + keyBytes.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC).putInt(dimension).putInt(keyBytes.length).put(keyBytes).array();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // nothing more to lose: the cache is in memory from now on
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } finally {
            lock = null;
            if (raf != null) {
                raf.close();
                raf = null;
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddingCache[" + file + ", " + size() + " vectors, dim " + dimension
                + (readOnly() ? ", read-only" : "") + "]";
    }
}
