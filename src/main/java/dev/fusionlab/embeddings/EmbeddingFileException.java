package dev.fusionlab.embeddings;

import java.nio.file.Path;

/** A file of embeddings or metadata that cannot be used: the message names the file and what is wrong. */
public final class EmbeddingFileException extends IllegalArgumentException {

    public EmbeddingFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public EmbeddingFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
