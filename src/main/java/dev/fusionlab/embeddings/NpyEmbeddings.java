package dev.fusionlab.embeddings;

import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.io.npy.NpyFormatException;
import dev.fusionlab.io.npy.NpyMatrix;
import dev.fusionlab.pipeline.DatasetFingerprint;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A {@code .npy} file as an {@link EmbeddingMatrix}: the codec ({@link Npy}) reads the matrix, this adds the
 * file's sha256 for the run's provenance and turns every problem into an {@link EmbeddingFileException}.
 */
final class NpyEmbeddings {

    /** The digest maps the file this many bytes at a time, as the codec does: no copy on the heap. */
    private static final long DIGEST_WINDOW = 1L << 28;

    private NpyEmbeddings() {
    }

    /**
     * @throws EmbeddingFileException naming the file and what is wrong (magic, dtype, shape, truncation)
     */
    static EmbeddingMatrix read(Path file) {
        try {
            NpyMatrix m = Npy.readMatrix(file);
            return new EmbeddingMatrix(file, m.rows(), null, m.dtype(), sha256(file));
        } catch (NpyFormatException e) {
            throw new EmbeddingFileException(file, e.problem(), e);
        } catch (IOException e) {
            throw new EmbeddingFileException(file, "cannot read: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new EmbeddingFileException(file, "does not fit in memory (raise -Xmx in FUSIONLAB_JAVA_OPTS)", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = DatasetFingerprint.sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (long at = 0; at < size; at += DIGEST_WINDOW) {
                digest.update(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(DIGEST_WINDOW, size - at)));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
