package dev.fusionlab.workspace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A workspace that cannot be opened, with why, phrased for a user and naming the file. Refusing never
 * touches the file, nor the autosaved copy.
 */
public final class WorkspaceException extends IOException {

    /** Why a workspace was refused. */
    public enum Reason {
        /** written by a newer FusionLab: its {@code schema_version} is above {@link WorkspaceFormat#SCHEMA_VERSION} */
        NEWER_VERSION,
        /** not a workspace, truncated, or inconsistent */
        DAMAGED,
        /** an archive entry would be written outside its folder (zip-slip) or is otherwise unsafe */
        UNSAFE_ARCHIVE
    }

    private final Reason reason;
    private final Path file;

    public WorkspaceException(Reason reason, Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.reason = reason;
        this.file = file;
    }

    public WorkspaceException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }
}
