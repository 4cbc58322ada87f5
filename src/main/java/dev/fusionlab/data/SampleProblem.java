package dev.fusionlab.data;

import java.nio.file.Path;

/**
 * Why one sample was skipped. Bad input never stops a run: it becomes one of these, shown to the user
 * and written to metrics.json.
 *
 * @param id     the sample id, or a row reference such as "metadata.csv:17" when no id could be read
 * @param file   the file at fault (image, manifest or caption file), or null
 * @param reason one sentence a user can act on, e.g. "image is zero bytes"
 */
public record SampleProblem(String id, Path file, String reason) {

    @Override
    public String toString() {
        return id + (file == null ? "" : " (" + file + ")") + ": " + reason;
    }
}
