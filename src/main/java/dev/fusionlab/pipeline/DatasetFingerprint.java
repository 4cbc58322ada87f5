package dev.fusionlab.pipeline;

import dev.fusionlab.data.Sample;
import java.io.IOException;
import java.io.InputStream;
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
            if (s.image() == null) { // imported embeddings: their files' sha256 is in the run's encoder records
                field(digest, "");
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

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
