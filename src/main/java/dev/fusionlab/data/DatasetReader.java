package dev.fusionlab.data;

import java.nio.file.Path;

/** Reads one on-disk dataset layout into samples. Readers never open images; {@link SampleValidator} does. */
public interface DatasetReader {

    /**
     * @param source the dataset folder or file
     * @throws DatasetException when nothing can be read at all
     */
    ReadResult read(Path source, DatasetOptions options);
}
