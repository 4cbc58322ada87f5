package dev.fusionlab.data;

import java.nio.file.Path;

/** Internal signal of the readers: this one row or file is unusable, for this reason. Becomes a {@link SampleProblem}. */
final class InvalidSampleException extends Exception {

    private final transient Path file;

    InvalidSampleException(Path file, String reason) {
        super(reason, null, false, false);
        this.file = file;
    }

    SampleProblem toProblem(String id) {
        return new SampleProblem(id, file, getMessage());
    }
}
