package dev.fusionlab.workspace;

import dev.fusionlab.data.Sample;
import dev.fusionlab.pipeline.DatasetFingerprint;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the dataset behind a reopened workspace is still where it was and still the same: its samples'
 * images are read again and fingerprinted ({@link DatasetFingerprint}, the sha256 a run records) and
 * compared with the stored fingerprint. Reading every image takes a while on a large dataset, so the GUI
 * runs this in the background after showing the workspace.
 */
public final class DatasetCheck {

    /** What was found. */
    public enum Status {
        /** every image is there and the fingerprint matches */
        UNCHANGED,
        /** some image is missing: the dataset moved (or was deleted) */
        MOVED,
        /** every image is there but the fingerprint differs: images, captions, labels or splits changed */
        CHANGED,
        /** the workspace holds no run, so there is nothing to compare */
        NO_RUN
    }

    /**
     * @param status  what was found
     * @param message one sentence for the user, naming the dataset and what to do
     */
    public record Finding(Status status, String message) {

        public boolean needsRelink() {
            return status == Status.MOVED || status == Status.CHANGED;
        }
    }

    private DatasetCheck() {
    }

    /** Checks the dataset of {@code workspace}'s run where its samples say it is. */
    public static Finding check(Workspace workspace, TaskContext ctx) {
        RunResult run = workspace.result();
        if (run == null) {
            return new Finding(Status.NO_RUN, "");
        }
        String name = run.dataset().name();
        Path root = run.dataset().root();
        for (Sample s : run.samples()) {
            ctx.throwIfCancelled("checking the dataset");
            if (!Files.isRegularFile(s.image())) {
                return new Finding(Status.MOVED, "The dataset \u201c" + name + "\u201d is no longer at " + root
                        + " (" + s.image() + " is missing). The saved results are shown; relink it to its new folder "
                        + "to see thumbnails and run again.");
            }
        }
        String now;
        try {
            now = DatasetFingerprint.of(run.samples());
        } catch (IOException e) {
            return new Finding(Status.MOVED, "The dataset \u201c" + name + "\u201d at " + root + " cannot be read ("
                    + e.getMessage() + "). Relink it to its new folder.");
        }
        if (!now.equals(run.provenance().datasetSha256())) {
            return new Finding(Status.CHANGED, "The dataset \u201c" + name + "\u201d at " + root + " changed since this "
                    + "workspace was saved (fingerprint " + shortHash(now) + ", was "
                    + shortHash(run.provenance().datasetSha256()) + "): the saved results describe the old data. "
                    + "Relink to the original data, or run again.");
        }
        return new Finding(Status.UNCHANGED, "");
    }

    /**
     * Reopens {@code source} with its images under {@code newFolder} and checks it there. The relinked
     * workspace is returned whether or not the fingerprint matches; {@link Relinked#check} says which, so
     * the caller accepts a match silently and a mismatch with a warning.
     */
    public static Relinked relink(Path source, Path newFolder, TaskContext ctx) throws IOException {
        Workspace relinked = WorkspaceStore.open(source, WorkspaceFormat.imageBase(newFolder));
        return new Relinked(relinked, check(relinked, ctx));
    }

    /** A workspace opened with its dataset at a new place, and what checking it there found. */
    public record Relinked(Workspace workspace, Finding check) {
    }

    private static String shortHash(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length()));
    }
}
