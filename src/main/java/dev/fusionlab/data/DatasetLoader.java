package dev.fusionlab.data;

import dev.fusionlab.task.TaskContext;
import java.nio.file.Path;

/**
 * Loads any supported dataset in one call: detects the layout ({@link DatasetFormat}), reads it,
 * validates every sample ({@link SampleValidator}) and assigns splits ({@link Splitter}). Bad samples
 * are left out and listed in {@link Dataset#problems()}; only an unreadable dataset as a whole throws.
 */
public final class DatasetLoader {

    static final String STAGE = "load-dataset";

    private DatasetLoader() {
    }

    /** @throws DatasetException when the dataset as a whole cannot be read */
    public static Dataset load(Path source, DatasetOptions options) {
        return load(source, options, TaskContext.silent());
    }

    /** As {@link #load(Path, DatasetOptions)}, reporting progress of the image checks and honouring cancellation. */
    public static Dataset load(Path source, DatasetOptions options, TaskContext context) {
        DatasetFormat format = DatasetFormat.detect(source);
        context.report(STAGE, -1, "reading " + source.getFileName() + " (" + format + ")");
        ReadResult read = format.reader().read(source, options);
        context.throwIfCancelled(STAGE);
        ReadResult valid = SampleValidator.validate(read, context);
        return new Dataset(source.toAbsolutePath(), name(source),
                Splitter.split(valid.samples(), options.fractions(), options.seed()), valid.problems());
    }

    private static String name(Path source) {
        Path fileName = source.toAbsolutePath().normalize().getFileName();
        return fileName == null ? source.toString() : DatasetPaths.stem(fileName.toString());
    }
}
