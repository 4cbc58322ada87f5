package dev.fusionlab.io.npy;

import java.io.IOException;

/**
 * A {@code .npy} file or entry that cannot be read: the message is the file (or entry) name and the
 * problem; {@link #problem()} is the problem alone, for callers that name the file their own way.
 */
public final class NpyFormatException extends IOException {

    private final String problem;

    NpyFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.problem = problem;
    }

    /** What is wrong, without the file name: "truncated data: ...", "dtype <i8 is not supported ...". */
    public String problem() {
        return problem;
    }
}
