package dev.fusionlab.embeddings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Per-row metadata of imported embeddings: named string columns, one row per item.
 *
 * <p>Read from TF Projector's {@code metadata.tsv} (a single column has no header, several have one, as
 * the Projector expects), a CSV with a header, or a Parquet table ({@link ParquetTables}). Which column is
 * the id, label, caption, image or split is decided by {@link EmbeddingImport}, by name.
 *
 * @param file    where it was read from
 * @param columns column names, in file order
 * @param rows    one array of {@code columns.size()} cells per row; empty cells are empty strings
 */
public record MetadataTable(Path file, List<String> columns, List<String[]> rows) {

    /** The column name TF Projector gives a headerless single-column metadata file. */
    public static final String SINGLE_COLUMN = "label";

    public MetadataTable {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(rows);
    }

    public int size() {
        return rows.size();
    }

    /** Index of the column named {@code name} (case-insensitive), or -1. */
    public int column(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    /** The first of {@code names} that is a column, or -1. */
    public int firstColumn(String... names) {
        for (String name : names) {
            int c = column(name);
            if (c >= 0) {
                return c;
            }
        }
        return -1;
    }

    /** The cells of one column, in row order. */
    public List<String> values(int column) {
        List<String> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            out.add(row[column]);
        }
        return out;
    }

    /** Reads a {@code .tsv}, {@code .csv} or {@code .parquet} metadata file, by its extension. */
    public static MetadataTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EmbeddingFileException(file, "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return ParquetTables.readMetadata(file);
        }
        return name.endsWith(".tsv") || name.endsWith(".tab") ? readTsv(file) : readCsv(file);
    }

    /**
     * TF Projector's metadata format: tab-separated, no quoting; with one column there is no header (the
     * column is called {@value #SINGLE_COLUMN}), with several the first line is the header.
     */
    public static MetadataTable readTsv(Path file) {
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(DelimitedMatrixReader.split(line, '\t'));
            }
        } catch (IOException e) {
            throw new EmbeddingFileException(file, "cannot read (UTF-8 text expected): " + e.getMessage(), e);
        }
        while (!lines.isEmpty() && lines.getLast().length == 1 && lines.getLast()[0].isEmpty()) {
            lines.removeLast(); // trailing newlines
        }
        if (lines.isEmpty()) {
            throw new EmbeddingFileException(file, "empty metadata file");
        }
        if (lines.getFirst().length == 1) {
            return new MetadataTable(file, List.of(SINGLE_COLUMN), lines);
        }
        String[] header = lines.getFirst();
        List<String[]> rows = new ArrayList<>(lines.subList(1, lines.size()));
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != header.length) {
                throw new EmbeddingFileException(file, "ragged rows: line " + (r + 2) + " has " + rows.get(r).length
                        + " columns, the header " + header.length);
            }
        }
        return new MetadataTable(file, List.of(header), rows);
    }

    /** A CSV with a header line (RFC 4180 quoting). */
    public static MetadataTable readCsv(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new EmbeddingFileException(file, "no header line");
            }
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new EmbeddingFileException(file, "ragged rows: line " + (record.getRecordNumber() + 1) + " has "
                            + record.size() + " columns, the header " + header.size());
                }
                rows.add(record.values());
            }
            return new MetadataTable(file, header, rows);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new EmbeddingFileException(file, "cannot read CSV: " + e.getMessage(), e);
        }
    }
}
