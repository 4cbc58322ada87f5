package dev.fusionlab.data;

import java.nio.file.Path;

/**
 * The dataset as a whole cannot be read (no such folder, unknown layout, manifest without a
 * {@code file_name} column...). Problems with single samples never throw: they become
 * {@link SampleProblem}s.
 */
public final class DatasetException extends RuntimeException {

    private final transient Path file;

    public DatasetException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public DatasetException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /** The file or folder at fault. */
    public Path file() {
        return file;
    }
}
