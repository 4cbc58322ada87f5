package dev.fusionlab.export.plot;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a scatter plot to a file in one format. */
public interface PlotWriter {

    /**
     * Writes {@code spec} to {@code file}, replacing it; parent folders must exist.
     *
     * @throws IOException naming the file when it cannot be written
     */
    void write(ScatterPlotSpec spec, Path file) throws IOException;
}
