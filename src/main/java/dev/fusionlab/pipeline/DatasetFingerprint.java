package dev.fusionlab.pipeline;

import dev.fusionlab.data.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A sha256 over everything a run learns from: change one image byte, caption, label or split and it changes. */
public final class DatasetFingerprint {

    private DatasetFingerprint() {
    }

    public static String of(List<Sample> samples) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (Sample s : samples) {
            field(digest, s.id());
            field(digest, s.text());
            field(digest, s.label() == null ? "" : s.label());
            field(digest, s.split() == null ? "" : s.split().name());
            if (!s.hasImage()) { // no image file (synthetic samples): a marker; samples with images hash as before
                field(digest, "\u0000no image file");
                continue;
            }
            try (InputStream in = new DigestInputStream(Files.newInputStream(s.image()), digest)) {
                while (in.read(buffer) >= 0) {
                    // the digest stream hashes as it reads
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Adds {@code value} to {@code digest} as its UTF-8 length (4 bytes, big-endian) then its bytes, so that
     * no two sequences of fields hash alike. The encoding every FusionLab fingerprint and cache key uses.
     */
    public static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** Adds {@code values} to {@code digest} as their count (4 bytes) then each float's 4 big-endian bytes. */
    public static void floats(MessageDigest digest, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * values.length).putInt(values.length);
        for (float v : values) {
            buffer.putFloat(v);
        }
        digest.update(buffer.array());
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
