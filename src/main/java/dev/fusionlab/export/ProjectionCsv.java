package dev.fusionlab.export;

import dev.fusionlab.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Reads and writes 2D layouts as {@code id,x,y} CSV: the sidecar of every plot. */
public final class ProjectionCsv {

    private ProjectionCsv() {
    }

    public static void write(Path file, List<String> ids, double[][] points) throws IOException {
        if (ids.size() != points.length) {
            throw new IllegalArgumentException(ids.size() + " ids for " + points.length + " points");
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                csv.printRecord("id", "x", "y");
                for (int i = 0; i < points.length; i++) {
                    csv.printRecord(ids.get(i), format(points[i][0]), format(points[i][1]));
                }
            }
        });
    }

    /** Reads the id column of an {@code ids.csv} (header {@code id}, one id a row). */
    public static List<String> readIds(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).stream()
                    .map(rec -> rec.get(0)).toList();
        }
    }

    public static void writeIds(Path file, List<String> ids) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                csv.printRecord("id");
                for (String id : ids) {
                    csv.printRecord(id);
                }
            }
        });
    }

    /** Reads a layout back: rows of {@code [x, y]} in file order. */
    public static double[][] readPoints(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
            double[][] points = new double[records.size()][];
            for (int i = 0; i < points.length; i++) {
                points[i] = new double[] {Double.parseDouble(records.get(i).get("x")), Double.parseDouble(records.get(i).get("y"))};
            }
            return points;
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
