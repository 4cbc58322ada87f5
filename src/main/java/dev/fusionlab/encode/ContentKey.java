package dev.fusionlab.encode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The cache identity of an input: sha256 of what the encoder actually sees, so a renamed file still
 * hits and a single changed byte misses.
 */
@FunctionalInterface
public interface ContentKey<I> {

    /** @throws IOException when the input cannot be read (reported as a per-item failure) */
    byte[] sha256(I input) throws IOException;

    /** Image files: sha256 of the file bytes. */
    static ContentKey<Path> imageFile() {
        return Sha256::of;
    }

    /** Texts: sha256 of the UTF-8 bytes. */
    static ContentKey<String> text() {
        return text -> Sha256.of(text);
    }
}
