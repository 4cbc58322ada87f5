package dev.fusionlab.embeddings;

import dev.fusionlab.export.ProjectionCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One embedding file to open, as written on the command line: {@code [name=]path[#column]}.
 *
 * @param modality what the vectors embed ({@code image}, {@code text}, {@code audio}, ...): recorded in
 *                 the run's provenance; the first of two sources fills FusionLab's image slot, the second
 *                 its text slot
 * @param file     {@code .npy}, {@code .tsv} (TF Projector tensors), {@code .csv} or {@code .parquet}, or a folder of
 *                 Parquet shards (one table, e.g. the output of FusionLab's Spark job)
 * @param column   the vector column of a Parquet table; null for its only list/array column
 */
public record EmbeddingSource(String modality, Path file, String column) {

    /** How the files of a source are read, by extension. */
    public enum FileFormat { NPY, TSV, CSV, PARQUET }

    /**
     * Parses {@code [name=]path[#column]}; without a name the first source is called {@code image} and the
     * second {@code text}.
     */
    public static EmbeddingSource parse(String spec, int index) {
        String rest = spec.strip();
        String name = index == 0 ? "image" : index == 1 ? "text" : "modality" + index;
        int eq = rest.indexOf('=');
        if (eq > 0 && rest.substring(0, eq).matches("[A-Za-z][A-Za-z0-9_-]*")) {
            name = rest.substring(0, eq);
            rest = rest.substring(eq + 1);
        }
        String column = null;
        int hash = rest.lastIndexOf('#');
        if (hash > 0 && (rest.substring(0, hash).toLowerCase(Locale.ROOT).endsWith(".parquet")
                || Files.isDirectory(Path.of(rest.substring(0, hash))))) {
            column = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        return new EmbeddingSource(name, Path.of(rest), column);
    }

    /** Parses a comma-separated list of one or two sources. */
    public static List<EmbeddingSource> parseList(String specs) {
        String[] parts = specs.split(",");
        if (parts.length > 2) {
            throw new IllegalArgumentException("--embeddings takes one or two files (image[,text]), got " + parts.length);
        }
        return java.util.stream.IntStream.range(0, parts.length).mapToObj(i -> parse(parts[i], i)).toList();
    }

    public FileFormat format() {
        if (Files.isDirectory(file)) {
            return FileFormat.PARQUET; // a folder of shards; ParquetTables says so when it holds none
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return FileFormat.NPY;
        } else if (name.endsWith(".parquet")) {
            return FileFormat.PARQUET;
        } else if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return FileFormat.TSV;
        } else if (name.endsWith(".csv")) {
            return FileFormat.CSV;
        }
        throw new EmbeddingFileException(file, "unknown embedding format: expected .npy, .tsv (TF Projector), .csv or .parquet");
    }

    /**
     * Reads the matrix. A {@code .npy} takes its ids from an {@code ids.csv} beside it when there is one
     * (what {@code fusionlab run} and {@code embed} write); Parquet and CSV from their {@code id} column.
     */
    public EmbeddingMatrix read() {
        if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new EmbeddingFileException(file, "no such file");
        }
        return switch (format()) {
            case NPY -> withSidecarIds(NpyEmbeddings.read(file));
            case PARQUET -> ParquetTables.readVectors(file, column);
            case TSV -> DelimitedMatrixReader.read(file, '\t');
            case CSV -> DelimitedMatrixReader.read(file, ',');
        };
    }

    /** Identity for the run record: {@code file:<path>[#column]}. */
    public String id() {
        return "file:" + file.toAbsolutePath() + (column == null ? "" : "#" + column);
    }

    private static EmbeddingMatrix withSidecarIds(EmbeddingMatrix m) {
        Path idsFile = m.file().resolveSibling("ids.csv");
        if (!Files.isRegularFile(idsFile)) {
            return m;
        }
        try {
            List<String> ids = ProjectionCsv.readIds(idsFile);
            if (ids.size() != m.size()) {
                throw new EmbeddingFileException(idsFile, ids.size() + " ids but " + m.file() + " has " + m.size()
                        + " rows (an ids.csv beside a .npy names its rows)");
            }
            return m.withIds(ids);
        } catch (IOException e) {
            throw new EmbeddingFileException(idsFile, "cannot read: " + e.getMessage(), e);
        }
    }
}
