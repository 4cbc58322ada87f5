package dev.fusionlab.embeddings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads embeddings stored as text, one row per line: TF Projector's {@code tensors.tsv} (tab-separated
 * numbers, no header) and CSV (comma-separated numbers; a first line that is not numeric is a header, and
 * a header column named {@code id} gives the ids of the rows).
 */
public final class DelimitedMatrixReader {

    private DelimitedMatrixReader() {
    }

    /** Tab-separated when the file ends in {@code .tsv} or {@code .tab}, else comma-separated. */
    public static EmbeddingMatrix read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return read(file, name.endsWith(".tsv") || name.endsWith(".tab") ? '\t' : ',');
    }

    /**
     * @throws EmbeddingFileException naming the file and the line: a ragged row, a value that is not a
     *                                number, an empty file
     */
    public static EmbeddingMatrix read(Path file, char separator) {
        MessageDigest digest = dev.fusionlab.pipeline.DatasetFingerprint.sha256();
        List<float[]> rows = new ArrayList<>();
        List<String> ids = null;
        int idColumn = -1;
        int width = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new DigestInputStream(Files.newInputStream(file), digest), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line, separator);
                if (lineNumber == 1 && !isNumber(cells[0].strip()) && rows.isEmpty()) {
                    for (int c = 0; c < cells.length; c++) {
                        if (unquote(cells[c]).strip().equalsIgnoreCase("id")) {
                            idColumn = c;
                            ids = new ArrayList<>();
                        }
                    }
                    width = cells.length;
                    continue;
                }
                if (width < 0) {
                    width = cells.length;
                }
                if (cells.length != width) {
                    throw new EmbeddingFileException(file, "ragged rows: line " + lineNumber + " has " + cells.length
                            + " values, the first row " + width);
                }
                float[] row = new float[idColumn >= 0 ? width - 1 : width];
                int k = 0;
                for (int c = 0; c < cells.length; c++) {
                    if (c == idColumn) {
                        ids.add(unquote(cells[c]).strip());
                        continue;
                    }
                    row[k++] = parse(file, lineNumber, c, cells[c]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new EmbeddingFileException(file, "cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new EmbeddingFileException(file, "no rows of numbers");
        }
        return new EmbeddingMatrix(file, rows.toArray(float[][]::new), ids, "text",
                HexFormat.of().formatHex(digest.digest()));
    }

    private static float parse(Path file, long line, int column, String cell) {
        String s = cell.strip();
        try {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "nan" -> Float.NaN; // kept: the import skips non-finite rows as problems
                case "inf", "+inf", "infinity" -> Float.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> Float.NEGATIVE_INFINITY;
                default -> Float.parseFloat(s);
            };
        } catch (NumberFormatException e) {
            throw new EmbeddingFileException(file, "line " + line + ", column " + (column + 1) + ": '" + s
                    + "' is not a number");
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            Float.parseFloat(s);
            return true;
        } catch (NumberFormatException e) {
            return s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("-inf");
        }
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** Splits on the separator; numbers need no CSV quoting, so a plain split is exact here. */
    static String[] split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == separator) {
                cells.add(line.substring(start, i));
                start = i + 1;
            }
        }
        cells.add(line.substring(start));
        return cells.toArray(String[]::new);
    }
}
